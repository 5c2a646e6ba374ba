// How close OCR damage lies to a foreign word of the register ("logistics" -> "logisties",
// "LibreOffice" -> "LibreOfice", "index" -> "inidex"). Shared by the engine (foreign.ts) and the
// script that builds its table (scripts/data/foreign.mjs), so that the words the table protects
// are exactly those the engine could report.
import { groupStarts, letterCounts, letterDifference, MAX_LETTER_CHANGE, ocrDistanceWith, THIN_LETTERS } from './ocrDistance';

/** Foreign words counted at least this often are proposed as repairs. */
export const MIN_TARGET = 20;

/** The OCR distance a word may be from its repair: one slip (a look-alike letter or letter
 * group, a thin letter lost or added), two in a long word (8+ letters). */
export function maxDistance(written: string): number {
  return written.length >= 8 ? 4 : 2;
}

/** A lower-case word with what ocrDistance needs of it, computed once. */
export interface SlipWord { lower: string; letters: Uint16Array; groups: Int32Array }

export function slipWord(lower: string): SlipWord {
  return { lower, letters: letterCounts(lower), groups: groupStarts(lower) };
}

/**
 * True when the lower-case `written` is `target` with OCR's slips (ocrDistance; only thin
 * letters are lost or added: a thick one is a word's own letter) within maxDistance(written).
 */
export function withinSlipsOf(written: SlipWord, target: SlipWord): boolean {
  const max = maxDistance(written.lower);
  // (letter counts that differ too much rule the pair out without the table)
  if (letterDifference(written.letters, target.letters) > MAX_LETTER_CHANGE * max) return false;
  return ocrDistanceWith(written.lower, written.groups, target.lower, target.groups, max, THIN_LETTERS) <= max;
}

/** withinSlipsOf for two plain lower-case words. */
export function withinSlips(written: string, target: string): boolean {
  return withinSlipsOf(slipWord(written), slipWord(target));
}
