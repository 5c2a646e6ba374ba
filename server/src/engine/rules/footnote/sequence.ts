// footnote.sequence: footnote numbers that skip or go backwards in reading order.
import type { Rule } from '../rule';
import { footnoteIndex } from './common';

export const rule: Rule = {
  code: 'footnote.sequence',
  family: 'footnote',
  description: {
    en: 'Footnote numbers skip a number or go backwards in reading order.',
    vi: 'Số thứ tự chú thích bị nhảy cóc hoặc đi lùi theo thứ tự đọc.',
  },
  rationale: 'Markers are numbered 1, 2, 3 … in the order a reader meets them. A gap means a marker was lost (or misread by OCR); a step back means markers were swapped or mistyped.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const idx = footnoteIndex(doc);
    // Body markers: each new number must be the next one.
    let max = 0;
    const seen = new Set<number>();
    for (const r of idx.body) {
      if (seen.has(r.n)) continue; // repeats are footnote.duplicate
      seen.add(r.n);
      if (r.n === max + 1) { max = r.n; continue; }
      if (r.n > max + 1) {
        const missing = max + 1 === r.n - 1 ? `${max + 1}` : `${max + 1}–${r.n - 1}`;
        ctx.report({
          span: { start: r.start, end: r.end },
          message: {
            en: `Footnote ${r.n} follows ${max || 'the start'}: footnote ${missing} is missing.`,
            vi: `Chú thích ${r.n} đứng sau ${max || 'đầu văn bản'}: thiếu chú thích ${missing}.`,
          },
          data: { footnote: r.n, expected: max + 1 },
        });
        max = r.n;
      } else {
        ctx.report({
          span: { start: r.start, end: r.end },
          message: {
            en: `Footnote ${r.n} comes after footnote ${max}: the numbering goes backwards.`,
            vi: `Chú thích ${r.n} đứng sau chú thích ${max}: số thứ tự bị đi lùi.`,
          },
          data: { footnote: r.n, expected: max + 1 },
        });
      }
    }
    // Definitions: listed in increasing order.
    let prev = 0;
    for (const d of doc.footnoteDefs) {
      if (d.n < prev) {
        ctx.report({
          span: { start: d.marker.start, end: d.marker.end },
          message: {
            en: `Definition of footnote ${d.n} comes after the definition of footnote ${prev}.`,
            vi: `Lời chú thích ${d.n} đứng sau lời chú thích ${prev}.`,
          },
          data: { footnote: d.n },
        });
      }
      prev = Math.max(prev, d.n);
    }
  },
};
