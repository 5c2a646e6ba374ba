import type { Rule, RuleContext } from '../rule';
import { reportSpelling } from './analyze';

export const rule: Rule = {
  code: 'spelling.invalid-syllable',
  family: 'spelling',
  description: {
    en: 'A word that cannot be a Vietnamese syllable (stacked tone marks, a tone a stop final does not allow, an impossible letter sequence); also OCR damage to numbers, years, dates that do not exist, terms of office no body sits, years their name in the sixty-year cycle does not name, Roman numerals, section labels, acronyms, percent signs and the formulas that open a signature block ("TM BAN THƯỜNG VỤ" for T/M).',
    vi: 'Từ không thể là âm tiết tiếng Việt (chồng dấu, dấu thanh không hợp với phụ âm cuối, tổ hợp chữ không có); cả những chỗ OCR làm hỏng số, năm, ngày tháng không tồn tại, nhiệm kỳ sai độ dài, năm không khớp với tên can chi, số La Mã, số mục, chữ viết tắt, dấu phần trăm và chữ mở đầu phần ký ("TM BAN THƯỜNG VỤ" thay cho T/M).',
  },
  rationale: 'OCR often stacks or misplaces diacritics; such words are certainly wrong.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx: RuleContext) {
    reportSpelling(ctx, this.code);
  },
};
