// footnote.self-reference: a footnote's definition carries its own marker.
import type { Rule } from '../rule';
import { footnoteIndex } from './common';

export const rule: Rule = {
  code: 'footnote.self-reference',
  family: 'footnote',
  description: {
    en: 'A footnote definition contains its own marker.',
    vi: 'Lời chú thích chứa chính dấu chú thích của nó.',
  },
  rationale: 'A note cannot cite itself; the marker inside the definition is a copy-paste or conversion artefact (seed 003, footnote 8). Removing it is usually right, but check the note first.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const idx = footnoteIndex(ctx.doc);
    for (const r of idx.self) {
      ctx.report({
        span: { start: r.start, end: r.end },
        message: {
          en: `Footnote ${r.n} refers to itself inside its own definition.`,
          vi: `Chú thích ${r.n} tự dẫn tới chính nó trong lời chú thích.`,
        },
        suggestions: [''],
        data: { footnote: r.n },
      });
    }
  },
};
