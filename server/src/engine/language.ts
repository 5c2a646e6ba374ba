// Cheap language sniffing used to decide whether a Markdown or plain-text file is a bulletin
// (setting bulletin.activation = auto). Pure: looks only at the first ~4 KB of text.

/** Letters that only Vietnamese uses among Latin-script languages (after NFC). */
const STRONG = /[ăâđêôơưĂÂĐÊÔƠƯĩũĨŨ\u1EA0-\u1EF9\u00D0]/;
/** Tone-marked vowels shared with French/Spanish/Portuguese: weak evidence on their own. */
const WEAK = /[àáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝ]/;
const WORD = /[\p{L}\p{M}]+/gu;

const SAMPLE = 4096;

/**
 * True when the text reads as Vietnamese: enough words carry letters or tone marks that only
 * Vietnamese uses. OCR damage does not matter much: damaged words still carry marks.
 */
export function looksVietnamese(text: string): boolean {
  if (!text) return false;
  let sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // decomposed input: compose so the marks are seen on their letters
  if (/[\u0300-\u036f]/.test(sample)) sample = sample.normalize('NFC');
  let words = 0, strong = 0, weak = 0;
  for (const m of sample.matchAll(WORD)) {
    const w = m[0];
    words++;
    if (STRONG.test(w)) strong++;
    else if (WEAK.test(w)) weak++;
  }
  if (words === 0) return false;
  // Vietnamese prose: 40-70 % of syllables carry a Vietnamese-only letter or mark.
  if (strong >= 3 && strong / words >= 0.12) return true;
  // very short texts: a couple of unmistakable syllables are enough
  if (words <= 12 && strong >= 2) return true;
  // mostly weak marks (French, Spanish) are not Vietnamese unless strong ones are present too
  return strong >= 2 && (strong + weak) / words >= 0.3;
}
