// The word around an offset of the analysis text, and whether an offset is in a span the prose
// checks skip: shared by the checks that report a word for one character in it
// (spelling.lookalike-letter, spelling.invisible-character).

const WORD_UNIT = /[\p{L}\p{M}\p{N}]/u;

/** text[k] is part of a word: a letter, a mark or a digit (a surrogate half is not). */
export function isWordUnit(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xd800 && c <= 0xdfff ? false : WORD_UNIT.test(text[k]!);
}

/** The word units around [from, to): the widest [start, end) of word units that contains it. */
export function wordAround(text: string, from: number, to: number): { start: number; end: number } {
  let s = from, e = to;
  while (s > 0 && isWordUnit(text, s - 1)) s--;
  while (e < text.length && isWordUnit(text, e)) e++;
  return { start: s, end: e };
}

/** Whether the analysis offset `a` lies in one of the sorted, disjoint `skips` (code, URLs, tags). */
export function inSkip(skips: readonly { start: number; end: number }[], a: number): boolean {
  let lo = 0, hi = skips.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = skips[mid]!;
    if (a < s.start) hi = mid - 1;
    else if (a >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}
