// footnote.duplicate: the same footnote number defined twice, or marked twice in the body text.
import type { Rule } from '../rule';
import { footnoteIndex } from './common';

export const rule: Rule = {
  code: 'footnote.duplicate',
  family: 'footnote',
  description: {
    en: 'A footnote number is defined more than once, or marked more than once in the text.',
    vi: 'Một số chú thích được định nghĩa hoặc được đánh dấu trong văn bản nhiều hơn một lần.',
  },
  rationale: 'Bulletin footnotes are numbered once each; a repeated number makes it ambiguous which note a marker points to. A marker repeated inside its own definition is reported by footnote.self-reference instead.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const idx = footnoteIndex(doc);
    for (const [n, defs] of idx.defs) {
      for (const d of defs.slice(1)) {
        const first = doc.source.positionAt(defs[0]!.start).line + 1;
        ctx.report({
          span: { start: d.marker.start, end: d.marker.end },
          message: {
            en: `Footnote ${n} is defined again (first definition on line ${first}).`,
            vi: `Chú thích ${n} được định nghĩa lại (lần đầu ở dòng ${first}).`,
          },
          data: { footnote: n, firstLine: first },
        });
      }
    }
    const seen = new Map<number, number>();
    for (const r of idx.body) {
      const prev = seen.get(r.n);
      if (prev === undefined) { seen.set(r.n, r.start); continue; }
      const first = doc.source.positionAt(prev).line + 1;
      ctx.report({
        span: { start: r.start, end: r.end },
        message: {
          en: `Footnote marker ${r.n} is used again (first on line ${first}); each note should be marked once.`,
          vi: `Dấu chú thích ${r.n} được dùng lại (lần đầu ở dòng ${first}); mỗi chú thích chỉ nên đánh dấu một lần.`,
        },
        data: { footnote: r.n, firstLine: first },
      });
    }
  },
};
