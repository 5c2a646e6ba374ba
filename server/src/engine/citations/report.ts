// The report of `bulletin-ls citations` (cli-contract.md): every citation in the given files and
// what it resolves to, resolved across all the files given (a short form left unresolved in its
// own bulletin takes the key of a unique full citation in another given file, or in the user
// catalogue). Pure: the CLI reads the files and prints the result.
import type { BulletinDocument } from '../parse/model';
import type { Range } from '../types';
import type { Resources } from '../resources';
import type { CitationAnalysis, CitationMention } from './model';
import { analyzeCitations, definitionOf } from './resolve';
import { couldDefine } from './crossfile';
import { catalogueMatches } from './catalogue';

export interface CitationsReportDocument {
  key: string;
  type: string;
  number: string;
  issuer?: string;
  date?: string;
  subject?: string;
  definition?: { path: string; range: Range };
}

export interface CitationsReportMention {
  path: string;
  range: Range;
  text: string;
  kind: 'full' | 'short' | 'alias';
  key: string | null;
}

export interface CitationsReport {
  version: 1;
  documents: CitationsReportDocument[];
  mentions: CitationsReportMention[];
}

export interface ReportEnv { resources: Resources; locale: 'en' | 'vi' }

function kindOf(m: CitationMention): 'full' | 'short' | 'alias' {
  if (m.kind === 'alias') return 'alias';
  if (m.kind === 'full') return 'full';
  if (m.kind === 'named') return m.named?.full ? 'full' : 'short';
  return 'short';
}

export function citationsReport(files: { path: string; doc: BulletinDocument }[], env: ReportEnv): CitationsReport {
  const analysed: { path: string; doc: BulletinDocument; a: CitationAnalysis }[] = files.map(f => ({ ...f, a: analyzeCitations(f.doc) }));
  // definitions of every file, for cross-file resolution
  const defs: { file: number; m: CitationMention }[] = [];
  analysed.forEach((f, i) => { for (const m of f.a.mentions) if (m.resolution === 'definition') defs.push({ file: i, m }); });

  const documents = new Map<string, CitationsReportDocument & { dated: boolean }>();
  const mentions: CitationsReportMention[] = [];
  analysed.forEach((f, i) => {
    for (const m of f.a.mentions) {
      let key = m.key;
      if (!key && m.resolution === 'unresolved') {
        const keys = new Set(defs.filter(d => d.file !== i && couldDefine(d.m, m)).map(d => d.m.key!));
        if (keys.size === 1) key = [...keys][0]!;
        else if (keys.size === 0) {
          const cat = catalogueMatches(m, env.resources.documents, m.typeWord?.code ?? m.symbol?.typeCode);
          if (cat.length === 1) key = cat[0]!.key;
        }
      }
      mentions.push({ path: f.path, range: f.doc.source.rangeOf(m.span.start, m.span.end), text: m.text, kind: kindOf(m), key });
    }
    for (const d of f.a.documents.values()) {
      const def = definitionOf(f.a.mentions, d.key);
      const old = documents.get(d.key);
      const dated = !!d.date;
      if (old && (old.dated || !dated || !def)) {
        old.issuer ??= d.issuer; old.date ??= d.date; old.subject ??= d.subject;
        continue;
      }
      const entry: CitationsReportDocument & { dated: boolean } = { key: d.key, type: d.typeName, number: d.symbol, dated };
      if (d.issuer ?? old?.issuer) entry.issuer = d.issuer ?? old?.issuer;
      if (d.date) entry.date = d.date;
      if (d.subject ?? old?.subject) entry.subject = d.subject ?? old?.subject;
      if (def) entry.definition = { path: f.path, range: f.doc.source.rangeOf(def.span.start, def.span.end) };
      else if (old?.definition) entry.definition = old.definition;
      documents.set(d.key, entry);
    }
  });
  // documents known only through the catalogue that a mention resolved to
  for (const mm of mentions) {
    if (!mm.key || documents.has(mm.key)) continue;
    const k = env.resources.documents.find(d => d.key === mm.key);
    if (!k) continue;
    const entry: CitationsReportDocument & { dated: boolean } = { key: k.key, type: k.type, number: k.number, dated: !!k.date };
    if (k.issuer) entry.issuer = k.issuer;
    if (k.date) entry.date = k.date;
    if (k.title) entry.subject = k.title;
    documents.set(k.key, entry);
  }
  return {
    version: 1,
    documents: [...documents.values()].map(({ dated: _d, ...rest }) => rest),
    mentions,
  };
}

/** `citations --format text`: one line per mention, then a summary line. */
export function formatCitationsText(r: CitationsReport): string {
  const lines: string[] = [];
  for (const m of r.mentions) {
    lines.push(`${m.path}:${m.range.start.line + 1}:${m.range.start.character + 1}: ${m.kind} ${m.key ?? 'UNRESOLVED'}  ${m.text}`);
  }
  const unresolved = r.mentions.filter(m => m.key === null).length;
  lines.push(`${r.documents.length} document${r.documents.length === 1 ? '' : 's'}, ${r.mentions.length} mention${r.mentions.length === 1 ? '' : 's'}, ${unresolved} unresolved`);
  return lines.join('\n') + '\n';
}
