import type { Rule, RuleContext } from '../rule';
import { spellingIssues } from './analyze';

export const rule: Rule = {
  code: 'spelling.unknown-syllable',
  family: 'spelling',
  description: { en: 'A well-formed syllable that Vietnamese text does not use.', vi: 'Âm tiết đúng cấu tạo nhưng không có trong tiếng Việt thông dụng.' },
  rationale: 'OCR damage often yields well-formed but unattested syllables (nãm for năm).',
  defaultSeverity: 'warning',
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
