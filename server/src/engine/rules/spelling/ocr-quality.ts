import type { Rule, RuleContext } from '../rule';
import { spellingStats } from './analyze';

/** Fewest Vietnamese words (syllables, or words with marks) a text must have to be judged... */
const MIN_WORDS = 50;
/** ... the share of them that must carry marks (a text typed without marks is another matter)... */
const MIN_MARKED_SHARE = 0.2;
/** ... and the share of them that are no syllable, or unknown with marks (OCR with its
 * Vietnamese model leaves 1–2%; read without it, 15–25%). */
const MIN_DAMAGED_SHARE = 0.1;

export const rule: Rule = {
  code: 'spelling.ocr-quality',
  family: 'spelling',
  description: {
    en: 'A text whose Vietnamese words are damaged in large numbers (a tenth or more): OCR that ran without its Vietnamese model, or a very poor scan. Reported once, on the first line.',
    vi: 'Văn bản có rất nhiều từ tiếng Việt bị hỏng (từ một phần mười trở lên): OCR chạy không có mô hình tiếng Việt, hoặc bản quét quá kém. Báo một lần, ở dòng đầu.',
  },
  rationale: 'Correcting hundreds of damaged words by hand is the wrong fix when the scan can be read again with the right language; one finding says so before the hundreds below it are read.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx: RuleContext) {
    const s = spellingStats(ctx.doc, ctx.config, ctx.resources.spelling);
    if (!s || s.seen < MIN_WORDS || s.marked < MIN_MARKED_SHARE * s.seen || s.bad < MIN_DAMAGED_SHARE * s.seen) return;
    // the first line with text on it
    const text = ctx.doc.text;
    let start = 0;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const pct = Math.round(100 * s.bad / s.seen);
    ctx.report({
      span: { start, end },
      message: {
        en: `About ${pct}% of this text's Vietnamese words are damaged (${s.bad} of ${s.seen}): it looks like OCR that ran without its Vietnamese model, or a very poor scan. Reading the scan again with Vietnamese (for tesseract: -l vie) will do better than correcting it by hand.`,
        vi: `Khoảng ${pct}% số từ tiếng Việt của văn bản bị hỏng (${s.bad} trên ${s.seen}): có vẻ OCR đã chạy không có mô hình tiếng Việt, hoặc bản quét quá kém. Nhận dạng lại bản quét bằng tiếng Việt (với tesseract: -l vie) sẽ tốt hơn sửa tay.`,
      },
    });
  },
};
