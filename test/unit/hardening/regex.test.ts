// Every regular expression in the product is checked for catastrophic backtracking (ReDoS):
// literals are found in the TypeScript sources, and patterns built at run time with
// `new RegExp(...)` are recorded while the engine analyses both seeds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { checkSync } from 'recheck';

const root = path.resolve(__dirname, '../../../..');
const srcDir = path.join(root, 'server/src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []);
}

interface Found { where: string; source: string; flags: string }

function literalRegexes(): Found[] {
  const out: Found[] = [];
  for (const f of files(srcDir)) {
    const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const last = text.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
        out.push({ where: `${path.relative(root, f)}:${line + 1}`, source: text.slice(1, last), flags: text.slice(last + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

function verdict(r: Found): string | null {
  // recheck does not know the `d`/`y` flags' irrelevance; keep only flags it understands
  const flags = r.flags.replace(/[^gimsuy]/g, '');
  const res = checkSync(r.source, flags, { timeout: 10000 });
  if (res.status === 'vulnerable') return `${r.where}: /${r.source}/${r.flags} is vulnerable (${'attack' in res ? JSON.stringify((res as { attack?: { string?: string } }).attack?.string?.slice(0, 40)) : ''})`;
  if (res.status === 'unknown') return `${r.where}: /${r.source}/${r.flags} could not be checked (${(res as { error?: { kind?: string } }).error?.kind ?? 'unknown'})`;
  return null;
}

suite('hardening: regular expressions (ReDoS)', () => {
  test('every regex literal in server/src is free of catastrophic backtracking', function () {
    this.timeout(300000);
    const found = literalRegexes();
    assert.ok(found.length > 0, 'no regex literals found: the scan is broken');
    const bad = found.map(verdict).filter((x): x is string => x !== null);
    assert.deepStrictEqual(bad, []);
  });

  test('every regex the engine builds at run time is free of catastrophic backtracking', async function () {
    this.timeout(300000);
    const recorded: Found[] = [];
    const Original = RegExp;
    const Recording = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        const [p, fl] = args;
        const source = typeof p === 'string' ? p : p.source;
        const flags = fl ?? (typeof p === 'string' ? '' : p.flags);
        if (!recorded.some(r => r.source === source && r.flags === flags)) recorded.push({ where: 'new RegExp', source, flags });
        return new target(p, fl);
      },
    });
    (globalThis as { RegExp: RegExpConstructor }).RegExp = Recording as RegExpConstructor;
    try {
      const engine = await import('../../../server/src/engine/index');
      const resMod = await import('../../../server/src/engine/resources');
      const wsMod = await import('../../../server/src/engine/workspace');
      const load = (resMod as unknown as { loadDefaultResources?: () => import('../../../server/src/engine/resources').Resources }).loadDefaultResources;
      const resources = load ? load() : resMod.noResources;
      const config = engine.resolveConfig({});
      for (const f of fs.readdirSync(path.join(root, 'seeds')).filter(n => n.endsWith('.txt'))) {
        const doc = engine.parseDocument(f, fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
        engine.lint(doc, config, { resources });
        engine.documentSymbols(doc, { workspace: wsMod.emptyWorkspace, resources, locale: 'en' });
      }
    } finally {
      (globalThis as { RegExp: RegExpConstructor }).RegExp = Original;
    }
    const bad = recorded.map(verdict).filter((x): x is string => x !== null);
    assert.deepStrictEqual(bad, []);
  });
});
