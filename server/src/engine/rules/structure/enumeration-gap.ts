// structure.enumeration-gap: an inline enumeration "(1) … (3)" that skips or repeats a label.
import type { EnumLabel } from '../../parse/model';
import { toRoman } from '../../parse/chars';
import type { Rule } from '../rule';

function show(e: EnumLabel, v: number): string {
  return e.kind === 'roman' ? `(${toRoman(v).toLowerCase()})` : `(${v})`;
}

export const rule: Rule = {
  code: 'structure.enumeration-gap',
  family: 'structure',
  description: {
    en: 'An inline enumeration — (1), (2), (3) or (i), (ii), (iii) — skips, repeats or reverses a label within one paragraph, item or footnote.',
    vi: 'Liệt kê trong đoạn — (1), (2), (3) hoặc (i), (ii), (iii) — bị thiếu, lặp hoặc đảo nhãn trong cùng một đoạn, mục hoặc chú thích.',
  },
  rationale: 'Bulletins list the agenda and indicators as "(1) … (2) … (3)", often announcing the count ("04 nội dung"). A missing label (seed 003 line 11: (1) then (3)) means an item was lost or mislabelled.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    // Scopes: an enumeration never crosses a heading, a list item or a footnote definition.
    const bounds: number[] = [];
    for (const h of doc.headings) bounds.push(h.start);
    for (const li of doc.listItems) bounds.push(li.start);
    for (const d of doc.footnoteDefs) { bounds.push(d.start); bounds.push(d.end); }
    bounds.sort((a, b) => a - b);
    let bi = 0;
    let scope = 0;
    const last: Record<'arabic' | 'roman', number | undefined> = { arabic: undefined, roman: undefined };
    for (const e of doc.enumLabels) {
      let moved = false;
      while (bi < bounds.length && bounds[bi]! <= e.start) { bi++; moved = true; }
      if (moved) { scope++; last.arabic = undefined; last.roman = undefined; }
      const prev = last[e.kind];
      last[e.kind] = e.value;
      if (prev === undefined || e.value === 1 || e.value === prev + 1) continue;
      const missing = e.value > prev + 1
        ? (e.value - prev === 2 ? show(e, prev + 1) : `${show(e, prev + 1)}–${show(e, e.value - 1)}`)
        : undefined;
      ctx.report({
        span: { start: e.start, end: e.end },
        message: missing
          ? { en: `${e.raw} follows ${show(e, prev)}: ${missing} is missing.`, vi: `${e.raw} đứng sau ${show(e, prev)}: thiếu ${missing}.` }
          : { en: `${e.raw} follows ${show(e, prev)}: the enumeration repeats or goes backwards.`, vi: `${e.raw} đứng sau ${show(e, prev)}: liệt kê bị lặp hoặc đi lùi.` },
        data: { value: e.value, previous: prev, scope },
      });
    }
  },
};
