import type { Rule, RuleContext } from '../rule';
import { reportSpelling } from './analyze';

export const rule: Rule = {
  code: 'spelling.unknown-syllable',
  family: 'spelling',
  description: { en: 'A well-formed syllable that Vietnamese text does not use; also a foreign word of the register that OCR damaged (logisties for logistics).', vi: 'Âm tiết đúng cấu tạo nhưng không có trong tiếng Việt thông dụng; cả từ nước ngoài thông dụng bị OCR làm hỏng (logisties thay cho logistics).' },
  rationale: 'OCR damage often yields well-formed but unattested syllables (nãm for năm), and foreign words of the register one letter away from themselves.',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx: RuleContext) {
    reportSpelling(ctx, this.code);
  },
};
