// Tokenizer for the spelling checks: letter runs of the analysis text, with what is around them.
// Only letter runs are tokens; numbers, document symbols (26-NQ/TU), URLs, e-mail addresses,
// HTML tags, code spans and the document model's skip spans are never checked, and they break
// the context (a token next to them has no neighbour on that side).
import type { BulletinDocument, Span } from '../../parse/model';
import { memo } from '../../parse/model';
import { hasForeignMarks, hasVietnameseMarks, isValidSyllable } from '../../vietnamese/orthography';
import { detach, keepCut, lineBreaks, sentenceEndsBefore } from '../../text';
import { foldText } from '../../citations/fold';
import type { SpellingModel } from '../../vietnamese/model';

export interface Token extends Span {
  /** The token as written (analysis text). */
  text: string;
  lower: string;
  /** No usable left neighbour (punctuation, line start after a blank line, skipped text). */
  breakBefore: boolean;
  /** No usable right neighbour. */
  breakAfter: boolean;
  /** First token of a sentence (capitalisation there says nothing). */
  sentenceStart: boolean;
  /** The token's line is written in capitals (headings): capitals say nothing there. */
  upperLine: boolean;
  /** Never checked (acronym, Roman numeral...), but kept as context. */
  skip: boolean;
  /** 0-based line. */
  line: number;
  /** A number (context only, never checked): lower is "0". */
  num?: boolean;
  /** A number OCR damaged with look-alike letters ("2I"): its digit reading, '' when unsure. */
  numFix?: string;
  /** A capital and a number ("B7", "6S") that may be a code ("G7", "B2") or a number OCR wrote
   * with a letter for a digit: its digit reading ('' when unsure), reported only where the
   * neighbours count something (F_CODE_NUM). */
  codeNum?: string;
  /** The first or the last token of its line (F_LINE_EDGE). */
  lineEdge?: boolean;
  /** A mark standing alone ("ˆ", "˜"): what OCR leaves of a diacritic it tore off a letter. */
  stray?: boolean;
  /** ... or a letter standing alone where no word can be (a speck of the scan): also stray. */
  speck?: boolean;
  /** A word with Vietnamese marks and a capital after its first letter ("ĐIểm", "kếU", "nútThêm"). */
  mixed?: boolean;
  /** A number and a word with marks run together ("11năm", "đạt91%"): skipped as context, reported. */
  glued?: boolean;
  /** Joined to its chunk's other characters by a hyphen, dot, apostrophe... ("apt-get", ".git",
   * "--data"): part of a compound or of code, not a word standing between clauses. */
  attached?: boolean;
  /** Followed directly by a comma that ends its chunk ("sở," in "các sở, ban, ngành"). */
  commaAfter?: boolean;
  /** Joined by a hyphen to a letter on either side: a syllable of a transliterated name or word
   * ("Bơ-mu-đa", "Ma-lai-xi-a", "ra-đi-ô"), not a word of the running text. */
  hyphened?: boolean;
  /** The first word of a list item (F_ITEM_START). */
  itemStart?: boolean;
}

/**
 * Whether character `c` beside a word inside its chunk joins the word to something (a hyphen,
 * a slash, a dot or apostrophe inside the chunk): clause punctuation, quotes and brackets do
 * not, nor does a dot or an ellipsis that ends the word (`last`: nothing but punctuation after it).
 */
function attaches(c: number, last: boolean): boolean {
  // , ; : ! ? ( ) [ ] " “ ” ‘ ’ « » …
  if (c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34
    || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb || c === 0x2026) return false;
  if (c === 46) return !last; // "."
  return true;
}

/** Spacing diacritics and lone combining marks: never a word in a text, OCR debris when alone. */
const MARKS = '\\u02c6\\u02dc\\u00b4\\u00a8\\u02c7\\u02d8\\u02d9\\u00b8\\u02ca\\u02cb\\u0300-\\u036f';
/** Any of MARKS (a cheap test before STRAY_MARK). */
const MARK_CHAR = new RegExp(`[${MARKS}]`);
/** A chunk of lone marks, maybe among punctuation ("ˆ,", "ˆ'ˆ", "ˆ__"): group 1 spans the marks. */
const STRAY_MARK = new RegExp(`^[^\\p{L}\\p{N}${MARKS}]*([${MARKS}](?:[^\\p{L}\\p{N}]*[${MARKS}])?)[^\\p{L}\\p{N}${MARKS}]*$`, 'u');

/** A Roman section number with subsections: "I.2", "II.1", "IV.3.2". */
const ROMAN_SUB = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})(?:\.\d{1,2})+$/;

/**
 * Words (or a first quantity: in percent, or a number before a lower-case unit) joined by
 * slashes, nothing else: "đồng/người/năm", "12,8%/năm", "14,5/năm" (a document symbol's codes
 * after its number are capitals: "26/TB" stays opaque).
 */
const SLASH_WORDS = /^[(“"‘]?(?:[\p{L}\p{M}]+|[\p{L}\p{M}\d|]+(?:[.,][\p{L}\p{M}\d|]+)*%|\d+(?:[.,]\d+)*(?=\/\p{Ll}))(?:\/[\p{L}\p{M}]+)+[.,;:!?)\]"”’]*$/u;
/** A slash abbreviation of the register ("đ/c", "b/c", "V/v", "K/g", "đ/v", "T/M"), with punctuation around it. */
const SLASH_ABBREVIATION = /^[(“"‘]?(?:[đĐ]\/[cCvV]|[bB]\/[cC]|[vV]\/[vV]|[kK]\/[gGtT]|[tT]\/[mMlL])[.,;:!?)\]"”’]*$/u;
/**
 * A word, a slash, then a number ("112 bé trai/100 bé gái", "45 giường bệnh/10.000 dân"): the
 * word ends a phrase and the number opens the next one.
 */
const WORD_SLASH_NUMBER = /^[\p{L}\p{M}]+\/(?=\d+(?:[.,]\d+)*%?[.,;:!?)\]"”’]*$)/u;
/** A number with punctuation after it, then a word, with no space between ("1.Về", "(1)Về", "95%,tăng"). */
const NUMBER_THEN_WORD = /^([(]?\d+(?:[.,]\d+)*%?[.,;:)\]]+)(?=[\p{L}\p{M}]+[.,;:!?)\]"”’]*$)/u;
/** A word, maybe with punctuation after it, and nothing opaque: what a brace or bar at its edge was glued to. */
const EDGE_NOISE_WORD = /^[\p{L}\p{M}]+[.,;:!?)\]"”’]*$/u;
/** A code in capitals with its number ("COVID-19", "ƯBND-2"), maybe bracketed or quoted. */
const CAPS_CODE = /^([(“"‘]?)(\p{Lu}[\p{L}\p{M}]{1,7})-\d{1,4}[.,;:!?)\]"”’]*$/u;
/** A word with punctuation after it, then a number, with no space between ("tháng.9,", "số::100%"). */
const WORD_THEN_NUMBER = /^([\p{L}\p{M}]+[.,;:-]+)(?=\d+(?:[.,]\d+)*%?[.,;:!?)\]]*$)/u;
/** A number with a bracket or bar OCR read for a "1" ("[87.3", "|00%", "3]", "4].6"), then its
 * trailing punctuation; bracketUnpaired() checks there is exactly one and nothing pairs with it. */
const BRACKET_NUMBER = /^([[|]?\d(?:[\d.,]*\d)?(?:[\]|](?:[\d.,]*\d)?)?)(%?[.,;:)!?]*)$/;

