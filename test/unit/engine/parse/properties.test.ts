// Invariants of the document model on arbitrary inputs built from bulletin fragments.
import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../../../server/src/engine/parse/index';
import type { BulletinDocument, Span } from '../../../../server/src/engine/parse/model';

const FRAGMENTS = [
  '\n', '\r\n', '\n\n', ' ', '  ', '# ', '## ', '### ', '**', '*', '\\*', '_', '`', '<sup>', '</sup>', '<sup>1</sup>',
  '<sup>12</sup>', '[^1]', '<!--', '-->', '<!-- bulletin-disable -->', '<br>', 'https://a.vn/x', '(1)', '(ii)', '(ỉii)',
  'I. ', 'II. ', 'ỊL ', 'III.', '1. ', '3.1. ', '10. ', '- ', '* ', '---', '7', '1 ', '2 (1) ', 'chỉ tiêu1', 'đạt2 ',
  'báo cáo3.', 'QH15', 'T3', 'COVID-19', '11 năm 2018', 'VỀ TÌNH HÌNH', 'Nguyên nhân', 'văn bản', 'Hà Nội', '\ufeff',
  'ho\u0300a', 'Ð', '\t',
];

const docText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map(a => a.join(''));

function inBounds(doc: BulletinDocument, s: Span): boolean {
  return s.start >= 0 && s.end >= s.start && s.end <= doc.text.length;
}

suite('parse: invariants on arbitrary input', () => {
  test('never throws; every span is in bounds; skips are sorted and disjoint', () => {
    fc.assert(fc.property(docText, text => {
      const doc = parseDocument('p', text);
      const spans: Span[] = [
        ...doc.lines, ...doc.blocks, ...doc.headings, ...doc.headings.map(h => h.titleSpan),
        ...doc.listItems, ...doc.footnoteRefs, ...doc.footnoteDefs, ...doc.footnoteDefs.map(d => d.marker),
        ...doc.enumLabels, ...doc.directives, ...doc.skips,
      ];
      for (const s of spans) assert.ok(inBounds(doc, s), JSON.stringify(s));
      for (let i = 1; i < doc.skips.length; i++) assert.ok(doc.skips[i]!.start > doc.skips[i - 1]!.end - 1 && doc.skips[i]!.start >= doc.skips[i - 1]!.end);
      for (const r of doc.footnoteRefs) assert.ok(Number.isInteger(r.n) && r.n > 0);
      for (const h of doc.headings) assert.ok(h.line <= h.endLine && h.level >= 1 && h.level <= 6 && h.rank >= 0 && h.rank <= 3);
      assert.strictEqual(doc.lines.length, text.split(/\r\n|\r|\n/).length);
    }), { numRuns: 400 });
  });

  test('line endings do not change the structure', () => {
    fc.assert(fc.property(docText, text => {
      const lf = text.replace(/\r\n?/g, '\n');
      const a = parseDocument('a', lf), b = parseDocument('b', lf.replace(/\n/g, '\r\n'));
      const sig = (d: BulletinDocument) => JSON.stringify([d.format, d.headings.map(h => [h.line, h.rank, h.title]), d.listItems.map(l => l.line),
        d.footnoteRefs.map(r => [r.n, r.line]), d.footnoteDefs.map(x => [x.n, x.line]), d.enumLabels.map(e => [e.value, e.line])]);
      assert.strictEqual(sig(b), sig(a));
    }), { numRuns: 300 });
  });
});
