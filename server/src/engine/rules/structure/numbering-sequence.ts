// structure.numbering-sequence: section or item numbers that repeat, skip or go backwards.
import type { Heading, ListItem, Numbering } from '../../parse/model';
import { toRoman } from '../../parse/chars';
import type { Rule, RuleContext } from '../rule';

function labelFor(n: Numbering, value: number): string {
  if (n.kind === 'roman') return toRoman(value) + '.';
  if (n.kind === 'arabic-multi') return [...n.values.slice(0, -1), value].join('.') + '.';
  return value + '.';
}

function report(ctx: RuleContext, n: Numbering, got: number, last: number, what: { en: string; vi: string }): void {
  const expected = last + 1;
  const shown = (v: number): string => `"${labelFor(n, v)}"`;
  const written = ctx.doc.text.slice(n.start, n.end);
  // a label OCR damaged ("HI.") is named by the numeral it was read as, and as written
  const gotEn = n.repaired ? `${shown(got)} (written "${written}")` : shown(got);
  const gotVi = n.repaired ? `${shown(got)} (viết là "${written}")` : shown(got);
  let en: string, vi: string;
  if (got === last) {
    en = `${what.en} number ${gotEn} repeats the previous one; expected ${shown(expected)}`;
    vi = `Số ${what.vi} ${gotVi} lặp lại số trước; đúng ra là ${shown(expected)}`;
  } else if (got > expected) {
    en = `${what.en} ${gotEn} skips ${got - expected === 1 ? shown(expected) : `${shown(expected)} to ${shown(got - 1)}`}`;
    vi = `${what.vi[0]!.toUpperCase() + what.vi.slice(1)} ${gotVi} bỏ qua số ${got - expected === 1 ? shown(expected) : `${shown(expected)} đến ${shown(got - 1)}`}`;
  } else {
    en = `${what.en} ${gotEn} comes after ${shown(last)}: the numbering goes backwards; expected ${shown(expected)}`;
    vi = `${what.vi[0]!.toUpperCase() + what.vi.slice(1)} ${gotVi} đứng sau ${shown(last)}: số thứ tự bị đi lùi; đúng ra là ${shown(expected)}`;
  }
  ctx.report({
    span: { start: n.start, end: n.end },
    message: { en: en + '.', vi: vi + '.' },
    suggestions: [n.kind === 'roman' || written.endsWith('.') ? labelFor(n, expected) : labelFor(n, expected).slice(0, -1)],
    data: { value: got, expected },
  });
}

export const rule: Rule = {
  code: 'structure.numbering-sequence',
  family: 'structure',
  description: {
    en: 'Section or list numbers repeat, skip or go backwards (I., II., III. / 1., 2., 3. under one parent / 3.1., 3.2.).',
    vi: 'Số thứ tự mục hoặc danh sách bị lặp, nhảy cóc hoặc đi lùi (I., II., III. / 1., 2., 3. trong cùng mục cha / 3.1., 3.2.).',
  },
  rationale: 'Bulletins are cited by section number ("mục I.3"). A repeated or skipped number (seed 000 has two sections "3." under I., the second should be "4.") breaks such references and the outline. Numbered tasks restart at 1 under each heading.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    // Headings: Roman numbers run through the document; arabic numbers restart under each
    // Roman section; n.m numbers restart under each arabic one and should carry its number.
    const last = new Map<number, number>(); // rank -> last value under the current parent
    let parentArabic: number | undefined;
    const items: (Heading | ListItem)[] = [...doc.headings, ...doc.listItems].sort((a, b) => a.start - b.start);
    let lastItem: number | undefined;
    for (const x of items) {
      const isHeading = 'rank' in x;
      if (isHeading) {
        lastItem = undefined;
        const h = x as Heading;
        const n = h.numbering;
        if (!n) continue;
        for (const r of [...last.keys()]) if (r > h.rank) last.delete(r);
        if (n.kind === 'arabic-multi') {
          const prefix = n.values.slice(0, -1);
          const v = n.values[n.values.length - 1]!;
          if (parentArabic !== undefined && prefix.length === 1 && prefix[0] !== parentArabic) {
            ctx.report({
              span: { start: n.start, end: n.end },
              message: {
                en: `Subsection ${n.raw}. sits under section ${parentArabic}.; expected ${parentArabic}.${v}.`,
                vi: `Tiểu mục ${n.raw}. nằm trong mục ${parentArabic}.; đúng ra là ${parentArabic}.${v}.`,
              },
              suggestions: [`${parentArabic}.${v}.`],
              data: { value: v, parent: parentArabic },
            });
            last.set(h.rank, v);
            continue;
          }
          const prev = last.get(h.rank) ?? 0;
          if (v !== prev + 1) report(ctx, n, v, prev, { en: 'Subsection', vi: 'tiểu mục' });
          last.set(h.rank, v);
          continue;
        }
        const v = n.values[0]!;
        const prev = last.get(h.rank) ?? 0;
        if (v !== prev + 1) report(ctx, n, v, prev, n.kind === 'roman' ? { en: 'Section', vi: 'mục' } : { en: 'Subsection', vi: 'tiểu mục' });
        last.set(h.rank, v);
        if (n.kind === 'arabic') parentArabic = v;
        if (n.kind === 'roman') parentArabic = undefined;
        continue;
      }
      const li = x as ListItem;
      const n = li.numbering;
      if (!n || n.kind !== 'arabic') continue;
      const v = n.values[0]!;
      if (lastItem === undefined || v === 1) { lastItem = v; continue; }
      if (v !== lastItem + 1) report(ctx, n, v, lastItem, { en: 'Item', vi: 'mục công việc' });
      lastItem = v;
    }
  },
};
