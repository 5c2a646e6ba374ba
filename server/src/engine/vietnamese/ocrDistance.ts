// The OCR edit distance between two Latin words: how many slips of print recognition make one
// of the other ("LibreOtfice" / "LibreOffice", "modern" / "modem"). Used by spelling.misread-term
// (a term the document repeats) and by the foreign-word repair (foreign.ts: a word of the
// register's table), so both weigh OCR's slips alike.
import { SIMILAR as LOOKALIKES } from './model';

/**
 * Letter pairs OCR confuses in Latin print (either order): the OCR channel's look-alikes, and
 * the thin letters of Latin words (f / l / i, l / d, r / t).
 */
const SIMILAR = new Set<string>([...LOOKALIKES, 'lf', 'fl', 'fi', 'if', 'ld', 'dl', 'rt', 'tr']);

/** SIMILAR for two ASCII characters, by code: [x * 128 + y]. */
const SIMILAR_ASCII = new Uint8Array(128 * 128);
for (const p of SIMILAR) SIMILAR_ASCII[p.charCodeAt(0) * 128 + p.charCodeAt(1)] = 1;

/** Letter groups OCR reads as other groups (either way): "rn"/"m", "cl"/"d", "li"/"h". */
const GROUPS: [string, string][] = [['rn', 'm'], ['cl', 'd'], ['li', 'h'], ['ri', 'n'], ['in', 'm'], ['ni', 'm'], ['ii', 'u'], ['tl', 'd'], ['lt', 'd'], ['ll', 'ff'], ['fi', 'li']];

/** The thin letters small type loses and OCR adds (i, l, t, f, r, j), by code: for ocrDistance's `lost`. */
export const THIN_LETTERS = new Uint8Array(128);
for (const c of 'iltfrj') THIN_LETTERS[c.charCodeAt(0)] = 1;

/**
 * Weighted edit distance between two plain lower-case words as OCR would make it: a look-alike
 * substitution or a letter-group confusion costs 1, a lost or an added letter 2; other
 * substitutions are not OCR's ("defines" / "defined", "table" / "cable" are other words), so they
 * are not allowed at all. With `lost` (ASCII codes set to 1), only those letters may be lost or
 * added. Returns a value above `max` as soon as the distance must exceed it.
 */
export function ocrDistance(a: string, b: string, max: number, lost: Uint8Array | null = null): number {
  return ocrDistanceWith(a, groupStarts(a), b, groupStarts(b), max, lost);
}

/** ocrDistance with each word's groupStarts computed once by the caller. */
export function ocrDistanceWith(a: string, ga: Int32Array, b: string, gb: Int32Array, max: number, lost: Uint8Array | null = null): number {
  const n = a.length, k = b.length;
  if (Math.abs(n - k) * 2 > max + 2) return max + 1;
  const W = k + 1;
  if (table.length < (n + 1) * W) table = new Float64Array(2 * (n + 1) * W);
  const d = table;
  d.fill(Infinity, 0, (n + 1) * W);
  d[0] = 0;
  for (let i = 0; i <= n; i++) {
    let rowMin = Infinity;
    // every edit moves i and j apart by at most one per unit of cost, so d[i][j] >= |i - j|
    const j0 = i - max > 0 ? i - max : 0, j1 = i + max < k ? i + max : k;
    for (let j = j0; j <= j1; j++) {
      const v = d[i * W + j]!;
      if (v < rowMin) rowMin = v;
      if (v > max) continue;
      if (i < n && j < k) {
        const x = a.charCodeAt(i), y = b.charCodeAt(j);
        const c = x === y ? 0 : (x | y) < 128 ? (SIMILAR_ASCII[x * 128 + y] ? 1 : Infinity) : SIMILAR.has(a[i]! + b[j]!) ? 1 : Infinity;
        if (v + c < d[(i + 1) * W + j + 1]!) d[(i + 1) * W + j + 1] = v + c;
      }
      if (i < n && v + 2 < d[(i + 1) * W + j]! && (lost === null || lost[a.charCodeAt(i)] === 1)) d[(i + 1) * W + j] = v + 2;
      if (j < k && v + 2 < d[i * W + j + 1]! && (lost === null || lost[b.charCodeAt(j)] === 1)) d[i * W + j + 1] = v + 2;
      const ma = ga[i]!, mb = gb[j]!;
      if (ma === 0 || mb === 0) continue;
      for (let g = 0; g < GROUPS.length; g++) {
        const [x, y] = GROUPS[g]!;
        if ((ma >> (2 * g)) & 1 && (mb >> (2 * g + 1)) & 1) {
          const o = (i + x.length) * W + j + y.length;
          if (v + 1 < d[o]!) d[o] = v + 1;
        }
        if ((ma >> (2 * g + 1)) & 1 && (mb >> (2 * g)) & 1) {
          const o = (i + y.length) * W + j + x.length;
          if (v + 1 < d[o]!) d[o] = v + 1;
        }
      }
    }
    if (rowMin > max) return max + 1;
  }
  return d[n * W + k]!;
}

/** ocrDistance's table, reused from call to call. */
let table = new Float64Array(1024);

/**
 * Which letter groups start where in `w`: for each position (and one past the end, 0), bit 2g
 * for GROUPS[g][0] and bit 2g + 1 for GROUPS[g][1].
 */
export function groupStarts(w: string): Int32Array {
  const out = new Int32Array(w.length + 1);
  for (let i = 0; i < w.length; i++) {
    let m = 0;
    for (let g = 0; g < GROUPS.length; g++) {
      if (w.startsWith(GROUPS[g]![0], i)) m |= 1 << (2 * g);
      if (w.startsWith(GROUPS[g]![1], i)) m |= 1 << (2 * g + 1);
    }
    out[i] = m;
  }
  return out;
}

/**
 * How many letters one unit of ocrDistance can change in a word's letter counts: a group
 * confusion "ll" / "ff" changes four ("rn" / "m" three, a look-alike two, a lost letter one at
 * twice the cost). So words whose letter counts differ by more than 4 * max are further apart than
 * max, and callers skip them without the table (most pairs of a software text's terms).
 */
export const MAX_LETTER_CHANGE = 4;

/** Letter counts of a plain lower-case word: a-z, and one slot for anything else. */
export function letterCounts(plain: string): Uint16Array {
  const c = new Uint16Array(27);
  for (let i = 0; i < plain.length; i++) {
    const x = plain.charCodeAt(i) - 97;
    c[x >= 0 && x < 26 ? x : 26]++;
  }
  return c;
}

export function letterDifference(a: Uint16Array, b: Uint16Array): number {
  let s = 0;
  for (let i = 0; i < 27; i++) s += Math.abs(a[i]! - b[i]!);
  return s;
}
