// spelling.misread-term: a term outside the Vietnamese lexicon (a product or organisation name,
// an English word) written once, where OCR could have made it from a term the same document
// writes at least MIN_COUNT times ("LibreOtfice" beside four "LibreOffice", "Tirle" beside
// "Title"). No word list knows such terms, and the syllable checks leave words that cannot be
// Vietnamese alone; the document itself is the evidence. OCR damages one occurrence of a
// repeated term and reads the others right.
import type { Span } from '../../parse/model';
import type { Checker } from '../../vietnamese/checker';
import type { SpellingModel } from '../../vietnamese/model';
import { groupStarts, letterCounts, letterDifference, MAX_LETTER_CHANGE, ocrDistanceWith } from '../../vietnamese/ocrDistance';

export { ocrDistance } from '../../vietnamese/ocrDistance';
import { hasVietnameseMarks } from '../../vietnamese/orthography';
import { F_NUM, F_STRAY, type TokenList } from './tokens';

/** A Roman numeral in capitals ("XIII"): never a term, and never an acronym to repair. */
export const ROMAN = /^[IVXLCDM]+$/;

/** Share of the document's words that are Vietnamese syllables with marks (0.7-0.9 in Vietnamese text, 0 in English). */
export const MIN_VIETNAMESE_SHARE = 0.5;
/** The document writes the term at least this often... */
export const MIN_COUNT = 4;
/** ... and the suspect form exactly once; both are at least this long. */
export const MIN_LENGTH = 4;

export interface MisreadTerm {
  span: Span;
  word: string;
  term: string;
  /** How often the document writes the term. */
  count: number;
  /** OCR edit distance (see ocrDistance). */
  distance: number;
}

/** Lower case, without diacritics (OCR adds marks to Latin words: "LábrcOllice"), đ as d. */
export function plainLower(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');
}

/** The distance allowed between two words, by the shorter one's length. */
export function allowedDistance(len: number): number {
  return len >= 8 ? 3 : len >= 6 ? 2 : 1;
}

/** What a block of tokens contributes to the check (cached with the block, see analyzeCached). */
export interface BlockTerms {
  /** Tokens (index relative to the block) that may be a term: no syllable, long enough, not a Roman numeral. */
  terms: Int32Array;
  /** Words (tokens that are no number and no stray mark), and how many are Vietnamese syllables with marks. */
  words: number;
  vietnamese: number;
  /** Lines (relative to the block's first token's line) with a Vietnamese syllable with marks. */
  vietLines: Int32Array;
}

const marksCache = new WeakMap<SpellingModel, Uint8Array>();
/** 1 per lexicon syllable with Vietnamese marks. */
function marksOf(m: SpellingModel): Uint8Array {
  let v = marksCache.get(m);
  if (!v) {
    v = Uint8Array.from(m.syllables, s => (hasVietnameseMarks(s) ? 1 : 0));
    marksCache.set(m, v);
  }
  return v;
}

/**
 * The block's share of the evidence. `ids` holds the lexicon id of each known syllable of the
 * block (-1 for the other tokens): those are Vietnamese and never terms, so only the rest is cut
 * into strings.
 */
export function blockTerms(tokens: TokenList, from: number, to: number, checker: Checker, ids: Int32Array): BlockTerms {
  const { flags, start, end, line } = tokens;
  const marks = marksOf(checker.model);
  const terms: number[] = [], lines: number[] = [];
  let words = 0, vietnamese = 0;
  const line0 = line[from]!;
  for (let i = from; i < to; i++) {
    if (flags[i]! & (F_NUM | F_STRAY)) continue;
    words++;
    const id = ids[i - from]!;
    let viet: boolean;
    if (id >= 0) viet = marks[id] === 1;
    else {
      const w = tokens.text(i);
      const t = checker.typeInfo(w.toLowerCase());
      viet = t.valid && t.marks;
      if (!t.valid && end[i]! - start[i]! >= MIN_LENGTH && !ROMAN.test(w)) terms.push(i - from);
    }
    if (viet) {
      vietnamese++;
      const rl = line[i]! - line0;
      if (lines[lines.length - 1] !== rl) lines.push(rl);
    }
  }
  return { terms: Int32Array.from(terms), words, vietnamese, vietLines: Int32Array.from(lines) };
}

