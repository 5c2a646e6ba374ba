import type { Rule, RuleContext } from '../rule';
import { spellingIssues } from './analyze';

export const rule: Rule = {
  code: 'spelling.invalid-syllable',
  family: 'spelling',
  description: { en: 'A word that cannot be a Vietnamese syllable (stacked tone marks, a tone a stop final does not allow, an impossible letter sequence).', vi: 'Từ không thể là âm tiết tiếng Việt (chồng dấu, dấu thanh không hợp với phụ âm cuối, tổ hợp chữ không có).' },
  rationale: 'OCR often stacks or misplaces diacritics; such words are certainly wrong.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx: RuleContext) {
    for (const x of spellingIssues(ctx.doc, ctx.config, ctx.resources.spelling)) {
      if (x.code !== this.code) continue;
      ctx.report({
        span: { start: x.span.start, end: x.span.end },
        message: x.message,
        suggestions: x.suggestions,
        safe: x.safe,
        severity: x.severity,
        data: { word: x.word, confidence: Math.round(x.conf * 1000) / 1000 },
      });
    }
  },
};
