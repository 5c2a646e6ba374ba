// Foreign words of the register ("logistics", "hecta", "LibreOffice") and OCR damage to them
// ("logisties", "LibreOfice", "INIDEX"): the repair of a word of plain letters that is no
// Vietnamese syllable, no English word and no foreign word of Vietnamese text, but one OCR slip
// (two in a long word) from a foreign word that is (foreignWords.ts, scripts/data/foreign.mjs).
import { TARGETS, PROTECTED } from './foreignWords';
import { maxDistance, slipWord, withinSlipsOf, type SlipWord } from './foreignSlips';

interface Target extends SlipWord { shape: string; count: number }
let byLength: Map<number, Target[]> | null = null;
let known: Set<string> | null = null;
/** Verdicts per lower-case word (a pure function of the word; bounded, and dropped with the spelling caches). */
const memo = new Map<string, Target | null>();

/** Drop the verdicts (clearSpellingCaches: tests and benchmarks of fresh text). */
export function clearForeignMemo(): void { memo.clear(); }

function load(): void {
  byLength = new Map();
  known = new Set(PROTECTED.split(' '));
  for (const e of TARGETS.split(' ')) {
    const k = e.lastIndexOf(':');
    const shape = e.slice(0, k), lower = shape.toLowerCase();
    known.add(lower);
    const list = byLength.get(lower.length) ?? [];
    list.push({ ...slipWord(lower), shape, count: +e.slice(k + 1) });
    byLength.set(lower.length, list);
  }
}

/** True for a foreign word of Vietnamese text, or a word protected from repair (English "tide"). */
export function isKnownForeign(lower: string): boolean {
  if (!known) load();
  return known!.has(lower);
}

/**
 * The repair of `written` (5+ ASCII letters, no Vietnamese syllable) when it is OCR damage to a
 * foreign word of the register, in the written word's case ("Tirle" -> "Title", "INIDEX" ->
 * "INDEX"; a word with capitals inside takes the word's own shape, "LibreOfice" ->
 * "LibreOffice"); null when it is a known word or no such word is that close.
 */
export function foreignRepair(written: string): string | null {
  if (!/^[A-Za-z]{5,}$/.test(written)) return null;
  const lower = written.toLowerCase();
  if (!known) load();
  if (known!.has(lower)) return null;
  let best = memo.get(lower);
  if (best === undefined) {
    best = null;
    const w = slipWord(lower);
    const d = maxDistance(lower) / 2;
    for (let n = lower.length - d; n <= lower.length + d; n++) {
      for (const t of byLength!.get(n) ?? []) if ((!best || t.count > best.count) && withinSlipsOf(w, t)) best = t;
    }
    if (memo.size > 10000) memo.clear();
    memo.set(lower, best);
  }
  if (!best) return null;
  if (written === written.toUpperCase()) return best.shape.toUpperCase();
  if (best.shape !== best.lower) return best.shape;
  const initial = written[0] !== written[0]!.toLowerCase();
  return initial ? best.lower[0]!.toUpperCase() + best.lower.slice(1) : best.lower;
}
