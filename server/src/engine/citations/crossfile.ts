// Matching mentions against definitions in other bulletins of the workspace (pure: works on
// the workspace index's analyses).
import type { CitationAnalysis, CitationMention } from './model';
import { definitionOrder as before, type IndexedBulletin, type WorkspaceIndex } from '../workspace';
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

/** The definitions among an analysis's mentions (kept per analysis: only they can define anything). */
const definitionsCache = new WeakMap<CitationAnalysis, CitationMention[]>();
function definitionsOf(a: CitationAnalysis): CitationMention[] {
  let d = definitionsCache.get(a);
  if (!d) definitionsCache.set(a, (d = a.mentions.filter(x => x.resolution === 'definition' && x.key)));
  return d;
}

/**
 * Definitions of what `m` refers to in bulletins other than `selfUri`: dated first, then in a
 * canonical order (by URI, then position), whatever order the index analysed them in (one thread,
 * workers, the server's history).
 */
export function externalDefinitions(ws: WorkspaceIndex, selfUri: string, m: CitationMention): ExternalDefinition[] {
  return externalDefinitionsTop(ws, selfUri, m, Infinity);
}

/**
 * The first `limit` of externalDefinitions, in its order. A folder of bulletins that all cite one
 * resolution in full gives every short mention of it a definition in each of them: a check that
 * names one or a few of them must not go through (or sort, or keep) them all for every mention.
 */
export function externalDefinitionsTop(ws: WorkspaceIndex, selfUri: string, m: CitationMention, limit: number): ExternalDefinition[] {
  // a settled index keeps, per lookup, its definitions in this order: the first few are found at once
  const under = ws.definitionsUnder?.(m, selfUri);
  if (under) {
    const out: ExternalDefinition[] = [];
    for (const x of under) {
      if (out.length >= limit) break;
      if (x.file.uri !== selfUri && couldDefine(x.mention, m)) out.push({ file: x.file, mention: x.mention, key: x.mention.key! });
    }
    return out;
  }
  const files = m.key && ws.filesWithKey ? ws.filesWithKey(m.key, selfUri) : ws.filesDefining ? ws.filesDefining(m, selfUri) : (ws.files?.() ?? []);
  const top: ExternalDefinition[] = [];
  for (const file of files) {
    if (file.uri === selfUri) continue;
    let a;
    try { a = file.citations(); } catch { continue; }
    for (const d of definitionsOf(a)) {
      if (!couldDefine(d, m)) continue;
      const e: ExternalDefinition = { file, mention: d, key: d.key! };
      if (limit === Infinity) { top.push(e); continue; }
      if (top.length >= limit && before(e, top[top.length - 1]!) >= 0) continue;
      // insertion into the few kept, in order
      let k = top.length;
      while (k > 0 && before(e, top[k - 1]!) < 0) k--;
      top.splice(k, 0, e);
      if (top.length > limit) top.pop();
    }
  }
  if (limit === Infinity) top.sort(before);
  return top;
}

/** A short display name for a URI (its last path segment, decoded). */
export function fileLabel(uri: string): string {
  const cut = uri.search(/[?#]/);
  const tail = (cut >= 0 ? uri.slice(0, cut) : uri).split(/[\\/]/).pop() ?? uri;
  try { return decodeURIComponent(tail); } catch { return tail; }
}