/** Letters OCR writes for digits, and the digit each stands for ('' = a damaged digit, unknown). */
const DIGIT_LOOKALIKE: Record<string, string> = {
  I: '1', l: '1', L: '1', '|': '1', t: '1', Ï: '1', Í: '1', Ì: '1', ì: '1', í: '1', ï: '1',
  O: '0', o: '0', Ö: '0', Ô: '0', Ò: '0', Ó: '0', Õ: '0', ö: '0', ô: '0', ò: '0', ó: '0', õ: '0', Đ: '0', Ủ: '0', Ú: '0', Ù: '0', Ũ: '0', Ụ: '0', Q: '0',
  Ơ: '0', Ớ: '0', Ờ: '0', Ở: '0', Ỡ: '0', Ợ: '0', ơ: '0', ớ: '0', ờ: '0', ở: '0', ỡ: '0', ợ: '0', Ọ: '0', ọ: '0',
  Š: '5', š: '5', Ñ: '',
};
/**
 * One capital (not a Roman numeral's letter: "X5" is no count either way) and one to three digits,
 * on either side ("B7", "R4", "6S", "100G"), maybe with decimals ("Z.37 tỷ đồng"), then its
 * punctuation. I and L are damagedNumber's.
 */
const CODE_NUMBER = /^((?:[ABEFGRSTUZÚÙỦŨỤ]\d{0,3}|\d{1,3}[ABEFGRSTUZÚÙỦŨỤ])(?:[.,]\d{1,3})?)([.,;:!?)]*)$/u;
/** The digit such a capital stands for, where its shape says which (the others read as unsure). */
const CODE_DIGIT: Record<string, string> = { B: '8', S: '5', G: '6', Z: '2', T: '7', U: '0', Ú: '0', Ù: '0', Ủ: '0', Ũ: '0', Ụ: '0' };

/** Capitals OCR writes for digits that are also codes' letters ("B1", "S5"): read as digits only in a percentage ("B1%", "56,B%"). */
const PERCENT_DIGIT_LOOKALIKE: Record<string, string> = { B: '8', S: '5' };

/**
 * The digit reading of a token that mixes digits with letters OCR writes for digits ("2I" ->
 * "21", "I8" -> "18", "3.2L5" -> "3.215"), or null when it is not such a token. Codes with
 * other letters ("5G", "F0", "B2", "U23", "3D", "CO2") are never damaged numbers, except B and S
 * in a percentage (`percent`: "B1%" -> "81", "56,B%" -> "56,8").
 */
export function damagedNumber(w: string, percent = false): string | null {
  const nfc = w.normalize('NFC');
  // a word glued after a full stop ("2025.Lò Văn Muôn"): a capital then a small letter is a
  // name or a sentence, not digits
  if (/[.,]\p{Lu}\p{Ll}/u.test(nfc)) return null;
  let digits = 0, letters = 0, out = '', unsure = false;
  for (const ch of nfc) {
    if (ch >= '0' && ch <= '9') { digits++; out += ch; continue; }
    if (ch === '.' || ch === ',') { out += ch; continue; }
    const d = DIGIT_LOOKALIKE[ch] ?? (percent ? PERCENT_DIGIT_LOOKALIKE[ch] : undefined);
    if (d === undefined) return null;
    letters++;
    if (d === '') unsure = true; else out += d;
  }
  if (!digits || !letters || letters > digits + 1) return null;
  return unsure ? '' : out;
}

/**
 * The digit reading of a day/month/year date OCR wrote with letters for digits ("14/10/2O2O" ->
 * "14/10/2020", "O5/3/2O22"), when it is a valid date from 1900 to 2100; else null.
 */
export function damagedDate(w: string): string | null {
  const m = /^([^/]{1,2})\/([^/]{1,2})\/([^/]{4})$/u.exec(w);
  if (!m) return null;
  const raw = [m[1]!, m[2]!, m[3]!];
  const parts = raw.map(p => /^\d+$/.test(p) ? p : damagedNumber(p));
  if (!parts.every(p => p) || parts.every((p, k) => p === raw[k])) return null;
  const [d, mo, y] = parts.map(Number) as [number, number, number];
  return d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && y >= 1900 && y <= 2100 ? parts.join('/') : null;
}

export const ROMAN_CONTEXT = new Set(['khóa', 'khoá', 'lần', 'thứ', 'phần', 'chương', 'mục', 'điều', 'khoản', 'quý', 'kỳ', 'kì', 'thế', 'kỷ', 'kỉ', 'đợt', 'số', 'cấp', 'loại', 'hạng', 'nhóm', 'phụ', 'lục', 'vùng', 'khu', 'tập', 'quyển']);

function isLetter(c: number): boolean {
  // ASCII letters, Latin-1/Extended letters, Vietnamese block, combining marks
  if (c < 0x41) return false;
  if (c <= 0x5a) return true;
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c <= 0x24f) return true;
  if (c >= 0x300 && c <= 0x36f) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  if (c >= 0x370 && c <= 0x3ff) return true; // Greek: letters, not Vietnamese; invalid syllables
  return false;
}

/** 1 = upper-case letter, 2 = lower-case letter, 0 = other (fast path for Latin + Vietnamese). */
export function caseOf(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return 1;
  if (c >= 0x61 && c <= 0x7a) return 2;
  if (c < 0xc0) return 0;
  if (c <= 0xde) return c === 0xd7 ? 0 : 1;
  if (c <= 0xff) return c === 0xf7 ? 0 : 2;
  if (c <= 0x17f) return (c & 1) === 0 ? 1 : 2;
  if (c === 0x1a0 || c === 0x1af) return 1;
  if (c === 0x1a1 || c === 0x1b0) return 2;
  if (c >= 0x1e00 && c <= 0x1eff) return (c & 1) === 0 ? 1 : 2;
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase(), up = ch.toUpperCase();
  return lo === up ? 0 : ch === up ? 1 : 2;
}

/** I V X L C D M: the letters of a Roman numeral. */
function isRomanLetter(c: number): boolean { return c === 73 || c === 86 || c === 88 || c === 76 || c === 67 || c === 68 || c === 77; }
function isSpace(c: number): boolean { return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b); }

const SENTENCE_END = new Set(['.', '!', '?', '…', ':']);

/**
 * Lexicon ids of the neighbours of tokens from..to (a run, a pair, a word), when nothing separates
 * them from it; -1 for none. (A break is marked on both sides: the token before it has
 * F_BREAK_AFTER whenever the token after it has F_BREAK_BEFORE.)
 */
export function neighbourIds(tokens: TokenList, from: number, to: number, model: SpellingModel): [number, number] {
  const { flags } = tokens;
  return [
    from > 0 && !(flags[from]! & F_BREAK_BEFORE) ? model.idOf(tokens.lower(from - 1)) : -1,
    to < tokens.length && !(flags[to - 1]! & F_BREAK_AFTER) ? model.idOf(tokens.lower(to)) : -1,
  ];
}

/** The letters of a number and a word run together ("11năm" -> "năm", "đạt91%" -> "đạt"). */
export function gluedLetters(token: string): string { return token.replace(/[\d.,%]/g, ''); }

/** Token flags (TokenList.flags). */
export const F_BREAK_BEFORE = 1, F_BREAK_AFTER = 2, F_SENTENCE_START = 4, F_UPPER_LINE = 8, F_SKIP = 16, F_NUM = 32, F_NUM_FIX = 64, F_STRAY = 128, F_MIXED = 256, F_GLUED = 512, F_ATTACHED = 1024, F_COMMA_AFTER = 2048, F_HYPHENED = 4096;
/**
 * Set by TokenList.add from the token's characters: every one is an ASCII letter (F_ASCII), and
 * some are lower case (F_ASCII_LOWER, only with F_ASCII). Kept with the paragraph's cached tokens,
 * so that a re-check of a large bulletin does not read every word again to find the unaccented ones.
 */
