// `bulletin-ls outline`: the same document symbols the editor's Outline view shows.
import { documentSymbols, type OutlineItem } from '../engine/index';
import { workspaceOf } from './workspace';
import type { Options } from './args';
import type { CliIO } from './io';
import { readDocuments } from './read';
import { foldLines } from './formatters/text';
import { Setups, resourcesFor } from './setup';

function plain(s: OutlineItem): OutlineItem {
  const o: OutlineItem = { name: s.name, kind: s.kind, range: s.range, selectionRange: s.selectionRange, children: s.children.map(plain) };
  if (s.detail !== undefined) o.detail = s.detail;
  return o;
}

function textTree(items: OutlineItem[], depth: number, out: string[]): void {
  for (const s of items) {
    const p = s.selectionRange.start;
    out.push(`${'  '.repeat(depth)}${foldLines(s.name)} [${s.kind}] ${p.line + 1}:${p.character + 1}`);
    textTree(s.children, depth + 1, out);
  }
}

export async function runOutline(opts: Options, io: CliIO, locale: 'en' | 'vi'): Promise<number> {
  const { docs, failures } = await readDocuments(opts.inputs, io);
  const setups = new Setups(io.cwd, undefined, locale);
  const workspace = workspaceOf(docs.map(d => ({ uri: d.doc.uri, text: d.text })));
  const files = docs.map(d => {
    const env = { workspace, resources: resourcesFor(setups.forFile(d.abs)), locale };
    return { path: d.path, symbols: documentSymbols(d.doc, env).map(plain) };
  });
  for (const p of failures) io.stderr.write(`bulletin-ls: ${p.path}: ${p.reason}\n`);
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify({ version: 1, files }) + '\n');
  } else {
    const out: string[] = [];
    for (const f of files) {
      out.push(f.path);
      textTree(f.symbols, 1, out);
    }
    if (out.length) io.stdout.write(out.join('\n') + '\n');
  }
  return failures.length ? 2 : 0;
}
