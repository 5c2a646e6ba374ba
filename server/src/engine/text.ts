// SourceText: the user's original text plus a normalised "analysis" view.
//
// Analysis text = NFC, with look-alike letters of other alphabets read as the Latin letters they
// are drawn like: Ð/ð (U+00D0/U+00F0, Icelandic eth) as Đ/đ everywhere, and a Cyrillic or Greek
// letter drawn like a Latin one ("у", "Т") as that letter where it stands beside a Latin letter
// (a word that mixes two scripts: "quуết", "Тhường"); and without the invisible characters that
// text copied from web pages, word processors and PDFs carries inside words (a soft hyphen, a
// zero-width space or joiner: "ph\u200bố" is read as "phố", not as "ph" and "ố"). Every analysis
// offset maps back to an original offset, so findings are always reported in the user's text
// (decomposed diacritics, CRLF, BOM); the look-alikes read and the invisible characters left out
// are listed (SourceText.lookalikes, SourceText.hidden) for the checks that report them.
import type { Position, Range } from './types';

/**
 * Cyrillic and Greek letters drawn exactly like a Latin letter, and that letter. A word of Latin
 * letters with one of these in it was pasted or typed with another keyboard layout, and no search
 * for the word finds it; a word written in Cyrillic or Greek alone is left as it is.
 */
export const SCRIPT_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic capitals, then small letters
  ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'], ['О', 'O'], ['Р', 'P'], ['С', 'C'],
  ['Т', 'T'], ['Х', 'X'], ['У', 'Y'], ['І', 'I'], ['Ј', 'J'], ['Ѕ', 'S'],
  ['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ј', 'j'],
  ['ѕ', 's'], ['һ', 'h'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'],
  // Greek capitals and omicron
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'],
  ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'], ['ο', 'o'],
]);

/**
 * Invisible characters that the analysis text leaves out: soft hyphen, zero-width space,
 * non-joiner and joiner, word joiner. Each belongs to the unit before it (as a mark does), so a
 * word with one inside maps back to one range of the user's text, invisible character included.
 */
