import type { Rule, RuleContext } from '../rule';
import { hasForeignMarks, isValidSyllable } from '../../vietnamese/orthography';
import { lookalikeLetter } from '../../text';
import { inSkip, wordAround } from './word-span';

function hex(ch: string): string {
  return 'U+' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/** What the look-alike `ch` is, for the message. */
function alphabet(ch: string): { en: string; vi: string } {
  const c = ch.charCodeAt(0);
  if (c === 0xd0 || c === 0xf0) return { en: 'the Icelandic letter eth', vi: 'chữ eth của tiếng Iceland' };
  if (c >= 0x370 && c <= 0x3ff) return { en: 'Greek', vi: 'chữ Hy Lạp' };
  return { en: 'Cyrillic', vi: 'chữ Kirin' };
}

export const rule: Rule = {
  code: 'spelling.lookalike-letter',
  family: 'spelling',
  description: {
    en: 'A word written with a letter of another alphabet drawn like the right one: Ð (U+00D0, Icelandic eth, which OCR gives for Đ) in "QÐ", a Cyrillic "у" in "quуết". The fix puts the Vietnamese letter in and changes nothing else.',
    vi: 'Từ được viết bằng một chữ cái của bảng chữ khác trông giống chữ đúng: Ð (U+00D0, chữ eth của tiếng Iceland, OCR hay đọc nhầm thành Đ) trong "QÐ", chữ "у" Kirin trong "quуết". Bản sửa thay bằng chữ tiếng Việt và không đổi gì khác.',
  },
  rationale: 'The two letters look the same on screen and in print, so no reader sees the error; but a search for the word, a sort, a spell checker or a document index does not find it. OCR writes Ð for Đ; a word typed with a Cyrillic keyboard layout mixes in Cyrillic letters.',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx: RuleContext) {
    const src = ctx.doc.source;
    const at = src.lookalikes;
    if (at.length === 0) return;
    const text = ctx.doc.text, original = src.original;
    for (let k = 0; k < at.length;) {
      if (ctx.token?.isCancellationRequested) return;
      const a = at[k]!;
      const { start: s, end: e } = wordAround(text, a, a + 1);
      // the look-alikes of this word
      const mine: number[] = [];
      while (k < at.length && at[k]! < e) mine.push(at[k++]!);
      if (inSkip(ctx.doc.skips, a)) continue;
      const os = src.toOriginal(s), oe = src.toOriginal(e);
      const word = original.slice(os, oe);
      let fixed = '';
      let from = os;
      const seen: string[] = [];
      for (const m of mine) {
        const o = src.toOriginal(m);
        fixed += original.slice(from, o) + lookalikeLetter(original[o]!)!;
        if (!seen.includes(original[o]!)) seen.push(original[o]!);
        from = o + 1;
      }
      fixed += original.slice(from, oe);
      // Ð and Đ are drawn the same; ð is not quite đ, and is a letter of Icelandic and Faroese
      // names ("Guðrún"): a small ð is reported in a Vietnamese syllable only ("ðồng"), and
      // neither in a word with other letters of those languages (þ, æ, ö)
      if (seen.every(ch => ch === 'Ð' || ch === 'ð')) {
        const read = text.slice(s, e).toLowerCase();
        if (hasForeignMarks(read) || /[þæ]/i.test(word)) continue;
        if (seen.includes('ð') && !isValidSyllable(read)) continue;
      }
      const en = seen.map(ch => `“${ch}” (${hex(ch)}, ${alphabet(ch).en}) for “${lookalikeLetter(ch)}”`).join(', ');
      const vi = seen.map(ch => `“${ch}” (${hex(ch)}, ${alphabet(ch).vi}) thay cho “${lookalikeLetter(ch)}”`).join(', ');
      ctx.report({
        span: { start: s, end: e },
        message: {
          en: `“${word}” is written with ${en}: the letters look the same, but a search for “${fixed}” does not find this word`,
          vi: `“${word}” được viết bằng ${vi}: hai chữ trông giống nhau, nhưng tìm “${fixed}” sẽ không thấy từ này`,
        },
        suggestions: [fixed],
        safe: true,
      });
    }
  },
};
