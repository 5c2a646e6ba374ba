import * as assert from 'assert';
import { parseCatalogue } from '../../../../server/src/engine/citations/catalogue';
import { parseDocumentsText } from '../../../../server/src/node/userData';

suite('citations: user catalogue (.bulletin/documents.json)', () => {
  test('entries get normalised keys; both a bare array and { documents } are accepted', () => {
    const list = [
      { number: '98/2023/QH15', type: 'Nghị quyết', date: '2023-06-24', issuer: 'Quốc hội', title: 'về thí điểm …', aliases: ['Nghị quyết 98'] },
      { number: '131-QD/TW', type: 'Quy định', date: '10/5/2023' },
      { symbol: '71/NQ-HĐND', type: 'NQ', date: '2022-12-09' },
    ];
    const a = parseCatalogue(JSON.stringify(list));
    assert.deepStrictEqual(a.errors, []);
    assert.deepStrictEqual(a.documents.map(d => d.key), ['NQ 98/2023/QH15', 'QĐi 131-QĐ/TW', 'NQ 71/NQ-HĐND@2022']);
    assert.strictEqual(a.documents[1]!.date, '2023-05-10');
    assert.deepStrictEqual(parseCatalogue(JSON.stringify({ documents: list })).documents, a.documents);
  });

  test('problems are reported, never thrown; good entries survive bad ones', () => {
    const r = parseCatalogue(JSON.stringify([{ number: 'hello' }, { type: 'Nghị quyết' }, { number: '05-NQ/TU', date: '31/4/2021' }, 7, { number: '05-NQ/TU', type: 'Bản đồ' }]));
    assert.strictEqual(r.documents.length, 1);
    assert.strictEqual(r.errors.length, 5);
    assert.match(r.errors.join('\n'), /not a valid date/);
    assert.match(parseCatalogue('{ nope').errors[0]!, /not valid JSON/);
    assert.match(parseCatalogue('{"x": 1}').errors[0]!, /expected an array/);
  });

  test('the shared user-data reader uses this parser (server and CLI read the same catalogue)', () => {
    const r = parseDocumentsText(JSON.stringify([{ number: '24-NQ/TW', type: 'Nghị quyết', date: '2022-10-07', issuer: 'Bộ Chính trị' }, { number: 'x' }]), 'documents.json');
    assert.deepStrictEqual(r.documents.map(d => d.key), ['NQ 24-NQ/TW']);
    assert.strictEqual(r.problems.length, 1);
  });
});
