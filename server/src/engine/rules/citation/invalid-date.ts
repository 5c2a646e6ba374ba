// citation.invalid-date (citations.md 2.3): a date that does not exist; a date whose year is not
// the year inside a normative symbol; a date after the bulletin's own meeting date; a year
// outside the term of the legislature QHk or of the Party term (khóa) the citation names.
import type { Rule, RuleContext } from '../rule';
import type { ParsedSymbol } from '../../citations/model';
import { analysis, both, dmy, quote } from './common';
import { legislatureYears, PARTY_TERMS } from '../../citations/lexicon';
import { FoldedView } from '../../citations/fold';
import { yearRepairs } from '../../years';

function romanOf(n: number): string {
  const t: [number, string][] = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

/** "N năm thực hiện" right before a citation: N and the span of "N năm". */
function yearsOfImplementation(f: FoldedView, at: number): { n: number; span: { start: number; end: number } } | null {
  let e = at;
  while (e > 0 && /\s/.test(f.at(e - 1))) e--;
  const tail = 'nam thuc hien';
  if (e < tail.length + 2 || f.slice(e - tail.length, e) !== tail) return null;
  let p = e - tail.length;
  const namEnd = p + 3;
  while (p > 0 && /\s/.test(f.at(p - 1))) p--;
  let q = p;
  while (q > 0 && q > p - 3 && /\d/.test(f.at(q - 1))) q--;
  if (q === p || (q > 0 && /[0-9a-z]/.test(f.at(q - 1)))) return null;
  return { n: Number(f.slice(q, p)), span: { start: q, end: namEnd } };
}

/**
 * Reports the year inside an undated QH/UBTVQH symbol when it is outside the legislature's term,
 * with the one year of the term a digit away from it as the suggestion (2032 in QH15 -> 2022);
 * none when several are (2020 in QH15: 2021 to 2026, or QH14 was meant).
 */
function legislatureYear(ctx: RuleContext, s: ParsedSymbol): void {
  const k = s.legislature!, y = s.year!;
  const yrs = legislatureYears(k);
  if (!yrs || (y >= yrs[0] && y <= yrs[1])) return;
  const text = ctx.doc.text.slice(s.span.start, s.span.end);
  const at = text.search(new RegExp(`(?<!\\d)${y}(?!\\d)`));
  if (at < 0) return;
  const start = s.span.start + at;
  const written = String(y);
  const near: string[] = [];
  for (let z = yrs[0]; z <= yrs[1]; z++) {
    const c = String(z);
    let diff = 0;
    for (let i = 0; i < c.length; i++) if (c[i] !== written[i]) diff++;
    if (c.length === written.length && diff === 1) near.push(c);
  }
  ctx.report({
    span: { start, end: start + written.length }, severity: 'warning',
    message: both(`${y} is outside the term of the ${k}th National Assembly (${yrs[0]}–${yrs[1]}) named by ${quote(s.canonical)}`,
      `Năm ${y} nằm ngoài nhiệm kỳ Quốc hội khóa ${romanOf(k)} (${yrs[0]}–${yrs[1]}) ghi trong ${quote(s.canonical)}`),
    suggestions: near.length === 1 ? near : [],
    data: { kind: 'legislature' },
  });
}

/**
 * A cited date in a year after the bulletin's (OCR or a slip changed a digit: "năm 2032" in a 2024
 * bulletin): the latest year one digit away that puts the date on or before the bulletin's, from
 * 1945 on (documents cited are mostly recent ones), and the date as written with that year.
 * `monthDay` is the date's "-mm-dd".
 */
function laterYearRepair(written: string, y: number, monthDay: string, bulletin: string): { y: number; text: string } | null {
  const w = String(y);
  if (y <= Number(bulletin.slice(0, 4)) || w.length !== 4 || !written.endsWith(w)) return null;
  const fits = yearRepairs(w).map(Number).filter(z => `${z}${monthDay}` <= bulletin);
  if (!fits.length) return null;
  const best = Math.max(...fits);
  return { y: best, text: written.slice(0, -4) + best };
}

export const rule: Rule = {
  code: 'citation.invalid-date',
  family: 'citation',
  description: both('An impossible or inconsistent date in a citation', 'Ngày ban hành không tồn tại hoặc không khớp trong trích dẫn'),
  rationale: 'The date pins a document down (Party and administrative numbers restart every term or year); a date that cannot exist, contradicts the year in the symbol or postdates the bulletin is certainly wrong.',
  defaultSeverity: 'error',
  fixable: false,
  check(ctx) {
    const a = analysis(ctx);
    const bulletin = ctx.config.citations.bulletinDate ?? a.bulletinDate?.iso;
    const seen = new Set<number>();
    const seenSymbols = new Set<number>();
    for (const m of a.mentions) {
      const d = m.date;
      // an undated symbol whose own year is outside the term of the legislature it names
      // ("13/2032/QH15": the 15th National Assembly sat 2021-2026): OCR or a slip changed a digit
      // (a dated one is checked with its date, below)
      const s0 = m.symbol;
      if (!d && s0 && s0.year !== undefined && s0.legislature !== undefined && !seenSymbols.has(s0.span.start)) {
        seenSymbols.add(s0.span.start);
        legislatureYear(ctx, s0);
      }
      if (!d || seen.has(d.span.start)) continue;
      seen.add(d.span.start);
      const text = ctx.doc.text.slice(d.span.start, d.span.end).replace(/\s+/g, ' ');
      if (!d.valid) {
        ctx.report({
          span: d.span, severity: 'error',
          message: both(`${quote(text)} is not a date`, `${quote(text)} không phải là một ngày có thật`),
          data: { kind: 'impossible' },
        });
        continue;
      }
      // the members of a coordinated group that share the date: check each symbol (the
      // recogniser gives it to none whose own symbol rules it out)
      const members = m.group !== undefined ? a.mentions.filter(x => x.group === m.group && x.date?.span.start === d.span.start) : [m];
      for (const x of members) {
        const s = x.symbol;
        if (!s) continue;
        if (s.year !== undefined && s.year !== d.y) {
          ctx.report({
            span: d.span, severity: 'error',
            message: both(`${quote(text)} is in ${d.y}, but ${quote(s.canonical)} was issued in ${s.year}`,
              `${quote(text)} thuộc năm ${d.y}, nhưng ${quote(s.canonical)} ban hành năm ${s.year}`),
            data: { kind: 'symbol-year' },
          });
        }
        const k = s.legislature;
        if (k !== undefined) {
          const yrs = legislatureYears(k);
          const y = s.year ?? d.y;
          if (yrs && (y < yrs[0] || y > yrs[1])) {
            ctx.report({
              span: d.span, severity: 'warning',
              message: both(`${y} is outside the term of the ${k}th National Assembly (${yrs[0]}–${yrs[1]}) named by ${quote(s.canonical)}`,
                `Năm ${y} nằm ngoài nhiệm kỳ Quốc hội khóa ${romanOf(k)} (${yrs[0]}–${yrs[1]}) ghi trong ${quote(s.canonical)}`),
              data: { kind: 'legislature' },
            });
          }
        }
      }
      // khóa named in a central Party issuer phrase
      const term = m.issuer?.term;
      if (term !== undefined && m.issuer!.codes.includes('TW') && (!m.symbol || m.symbol.issuer === 'TW')) {
        let inOffice: number | null = null;
        for (const p of PARTY_TERMS) if (d.iso >= p.from) inOffice = p.k;
        if (inOffice !== null && inOffice !== term && d.iso >= PARTY_TERMS[0]!.from) {
          ctx.report({
            span: d.span, severity: 'warning',
            message: both(`${dmy(d.iso)} falls in the ${romanOf(inOffice)} Central Committee term, not khóa ${romanOf(term)}`,
              `Ngày ${dmy(d.iso)} thuộc nhiệm kỳ khóa ${romanOf(inOffice)}, không phải khóa ${romanOf(term)}`),
            data: { kind: 'party-term' },
          });
        }
      }
      // "sơ kết 03 năm thực hiện Nghị quyết … 2020" in a 2023 bulletin: the count must fit the years
      const years = yearsOfImplementation(new FoldedView(ctx.doc.text), m.span.start);
      if (years && bulletin && m.typeWord && m.typeWord.span.start === m.span.start) {
        const expect = Number(bulletin.slice(0, 4)) - d.y;
        if (Math.abs(years.n - expect) > 1) {
          ctx.report({
            span: years.span, severity: 'hint',
            message: both(`${years.n} years of implementation, but the document dates from ${d.y} and the bulletin from ${bulletin.slice(0, 4)} (${expect} years)`,
              `${years.n} năm thực hiện, nhưng văn bản ban hành năm ${d.y} và bản tin năm ${bulletin.slice(0, 4)} (${expect} năm)`),
            data: { kind: 'years-of-implementation' },
          });
        }
      }
      if (bulletin && d.iso > bulletin) {
        const year = laterYearRepair(ctx.doc.text.slice(d.span.start, d.span.end), d.y, d.iso.slice(4), bulletin);
        ctx.report({
          span: d.span, severity: 'warning',
          message: both(`${quote(text)} is after the bulletin's own date (${dmy(bulletin)})` + (year ? `; ${year.y} was probably meant` : ''),
            `${quote(text)} sau ngày của chính bản tin (${dmy(bulletin)})` + (year ? `; có lẽ là năm ${year.y}` : '')),
          suggestions: year ? [year.text] : [],
          data: { kind: 'after-bulletin' },
        });
      }
    }
  },
};
