import type { Rule, RuleContext } from '../rule';
import { reportSpelling } from './analyze';

export const rule: Rule = {
  code: 'spelling.context',
  family: 'spelling',
  description: { en: 'A real syllable that is implausible where it stands; a similar syllable fits its neighbours far better (thành phổ -> thành phố).', vi: 'Âm tiết có thật nhưng không hợp ngữ cảnh; một âm tiết gần giống hợp hơn nhiều (thành phổ -> thành phố).' },
  rationale: 'Most OCR diacritic damage forms real syllables in the wrong place; only context can see it.',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx: RuleContext) {
    reportSpelling(ctx, this.code);
  },
};