export const F_ASCII = 8192, F_ASCII_LOWER = 16384;
/** A lone letter where no word can be (a speck of the scan): with F_STRAY. Its own bit: it once
 * shared F_ASCII's, which every plain-ASCII word carries. */
export const F_SPECK = 32768;
/**
 * The first word of a list item: it follows the item's marker at the start of its line ("2. Đẩy
 * mạnh", "- Củng cố", "a) Tăng cường", and the marker as OCR reads it, "2, ", "~ "). An item
 * opens with a verb far more often than a sentence does ("Đẩy mạnh" against "Đây là"), so the
 * register's sentence openings are no context for it.
 */
export const F_ITEM_START = 65536;
/** A capital and a number, a code or a misread number, decided by its neighbours (Token.codeNum;
 * its reading is kept in TokenList.numFix, but the token has no F_NUM_FIX). */
export const F_CODE_NUM = 131072;
/** The first or the last token of its line (Token.lineEdge). */
export const F_LINE_EDGE = 262144;
/** A list item's marker alone in its chunk at the start of a line (with OCR's readings of "." and
 * "-", and of a label's letter with a mark it never has: "ä)" for "a)", "ë)" for "e)"). */
const ITEM_MARKER = /^(?:[-+•–—~*]|\d{1,2}[.,)]|[a-zđäëïöüáàảạéèẻẹ][.)]|[IVX]{1,4}[.,])$/u;

/**
 * A document's tokens, column-wise: no object and no string per token (a large bulletin has
 * hundreds of thousands), so tokenizing allocates almost nothing and a block whose findings are
 * cached never becomes strings or objects at all. A token's text is always the analysis text
 * between its start and end; text()/lower() cut it on demand, token()/slice() make Token objects
 * where the analysis needs them.
 */
export class TokenList {
  // Typed arrays grown by doubling: pushing into plain arrays cost about a tenth of a
  // microsecond per value, most of the tokenizer's time on a large bulletin.
  start = new Int32Array(256);
  end = new Int32Array(256);
  line = new Int32Array(256);
  flags = new Int32Array(256);
  readonly numFix = new Map<number, string>();
  private n = 0;
  /** `capacity`: tokens to make room for at once (a list put together from cached paragraphs knows its size). */
  constructor(readonly source: string, capacity = 256) {
    if (capacity > 256) { this.start = new Int32Array(capacity); this.end = new Int32Array(capacity); this.line = new Int32Array(capacity); this.flags = new Int32Array(capacity); }
  }
  get length(): number { return this.n; }

  add(start: number, end: number, flags: number, line: number, numFix?: string): void {
    const i = this.n;
    if (numFix !== undefined) { this.numFix.set(i, numFix); if (!(flags & F_CODE_NUM)) flags |= F_NUM_FIX; }
    let ascii = F_ASCII;
    for (let o = start; o < end; o++) {
      const c = this.source.charCodeAt(o);
      if (c >= 0x61 && c <= 0x7a) ascii |= F_ASCII_LOWER;
      else if (!(c >= 0x41 && c <= 0x5a)) { ascii = 0; break; }
    }
    flags |= ascii;
    if (i === this.start.length) this.grow();
    this.start[i] = start; this.end[i] = end; this.flags[i] = flags; this.line[i] = line;
    this.n = i + 1;
  }

  /**
   * Appends `n` tokens whose columns are `seg`'s shifted by `offset` characters and `lineBase`
   * lines (a cached paragraph's tokens put in place): one allocation for the lot, no per-token call.
   */
  appendShifted(seg: { start: Int32Array; end: Int32Array; line: Int32Array; flags: Int32Array }, offset: number, lineBase: number): void {
    const n = seg.start.length, base = this.n;
    if (base + n > this.start.length) this.grow(base + n);
    const { start, end, line, flags } = this;
    for (let k = 0; k < n; k++) {
      start[base + k] = seg.start[k]! + offset;
      end[base + k] = seg.end[k]! + offset;
      line[base + k] = seg.line[k]! + lineBase;
    }
    flags.set(seg.flags, base);
    this.n = base + n;
  }

  private grow(min = 0): void {
    let cap = this.start.length * 2;
    while (cap < min) cap *= 2;
    const g = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    this.start = g(this.start); this.end = g(this.end); this.line = g(this.line); this.flags = g(this.flags);
  }

  /** The token as written. */
  text(i: number): string { return this.source.slice(this.start[i]!, this.end[i]!); }
  /** Lower case; "0" for a number. */
  lower(i: number): string { return this.flags[i]! & F_NUM ? '0' : this.text(i).toLowerCase(); }

  token(i: number): Token {
    const f = this.flags[i]!;
    const t: Token = {
      start: this.start[i]!, end: this.end[i]!, text: this.text(i), lower: this.lower(i),
      breakBefore: (f & F_BREAK_BEFORE) !== 0, breakAfter: (f & F_BREAK_AFTER) !== 0,
      sentenceStart: (f & F_SENTENCE_START) !== 0, upperLine: (f & F_UPPER_LINE) !== 0,
      skip: (f & F_SKIP) !== 0, line: this.line[i]!,
    };
    if (f & F_NUM) t.num = true;
    if (f & F_NUM_FIX) t.numFix = this.numFix.get(i)!;
    if (f & F_CODE_NUM) t.codeNum = this.numFix.get(i)!;
    if (f & F_LINE_EDGE) t.lineEdge = true;
    if (f & F_STRAY) t.stray = true;
    if (f & F_SPECK) t.speck = true;
    if (f & F_MIXED) t.mixed = true;
    if (f & F_GLUED) t.glued = true;
    if (f & F_ATTACHED) t.attached = true;
    if (f & F_COMMA_AFTER) t.commaAfter = true;
    if (f & F_HYPHENED) t.hyphened = true;
    if (f & F_ITEM_START) t.itemStart = true;
    return t;
  }

  slice(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let i = from; i < to; i++) out.push(this.token(i));
    return out;
  }

  toArray(): Token[] { return this.slice(0, this.length); }
}

/** The spelling tokens of a document (memoised per document version; paragraphs cached). */
export function spellingTokens(doc: BulletinDocument): TokenList {
  return memo(doc, 'spelling.tokens', () => tokenListCached(doc.text, doc.skips, doc.source.breaks));
}

// ---------------------------------------------------------------------------------------------
// Paragraph cache. The tokenizer's state after a blank line is always the same (a context break,
// a sentence start, no previous word), so each paragraph, from just after a blank line to just
// after the next one, tokenizes the same wherever it stands. An edit to a large bulletin then
// re-tokenizes one paragraph; the others are copied from the cache with their offsets shifted.
// Text with no blank line (OCR of a page read as one block) is cut at sentence ends too
// (segmentStarts).

/** The tokens of one paragraph, relative to its start (offsets and lines). */
interface Segment { start: Int32Array; end: Int32Array; line: Int32Array; flags: Int32Array; numFix: [number, string][] }

const segmentCache = new Map<string, Segment>();
let segmentCacheChars = 0;
/** Characters of paragraph text kept as keys (about 16 MB): several large bulletins. */
const SEGMENT_CACHE_CHARS = 8_000_000;
/** Paragraphs shorter than this are tokenized again rather than looked up. */
const MIN_SEGMENT_CHARS = 64;

/** Drop the paragraph cache (tests, benchmarks). */
export function clearTokenCache(): void { segmentCache.clear(); segmentCacheChars = 0; }

