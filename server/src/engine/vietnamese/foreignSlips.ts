// How close OCR damage lies to a foreign word of the register ("logistics" -> "logisties",
// "LibreOffice" -> "LibreOfice", "index" -> "inidex"). Shared by the engine (foreign.ts) and the
// script that builds its table (scripts/data/foreign.mjs), so that the words the table protects
// are exactly those the engine could report.
import { ocrDistance, THIN_LETTERS } from './ocrDistance';

/** Foreign words counted at least this often are proposed as repairs. */
export const MIN_TARGET = 20;

/** The OCR distance a word may be from its repair: one slip (a look-alike letter or letter
 * group, a thin letter lost or added), two in a long word (8+ letters). */
export function maxDistance(written: string): number {
  return written.length >= 8 ? 4 : 2;
}

/**
 * True when the lower-case `written` is `target` with OCR's slips (ocrDistance; only thin
 * letters are lost or added: a thick one is a word's own letter) within maxDistance(written).
 */
export function withinSlips(written: string, target: string): boolean {
  const max = maxDistance(written);
  return ocrDistance(written, target, max, THIN_LETTERS) <= max;
}
