import type { Rule, RuleContext } from '../rule';
import { HIDDEN_RE as HIDDEN } from '../../text';
import { inSkip, isWordUnit, wordAround } from './word-span';

const NAMES: Record<string, { en: string; vi: string }> = Object.assign(Object.create(null) as Record<string, { en: string; vi: string }>, {
  '\u00ad': { en: 'a soft hyphen (U+00AD)', vi: 'một dấu gạch nối mềm (U+00AD)' },
  '\u200b': { en: 'a zero-width space (U+200B)', vi: 'một khoảng trắng độ rộng 0 (U+200B)' },
  '\u200c': { en: 'a zero-width non-joiner (U+200C)', vi: 'một ký tự không nối độ rộng 0 (U+200C)' },
  '\u200d': { en: 'a zero-width joiner (U+200D)', vi: 'một ký tự nối độ rộng 0 (U+200D)' },
  '\u2060': { en: 'a word joiner (U+2060)', vi: 'một ký tự nối từ (U+2060)' },
});

export const rule: Rule = {
  code: 'spelling.invisible-character',
  family: 'spelling',
  description: {
    en: 'A word with an invisible character inside it (a soft hyphen, a zero-width space or joiner), as text copied from web pages, word processors and PDFs carries: "ph⟨U+200B⟩ố" shows as "phố". The fix takes the character out and changes nothing else.',
    vi: 'Từ có một ký tự vô hình ở giữa (dấu gạch nối mềm, khoảng trắng hoặc ký tự nối độ rộng 0), thường gặp trong văn bản sao chép từ trang web, trình soạn thảo và PDF: "ph⟨U+200B⟩ố" hiển thị như "phố". Bản sửa bỏ ký tự đó và không đổi gì khác.',
  },
  rationale: 'The word looks whole on screen, but a search for it, a sort, a document index and every other spell checker see two pieces. The other checks read the word without the character, so this is the only finding it gets.',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx: RuleContext) {
    const src = ctx.doc.source;
    const at = src.hidden;
    if (at.length === 0) return;
    const text = ctx.doc.text, original = src.original;
    let lastEnd = -1;
    for (const a of at) {
      if (ctx.token?.isCancellationRequested) return;
      // only inside a word: between two of its letters (at a word's edge it splits nothing)
      if (a < lastEnd || a === 0 || a >= text.length || !isWordUnit(text, a - 1) || !isWordUnit(text, a)) continue;
      if (inSkip(ctx.doc.skips, a - 1)) continue;
      const { start, end } = wordAround(text, a - 1, a);
      lastEnd = end;
      const os = src.toOriginal(start), oe = src.toOriginal(end);
      const word = original.slice(os, oe);
      const kinds = [...new Set(word.match(HIDDEN) ?? [])];
      if (kinds.length === 0) continue;
      const fixed = word.replace(HIDDEN, '');
      const en = kinds.map(k => NAMES[k]!.en).join(', '), vi = kinds.map(k => NAMES[k]!.vi).join(', ');
      ctx.report({
        span: { start, end },
        message: {
          en: `“${fixed}” has ${en} inside it: it looks whole, but a search for “${fixed}” does not find it`,
          vi: `“${fixed}” có ${vi} ở giữa: từ trông liền, nhưng tìm “${fixed}” sẽ không thấy`,
        },
        suggestions: [fixed],
        safe: true,
      });
    }
  },
};
