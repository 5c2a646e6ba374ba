// The folded shadow text (citations.md 3.1): same length as the analysis text, one UTF-16 unit
// per unit, with diacritics removed, đ/Đ -> d and lower case. Keywords are matched on it, so
// "Nghị qụỵểt", "Nghi quyết" and "NGHỊ QUYẾT" all read "nghi quyet"; offsets are shared.
// BMP lookup table, filled lazily (0 = not computed yet; no unit folds to NUL except NUL)
const table = new Uint16Array(65536);

function foldUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const hit = table[code]!;
  if (hit !== 0) return hit;
  let out = code;
  if (code === 0x0110 || code === 0x0111 || code === 0x00d0 || code === 0x00f0) out = 100; // d
  else if (code < 0xd800 || code > 0xdfff) {
    const base = String.fromCharCode(code).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base.length === 1) {
      const lower = base.toLowerCase();
      out = lower.length === 1 ? lower.charCodeAt(0) : base.charCodeAt(0);
    }
  }
  table[code] = out;
  return out;
}

/** Fold an analysis text; the result has exactly the same length. */
export function foldText(text: string): string {
  const n = text.length;
  const parts: string[] = [];
  const CH = 8192;
  for (let i = 0; i < n; i += CH) {
    const end = Math.min(n, i + CH);
    const codes = new Array<number>(end - i);
    for (let k = i; k < end; k++) codes[k - i] = foldUnit(text.charCodeAt(k));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * The folded text of `text` read where it is asked for: the unit at an offset, or a slice. A
 * check that looks at a few words around a citation then never folds (or assembles) the whole
 * text, which cost a re-check of a 1 MB bulletin about 4 ms.
 */
export class FoldedView {
  constructor(readonly text: string) {}
  get length(): number { return this.text.length; }
  /** The folded unit at `i` ('' outside the text). */
  at(i: number): string { return i >= 0 && i < this.text.length ? String.fromCharCode(foldUnit(this.text.charCodeAt(i))) : ''; }
  /** foldText(text).slice(a, b), folding only that slice. */
  slice(a: number, b: number): string { return foldText(this.text.slice(a, b)); }
}

/** Fold a short string and collapse whitespace (for alias tables and lookups). */
export function foldKey(s: string): string {
  return foldText(s.normalize('NFC')).replace(/\s+/g, ' ').trim();
}
