// Capitals (and the digits and strokes in document codes) that OCR reads for one another. One
// table for the two checks that repair a capital code: spelling's acronym repair ("LBND" ->
// "UBND", "HDND" -> "HĐND") and the citation checks' type and issuer codes ("19-KI/TU" ->
// "KL", "15-NQ/TV của Tỉnh ủy" -> "TU").

/**
 * Each string is one family of look-alikes. Families overlap (I is in two) and the relation is
 * not transitive: U looks like L, I, J or V, but not like T or Y. Digits and strokes (0, 1, |,
 * l) only ever match inside a document code; no acronym holds them.
 */
export const CAPITAL_LOOKALIKES: readonly string[] = ['DĐOQ0', 'ULIJ', 'ILT1|l', 'UV', 'VY', 'NHM', 'CGO', 'EF', 'PR', 'KX'];

/**
 * A code without the marks OCR put on its capitals ("ƯBND" -> "UBND", "NQ/TỤ" -> "NQ/TU"); Đ is a
 * letter of its own and stays.
 */
export function unmarkedCapitals(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** `a` and `b` are the same character or look-alikes of one family. */
export function looksAlike(a: string, b: string): boolean {
  return a === b || CAPITAL_LOOKALIKES.some(g => g.includes(a) && g.includes(b));
}
