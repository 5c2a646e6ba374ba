// citation.conflict: one document cited inconsistently (citations.md 2.4, 2.8 step 6, 2.9):
// two dates or two issuing bodies for one key; an issuer phrase that cannot issue the symbol's
// issuer code (NQ/TW "của Thành ủy"); a type word that does not match the type code
// ("Nghị quyết số 14-KL/TW").
import type { Rule } from '../rule';
import { analysis, both, dmy, here, lineOf, quote } from './common';
import { TYPE_WORDS, partyLevel, stripDigits } from '../../citations/lexicon';
import type { CitationMention, IssuerPhrase } from '../../citations/model';

/** Bodies that count as one issuer for a number (BCH TW and its plenums; a Thành ủy and its boards). */
function bodyClass(i: IssuerPhrase): string {
  if (i.body === 'HNTW' || i.body === 'BCHTW') return 'BCHTW';
  if (i.codes.includes('TU')) return 'TU';
  return i.body;
}

function symbolIssuerCodes(m: CitationMention): string[] {
  const s = m.symbol!;
  if (s.family === 'party') return s.issuer.split('-').map(partyLevel).concat(s.issuer.split('-'));
  if (s.family === 'qh') return [stripDigits(s.issuer)];
  return s.issuer.split('-').map(stripDigits);
}

function typeCodesFor(name: string): string[] | null {
  const tw = TYPE_WORDS.find(x => x.name === name);
  return tw && tw.codes.length ? tw.codes : null;
}

export const rule: Rule = {
  code: 'citation.conflict',
  family: 'citation',
  description: both('One document cited with different dates, issuers or types', 'Một văn bản được trích dẫn với ngày, cơ quan ban hành hoặc loại văn bản khác nhau'),
  rationale: 'A number belongs to one document: two dates or two issuers for it, or an issuer or type word that contradicts the symbol, mean one of the citations is wrong.',
  defaultSeverity: 'error',
  fixable: false,
  check(ctx) {
    const a = analysis(ctx);
    const firstDate = new Map<string, CitationMention>();
    const firstIssuer = new Map<string, CitationMention>();
    const issuerChecked = new Set<number>();
    for (const m of a.mentions) {
      if (m.kind === 'alias') continue;
      // type word vs type code
      if (m.symbol?.typeCode && m.typeWord && m.symbol.typeSpan) {
        const codes = typeCodesFor(m.typeWord.name);
        const code = m.symbol.typeCode;
        if (codes && !codes.includes(code)) {
          ctx.report({
            span: m.symbol.typeSpan, severity: 'error',
            message: both(`${quote(m.typeWord.name)} does not match the type code ${quote(code)} of ${quote(m.symbol.canonical)} (expected ${codes.join(' or ')})`,
              `${quote(m.typeWord.name)} không khớp với ký hiệu loại văn bản ${quote(code)} của ${quote(m.symbol.canonical)} (phải là ${codes.join(' hoặc ')})`),
            data: { kind: 'type' },
          });
        }
      }
      // issuer phrase vs issuer code (once per phrase)
      // (an issuer code no issuer has is citation.malformed's finding, not a conflict)
      if (m.symbol && m.issuer && !issuerChecked.has(m.issuer.span.start) && !m.symbol.problems.some(p => p.kind === 'unknown-issuer')) {
        const codes = symbolIssuerCodes(m);
        if (!m.issuer.codes.some(c => codes.includes(c))) {
          issuerChecked.add(m.issuer.span.start);
          ctx.report({
            span: m.issuer.bodySpan, severity: 'error',
            message: both(`${quote(m.issuer.text)} does not issue documents numbered ${quote(m.symbol.canonical)} (issuer code ${m.symbol.issuer})`,
              `${quote(m.issuer.text)} không ban hành văn bản có ký hiệu ${quote(m.symbol.canonical)} (mã cơ quan ${m.symbol.issuer})`),
            related: [{ location: { uri: ctx.doc.uri, range: ctx.doc.source.rangeOf(m.symbol.issuerSpan.start, m.symbol.issuerSpan.end) }, message: both('issuer code', 'mã cơ quan ban hành') }],
            data: { kind: 'issuer-code' },
          });
        }
      }
      if (!m.key) continue;
      // same key, two dates
      if (m.date && m.date.valid) {
        const f = firstDate.get(m.key);
        if (!f) firstDate.set(m.key, m);
        else if (f.date!.iso !== m.date.iso && f.date!.span.start !== m.date.span.start) {
          ctx.report({
            span: m.date.span, severity: 'error',
            message: both(`${m.key} is dated ${dmy(m.date.iso)} here but ${dmy(f.date!.iso)} on line ${lineOf(ctx, f.date!.span.start)}`,
              `${m.key} ghi ngày ${dmy(m.date.iso)} ở đây nhưng ${dmy(f.date!.iso)} ở dòng ${lineOf(ctx, f.date!.span.start)}`),
            related: [{ location: here(ctx, f), message: both('other date', 'ngày khác') }],
            data: { kind: 'date' },
          });
        }
      }
      // same key, incompatible issuers
      if (m.issuer) {
        const f = firstIssuer.get(m.key);
        if (!f) firstIssuer.set(m.key, m);
        else if (f.issuer!.span.start !== m.issuer.span.start && bodyClass(f.issuer!) !== bodyClass(m.issuer)) {
          ctx.report({
            span: m.issuer.bodySpan, severity: 'error',
            message: both(`${m.key} is attributed to ${quote(m.issuer.name)} here but to ${quote(f.issuer!.name)} on line ${lineOf(ctx, f.issuer!.span.start)}`,
              `${m.key} được ghi là của ${quote(m.issuer.name)} ở đây nhưng của ${quote(f.issuer!.name)} ở dòng ${lineOf(ctx, f.issuer!.span.start)}`),
            related: [{ location: here(ctx, f), message: both('other issuer', 'cơ quan ban hành khác') }],
            data: { kind: 'issuer' },
          });
        }
      }
    }
  },
};
