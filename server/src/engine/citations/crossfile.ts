// Matching mentions against definitions in other bulletins of the workspace (pure: works on
// the workspace index's analyses).
import type { CitationMention } from './model';
import type { IndexedBulletin, WorkspaceIndex } from '../workspace';
import { effectiveCanonical, issuerCompatible, keyPrefix } from './resolve';

export interface ExternalDefinition {
  file: IndexedBulletin;
  mention: CitationMention;
  key: string;
}

const Q = new Set(['QĐ', 'QĐi', 'QyĐ']);
function prefixOk(a: string, b: string): boolean { return a === b || (Q.has(a) && Q.has(b)); }

/** Could `def` (a definition) be what `m` (any mention) refers to? */
export function couldDefine(def: CitationMention, m: CitationMention): boolean {
  if (def.resolution !== 'definition' || !def.key) return false;
  if (m.key) return def.key === m.key;
  if (m.symbol) {
    return effectiveCanonical(def) === effectiveCanonical(m) && (!m.typeWord || prefixOk(keyPrefix(def), keyPrefix(m)));
  }
  if (m.bareNumber && m.typeWord && def.symbol) {
    return prefixOk(keyPrefix(def), m.typeWord.code) && String(Number(def.symbol.number)) === m.bareNumber.value && issuerCompatible(def.issuer, m.issuer);
  }
  return false;
}

/** Definitions of what `m` refers to in bulletins other than `selfUri`, dated ones first. */
export function externalDefinitions(ws: WorkspaceIndex, selfUri: string, m: CitationMention): ExternalDefinition[] {
  const files = m.key && ws.filesWithKey ? ws.filesWithKey(m.key, selfUri) : ws.filesDefining ? ws.filesDefining(m, selfUri) : (ws.files?.() ?? []);
  const out: ExternalDefinition[] = [];
  for (const file of files) {
    if (file.uri === selfUri) continue;
    let a;
    try { a = file.citations(); } catch { continue; }
    for (const d of a.mentions) if (couldDefine(d, m)) out.push({ file, mention: d, key: d.key! });
  }
  // dated first, then in a canonical order (by URI, then position): the index's own order
  // depends on which bulletin was analysed first (one thread, workers, the server's history)
  out.sort((x, y) => Number(!!y.mention.date) - Number(!!x.mention.date)
    || (x.file.uri < y.file.uri ? -1 : x.file.uri > y.file.uri ? 1 : 0)
    || x.mention.span.start - y.mention.span.start);
  return out;
}

/** A short display name for a URI (its last path segment, decoded). */
export function fileLabel(uri: string): string {
  const cut = uri.search(/[?#]/);
  const tail = (cut >= 0 ? uri.slice(0, cut) : uri).split(/[\\/]/).pop() ?? uri;
  try { return decodeURIComponent(tail); } catch { return tail; }
}
