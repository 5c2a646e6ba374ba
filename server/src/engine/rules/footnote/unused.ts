// footnote.unused: a footnote definition that no marker refers to.
import type { Rule } from '../rule';
import { footnoteIndex } from './common';

export const rule: Rule = {
  code: 'footnote.unused',
  family: 'footnote',
  description: {
    en: 'A footnote definition is never referenced by a marker.',
    vi: 'Lời chú thích không được dấu chú thích nào dẫn tới.',
  },
  rationale: 'An orphan definition usually means its marker was dropped from the text (OCR often loses superscript digits), so the note no longer attaches to the statement it supports.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const idx = footnoteIndex(doc);
    for (const [n, defs] of idx.defs) {
      if (idx.used.has(n)) continue;
      const d = defs[0]!;
      ctx.report({
        span: { start: d.marker.start, end: d.marker.end },
        message: {
          en: `Footnote ${n} is defined but no marker in the text refers to it.`,
          vi: `Chú thích ${n} có lời chú thích nhưng không có dấu chú thích nào trong văn bản dẫn tới.`,
        },
        data: { footnote: n },
      });
    }
  },
};
