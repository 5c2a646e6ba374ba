// Character classes and label parsing shared by the parser and the structure checks.
// Everything here is O(length) and regex-free or uses only anchored, bounded patterns.

const LETTER = /\p{L}/u;

export function isLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0xc0) return false;
  return LETTER.test(ch);
}

export function isUpper(ch: string | undefined): boolean {
  return !!ch && isLetter(ch) && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(ch: string | undefined): boolean {
  return !!ch && isLetter(ch) && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\ufeff';
}

/** Share of upper-case letters among the letters of s (0 when s has none). */
export function capsRatio(s: string): { ratio: number; letters: number } {
  let up = 0, letters = 0;
  for (const ch of s) {
    if (!isLetter(ch)) continue;
    letters++;
    if (isUpper(ch)) up++;
  }
  return { ratio: letters ? up / letters : 0, letters };
}

// ---- Roman numerals ----------------------------------------------------------------------

const ROMAN_VALUES = new Map<string, number>();
{
  const units = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
  const tens = ['', 'X', 'XX', 'XXX'];
  for (let t = 0; t < tens.length; t++) {
    for (let u = 0; u < units.length; u++) {
      const v = t * 10 + u;
      if (v > 0) ROMAN_VALUES.set(tens[t]! + units[u]!, v);
    }
  }
}

/** Canonical upper-case Roman numeral for 1..39. */
export function toRoman(n: number): string {
  for (const [k, v] of ROMAN_VALUES) if (v === n) return k;
  return String(n);
}

/** Value of a canonical Roman numeral (1..39), case-insensitive; undefined otherwise. */
export function romanValue(s: string): number | undefined {
  return ROMAN_VALUES.get(s.toUpperCase());
}

/** OCR look-alikes of the letter I in an upper-case Roman label (Ị Ì Í Ỉ Ĩ l 1 |). */
const I_LOOKALIKE = new Set(['Ị', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'İ', 'l', '1', '|', 'ị', 'ì', 'í', 'ỉ', 'ĩ', 'i']);
/** Characters that may appear in an (OCR-damaged) upper-case Roman label. */
export function isRomanLabelChar(ch: string): boolean {
  return ch === 'I' || ch === 'V' || ch === 'X' || ch === 'L' || I_LOOKALIKE.has(ch);
}

export interface RomanParse { value: number; repaired: boolean; /** the trailing L stood for the dot */ lIsDot: boolean }

/**
 * Parse an upper-case Roman label as written, repairing OCR damage: Ị/Ì/Í/Ỉ/Ĩ/l/1/| read as I,
 * and a trailing L read as the lost dot ("ỊL" = "I."). `expected` breaks ties.
 */
export function parseRomanLabel(raw: string, expected?: number): RomanParse | undefined {
  if (!raw || raw.length > 6) return undefined;
  let mapped = '';
  let repaired = false;
  for (const ch of raw) {
    if (ch === 'I' || ch === 'V' || ch === 'X' || ch === 'L') mapped += ch;
    else if (I_LOOKALIKE.has(ch)) { mapped += 'I'; repaired = true; }
    else return undefined;
  }
  if (mapped[0] === 'L') return undefined;
  const cands: RomanParse[] = [];
  const direct = romanValue(mapped);
  if (direct !== undefined && direct <= 20) cands.push({ value: direct, repaired, lIsDot: false });
  if (mapped.length > 1 && mapped.endsWith('L')) {
    const v = romanValue(mapped.slice(0, -1));
    if (v !== undefined) cands.push({ value: v, repaired: true, lIsDot: true });
  }
  if (cands.length === 0) return undefined;
  if (expected !== undefined) {
    const hit = cands.find(c => c.value === expected);
    if (hit) return hit;
  }
  return cands[0];
}

const ROMAN_RE = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** What OCR may have made of each letter of an upper-case Roman numeral (first reading first). */
export const ROMAN_READS: Readonly<Record<string, readonly string[]>> = {
  I: ['I'], V: ['V'], X: ['X'], L: ['L'], C: ['C'], D: ['D'], M: ['M'],
  Ĩ: ['I'], Ì: ['I'], Í: ['I'], Ỉ: ['I'], Ị: ['I'], l: ['I'], '|': ['I'], '1': ['I'],
  H: ['II', 'I'], U: ['II', 'I'],
};
/** More readings, only for a section label at the start of a heading line, where the numeral
 * that comes next in the sequence decides ("TV." for IV., "LH." for III., "HE" for III, "TY,"
 * for IV., "NHI." for III.). */
export const LABEL_READS: Readonly<Record<string, readonly string[]>> = { ...ROMAN_READS, T: ['I'], E: ['I'], L: ['L', 'I'], Y: ['V'], N: ['II', 'I'] };

/** The Roman numerals a damaged label can stand for ("XXHU" -> XXIII, "1V" -> IV), distinct. */
export function romanReadings(raw: string, reads: Readonly<Record<string, readonly string[]>> = ROMAN_READS): string[] {
  let out = [''];
  for (const ch of raw) {
    const rs = reads[ch];
    if (!rs) return [];
    out = out.flatMap(p => rs.map(r => p + r));
  }
  return [...new Set(out)].filter(x => x.length >= 1 && ROMAN_RE.test(x));
}

/** Letters OCR writes for the I of a section label in small type, beyond the I look-alikes. */
const LABEL_DAMAGE = new Set(['H', 'U', 'T', 'E']);
export function isLabelDamageLetter(ch: string): boolean { return LABEL_DAMAGE.has(ch); }
/** A character of a damaged section label at the start of a heading ("HI.", "TV.", "LH."). */
export function isDamagedLabelChar(ch: string): boolean {
  return isRomanLabelChar(ch) || LABEL_DAMAGE.has(ch);
}
/** A section label read as the numeral the sequence expects ("HI." as III. after II.), or undefined. */
export function damagedRomanLabel(raw: string, expected: number): RomanParse | undefined {
  if (!raw || raw.length > 6 || expected < 1) return undefined;
  return romanReadings(raw, LABEL_READS).includes(toRoman(expected)) ? { value: expected, repaired: true, lIsDot: false } : undefined;
}

/** OCR look-alikes of i in a lower-case Roman enumeration label "(ỉii)". */
const LOWER_I = new Set(['i', 'ỉ', 'ì', 'í', 'ị', 'ĩ', 'l']);

/** Value of a lower-case Roman enumeration label (i..xx), tolerating OCR-damaged i's. */
export function parseLowerRoman(raw: string): { value: number; repaired: boolean } | undefined {
  let mapped = '';
  let repaired = false;
  for (const ch of raw) {
    if (ch === 'v' || ch === 'x') mapped += ch;
    else if (LOWER_I.has(ch)) { mapped += 'i'; if (ch !== 'i') repaired = true; }
    else return undefined;
  }
  const v = romanValue(mapped);
  if (v === undefined || v > 20) return undefined;
  return { value: v, repaired };
}

export function isLowerRomanChar(ch: string): boolean {
  return ch === 'v' || ch === 'x' || LOWER_I.has(ch);
}
