// Years and dates as bulletins write them, and the one-digit repairs of a year OCR damaged: shared
// by the spelling check (a number where a year must stand, a date that does not exist) and the
// citation checks (a cited date after the bulletin's own, a cited date that does not exist).

/** A year of the register: four digits from 1900 to 2100. */
export const isYear = (x: string): boolean => /^\d{4}$/.test(x) && +x >= 1900 && +x <= 2100;

/** Day d of month m (1 to 12) exists in year y (the Gregorian calendar's leap years). */
export function dateExists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

/** Years from 1945 to 2100 one digit away from `w` (replaced, or dropped from 5 digits). */
export function yearRepairs(w: string): string[] {
  const out = new Set<string>();
  for (let k = 0; k < w.length; k++) {
    if (w.length === 5) out.add(w.slice(0, k) + w.slice(k + 1));
    else for (let d = 0; d <= 9; d++) out.add(w.slice(0, k) + d + w.slice(k + 1));
  }
  return [...out].filter(x => isYear(x) && +x >= 1945);
}
