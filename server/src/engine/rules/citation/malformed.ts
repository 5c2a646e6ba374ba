// citation.malformed: a symbol written against the numbering rules (citations.md 1, 2.9): a lost
// Đ in a known code (QD -> QĐ), TƯ for TU, QH/UBTVQH without its legislature number, Party
// and State separators mixed (217/QĐ-TW), unknown issuer codes (with the look-alike of the
// issuer named after the symbol: "15-NQ/TV của Tỉnh ủy" -> TU), codes OCR misread ("Kết luận số
// 19-KI/TU" -> 19-KL/TU, "26-NQ/TỤ" -> 26-NQ/TU), and a duplicated "ngày".
// Each finding's span is exactly the text its first suggestion replaces.
import type { Rule } from '../rule';
import { analysis, both, quote } from './common';
import { isLookalikeCode, legislatureOn } from '../../citations/lexicon';

export const rule: Rule = {
  code: 'citation.malformed',
  family: 'citation',
  description: both('A document number or symbol that breaks the numbering rules', 'Số, ký hiệu văn bản sai quy cách'),
  rationale: 'Symbols are how documents are found in registries; a lost diacritic, a wrong separator or a missing legislature number sends the reader to the wrong document or to none.',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const a = analysis(ctx);
    const t = ctx.doc.text;
    const seenDup = new Set<number>();
    for (const b of a.badSymbols) {
      const written = t.slice(b.start, b.end);
      if (b.own && b.repair) {
        // the bulletin's own number: a code OCR stripped of its Đ is restored without asking, as
        // in a citation; a misread separator is only suggested
        ctx.report({
          span: { start: b.start, end: b.end }, severity: 'warning', suggestions: [b.repair], safe: b.own === 'no-diacritic',
          message: both(`The bulletin's own number ${quote(written)} should be written ${quote(b.repair)}`,
            `Số, ký hiệu của chính văn bản ${quote(written)} phải viết là ${quote(b.repair)}`),
          data: { kind: b.own, own: true },
        });
        continue;
      }
      if (b.repair) {
        // OCR misread a code: the type word before it names the type ("Kết luận số 19-KI/TU"), or
        // a capital took a stray mark ("26-NQ/TỤ")
        ctx.report({
          span: { start: b.start, end: b.end }, severity: 'error', suggestions: [b.repair],
          message: both(`${quote(written)} is not a valid document number and symbol; it looks misread by OCR (${quote(b.repair)}?)`,
            `${quote(written)} không phải số, ký hiệu văn bản hợp lệ; có vẻ bị nhận dạng sai (${quote(b.repair)}?)`),
          data: { kind: 'invalid-symbol', repair: true },
        });
        continue;
      }
      ctx.report({
        span: { start: b.start, end: b.end }, severity: 'error',
        message: both(`${quote(written)} is not a valid document number and symbol (unknown type or issuer code, or wrong separators)`,
          `${quote(written)} không phải số, ký hiệu văn bản hợp lệ (mã loại văn bản hoặc cơ quan ban hành không đúng, hoặc sai dấu phân cách)`),
        data: { kind: 'invalid-symbol' },
      });
    }
    for (const m of a.mentions) {
      const s = m.symbol;
      if (s) {
        for (const p of s.problems) {
          const written = t.slice(p.span.start, p.span.end);
          switch (p.kind) {
            case 'no-diacritic':
              ctx.report({
                span: p.span, severity: 'warning', suggestions: [p.replacement!], safe: true,
                message: both(`${quote(written)} in ${quote(s.canonical.replace(p.replacement!, written))} should be written ${quote(p.replacement!)}`,
                  `${quote(written)} trong ký hiệu phải viết là ${quote(p.replacement!)}`),
                data: { kind: p.kind },
              });
              break;
            case 'tu-hook': {
              // TU is meant when the TU form is cited in this bulletin or the issuer phrase is provincial
              const tuKnown = !!m.key && m.key.endsWith('/TU');
              const phraseTU = !!m.issuer && m.issuer.codes.includes('TU');
              const phraseTW = !!m.issuer && m.issuer.codes.includes('TW');
              const first = phraseTW ? 'TW' : 'TU';
              ctx.report({
                span: p.span, severity: 'warning', suggestions: first === 'TW' ? ['TW', 'TU'] : ['TU', 'TW'], safe: tuKnown || phraseTU || phraseTW,
                message: both(`“TƯ” is not an issuer code: write “TU” (Tỉnh ủy/Thành ủy) or “TW” (Trung ương)`,
                  `“TƯ” không phải ký hiệu cơ quan ban hành: viết “TU” (Tỉnh ủy/Thành ủy) hoặc “TW” (Trung ương)`),
                data: { kind: p.kind },
              });
              break;
            }
            case 'no-legislature': {
              const k = m.date?.valid ? legislatureOn(m.date.iso) : null;
              ctx.report({
                span: p.span, severity: 'warning', suggestions: k ? [written + k] : [],
                message: both(`${quote(s.raw.replace(/\s+/g, ''))} lacks the legislature number after ${written}${k ? ` (dated ${m.date!.d}/${m.date!.m}/${m.date!.y}: ${written}${k})` : ''}`,
                  `${quote(s.raw.replace(/\s+/g, ''))} thiếu số khóa Quốc hội sau ${written}${k ? ` (ngày ${m.date!.d}/${m.date!.m}/${m.date!.y}: ${written}${k})` : ''}`),
                data: { kind: p.kind },
              });
              break;
            }
            case 'mixed-separators':
              ctx.report({
                span: p.span, severity: 'error', suggestions: p.replacement ? [p.replacement] : [],
                message: both(`${quote(written)} mixes State and Party separators; a Party symbol is written ${quote(p.replacement ?? 'N-TYPE/ISSUER')}`,
                  `${quote(written)} dùng lẫn cách ghi của Nhà nước và của Đảng; ký hiệu văn bản của Đảng viết là ${quote(p.replacement ?? 'N-LOẠI/CƠ QUAN')}`),
                data: { kind: p.kind },
              });
              break;
            case 'unknown-issuer': {
              // the issuer named after the symbol may show the code OCR misread ("15-NQ/TV của
              // Tỉnh ủy": TU)
              const alt = m.issuer?.codes.find(c => isLookalikeCode(written, c));
              if (alt) {
                const body = m.issuer!.text.replace(/^của\s+/u, '');
                ctx.report({
                  span: p.span, severity: 'warning', suggestions: [alt],
                  message: both(`Unknown issuer code ${quote(written)}: ${quote(alt)} (${body}) misread?`,
                    `Ký hiệu cơ quan ban hành không rõ: ${quote(written)}; có phải là ${quote(alt)} (${body}) bị nhận dạng sai?`),
                  data: { kind: p.kind, repair: true },
                });
                break;
              }
              ctx.report({
                span: p.span, severity: 'hint',
                message: both(`Unknown issuer code ${quote(written)}`, `Ký hiệu cơ quan ban hành không rõ: ${quote(written)}`),
                data: { kind: p.kind },
              });
              break;
            }
          }
        }
      }
      const dup = m.date?.duplicateKeyword;
      if (dup && !seenDup.has(dup.start)) {
        seenDup.add(dup.start);
        // remove the second "ngày" and the space after it
        let end = dup.end;
        while (end < t.length && (t[end] === ' ' || t[end] === '\t')) end++;
        ctx.report({
          span: { start: dup.start, end }, severity: 'hint', suggestions: [''], safe: true,
          message: both('“ngày” is written twice', 'Từ “ngày” bị lặp'),
          data: { kind: 'duplicate-keyword' },
        });
      }
    }
  },
};
