// citationsReport / formatCitationsText against cli-contract.md (`citations --format json|text`).
import * as assert from 'assert';
import { parseDocument } from '../../../../server/src/engine/index';
import { citationsReport, formatCitationsText } from '../../../../server/src/engine/citations/report';
import { noResources } from '../../../../server/src/engine/resources';
import { parseCatalogue } from '../../../../server/src/engine/citations/catalogue';
import { SEED_000, SEED_003, seedText } from '../../../helpers/markers';

const env = { resources: noResources, locale: 'en' as const };
const seeds = () => [
  { path: 'seeds/' + SEED_000, doc: parseDocument('file:///000', seedText(SEED_000)) },
  { path: 'seeds/' + SEED_003, doc: parseDocument('file:///003', seedText(SEED_003)) },
];

suite('citations report (CLI contract)', () => {
  test('shape: version 1, documents and mentions with exactly the contract fields', () => {
    const r = citationsReport(seeds(), env);
    assert.strictEqual(r.version, 1);
    const allowedDoc = new Set(['key', 'type', 'number', 'issuer', 'date', 'subject', 'definition']);
    for (const d of r.documents) for (const k of Object.keys(d)) assert.ok(allowedDoc.has(k), k);
    for (const m of r.mentions) {
      assert.deepStrictEqual(Object.keys(m).sort(), ['key', 'kind', 'path', 'range', 'text']);
      assert.ok(['full', 'short', 'alias'].includes(m.kind));
    }
    const nq98 = r.documents.find(d => d.key === 'NQ 98/2023/QH15')!;
    assert.deepStrictEqual({ ...nq98, subject: undefined }, {
      key: 'NQ 98/2023/QH15', type: 'Nghị quyết', number: '98/2023/QH15', issuer: 'Quốc hội', date: '2023-06-24', subject: undefined,
      definition: { path: 'seeds/' + SEED_000, range: { start: { line: 114, character: 35 }, end: { line: 115, character: 12 } } },
    });
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(r)));
  });

  test('resolved across all files given: 000\'s "Nghị quyết 24" takes 003\'s key; truly unresolved ones are null', () => {
    const r = citationsReport(seeds(), env);
    const m24 = r.mentions.find(m => m.text === 'Nghị quyết 24 của Bộ Chính trị')!;
    assert.strictEqual(m24.key, 'NQ 24-NQ/TW');
    assert.deepStrictEqual(r.mentions.filter(m => m.key === null).map(m => `${m.range.start.line + 1}:${m.range.start.character + 1}`), ['589:38', '589:61', '623:1']);
    // alone, 000 leaves it unresolved
    const alone = citationsReport([seeds()[0]!], env);
    assert.strictEqual(alone.mentions.find(m => m.text === 'Nghị quyết 24 của Bộ Chính trị')!.key, null);
    // 14-KL/TW: the dated citation of 003 is the document's definition
    assert.strictEqual(r.documents.find(d => d.key === 'KL 14-KL/TW')!.date, '2021-09-22');
  });

  test('the catalogue resolves what no file defines', () => {
    const cat = parseCatalogue(JSON.stringify([{ number: '306-KL/TU', type: 'Kết luận', date: '2022-01-10', issuer: 'Thành ủy' }]));
    const r = citationsReport([seeds()[0]!], { resources: { ...noResources, documents: cat.documents }, locale: 'en' });
    assert.strictEqual(r.mentions.find(m => m.text === 'Kết luận sổ 306-KL/TU')!.key, 'KL 306-KL/TU');
    assert.strictEqual(r.documents.find(d => d.key === 'KL 306-KL/TU')!.date, '2022-01-10');
  });

  test('text format: path:line:col, kind, key or UNRESOLVED, text; then a summary line', () => {
    const t = formatCitationsText(citationsReport(seeds(), env));
    const lines = t.trimEnd().split('\n');
    assert.ok(lines.includes(`seeds/${SEED_000}:19:15: full NQ 26-NQ/TU  Nghị qụỵểt số 26-NQ/TU ngày 14 tháng 10 năm 2020 của Thành ủy`));
    assert.ok(lines.includes(`seeds/${SEED_000}:623:1: short UNRESOLVED  Kết luận sổ 306-KL/TU`));
    assert.match(lines[lines.length - 1]!, /^\d+ documents, \d+ mentions, 3 unresolved$/);
  });
});
