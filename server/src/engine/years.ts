// Years as bulletins write them, and the one-digit repairs of a year OCR damaged: shared by the
// spelling check (a number where a year must stand) and the citation checks (a cited date after
// the bulletin's own).

/** A year of the register: four digits from 1900 to 2100. */
export const isYear = (x: string): boolean => /^\d{4}$/.test(x) && +x >= 1900 && +x <= 2100;

/** Years from 1945 to 2100 one digit away from `w` (replaced, or dropped from 5 digits). */
export function yearRepairs(w: string): string[] {
  const out = new Set<string>();
  for (let k = 0; k < w.length; k++) {
    if (w.length === 5) out.add(w.slice(0, k) + w.slice(k + 1));
    else for (let d = 0; d <= 9; d++) out.add(w.slice(0, k) + d + w.slice(k + 1));
  }
  return [...out].filter(x => isYear(x) && +x >= 1945);
}
