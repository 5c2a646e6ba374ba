import type { Rule, RuleContext } from '../rule';
import { reportSpelling } from './analyze';

export const rule: Rule = {
  code: 'spelling.unknown-syllable',
  family: 'spelling',
  description: { en: 'A well-formed syllable that Vietnamese text does not use.', vi: 'Âm tiết đúng cấu tạo nhưng không có trong tiếng Việt thông dụng.' },
  rationale: 'OCR damage often yields well-formed but unattested syllables (nãm for năm).',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx: RuleContext) {
    reportSpelling(ctx, this.code);
  },
};