/** Characters of text the paragraph cache holds as keys (tests: what an edit re-tokenized). */
export function tokenCacheChars(): number { return segmentCacheChars; }

/**
 * Where paragraphs start: offset 0 and every offset just after a line break that ends a blank
 * line (only spaces since the previous line break), with the 0-based line each starts on; line
 * breaks are counted exactly as tokenList counts them (CRLF is one).
 */
export function paragraphStarts(text: string, breaks?: readonly number[]): { starts: number[]; lines: number[] } {
  return pieceStarts(text, breaks ?? lineBreaks(text), false);
}

/**
 * Where the paragraph cache's pieces start: the paragraphs (paragraphStarts), each cut again before
 * every line that opens a sentence after a line that ended one (sentenceEndsBefore): OCR text
 * often has no blank line at all. The tokenizer's state at such a line start is the one after a
 * blank line (a context break, a sentence start), so each piece still tokenizes the same wherever
 * it stands.
 */
export function segmentStarts(text: string, breaks?: readonly number[]): { starts: number[]; lines: number[] } {
  return pieceStarts(text, breaks ?? lineBreaks(text), true);
}

/**
 * paragraphStarts, and with `sentences` segmentStarts, in one reading of each line's leading
 * spaces. `b`: lineBreaks(text), found without reading every character (a re-check of a 1 MB
 * bulletin needs them).
 */
function pieceStarts(text: string, b: readonly number[], sentences: boolean): { starts: number[]; lines: number[] } {
  const starts = [0], lines = [0], optional = [false];
  const n = text.length;
  // line m runs from b[2m - 1] (0 for the first) to b[2m] (the text's end for the last); `prev`
  // is where the line before starts when it has a word on it, else -1; `afterBlank`: the line
  // before, not the first, has nothing but spaces, so this one starts a paragraph
  let prev = -1, afterBlank = false, cuts = false;
  for (let k = 0; k <= b.length; k += 2) {
    const s = k === 0 ? 0 : b[k - 1]!, e = k < b.length ? b[k]! : n;
    if (afterBlank && s < n) { starts.push(s); lines.push(k / 2); optional.push(false); }
    let i = s;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    afterBlank = i === e && k > 0;
    if (i === e) { prev = -1; continue; }
    // (a cut is never where a paragraph starts: that line follows a blank one, prev is -1)
    if (sentences && prev >= 0 && sentenceEndsBefore(text, prev, b[k - 2]!, i)) {
      starts.push(s); lines.push(k / 2); optional.push(true); cuts = true;
    }
    prev = s;
  }
  if (!cuts) return { starts, lines };
  // (pieces too short to be worth a look-up of their own stay with their neighbours)
  const keep = keepCut(starts, optional, n);
  return { starts: starts.filter((_, k) => keep[k]), lines: lines.filter((_, k) => keep[k]) };
}

/**
 * Exactly tokenList(text, skips), with each paragraph's tokens (each piece of segmentStarts)
 * cached by its text and skips. `breaks`: lineBreaks(text), when the caller has them.
 */
export function tokenListCached(text: string, skips: readonly Span[] = [], breaks?: readonly number[]): TokenList {
  const { starts, lines } = segmentStarts(text, breaks);
  // the paragraphs' tokens first, then one list of their total size (growing it by doubling
  // copied a 1 MB bulletin's 200,000 tokens about ten times per re-check)
  const segs: Segment[] = [];
  let total = 0;
  let skipIdx = 0;
  for (let p = 0; p < starts.length; p++) {
    const a = starts[p]!, b = p + 1 < starts.length ? starts[p + 1]! : text.length;
    // the skips that touch this paragraph, relative to it
    while (skipIdx < skips.length && skips[skipIdx]!.end <= a) skipIdx++;
    let rel: Span[] | undefined;
    let skipKey = '';
    for (let k = skipIdx; k < skips.length && skips[k]!.start < b; k++) {
      const sp = skips[k]!;
      (rel ??= []).push({ start: Math.max(0, sp.start - a), end: Math.min(b, sp.end) - a });
    }
    if (rel) skipKey = '\u0000' + rel.map(r => `${r.start},${r.end}`).join(';');
    const seg = segmentOf(text, a, b, rel, skipKey);
    segs.push(seg);
    total += seg.start.length;
  }
  const out = new TokenList(text, total);
  for (let p = 0; p < segs.length; p++) {
    const seg = segs[p]!;
    const base = out.length;
    out.appendShifted(seg, starts[p]!, lines[p]!);
    for (const [k, v] of seg.numFix) out.numFix.set(base + k, v);
  }
  return out;
}

function segmentOf(text: string, a: number, b: number, rel: Span[] | undefined, skipKey: string): Segment {
  const sub = text.slice(a, b);
  const key = skipKey ? sub + skipKey : sub;
  const cached = b - a >= MIN_SEGMENT_CHARS ? segmentCache.get(key) : undefined;
  if (cached) return cached;
  const tl = tokenList(sub, rel ?? []);
  const n = tl.length;
  const seg: Segment = {
    start: tl.start.slice(0, n), end: tl.end.slice(0, n), line: tl.line.slice(0, n), flags: tl.flags.slice(0, n),
    numFix: [...tl.numFix],
  };
  if (b - a >= MIN_SEGMENT_CHARS) {
    if (segmentCacheChars + key.length > SEGMENT_CACHE_CHARS) clearTokenCache();
    segmentCache.set(detach(key), seg); // (a slice would keep the whole document alive)
    segmentCacheChars += key.length;
  }
  return seg;
}

/** The tokens of a text as objects (tests, tools). */
export function tokenize(text: string, skips: readonly Span[] = []): Token[] {
  return tokenList(text, skips).toArray();
}

/**
 * Two or more words in capitals side by side inside a line that is not in capitals, at least two
 * of them with Vietnamese marks ("lời CẢNH BẢO của", "sang THƯ MỤC này", a quoted title): words
 * written in capitals, not acronyms, which carry no marks but Đ. They are checked like a line in
 * capitals ("CẢNH BẢO" is an error as "THÀNH PHÓ" is). Only its Vietnamese syllables: Roman
 * numerals stay skipped, and so do words run together on purpose, as manual pages write their
 * placeholders ("eof KÝTỰ KÝTỰ", "-b TẬPTIN"). A run stops at punctuation and at a line's end.
 */
function capsPhrases(out: TokenList, text: string): void {
  const n = out.length, flags = out.flags;
  const romanAt = (k: number): boolean => {
    for (let j = out.start[k]!; j < out.end[k]!; j++) if (!isRomanLetter(text.charCodeAt(j))) return false;
    return true;
  };
  // 0: not a word in capitals; 1: one without marks or a Roman numeral; 2: one with marks
  const kind = (k: number): number => {
    const f = flags[k]!;
    if ((f & (F_SKIP | F_UPPER_LINE | F_NUM | F_GLUED | F_MIXED)) !== F_SKIP) return 0;
    const s = out.start[k]!, e = out.end[k]!;
    if (e - s < 2) return 0;
    let marked = false;
    for (let j = s; j < e; j++) {
      const c = text.charCodeAt(j);
      if (c >= 0x300 && c <= 0x36f) { marked = true; continue; }
      if (caseOf(c) !== 1) return 0;
      if (c >= 0xc0 && c !== 0x110 && c !== 0xd0) marked = true;
    }
    if (romanAt(k)) return 1;
    const w = text.slice(s, e).toLowerCase();
    return !isValidSyllable(w.normalize('NFC')) ? 0 : marked ? 2 : 1;
  };
  let i = 0;
  while (i < n) {
    let j = i, marked = 0;
    for (let k; j < n && (k = kind(j)) > 0; j++) {
      if (j > i && ((flags[j - 1]! & F_BREAK_AFTER) !== 0 || out.line[j] !== out.line[j - 1])) break;
      if (k === 2) marked++;
    }
    if (j - i >= 2 && marked >= 2) {
      for (let k = i; k < j; k++) if (!romanAt(k)) flags[k] = (flags[k]! & ~F_SKIP) | F_UPPER_LINE;
    }
    i = j > i ? j : i + 1;
  }
}

