// Walks the seed citation inventory (seed-citation-inventory.md, transcribed in inventory.data.ts)
// over the real seeds: every citation is recognised at its position with its key and resolution,
// nothing else is recognised, and the places the inventory lists as non-citations stay silent.
import * as assert from 'assert';
import { parseDocument } from '../../../../server/src/engine/index';
import { analyzeCitations, ownKey } from '../../../../server/src/engine/citations/resolve';
import type { CitationMention } from '../../../../server/src/engine/citations/model';
import type { BulletinDocument } from '../../../../server/src/engine/parse/model';
import { SEED_000, SEED_003, seedText } from '../../../helpers/markers';
import { INVENTORY, NOT_CITATIONS, NOT_RECOGNISED, type InventoryRow } from './inventory.data';

const docs: Record<'000' | '003', BulletinDocument> = {
  '000': parseDocument('file:///seeds/' + SEED_000, seedText(SEED_000)),
  '003': parseDocument('file:///seeds/' + SEED_003, seedText(SEED_003)),
};

function pos(doc: BulletinDocument, off: number): string {
  const p = doc.source.positionAt(off);
  return `${p.line + 1}:${p.character + 1}`;
}
/** Inclusive end, as the inventory writes it. */
function endPos(doc: BulletinDocument, off: number): string {
  const p = doc.source.positionAt(off);
  return `${p.line + 1}:${p.character}`;
}

function find(row: InventoryRow): CitationMention | undefined {
  const doc = docs[row.file];
  return analyzeCitations(doc).mentions.find(m => pos(doc, m.span.start) === row.start.join(':'));
}

function status(m: CitationMention): string {
  switch (m.resolution) {
    case 'definition': case 'resolved': return 'resolved';
    case 'named': return 'named';
    default: return m.resolution;
  }
}

suite('citations: seed inventory', () => {
  for (const row of INVENTORY) {
    test(`${row.id} ${row.file} ${row.start.join(':')}: ${row.key ?? row.own ?? row.status}`, () => {
      const doc = docs[row.file];
      const m = find(row);
      assert.ok(m, `no citation recognised at ${row.start.join(':')}`);
      assert.strictEqual(endPos(doc, m.span.end), row.end.join(':'), `end of ${m.text}`);
      // the inventory's SHORT with an issuer (B03, B10) is a definition-capable mention here: short and full are one class
      if (row.form === 'alias' || row.form === 'named') assert.strictEqual(m.kind, row.form);
      else assert.ok(m.kind === 'short' || m.kind === 'full', `${m.text}: ${m.kind}`);
      assert.strictEqual(status(m), row.status, `resolution of ${m.text}`);
      if (row.status !== 'named' || row.key) assert.strictEqual(m.key, row.key);
      if (row.own) assert.strictEqual(ownKey(m), row.own);
      if (row.date) assert.strictEqual(m.date?.iso, row.date);
      if (row.subject) {
        assert.ok(m.subject, 'no subject clause');
        assert.strictEqual(`${pos(doc, m.subject.span.start)}–${endPos(doc, m.subject.span.end)}`, row.subject, m.subject.text);
      }
    });
  }

  test('nothing else is recognised (generic plurals, "Ban Chỉ đạo 902", "số 1" after nouns…)', () => {
    const skipped = new Set(NOT_RECOGNISED);
    for (const file of ['000', '003'] as const) {
      const doc = docs[file];
      const expected = new Set(INVENTORY.filter(r => r.file === file && !skipped.has(r.id)).map(r => r.start.join(':')));
      const extra = analyzeCitations(doc).mentions.filter(m => !expected.has(pos(doc, m.span.start))).map(m => `${pos(doc, m.span.start)} ${m.text}`);
      assert.deepStrictEqual(extra, [], `${file}: unexpected citations`);
    }
  });

  test('the places section 4 lists as non-citations are not covered by any citation', () => {
    for (const nc of NOT_CITATIONS) {
      const doc = docs[nc.file];
      const [line] = nc.at.split(':').map(Number) as [number];
      const l = doc.lines[line - 1]!;
      const at = doc.text.slice(l.start, l.end).indexOf(nc.text);
      assert.ok(at >= 0, `${nc.file} ${nc.at}: "${nc.text}" not on that line`);
      const off = l.start + at;
      const covering = analyzeCitations(doc).mentions.filter(m => m.span.start <= off && off < m.span.end);
      assert.deepStrictEqual(covering.map(m => m.text), [], `${nc.file} ${nc.at} "${nc.text}"`);
    }
  });

  test('registries: 000 has 18 resolvable numbered documents (22 minus 4 unresolved), 003 has 8', () => {
    const numbered = (f: '000' | '003'): string[] => [...analyzeCitations(docs[f]).documents.keys()].filter(k => !k.startsWith('NAMED')).sort();
    assert.strictEqual(numbered('000').length, 18, numbered('000').join(', '));
    assert.deepStrictEqual(numbered('003'), ['KL 14-KL/TW', 'NQ 05-NQ/TU', 'NQ 24-NQ/TW', 'NQ 31-NQ/TW', 'NQ 71/NQ-HĐND@2022', 'NQ 98/2023/QH15', 'QĐ 217-QĐ/TW', 'QĐ 218-QĐ/TW']);
  });

  test('the bulletins\' own meeting dates are found in the text', () => {
    assert.strictEqual(analyzeCitations(docs['000']).bulletinDate?.iso, '2023-12-02');
    assert.strictEqual(analyzeCitations(docs['003']).bulletinDate?.iso, '2023-10-10');
  });

  test('coordinated groups share date and issuer; subjects are captured for the hover', () => {
    const b13 = find(INVENTORY.find(r => r.id === 'B13')!)!;
    assert.strictEqual(b13.issuer?.name, 'Bộ Chính trị');
    assert.match(b13.subject?.text ?? '', /^về Quy chế giám sát/);
    const a31 = find(INVENTORY.find(r => r.id === 'A31')!)!;
    assert.strictEqual(a31.issuer?.name, 'Bộ Chính trị');
    assert.strictEqual(a31.typeWord?.name, 'Quy định');
    const a06 = find(INVENTORY.find(r => r.id === 'A06')!)!;
    assert.match(a06.subject?.text ?? '', /^về thí điềm một sổ cơ chế/);
    const a25 = find(INVENTORY.find(r => r.id === 'A25')!)!;
    assert.strictEqual(a25.issuer?.term, 13);
  });
});