/** The blocks' evidence gathered for a whole document (absolute token indices and lines). */
export interface DocTerms {
  terms: number[];
  words: number;
  vietnamese: number;
  vietLines: Set<number>;
}

export function emptyDocTerms(): DocTerms {
  return { terms: [], words: 0, vietnamese: 0, vietLines: new Set() };
}

/** Add a block (first token `from`) to the document's evidence. */
export function addBlockTerms(doc: DocTerms, b: BlockTerms, tokens: TokenList, from: number): void {
  doc.words += b.words;
  doc.vietnamese += b.vietnamese;
  for (const t of b.terms) doc.terms.push(from + t);
  const line0 = tokens.line[from]!;
  for (const l of b.vietLines) doc.vietLines.add(line0 + l);
}

/**
 * Terms of the document that are probably misreadings of a term it repeats. `reported` says
 * whether another spelling finding already covers a span; `isUserWord` takes a lower-case word.
 */
export function misreadTerms(tokens: TokenList, ev: DocTerms, reported: (start: number, end: number) => boolean,
  isUserWord: (lower: string) => boolean): MisreadTerm[] {
  // the check is for Vietnamese text: in an English one, a word written once beside a similar
  // frequent word is usually another English word ("some" / "same", "fine" / "line"); and the
  // suspect's own line must have Vietnamese on it
  if (ev.terms.length === 0 || ev.vietnamese < MIN_VIETNAMESE_SHARE * ev.words) return [];
  const { start, end } = tokens;
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const i of ev.terms) {
    const w = tokens.text(i);
    const c = counts.get(w);
    counts.set(w, (c ?? 0) + 1);
    if (c === undefined) firstAt.set(w, i);
  }
  // the repeated terms: plain Latin letters only (a Vietnamese word is the syllable checks' job)
  const terms: { term: string; plain: string; count: number; letters: Uint16Array; groups: Int32Array }[] = [];
  for (const [w, c] of counts) {
    if (c < MIN_COUNT) continue;
    const plain = plainLower(w);
    if (plain === w.toLowerCase() && /^[a-z]+$/.test(plain)) terms.push({ term: w, plain, count: c, letters: letterCounts(plain), groups: groupStarts(plain) });
  }
  if (terms.length === 0) return [];
  const out: MisreadTerm[] = [];
  for (const [w, c] of counts) {
    if (c !== 1) continue;
    const lower = w.toLowerCase();
    if (isUserWord(lower)) continue;
    const i = firstAt.get(w)!;
    if (!ev.vietLines.has(tokens.line[i]!) || reported(start[i]!, end[i]!)) continue;
    const plain = plainLower(w);
    const letters = letterCounts(plain), groups = groupStarts(plain);
    let best: { term: string; count: number; distance: number } | null = null;
    for (const t of terms) {
      let dist: number;
      if (t.plain === plain) {
        // the same letters in another case is no misreading; with marks added ("LibreÓffice"), it is
        if (lower === t.term.toLowerCase()) continue;
        dist = 0;
      } else {
        // one is the other with a prefix or an ending ("option" / "options"): a word form
        if (t.plain.startsWith(plain) || plain.startsWith(t.plain) || t.plain.endsWith(plain) || plain.endsWith(t.plain)) continue;
        const max = allowedDistance(Math.min(plain.length, t.plain.length));
        if (Math.abs(plain.length - t.plain.length) * 2 > max + 2 || letterDifference(letters, t.letters) > MAX_LETTER_CHANGE * max) continue;
        dist = ocrDistanceWith(plain, groups, t.plain, t.groups, max);
        if (dist > max) continue;
      }
      if (!best || dist < best.distance || (dist === best.distance && t.count > best.count)) best = { term: t.term, count: t.count, distance: dist };
    }
    if (best) out.push({ span: { start: start[i]!, end: end[i]! }, word: w, ...best });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
