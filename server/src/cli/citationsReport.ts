// Until the citation engine's report builder (engine/citations/report.ts) lands, an empty report
// with the contract's shape. Replaced by a re-export when it exists.
import type { BulletinDocument, Range, Resources } from '../engine/index';

export interface CitationsReport {
  version: 1;
  documents: { key: string; type: string; number: string; issuer?: string; date?: string; subject?: string; definition?: { path: string; range: Range } }[];
  mentions: { path: string; range: Range; text: string; kind: 'full' | 'short' | 'alias'; key: string | null }[];
}

export function citationsReport(_files: { path: string; doc: BulletinDocument }[], _env: { resources: Resources; locale: 'en' | 'vi' }): CitationsReport {
  return { version: 1, documents: [], mentions: [] };
}

export function formatCitationsText(r: CitationsReport): string {
  const lines = r.mentions.map(m => `${m.path}:${m.range.start.line + 1}:${m.range.start.character + 1}: ${m.kind} ${m.text} -> ${m.key ?? 'unresolved'}`);
  lines.push(`${r.documents.length} documents, ${r.mentions.length} mentions`);
  return lines.join('\n') + '\n';
}
