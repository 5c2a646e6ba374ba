// footnote.undefined: a footnote marker whose number has no definition line.
import type { Rule } from '../rule';
import { footnoteIndex } from './common';

export const rule: Rule = {
  code: 'footnote.undefined',
  family: 'footnote',
  description: {
    en: 'A footnote marker has no matching footnote definition.',
    vi: 'Dấu chú thích không có lời chú thích tương ứng.',
  },
  rationale: 'A reader who follows the marker finds nothing: the definition was lost (often in OCR or when pasting) or the marker carries the wrong number.',
  defaultSeverity: 'error',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const idx = footnoteIndex(doc);
    for (const r of [...idx.body, ...idx.cross]) {
      if (idx.defs.has(r.n)) continue;
      ctx.report({
        span: { start: r.start, end: r.end },
        message: {
          en: `Footnote ${r.n} is referenced here but never defined.`,
          vi: `Chú thích ${r.n} được đánh dấu ở đây nhưng không có lời chú thích.`,
        },
        data: { footnote: r.n },
      });
    }
  },
};
