import type { Rule, RuleContext } from '../rule';
import { reportSpelling } from './analyze';

export const rule: Rule = {
  code: 'spelling.misread-term',
  family: 'spelling',
  description: { en: 'A term outside the Vietnamese lexicon (a name, an English word) written once, that OCR could have made from a term the document writes at least four times (LibreOtfice -> LibreOffice).', vi: 'Một thuật ngữ ngoài từ vựng tiếng Việt (tên riêng, từ tiếng Anh) chỉ xuất hiện một lần, có thể do OCR đọc sai từ một thuật ngữ mà văn bản viết ít nhất bốn lần (LibreOtfice -> LibreOffice).' },
  rationale: 'No word list knows the names and foreign terms of a document, and the syllable checks leave words that cannot be Vietnamese alone. OCR damages one occurrence of a repeated term and reads the others right, so the document is the evidence.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx: RuleContext) {
    reportSpelling(ctx, this.code);
  },
};
