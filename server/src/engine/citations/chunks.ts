// Citation recognition paragraph by paragraph, with a content-keyed cache (issue 5).
//
// A citation never spans a blank line: the scanner's look-behind stops at the line start and its
// look-ahead at the next blank line. Nor does one run on across a line that ends a sentence with
// a word and its full stop into a line that opens with a capital (sentenceEndsBefore, for OCR text
// with no blank line). So the analysis text is cut into chunks at blank lines and such line ends,
// each chunk is recognised on its own, and the results are put back with their offsets, mention
// ids and group ids shifted: exactly what one scan of the whole text gives (a unit test checks it
// on the seeds and the fixtures). Chunks are cached by their text, so re-analysing a document
// after an edit recognises only the paragraph the edit touched, and a paragraph repeated across
// bulletins (or the CLI's copies) is recognised once per process.
import type { Span } from '../parse/model';
import type { BadSymbol, CitationMention } from './model';
import { foldText } from './fold';
import { recognizeWithProblems } from './recognize';
import { detach, keepCut, sentenceEndsBefore } from '../text';

/** What recognition of one chunk gives, with offsets relative to the chunk start. Never mutated. */
interface ChunkResult {
  mentions: CitationMention[];
  badSymbols: BadSymbol[];
  /** Group ids handed out (1..groups). */
  groups: number;
  folded: string;
}

export interface Recognised {
  mentions: CitationMention[];
  badSymbols: BadSymbol[];
  /** The folded text of the whole input (foldText(t)), assembled from the chunks on first read. */
  readonly folded: string;
}

/** Cache: chunk text (plus its skips) -> result; Map order is recency (oldest first). */
const cache = new Map<string, ChunkResult>();
let cacheChars = 0;
/** About 4 M characters of chunk text (8 MB) plus their mentions: several large bulletins. */
const MAX_CACHE_CHARS = 4_000_000;

/** Forget every cached chunk (tests, benchmarks). */
export function clearCitationCache(): void {
  cache.clear();
  cacheChars = 0;
}

/** The first character of the line at `i` that is not a space or a tab. */
function firstWordAt(t: string, i: number): number {
  while (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9) i++;
  return i;
}

function isBlankFrom(t: string, i: number, end: number): boolean {
  for (let k = i; k < end; k++) {
    const c = t.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * Chunks of `t`: [start, end) pairs covering every non-blank line, cut at blank lines (only
 * spaces, tabs, CR) and before a line that opens a sentence after one that ended a sentence
 * (sentenceEndsBefore: OCR text often has no blank line at all; no citation runs on across a
 * full stop at a line's end). What lies between chunks is white space only.
 */
export function chunkSpans(t: string): Span[] {
  const out: Span[] = [];
  // whether each chunk follows the one before at a sentence cut (not a blank line)
  const cut: boolean[] = [];
  const n = t.length;
  let start = -1, last = -1, lineStart = -1, atCut = false;
  let i = 0;
  while (i <= n) {
    let e = t.indexOf('\n', i);
    if (e < 0) e = n;
    if (isBlankFrom(t, i, e)) {
      if (start >= 0) { out.push({ start, end: last }); cut.push(atCut); start = -1; atCut = false; }
    } else {
      if (start >= 0 && sentenceEndsBefore(t, lineStart, last, firstWordAt(t, i))) { out.push({ start, end: last }); cut.push(atCut); start = -1; atCut = true; }
      if (start < 0) start = i;
      last = e;
      lineStart = i;
    }
    i = e + 1;
  }
  if (start >= 0) { out.push({ start, end: last }); cut.push(atCut); }
  if (!cut.includes(true)) return out;
  // (chunks too short to be worth a look-up of their own stay with their neighbours: a sentence
  // cut is kept as the token cache keeps it, by the chunks on either side)
  const keep = keepCut(out.map(c => c.start), cut, n);
  // (the spans are this call's own: a merged one takes the end of the next)
  const merged: Span[] = [];
  for (let k = 0; k < out.length; k++) {
    if (k > 0 && !keep[k]) merged[merged.length - 1]!.end = out[k]!.end;
    else merged.push(out[k]!);
  }
  return merged;
}

function cloneShifted<T>(v: T, delta: number, seen: Map<object, unknown>): T {
  if (v === null || typeof v !== 'object') return v;
  const hit = seen.get(v as object);
  if (hit !== undefined) return hit as T;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    seen.set(v, out);
    for (const x of v) out.push(cloneShifted(x, delta, seen));
    return out as T;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return v; // only plain data is copied
  const out: Record<string, unknown> = {};
  seen.set(v as object, out);
  for (const k of Object.keys(v as object)) out[k] = cloneShifted((v as Record<string, unknown>)[k], delta, seen);
  if (typeof out['start'] === 'number' && typeof out['end'] === 'number') {
    out['start'] = (out['start'] as number) + delta;
    out['end'] = (out['end'] as number) + delta;
  }
  return out as T;
}

function recogniseChunk(text: string, skips: Span[]): ChunkResult {
  const folded = foldText(text);
  const r = recognizeWithProblems(text, folded, { skips });
  return { mentions: r.mentions, badSymbols: r.badSymbols, groups: r.groups, folded };
}

function cached(text: string, skips: Span[]): ChunkResult {
  const key = skips.length ? text + '\u0000' + skips.map(s => `${s.start},${s.end}`).join(';') : text;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // the key and everything recognised in the chunk (raw texts are slices of it) must not keep
  // this version of the document alive
  const own = detach(text);
  const r = recogniseChunk(own, skips);
  cache.set(skips.length ? detach(key) : own, r);
  cacheChars += key.length + 64;
  if (cacheChars > MAX_CACHE_CHARS) {
    for (const [k] of cache) {
      cache.delete(k);
      cacheChars -= k.length + 64;
      if (cacheChars <= MAX_CACHE_CHARS * 0.75) break;
    }
  }
  return r;
}

/** Recognise every citation of `t` (as recognizeWithProblems on the whole text), chunk by chunk. */
export function recognizeChunked(t: string, skips: readonly Span[] = []): Recognised {
  const mentions: CitationMention[] = [];
  const badSymbols: BadSymbol[] = [];
  const folded: string[] = [];
  let pos = 0;
  let groupBase = 0;
  let si = 0;
  for (const c of chunkSpans(t)) {
    folded.push(t.slice(pos, c.start)); // white space folds to itself
    while (si < skips.length && skips[si]!.end <= c.start) si++;
    const local: Span[] = [];
    for (let k = si; k < skips.length && skips[k]!.start < c.end; k++) {
      const s = skips[k]!;
      local.push({ start: Math.max(0, s.start - c.start), end: Math.min(c.end, s.end) - c.start });
    }
    const r = cached(t.slice(c.start, c.end), local);
    folded.push(r.folded);
    const idBase = mentions.length;
    const seen = new Map<object, unknown>();
    for (const m0 of r.mentions) {
      const m = cloneShifted(m0, c.start, seen);
      m.id += idBase;
      if (m.aliasOf !== undefined) m.aliasOf += idBase;
      if (m.group !== undefined) m.group += groupBase;
      mentions.push(m);
    }
    for (const b of r.badSymbols) badSymbols.push({ ...b, start: b.start + c.start, end: b.end + c.start });
    groupBase += r.groups;
    pos = c.end;
  }
  folded.push(t.slice(pos));
  // (joined only when read: the checks read the folded text around a few citations, through
  // a FoldedView, and a 1 MB bulletin's join took about 4 ms of each re-check)
  let joined: string | undefined;
  return { mentions, badSymbols, get folded() { return (joined ??= folded.join('')); } };
}