export function tokenList(text: string, skips: readonly Span[] = []): TokenList {
  const out = new TokenList(text);
  const n = text.length;
  let skipIdx = 0;
  let line = 0;
  let lineStart = 0;
  let upperLine = false;
  let pendingBreak = true;
  let sentenceStart = true;
  // the previous word (its lower case is the Roman numeral's context: "khóa XI")
  let lastStart = 0, lastEnd = 0;
  // the current line's first "[", last "]" and number of "|" (bracketUnpaired), found on demand
  let bracketLine = -1, firstOpen = -1, lastClose = -1, bars = 0;
  // A line in capitals is checked word by word (its capitals are words, not acronyms). Either
  // most of its letters are capitals, or most of its words are and at least two of them carry
  // Vietnamese marks, which acronyms do not (besides Đ): OCR often lowers the case of a heading's
  // last words ("II. VÈ CÔNG TẨC XÂY DỤNG ĐẢNG, XÂY DỤNG chính quyền,").
  const computeUpper = (from: number) => {
    let up = 0, lo = 0;
    let capsWords = 0, markedCaps = 0, lowerWords = 0;
    let wUp = 0, wLo = 0, wMark = false;
    const endWord = () => {
      if (wUp + wLo > 0) {
        if (wLo === 0 && wUp >= 2) { capsWords++; if (wMark) markedCaps++; } else if (wLo > 0) lowerWords++;
      }
      wUp = wLo = 0; wMark = false;
    };
    for (let k = from; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) break;
      const u = caseOf(c);
      if (u === 1) { up++; wUp++; if (c >= 0xc0 && c !== 0x110 && c !== 0xd0) wMark = true; }
      else if (u === 2) { lo++; wLo++; }
      else if (c >= 0x300 && c <= 0x36f) wMark = true;
      else endWord();
    }
    endWord();
    return up >= 4 && up > lo * 3 || markedCaps >= 2 && capsWords >= 4 && capsWords >= 3 * lowerWords;
  };
  upperLine = computeUpper(0);
  let blank = 0;
  let i = 0;
  // the index the next token takes when the last chunk was a list item's marker, else -1
  let itemAt = -1;
  const numFlags = () => (pendingBreak ? F_BREAK_BEFORE : 0) | (upperLine ? F_UPPER_LINE : 0) | F_SKIP | F_NUM;
  const breakPrev = () => {
    if (out.length) out.flags[out.length - 1] |= F_BREAK_AFTER;
    pendingBreak = true;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      lineStart = i;
      itemAt = -1; // (an item's first word is on its marker's line)
      upperLine = computeUpper(i);
      blank++;
      // a blank line ends the paragraph: nothing before it is context for what follows (this is
      // what lets tokenListCached tokenize paragraphs on their own)
      if (blank >= 2) { breakPrev(); sentenceStart = true; lastStart = lastEnd = 0; }
      // a heading line in capitals is its own unit
      continue;
    }
    if (isSpace(c)) { i++; continue; }
    // a chunk: maximal run of non-space characters
    const wasBlankLineStart = i === lineStart;
    blank = 0;
    let j = i;
    while (j < n && !isSpace(text.charCodeAt(j))) j++;
    // a list item's marker opening its line ("2. ", "a) ", "- ")
    const marker = wasBlankLineStart && ITEM_MARKER.test(text.slice(i, j));
    // lines in capitals / markdown structure at line start break context
    // (and so does a list item's marker: "chính quyên⏎a) Tiếp tục" is no pair "quyên a", which
    // read together with the line before it became "quyền và")
    if (wasBlankLineStart && (upperLine || /[#>*\-+|]/.test(text[i]!) || marker)) { breakPrev(); }
    if (wasBlankLineStart && out.length && ((out.flags[out.length - 1]! & F_UPPER_LINE) !== 0) !== upperLine) {
      breakPrev();
      // the line after a heading in capitals opens a sentence ("II. MỤC TIÊU CHỦ YẾU" then
      // "Phấn đấu tổng lượt khách..."): its first word is capitalised as a sentence's is
      if (!upperLine) sentenceStart = true;
    }
    const before = out.length;
    processChunk(i, j);
    // the word after a list item's marker opens the item
    if (itemAt >= 0 && out.length > itemAt && before === itemAt && !(out.flags[itemAt]! & (F_SKIP | F_NUM))) out.flags[itemAt] |= F_ITEM_START;
    itemAt = marker ? out.length : -1;
    i = j;
  }
  capsPhrases(out, text);
  // the first and the last token of each line
  for (let k = 0; k < out.length; k++) {
    if (k === 0 || out.line[k] !== out.line[k - 1] || k + 1 === out.length || out.line[k + 1] !== out.line[k]) out.flags[k] |= F_LINE_EDGE;
  }
  return out;

  /**
   * `core` (a chunk starting at `s`) has exactly one bracket or bar, and nothing on its line
   * pairs with it: no "]" after a "[", no "[" before a "]", no other "|" (a table row). The line's
   * first "[", last "]" and count of "|" are found once per line, so a line full of brackets
   * stays linear.
   */
  function bracketUnpaired(core: string, s: number): boolean {
    let k = -1;
    for (let j = 0; j < core.length; j++) {
      const c = core.charCodeAt(j);
      if (c === 91 || c === 93 || c === 124) { if (k >= 0) return false; k = j; }
    }
    if (k < 0) return false;
    if (bracketLine !== lineStart) {
      bracketLine = lineStart; firstOpen = -1; lastClose = -1; bars = 0;
      for (let j = lineStart; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) break;
        if (d === 91) { if (firstOpen < 0) firstOpen = j; } else if (d === 93) lastClose = j; else if (d === 124) bars++;
      }
    }
    const at = s + k, c = core.charCodeAt(k);
    if (c === 91) return lastClose < at;
    if (c === 93) return firstOpen < 0 || firstOpen > at;
    return bars === 1;
  }
  /**
   * The one-letter chunk at `s` is a speck of the scan OCR read as a letter: the last thing on
   * its line after the sentence or clause ended there ("các ô. ị", "bằng bàn phím. Ẹ"), or a
   * small letter ending a heading in capitals ("BAN DÂN VẬN TỈNH ỦY s"). No word stands there:
   * a letter after a full stop would open a sentence that never goes on. (Only with a space
   * before it, so the finding's range can take that space and deleting it leaves the line clean.)
   */
  function speck(s: number): boolean {
    let k = s + 1;
    while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k < n && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) return false;
    if (s - 1 <= lineStart || text.charCodeAt(s - 1) !== 32) return false;
    let p = s - 1;
    while (p > lineStart && text.charCodeAt(p - 1) === 32) p--;
    if (p <= lineStart) return false;
    const c = text.charCodeAt(p - 1), ch = text.charCodeAt(s);
    // . ! ? ; : …
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 0x2026) {
      // not a Roman numeral ("như sau: I", wrapped before its dot); after a colon or semicolon
      // not a capital A-Z either (the label of a list that goes on below: "gồm hai loại: A")
      if (ch === 73 || ch === 86 || ch === 88) return false;
      if ((c === 58 || c === 59) && ch >= 65 && ch <= 90) return false;
      // (nor after a lone number or Roman numeral and its dot: "Phần 2. A" could be a label)
      return !/(?:^|\s)[\dIVX]{1,4}\.$/.test(text.slice(Math.max(lineStart, p - 6), p));
    }
    return upperLine && caseOf(ch) === 2 && isLetter(c);
  }
  /**
   * The day or month slot of a date written in words, where a number must stand, so that OCR's B
   * and S are 8 and 5 there as in a percentage ("ngày 0B tháng 12", "tháng 0S năm 2024") and I or
   * l its ones ("tháng II năm 2023"): 31 for a day, 12 for a month, 0 elsewhere.
   */
  function dateSlot(s: number, e: number): number {
    // (the words folded, without their marks: OCR damages them too, "ngây 0B tháng")
    const before = foldText(text.slice(Math.max(lineStart, s - 10), s)), after = foldText(text.slice(e, e + 8));
    if (/(?:^|[\s(])ngay +$/.test(before) && /^ +thang\b/.test(after)) return 31;
    if (/(?:^|\s)thang +$/.test(before) && /^ +nam\b/.test(after)) return 12;
    return 0;
  }
  function inSkip(s: number, e: number): boolean {
    while (skipIdx < skips.length && skips[skipIdx]!.end <= s) skipIdx++;
    const sp = skips[skipIdx];
    return !!sp && sp.start < e;
  }

  function processChunk(s: number, e: number) {
    // Markdown emphasis around words ("**Thành phố", "lần thứ*", "_năm_"): the delimiters are no
    // break, "*lần thứ* hai" reads as "lần thứ hai" (an underscore only around a word with marks:
    // "__init__" stays code)
    if (text.charCodeAt(s) === 42 || text.charCodeAt(e - 1) === 42 || text.charCodeAt(s) === 95 || text.charCodeAt(e - 1) === 95) {
      let a = s, b = e;
      while (a < b && text.charCodeAt(a) === 42) a++;
      while (b > a && text.charCodeAt(b - 1) === 42) b--;
      if (a < b && (text.charCodeAt(a) === 95 || text.charCodeAt(b - 1) === 95)) {
        let a2 = a, b2 = b;
        while (a2 < b2 && text.charCodeAt(a2) === 95) a2++;
        while (b2 > a2 && text.charCodeAt(b2 - 1) === 95) b2--;
        const inner = text.slice(a2, b2);
        if (a2 < b2 && !inner.includes('_') && hasVietnameseMarks(inner)) { a = a2; b = b2; }
      }
      if (a < b && (isLetter(text.charCodeAt(a)) || isLetter(text.charCodeAt(b - 1)))) { s = a; e = b; }
    }
    // a brace or a bar OCR put at a word's edge ("{quốc", "dẫn}", "kinh tế|": ruling lines,
    // brackets, specks): punctuation, not code, when the word has Vietnamese marks
    // (a closing brace also before a comma or a full stop: "(để bảo cáo},")
    let punct = e;
    while (punct > s + 1 && /[,.;:]/.test(text[punct - 1]!)) punct--;
    if (text.charCodeAt(punct - 1) !== 125) punct = e;
    const c0 = text.charCodeAt(s), c1 = text.charCodeAt(punct - 1);
    if (c0 === 123 || c0 === 124 || c1 === 125 || c1 === 124) {
      let a = s, b = punct;
      while (a < b && (text.charCodeAt(a) === 123 || text.charCodeAt(a) === 124)) a++;
      while (b > a && (text.charCodeAt(b - 1) === 125 || text.charCodeAt(b - 1) === 124)) b--;
      if (a < b && EDGE_NOISE_WORD.test(text.slice(a, b)) && hasVietnameseMarks(text.slice(a, b))) {
        if (a > s) breakPrev();
        processChunk(a, b);
        if (b < e) breakPrev();
        return;
      }
    }
    // classify the chunk in one scan (a hashtag, "#ChuyểnĐổiSố", is a name written as one word,
    // like a mention after "@": opaque)
    let hasDigit = false, opaque = text.charCodeAt(s) === 35 && e - s > 2 && isLetter(text.charCodeAt(s + 1)), angle = false, allLetters = !opaque, slash = false;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) { hasDigit = true; allLetters = false; }
      else if (c === 47 && !opaque) { opaque = slash = true; allLetters = false; }
      else if (c === 47 || c === 92 || c === 64 || c === 96 || c === 123 || c === 125 || c === 61 || c === 95 || c === 124) { opaque = true; allLetters = false; }
      else if (c === 60 || c === 62) { angle = true; allLetters = false; }
      else if (allLetters && !isLetter(c)) allLetters = false;
    }
    if (allLetters) {
      // a day or month OCR wrote with letters for its digits ("tháng II năm 2023" for November,
      // "ngày Il tháng 5", "tháng ÔI năm"): dates are written in digits, so it is reported with
      // them (two letters that all read as digits, or one I or l)
      const w = text.slice(s, e);
      if (e - s === 2 || w === 'I' || w === 'l') {
        const digits = [...w].map(c => DIGIT_LOOKALIKE[c] ?? 'x').join('');
        if (/^\d+$/.test(digits) && digits.length === w.length) {
          const slot = dateSlot(s, e);
          if (slot && Number(digits) >= 1 && Number(digits) <= slot) { pushNum(s, e, w, digits); return; }
        }
      }
      if (e - s === 1 && speck(s)) {
        breakPrev();
        out.add(s - 1, e, F_BREAK_BEFORE | F_BREAK_AFTER | F_SKIP | F_STRAY | F_SPECK, line);
        breakPrev();
        return;
      }
      emit(s, e);
      return;
    }
    const chunk = text.slice(s, e);
    const sm = hasDigit || !MARK_CHAR.test(chunk) ? null : STRAY_MARK.exec(chunk);
    if (sm) {
      // a lone mark is reported, and is no context: its neighbours were never beside it
      // (with the space before it, when there is one on the line: deleting the finding's range
      // then leaves one space between the words, not two)
      let st = s + chunk.indexOf(sm[1]!);
      const end = st + sm[1]!.length;
      if (st === s && st > lineStart && text.charCodeAt(st - 1) === 32) st--;
      breakPrev();
      out.add(st, end, F_BREAK_BEFORE | F_BREAK_AFTER | F_SKIP | F_STRAY, line);
      breakPrev();
      if (/[.!?]$/.test(chunk)) sentenceStart = true;
      return;
    }
    if (hasDigit) {
      // OCR reads a "1" as a bracket or a bar ("[87.3 tỷ", "|00%", "ngày 3] tháng", "4].6%"): a
      // number with one such character glued to a digit, whose partner is nowhere on the line
      const bm = BRACKET_NUMBER.exec(chunk);
      if (bm && bracketUnpaired(bm[1]!, s)) {
        const core = bm[1]!;
        out.add(s, s + core.length, numFlags(), line, core.replace(/[[\]|]/, '1'));
        pendingBreak = false;
        sentenceStart = false;
        if (bm[2]) { breakPrev(); if (/[.!?]$/.test(bm[2])) sentenceStart = true; }
        return;
      }
    }
    // the register's abbreviations with a slash ("đ/c" đồng chí, "b/c" báo cáo, "V/v" về việc,
    // "K/g" kính gửi, "đ/v" đối với; the signature's "T/M", "K/T", "T/L"): one opaque word
    if (slash && SLASH_ABBREVIATION.test(chunk)) { breakPrev(); return; }
    // words joined by slashes ("đồng/người/năm", "và/hoặc", "12,8%/năm"), or a word then a number
    // ("bé trai/100", "bé tral/100" with the word damaged too): each part is read on its own, the
    // slash a break between them (a path, a URL, a document symbol stays opaque)
    if (slash && !angle && (SLASH_WORDS.test(chunk) && hasVietnameseMarks(chunk) || WORD_SLASH_NUMBER.test(chunk))) {
      let k = s;
      for (let j = s; j <= e; j++) {
        if (j < e && text.charCodeAt(j) !== 47) continue;
        if (k < j) processChunk(k, j);
        if (j < e) breakPrev();
        k = j + 1;
      }
      return;
    }
    // URLs, e-mail, paths, document symbols, code, tags: the whole chunk is opaque
    if (opaque || angle) {
      if (angle && !/:\/\/|@/.test(chunk)) return handleTags(s, e);
      if (!angle) {
        // (the chunk's trailing punctuation, kept out of a repair)
        const trail = /[,.;:)]$/.test(chunk) ? 1 : 0;
        // a date OCR wrote with letters for digits ("14/10/2O2O", "O5/3/2022"): reported with its digits
        const date = damagedDate(chunk.slice(0, chunk.length - trail));
        if (date) { pushNum(s, e, chunk, date); return; }
        // a document number ("26-NQ/TU", "98/2023/QH15", "24/6/2023") reads as a number in context
        // (a leading "I" or "l" before a digit is a "1" OCR misread: "I9-KL/TU")
        if (/^(?:[IlL](?=\d{1,4}-\p{Lu}))?\d[\w\-/.\u0110\u0111]*[,.;:)]?$/u.test(chunk)) {
          // ... unless OCR wrote its number with letters ("2I-KL/TW" for "21-KL/TW"): then the
          // symbol is reported with the number's digits
          const head = /^(?:[IlL](?=\d{1,4}-\p{Lu}))?\d[\p{L}\d]*(?=[-/])/u.exec(chunk);
          const fix = head && /\D/.test(head[0]) ? damagedNumber(head[0]) : null;
          pushNum(s, e, chunk, head && fix !== null ? fix && fix + chunk.slice(head[0].length, chunk.length - trail) : undefined);
          return;
        }
      }
      breakPrev();
      return;
    }
    if (hasDigit) {
      // a number with letters OCR reads for digits ("2I", "I8", "3.2L5", "0L"): context like a
      // number, reported with its digit reading
      const dn = /^([(“"‘]?)([\p{L}\p{M}\d|]+(?:[.,][\p{L}\p{M}\d|]+)*)(%?[.,;:!?)\]"”’]*)$/u.exec(chunk);
      // ... but a Roman section number with a subsection ("Mục I.2", "Phụ lục II.1") is a label,
      // unless a percent sign says it is a quantity ("dưới I.5%")
      // ... and so is a district's or ward's number after its initial ("Q.1" Quận 1, "P.7"
      // Phường 7): a decimal is written with a comma, so it is no "0.1" OCR misread
      const label = dn && !dn[3]!.startsWith('%') && (ROMAN_SUB.test(dn[2]!) || /^[QP]\.\d{1,2}$/.test(dn[2]!));
      let fix = dn ? damagedNumber(dn[2]!, dn[3]!.startsWith('%')) : null;
      // ... and in a date's day or month slot, B and S as well, when they make a day or a month
      // ("ngày 0B tháng 12" is the 8th)
      const slot = dn && fix === null && !dn[1] && !dn[3] && /[BS]/.test(dn[2]!) ? dateSlot(s, e) : 0;
      if (slot) { const f = damagedNumber(dn![2]!, true); if (f && Number(f) >= 1 && Number(f) <= slot) fix = f; }
      if (dn && fix !== null && !label) {
        if (dn[1]) breakPrev();
        const st = s + dn[1]!.length;
        out.add(st, st + dn[2]!.length, numFlags(), line, fix);
        pendingBreak = false;
        sentenceStart = false;
        if (dn[3]) { breakPrev(); if (/[.!?]/.test(dn[3])) sentenceStart = true; }
        return;
      }
      // a number and a word with marks run together: "11năm", "25xã", "đạt91%" (OCR lost the
      // space; a unit has no marks, "5km"; a word then digits without a percent sign is a
      // footnote, below): one token, reported with the space put back
      const glued = /^(?:\d+(?:[.,]\d+)*[\p{L}\p{M}]+|[\p{L}\p{M}]+\d+(?:[.,]\d+)*%)(?=[.,;:!?)\]]*$)/u.exec(chunk);
      if (glued && hasVietnameseMarks(gluedLetters(glued[0]))) {
        breakPrev();
        // (a sentence's first: a 1 there may be a capital T OCR read as a digit, "1ìm kiếm"; the
        // word after it still opens the sentence, as the checks have always read it)
        out.add(s, s + glued[0].length, F_SKIP | F_GLUED | (upperLine ? F_UPPER_LINE : 0) | (sentenceStart ? F_SENTENCE_START : 0), line);
        breakPrev();
        if (/[.!?]$/.test(chunk)) sentenceStart = true;
        return;
      }
      // a code in capitals with its number ("COVID-19", "COVĨD-19", "ƯBND-2"): its letters are
      // judged like any acronym (OCR's marks and look-alikes on a common one), and stay no context
      const code = CAPS_CODE.exec(chunk);
      if (code && !/\p{Ll}/u.test(code[2]!)) {
        breakPrev();
        const st = s + code[1]!.length;
        emitRun(st, st + code[2]!.length, s, e);
        breakPrev();
        if (/[.!?]$/.test(chunk)) sentenceStart = true;
        return;
      }
      // a capital and a number ("B7 cá nhân", "R4 dự án", "6S đảng viên"): a code ("G7", "B2",
      // "F0") or a number OCR wrote with a letter for a digit; a number token, which the checks
      // report only where its neighbours count something (F_CODE_NUM)
      const cn = CODE_NUMBER.exec(chunk);
      if (cn && /\d/.test(cn[1]!)) {
        const body = cn[1]!;
        let reading = '';
        for (const ch of body) reading += (ch >= '0' && ch <= '9') || ch === '.' || ch === ',' ? ch : CODE_DIGIT[ch] ?? '';
        if (reading.length < body.length) reading = '';
        out.add(s, s + body.length, numFlags() | F_CODE_NUM, line, reading);
        pendingBreak = false;
        sentenceStart = false;
        if (cn[2]) { breakPrev(); if (/[.!?]/.test(cn[2])) sentenceStart = true; }
        return;
      }
      // a footnote number glued to a word: "tiêu1", "tiêu12,"
      const m = /^([\p{L}\p{M}]+)(\d{1,3})([.,;:!?)\]]*)$/u.exec(chunk);
      if (m && !/\d/.test(m[1]!)) {
        emit(s, s + m[1]!.length);
        breakPrev();
        if (m[3] && /[.!?]/.test(m[3])) sentenceStart = true;
        return;
      }
      // a plain number ("24", "2023;", "8,6%", "(1)") is context: "lần thứ 24", "năm 2023"
      const nm = /^([(]?)(\d+(?:[.,/:-]\d+)*%?)([.,;:!?)\]]*)$/.exec(chunk);
      if (nm && !(nm[2]!.includes('/') || /^\d+-\d+$/.test(nm[2]!) && false)) {
        if (nm[1]) breakPrev();
        const st = s + nm[1]!.length;
        out.add(st, st + nm[2]!.length, numFlags(), line);
        pendingBreak = false;
        sentenceStart = false;
        if (nm[3]) { breakPrev(); if (/[.!?]/.test(nm[3])) sentenceStart = true; }
        return;
      }
      // a number and a word that OCR (or the typist) joined with punctuation and no space
      // ("1.Về kinh tế", "3.:Về", "(1)Về", "95%,tăng", "tháng.9,", "số::100%"): the number and
      // the word are read apart
      const nw = NUMBER_THEN_WORD.exec(chunk) ?? WORD_THEN_NUMBER.exec(chunk);
      if (nw) {
        const j = s + nw[1]!.length;
        processChunk(s, j);
        breakPrev();
        processChunk(j, e);
        return;
      }
      breakPrev();
      if (/[.!?]$/.test(chunk)) sentenceStart = true;
      return;
    }
    // letter runs separated by punctuation
    let k = s;
    while (k < e) {
      const c = text.charCodeAt(k);
      if (isLetter(c)) {
        let m = k;
        while (m < e && isLetter(text.charCodeAt(m))) m++;
        emitRun(k, m, s, e);
        k = m;
      } else {
        const ch = text[k]!;
        breakPrev();
        if (SENTENCE_END.has(ch) || ch === '"' || ch === '“' || ch === '”') sentenceStart = true;
        // a word and the comma that ends its chunk ("sở,"): an item of a list, maybe
        if (ch === ',' && k + 1 === e && k > s && isLetter(text.charCodeAt(k - 1)) && out.length && out.end[out.length - 1] === k) out.flags[out.length - 1] |= F_COMMA_AFTER;
        k++;
      }
    }
  }

  /** A number-like chunk as one number token (its trailing punctuation cut off); `numFix`: the
   * digit reading of a number OCR wrote with letters. */
  function pushNum(s: number, e: number, chunk: string, numFix?: string) {
    const trail = /[,.;:)]$/.test(chunk) ? 1 : 0;
    out.add(s, e - trail, numFlags(), line, numFix);
    pendingBreak = false;
    sentenceStart = false;
    if (trail) { breakPrev(); if (chunk.endsWith('.')) sentenceStart = true; }
  }

  function handleTags(s: number, e: number) {
    // split the chunk around <...> tags; text between tags is processed normally
    let k = s;
    while (k < e) {
      // search only inside the chunk: indexOf on the whole text would make a document full of
      // stray '>' quadratic
      let lt = k;
      while (lt < e && text.charCodeAt(lt) !== 60) lt++;
      if (lt >= e) { if (k < e) processPlain(k, e); return; }
      if (lt > k) processPlain(k, lt);
      let gt = lt;
      while (gt < e && text.charCodeAt(gt) !== 62) gt++;
      const end = gt >= e ? e : gt + 1;
      breakPrev();
      k = end;
    }
  }

  function processPlain(s: number, e: number) {
    const chunk = text.slice(s, e);
    if (/[<>/\\@`{}=_|]/.test(chunk) || /\d/.test(chunk)) { breakPrev(); return; }
    let k = s;
    while (k < e) {
      if (isLetter(text.charCodeAt(k))) {
        let m = k;
        while (m < e && isLetter(text.charCodeAt(m))) m++;
        emitRun(k, m, s, e);
        k = m;
      } else { breakPrev(); if (SENTENCE_END.has(text[k]!)) sentenceStart = true; k++; }
    }
  }

  /** The letter run [k, m) of chunk [s, e) as a token, marked when punctuation joins it to the rest. */
  function emitRun(k: number, m: number, s: number, e: number) {
    if (!emit(k, m)) return;
    if ((k > s && attaches(text.charCodeAt(k - 1), false)) || (m < e && attaches(text.charCodeAt(m), m + 1 === e || !isLetter(text.charCodeAt(m + 1))))) {
      out.flags[out.length - 1] |= F_ATTACHED;
      if (transliterated(k, m, s, e)) out.flags[out.length - 1] |= F_HYPHENED;
    }
  }

  /**
   * Whether the letter run [k, m) of chunk [s, e) is a syllable of a transliteration: a chain of
   * three or more runs joined by hyphens ("Bơ-mu-đa", "ra-đi-ô"), or of two whose first is
   * capitalised and second not ("Đô-la"). Two words of running text OCR joined ("kinh tế-xã hội")
   * or two names ("Bà Rịa-Vũng Tàu") are not.
   */
  function transliterated(k: number, m: number, s: number, e: number): boolean {
    const joinedLeft = (a: number) => a - 1 > s && text.charCodeAt(a - 1) === 45 && isLetter(text.charCodeAt(a - 2));
    const joinedRight = (b: number) => b + 1 < e && text.charCodeAt(b) === 45 && isLetter(text.charCodeAt(b + 1));
    if (!joinedLeft(k) && !joinedRight(m)) return false;
    let a = k, b = m, runs = 1;
    while (runs < 8 && joinedLeft(a)) {
      let p = a - 2; // the last letter of the run before the hyphen
      while (p - 1 >= s && isLetter(text.charCodeAt(p - 1))) p--;
      a = p; runs++;
    }
    while (runs < 8 && joinedRight(b)) {
      let q = b + 1;
      while (q < e && isLetter(text.charCodeAt(q))) q++;
      b = q; runs++;
    }
    if (runs >= 3) return true;
    // two runs: the first starts at a, the second after the hyphen
    const first = text.charCodeAt(a), second = text.charCodeAt(joinedLeft(k) ? k : m + 1);
    return caseOf(first) === 1 && caseOf(second) !== 1;
  }

  /** Adds the word [s, e) as a token; false when it lies in skipped text (no token). */
  function emit(s: number, e: number): boolean {
    if (inSkip(s, e)) { breakPrev(); return false; }
    // case from the code units: no string is made for the token
    let ups = 0, others = 0, roman = true;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      const u = caseOf(c);
      if (u === 1) ups++; else if (u === 2) others++;
      // I V X L C D M
      if (roman && !isRomanLetter(c)) roman = false;
    }
    let skip = false;
    const isUpper = e - s >= 2 && ups > 0 && others === 0;
    // acronyms in running text (UBND, GRDP, HĐND); Roman numerals
    if (isUpper && !upperLine) skip = true;
    if (roman && !skip) {
      const nx = text[e] ?? '';
      if (!upperLine || nx === '.' || nx === ')' || s === lineStart || ROMAN_CONTEXT.has(text.slice(lastStart, lastEnd).toLowerCase())) skip = true;
    }
    // a token with letters from another script (Greek etc.) or a mixed case like "iPhone"
    if (!skip) for (let k = s; k < e; k++) { const c = text.charCodeAt(k); if (c >= 0x370 && c <= 0x3ff) { skip = true; break; } }
    let mixed = false;
    if (!skip && ups > 0 && !isUpper) {
      for (let k = s + 1; k < e; k++) if (caseOf(text.charCodeAt(k)) === 1) { skip = true; break; }
      // ... unless it has Vietnamese marks: "ĐIểm", "kếU", "nútThêm", "xÉp" are OCR damage or a
      // slip of the keyboard, not a product name (skipped as context, judged on their own)
      if (skip) { const w = text.slice(s, e).toLowerCase(); mixed = hasVietnameseMarks(w) && !hasForeignMarks(w); }
    }
    out.add(s, e, (pendingBreak ? F_BREAK_BEFORE : 0) | (sentenceStart ? F_SENTENCE_START : 0) | (upperLine ? F_UPPER_LINE : 0) | (skip ? F_SKIP : 0) | (mixed ? F_MIXED : 0), line);
    pendingBreak = false;
    sentenceStart = false;
    lastStart = s; lastEnd = e;
    return true;
  }
}