export const HIDDEN_CHARACTERS = '\u00ad\u200b\u200c\u200d\u2060';
/** Any one of them (global: for replace and match, which start from the beginning whatever lastIndex is). */
export const HIDDEN_RE = new RegExp(`[${HIDDEN_CHARACTERS}]`, 'g');
function isHidden(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

/**
 * A text with none of these is its own analysis text (when it is NFC): marks, Ð/ð, the invisible
 * characters, and the Greek and Cyrillic blocks (where the look-alikes are). Written as ranges: a
 * class of the look-alikes one by one made the test on every re-check four times slower (0.42
 * against 0.13 ms on a 60 KB bulletin).
 */
const NEEDS_WORK = /[\u0300-\u036f\u00d0\u00f0\u00ad\u200b-\u200d\u2060\u0370-\u03ff\u0400-\u052f]/;

/** Code units SourceText may read as another letter: 1 = always (Ð, ð), 2 = beside a Latin letter. */
const LOOKALIKE = new Uint8Array(65536);
LOOKALIKE[0xd0] = LOOKALIKE[0xf0] = 1;
for (const k of SCRIPT_LOOKALIKES.keys()) LOOKALIKE[k.charCodeAt(0)] = 2;

/** The Latin letter a look-alike of another alphabet is read as (Ð -> Đ, Cyrillic у -> y), or undefined. */
export function lookalikeLetter(ch: string): string | undefined {
  return ch === '\u00d0' ? '\u0110' : ch === '\u00f0' ? '\u0111' : SCRIPT_LOOKALIKES.get(ch);
}

/** A letter of the Latin script (ASCII, Latin-1, Latin Extended-A/B, Latin Extended Additional). */
function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/**
 * The Latin letter the unit at `original[i]` is read as, or undefined: Ð/ð always; a Cyrillic or
 * Greek look-alike when the letter before it (past any marks) or the unit after its marks, at
 * `after`, is a Latin letter.
 */
function lookalikeAt(original: string, i: number, after: number): string | undefined {
  const c = original.charCodeAt(i);
  const kind = LOOKALIKE[c]!;
  if (kind === 0) return undefined;
  if (kind === 1) return lookalikeLetter(original[i]!);
  let p = i - 1;
  while (p >= 0 && (isCombining(original.charCodeAt(p)) || isHidden(original.charCodeAt(p)))) p--;
  if ((p >= 0 && isLatinLetter(original.charCodeAt(p))) || (after < original.length && isLatinLetter(original.charCodeAt(after)))) {
    return SCRIPT_LOOKALIKES.get(original[i]!);
  }
  return undefined;
}

/** Per UTF-16 code unit: 0 = not yet known, 1 = it may attach to the unit before it, 2 = it does not. */
const ATTACH = new Uint8Array(65536);
/**
 * A unit NFC may compose with the one before it or reorder: a combining mark of any script (every
 * character NFC composes with a preceding one is a mark, but for the Hangul vowel and final jamo)
 * or one of those jamo. (Marks outside the BMP, written as surrogate pairs, are not seen here.)
 */
function isCombining(c: number): boolean {
  let v = ATTACH[c]!;
  if (v === 0) v = ATTACH[c] = (c >= 0x1161 && c <= 0x1175) || (c >= 0x11a8 && c <= 0x11c2) || /\p{M}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

/** Per UTF-16 code unit: 0 = not yet known, 1 = NFC leaves it alone, 2 = it needs work. */
const STABLE = new Uint8Array(65536);
/** A code unit that NFC leaves as it is on its own (not a look-alike SourceText may read as another letter, not half of a surrogate pair). */
function nfcStable(c: number): boolean {
  let v = STABLE[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = STABLE[c] = LOOKALIKE[c] !== 0 || isHidden(c) || (c >= 0xd800 && c <= 0xdfff) || isCombining(c) || ch.normalize('NFC') !== ch ? 2 : 1;
  }
  return v === 1;
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 makes a slice of 13
 * characters or more a view of its whole parent, and a concatenation a pair of pointers, so a
 * paragraph's text kept as a cache key (or a citation's raw text kept in a cached result) keeps
 * the whole document it came from alive: after 40 edits of a 1 MB bulletin, 24 old versions
 * (40 MB) were held by the caches, whose budgets count only the keys' own length. Every string a
 * cache keeps across versions goes through this.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const NONE: readonly number[] = Object.freeze([]);

export class SourceText {
  readonly original: string;
  /** Normalised text that all analysis runs on. */
  readonly text: string;
  /**
   * Analysis offset -> original offset, as segments (undefined = identity): segment k starts at
   * analysis offset segA[k] and original offset segO[k]; a copied run maps one to one
   * (segO[k] + a - segA[k]), a normalised cluster maps every unit to its start (segConst[k] = 1).
   * The last segment is the text's end (text.length -> original.length). A per-unit Int32Array
   * (stop 44 and before) cost a re-check of an OCR text with a Ð or a decomposed mark in it about
   * 4 ms per 200,000 characters, to write and to collect, where the text has few clusters.
   */
  private readonly segA: Int32Array | undefined;
  private readonly segO: Int32Array | undefined;
  private readonly segConst: Uint8Array | undefined;
  /** The segment toOriginal found last (a hint: findings are converted in order). */
  private lastSeg = 0;
  /**
   * Analysis offsets, ascending, of the letters read from a look-alike of another alphabet (Ð,
   * or a Cyrillic or Greek letter in a Latin word): each is the first unit of its cluster, and
   * toOriginal gives the look-alike's own offset. Read only.
   */
  readonly lookalikes: readonly number[] = NONE;
  /**
   * Analysis offsets, ascending, where invisible characters of the original (HIDDEN_CHARACTERS)
   * were left out: each is the offset just after the cluster they belong to (a word with one
   * inside has one here between two of its letters). Read only.
   */
  readonly hidden: readonly number[] = NONE;
  /** Original offsets of line starts. */
  private readonly lineStarts: number[];
  /** lineBreaks(original); and of the analysis text, when it differs, made on first use. */
  private readonly origBreaks: number[];
  private textBreaks: number[] | undefined;
  /** The line positionAtOriginal found last (a hint for the next look-up). */
  private lastLine = 0;

  constructor(original: string) {
    this.original = original;
    if (!NEEDS_WORK.test(original) && original === original.normalize('NFC')) {
      this.text = original;
    } else {
      // Cluster = a unit plus the units after it that may attach to it (isCombining); NFC
      // composes and reorders only inside such clusters, so normalising per cluster is exact and
      // keeps an offset map. Runs of characters that NFC leaves alone (nearly all of a text) are
      // copied whole.
      const n = original.length;
      const pieces: string[] = [];
      const segA: number[] = [], segO: number[] = [], segConst: number[] = [];
      const lookalikes: number[] = [], hidden: number[] = [];
      let o = 0, run = 0, i = 0;
      while (i < n) {
        const c = original.charCodeAt(i);
        const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
        if (nfcStable(c) && !isCombining(next) && !isHidden(next)) { i++; continue; }
        if (run < i) { pieces.push(original.slice(run, i)); segA.push(o); segO.push(run); segConst.push(0); o += i - run; }
        let j = i + 1;
        // keep surrogate pairs together
        if (c >= 0xd800 && c <= 0xdbff && j < n) {
          const c2 = original.charCodeAt(j);
          if (c2 >= 0xdc00 && c2 <= 0xdfff) j++;
        }
        // the cluster's marks and invisible characters, noting whether it has any of the latter
        let hides = isHidden(c);
        while (j < n) {
          const cj = original.charCodeAt(j);
          if (isHidden(cj)) hides = true;
          else if (!isCombining(cj)) break;
          j++;
        }
        // a look-alike is read first, so that NFC composes its marks with the letter it is read as
        const read = lookalikeAt(original, i, j);
        let piece = read === undefined ? original.slice(i, j) : read + original.slice(i + 1, j);
        if (hides) piece = piece.replace(HIDDEN_RE, '');
        const norm = piece.normalize('NFC');
        if (read !== undefined) lookalikes.push(o);
        // (where the invisible characters were: after what the cluster reads as)
        if (hides) hidden.push(o + norm.length);
        segA.push(o); segO.push(i); segConst.push(1);
        o += norm.length;
        pieces.push(norm);
        i = run = j;
      }
      if (run < n) { pieces.push(original.slice(run, n)); segA.push(o); segO.push(run); segConst.push(0); o += n - run; }
      segA.push(o); segO.push(n); segConst.push(1);
      this.text = pieces.join('');
      this.segA = Int32Array.from(segA);
      this.segO = Int32Array.from(segO);
      this.segConst = Uint8Array.from(segConst);
      if (lookalikes.length > 0) this.lookalikes = lookalikes;
      if (hidden.length > 0) this.hidden = hidden;
    }
    this.origBreaks = lineBreaks(original);
    this.lineStarts = computeLineStarts(this.origBreaks);
  }

  /**
   * lineBreaks(this.text), shared by whoever needs the analysis text's lines (the parser, the
   * spelling tokenizer): finding them reads the whole text, which a re-check of a 1 MB bulletin
   * did three times. Read only.
   */
  get breaks(): readonly number[] {
    return this.segA === undefined ? this.origBreaks : (this.textBreaks ??= lineBreaks(this.text));
  }

  get isIdentity(): boolean { return this.segA === undefined; }

  /** Original offset of an analysis offset (0..text.length). */
  toOriginal(offset: number): number {
    if (offset < 0) offset = 0;
    const segA = this.segA;
    if (!segA) return Math.min(offset, this.original.length);
    const last = segA.length - 1;
    if (offset >= segA[last]!) return this.original.length;
    // (the last segment is the text's end, past every offset here; an empty segment is never the
    // last one at or before an offset)
    const k = this.lastSeg = lastAtOrBefore(segA, offset, last - 1, this.lastSeg);
    return this.segConst![k] ? this.segO![k]! : this.segO![k]! + offset - segA[k]!;
  }

  /** Analysis offset of an original offset (first analysis unit at or after it). */
  fromOriginal(orig: number): number {
    const segA = this.segA, segO = this.segO;
    if (!segA || !segO) return Math.max(0, Math.min(orig, this.text.length));
    const last = segA.length - 1;
    if (orig <= 0) return 0;
    if (orig >= segO[last]!) return segA[last]!;
    // the last segment starting at or before orig; the original is covered without gaps
    const lo = lastAtOrBefore(segO, orig, last - 1, 0);
    if (orig === segO[lo]!) return segA[lo]!;
    // inside a cluster: all its units map to its start, before orig
    return this.segConst![lo] ? segA[lo + 1]! : segA[lo]! + orig - segO[lo]!;
  }

  get lineCount(): number { return this.lineStarts.length; }

  /** LSP position of an ORIGINAL offset. */
  positionAtOriginal(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.original.length));
    const starts = this.lineStarts;
    // (findings are converted in order of their offsets: the line of the last look-up, or the
    // next one, is tried before a binary search)
    const lo = this.lastLine = lastAtOrBefore(starts, offset, starts.length - 1, this.lastLine);
    // a position never points between \r and \n
    let ch = offset - starts[lo]!;
    const lineEnd = this.lineEndOriginal(lo);
    if (starts[lo]! + ch > lineEnd) ch = lineEnd - starts[lo]!;
    return { line: lo, character: ch };
  }

  /** ORIGINAL offset of an LSP position (clamped to the line). */
  offsetAtPosition(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.original.length;
    const start = this.lineStarts[pos.line]!;
    const end = this.lineEndOriginal(pos.line);
    return Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  /** Original offset where line `line` ends (before its line break). */
  lineEndOriginal(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.original.length;
    let e = next;
    if (e > this.lineStarts[line]! && this.original.charCodeAt(e - 1) === 10) e--;
    if (e > this.lineStarts[line]! && this.original.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  /** LSP range of an ANALYSIS span [start, end). */
  rangeOf(start: number, end: number): Range {
    const s = this.toOriginal(start);
    const e = Math.max(s, this.toOriginal(end));
    return { start: this.positionAtOriginal(s), end: this.positionAtOriginal(e) };
  }

  /** LSP position of an ANALYSIS offset. */
  positionAt(offset: number): Position { return this.positionAtOriginal(this.toOriginal(offset)); }

  /** Analysis offset of an LSP position. */
  offsetAt(pos: Position): number { return this.fromOriginal(this.offsetAtPosition(pos)); }
}

/**
 * The last index k in [0, hi] with a[k] <= x, for a non-decreasing `a` with a[0] <= x: `hint` and
 * the index after it are tried first (look-ups mostly come in order: findings by offset), then a
 * binary search. A hinted index counts only when x is also before the next entry (when k < hi).
 */
function lastAtOrBefore(a: ArrayLike<number>, x: number, hi: number, hint: number): number {
  const holds = (k: number) => k <= hi && a[k]! <= x && (k === hi || x < a[k + 1]!);
  if (holds(hint)) return hint;
  if (holds(hint + 1)) return hint + 1;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid]! <= x) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function computeLineStarts(b: readonly number[]): number[] {
  const starts = [0];
  for (let k = 1; k < b.length; k += 2) starts.push(b[k]!);
  return starts;
}

/**
 * Whether the paragraph caches may cut a paragraph before a line: the line before it,
 * [prevStart, prevEnd), ends a sentence (its last word is letters and a full stop, or ! ? …:
 * endsSentence), and the line's first character other than white space, at `first`, is a capital.
 * OCR text often has no blank line at all (tesseract reading a page as one block), and the caches
 * that work paragraph by paragraph (the spelling tokens, tokens.ts; the citations,
 * citations/chunks.ts) then redid the whole document at every edit: 24 against 14 ms per edit of a
 * 48,000-character OCR text, the same text with a blank line every eight lines. Neither finds
 * anything that reaches across such a line end (after a full stop the tokenizer's state is the one
 * after a blank line: a context break and a sentence start), and both caches keep their promise
 * of exactly what one pass over the whole text gives; their unit tests check it on the seeds and
 * on the seeds with every blank line taken out.
 */
export function sentenceEndsBefore(text: string, prevStart: number, prevEnd: number, first: number): boolean {
  if (first >= text.length) return false;
  const f = charClass(text.charCodeAt(first));
  if (f !== C_UPPER && f !== C_UPPER_OTHER) return false;
  let p = prevEnd;
  while (p > prevStart && isLineSpace(text.charCodeAt(p - 1))) p--;
  const last = text.charCodeAt(p - 1);
  if (p - 2 < prevStart || (last !== 46 && last !== 33 && last !== 63 && last !== 0x2026)) return false;
  // the line's last word, from the space before it
  let w = p - 1;
  while (w > prevStart && !isLineSpace(text.charCodeAt(w - 1))) w--;
  return endsSentence(text, w, p);
}

/**
 * text[w, p) is a word that ends a sentence: letters of the Latin script (with marks), a small
 * letter or a mark last, then at most a closing bracket or quote, then . ! ? or … ("năm nay.",
 * "(phối hợp)."; not "TP.", "180/π.", "2024.": a number or a code may end a line without ending
 * anything for the tokenizer). A word may open with a bracket or quote. The same as the regular
 * expression /^[(“"‘]?[\p{Script=Latin}\p{M}]*(?:(?=\p{Ll})\p{Script=Latin}|\p{M})[)\]"”’»]?[.!?…]$/u,
 * read by a table per code unit: this runs for every line of a text without blank lines.
 */
function endsSentence(text: string, w: number, p: number): boolean {
  let j = p - 2;
  if (j >= w && CLOSING.includes(text[j]!)) j--;
  if (j < w) return false;
  const c = charClass(text.charCodeAt(j));
  if (c !== C_LOWER && c !== C_MARK) return false;
  let k = w;
  if (k < j && OPENING.includes(text[k]!)) k++;
  for (; k < j; k++) {
    const d = charClass(text.charCodeAt(k));
    if (d !== C_LOWER && d !== C_UPPER && d !== C_LATIN && d !== C_MARK) return false;
  }
  return true;
}
const CLOSING = ')]"”’»', OPENING = '(“"‘';
/** Classes of a UTF-16 code unit (charClass): Latin letters small, capital, other; a mark; a capital of another script; anything else. */
const C_LOWER = 1, C_UPPER = 2, C_LATIN = 3, C_MARK = 4, C_UPPER_OTHER = 5, C_NONE = 6;
const CHAR_CLASS = new Uint8Array(65536);
function charClass(c: number): number {
  let v = CHAR_CLASS[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    const latin = /\p{Script=Latin}/u.test(ch);
    v = /\p{M}/u.test(ch) ? C_MARK
      : /\p{Lu}/u.test(ch) ? (latin ? C_UPPER : C_UPPER_OTHER)
      : latin ? (/\p{Ll}/u.test(ch) ? C_LOWER : C_LATIN)
      : C_NONE;
    CHAR_CLASS[c] = v;
  }
  return v;
}
/**
 * The shortest piece a sentence cut may leave on either side of it (UTF-16 units). A cut between
 * two shorter pieces costs more than it saves (each piece is its own look-up, token list and
 * copy): 30,000 one-line sentences cut at every line took 537 ms per edit against 162 uncut. The
 * rule reads only the two pieces beside each cut, as the cuts would be without it, so an edit moves
 * no cut far from itself.
 */
export const MIN_CUT_PIECE = 256;

/**
 * Which of the optional cuts to keep, given every cut in order (`at`, ascending, from 0 to the text's
 * length `n` excluded) and which of them are optional: an optional cut stays when the pieces on
 * both sides of it, between it and the cuts next to it in `at`, are MIN_CUT_PIECE long or longer.
 */
export function keepCut(at: readonly number[], optional: readonly boolean[], n: number): boolean[] {
  return at.map((c, k) => !optional[k] || ((k === 0 ? c : c - at[k - 1]!) >= MIN_CUT_PIECE && (k + 1 < at.length ? at[k + 1]! : n) - c >= MIN_CUT_PIECE));
}

function isLineSpace(c: number): boolean { return c === 32 || c === 9 || c === 13 || c === 0xa0; }

/**
 * The line breaks of `text` (LF, CRLF or a lone CR) as a flat list: the offset where each break
 * starts, then where the next line starts. Found with indexOf rather than by reading every
 * character: every re-check of a document needs them, and a 1 MB bulletin has about 800,000
 * characters but about 10,000 lines.
 */
export function lineBreaks(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let lf = text.indexOf('\n'), cr = text.indexOf('\r');
  if (lf < 0) lf = n;
  if (cr < 0) cr = n;
  while (lf < n || cr < n) {
    if (lf < cr) {
      out.push(lf, lf + 1);
      lf = text.indexOf('\n', lf + 1); if (lf < 0) lf = n;
    } else {
      if (lf === cr + 1 && lf < n) {
        out.push(cr, lf + 1);
        lf = text.indexOf('\n', lf + 1); if (lf < 0) lf = n;
      } else out.push(cr, cr + 1);
      cr = text.indexOf('\r', cr + 1); if (cr < 0) cr = n;
    }
  }
  return out;
}
