// structure.heading-level: a Markdown heading whose `#` level disagrees with its numbering.
import type { Heading } from '../../parse/model';
import type { Rule } from '../rule';

/** Most common ATX level per rank (ties: the level met first). */
function expectedLevels(hs: Heading[]): Map<number, number> {
  const counts = new Map<number, Map<number, { n: number; first: number }>>();
  hs.forEach((h, i) => {
    let c = counts.get(h.rank);
    if (!c) counts.set(h.rank, c = new Map());
    const e = c.get(h.level);
    if (e) e.n++; else c.set(h.level, { n: 1, first: i });
  });
  const out = new Map<number, number>();
  for (const [rank, c] of counts) {
    let best: [number, { n: number; first: number }] | undefined;
    for (const e of c) if (!best || e[1].n > best[1].n || (e[1].n === best[1].n && e[1].first < best[1].first)) best = e;
    out.set(rank, best![0]);
  }
  return out;
}

const KIND_NAME: Record<string, { en: string; vi: string }> = {
  roman: { en: 'Roman-numbered section', vi: 'mục số La Mã' },
  arabic: { en: 'numbered subsection', vi: 'tiểu mục đánh số' },
  'arabic-multi': { en: 'numbered sub-subsection', vi: 'tiểu mục cấp dưới' },
};

export const rule: Rule = {
  code: 'structure.heading-level',
  family: 'structure',
  description: {
    en: 'A Markdown heading level (#, ##, ###) is inconsistent with its numbering: headings numbered alike (I., II. / 1., 2.) must sit at the same level, below their parent.',
    vi: 'Cấp tiêu đề Markdown (#, ##, ###) không khớp với cách đánh số: các tiêu đề cùng kiểu số (I., II. / 1., 2.) phải cùng cấp và thấp hơn tiêu đề cha.',
  },
  rationale: 'The outline, folding and the reader all rely on the level: "2." at ## beside "1." at ### (seed 003) makes subsection 2 a sibling of section I. Bold inside a heading (## **II.** beside ## I.) is a style choice and is not reported; a Roman label leading a paragraph (**III.** Ban Chấp hành …) is the bulletin genre\'s closing section and is not reported either.',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const atx = doc.headings.filter(h => h.style === 'atx' && h.numbering);
    if (atx.length < 2) return;
    const expected = expectedLevels(atx);
    const firstAt = new Map<string, Heading>(); // "rank level" -> first heading there
    for (const h of atx) if (!firstAt.has(`${h.rank} ${h.level}`)) firstAt.set(`${h.rank} ${h.level}`, h);
    const stack: Heading[] = [];
    for (const h of atx) {
      while (stack.length && stack[stack.length - 1]!.rank >= h.rank) stack.pop();
      const parent = stack[stack.length - 1];
      stack.push(h);
      let want = expected.get(h.rank)!;
      if (parent && want <= parent.level) want = Math.min(6, parent.level + 1);
      if (h.level === want) continue;
      const hashStart = doc.text.indexOf('#', h.start);
      let hashEnd = hashStart;
      while (doc.text[hashEnd] === '#') hashEnd++;
      const kind = KIND_NAME[h.numbering!.kind] ?? KIND_NAME.arabic!;
      const label = doc.text.slice(h.numbering!.start, h.numbering!.end);
      const sib = firstAt.get(`${h.rank} ${want}`);
      const why = sib
        ? { en: ` like "${doc.text.slice(sib.numbering!.start, sib.numbering!.end)}" on line ${sib.line + 1}`, vi: ` như "${doc.text.slice(sib.numbering!.start, sib.numbering!.end)}" ở dòng ${sib.line + 1}` }
        : { en: ` below its parent on line ${parent!.line + 1}`, vi: ` dưới tiêu đề cha ở dòng ${parent!.line + 1}` };
      ctx.report({
        span: { start: hashStart, end: hashEnd },
        message: {
          en: `Heading "${label}" is a ${kind.en} at level ${h.level}; it belongs at level ${want} (${'#'.repeat(want)})${why.en}.`,
          vi: `Tiêu đề "${label}" là ${kind.vi} nhưng ở cấp ${h.level}; đúng ra ở cấp ${want} (${'#'.repeat(want)})${why.vi}.`,
        },
        suggestions: ['#'.repeat(want)],
        safe: true,
        data: { level: h.level, expected: want },
      });
    }
  },
};
