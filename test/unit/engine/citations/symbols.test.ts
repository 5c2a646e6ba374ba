// The symbol parser and recogniser on their own: the families of citations.md 1, OCR-damaged
// keywords, line breaks inside symbols, every date form, and linear time on hostile input.
import * as assert from 'assert';
import { parseSymbolAt } from '../../../../server/src/engine/citations/symbol';
import { analyzeText } from '../../../../server/src/engine/citations/resolve';
import { foldText } from '../../../../server/src/engine/citations/fold';

const sym = (s: string): string | null => { const p = parseSymbolAt(s, 0); return p ? `${p.family} ${p.canonical}` : null; };
const analyse = (t: string) => analyzeText(t, foldText(t));

suite('citations: symbols and recognition', () => {
  test('the five symbol families, canonicalised', () => {
    assert.strictEqual(sym('26-NQ/TU'), 'party 26-NQ/TU');
    assert.strictEqual(sym('09-\nCTrHĐ/TU'), 'party 09-CTrHĐ/TU');
    assert.strictEqual(sym('5-QĐi/TW'), 'party 05-QĐi/TW');
    assert.strictEqual(sym('31 - QĐ/TW'), 'party 31-QĐ/TW');
    assert.strictEqual(sym('98/2023/QH15'), 'qh 98/2023/QH15');
    assert.strictEqual(sym('35/2023/UBTVQH15'), 'qh 35/2023/UBTVQH15');
    assert.strictEqual(sym('73/2023/NĐ-CP'), 'qppl 73/2023/NĐ-CP');
    assert.strictEqual(sym('01/2017/TTLT-TANDTC-VKSNDTC-BCA-BQP'), 'qppl 01/2017/TTLT-TANDTC-VKSNDTC-BCA-BQP');
    assert.strictEqual(sym('71/NQ-\nHĐND'), 'admin 71/NQ-HĐND');
    assert.strictEqual(sym('123/QĐ-TTg'), 'admin 123/QĐ-TTg');
    assert.strictEqual(sym('1111/NQ-UBTVQH14'), 'admin 1111/NQ-UBTVQH14');
    assert.strictEqual(sym('6985/VPCP-KTN'), 'congvan 6985/VPCP-KTN');
    assert.strictEqual(sym('73/2023/NÐ-CP'), 'qppl 73/2023/NĐ-CP'); // look-alike Ð (U+00D0)
    assert.strictEqual(sym('131-QD/TW'), 'party 131-QĐ/TW');
    assert.strictEqual(sym('1374-QĐ/TƯ'), 'party 1374-QĐ/TU');
  });

  test('not symbols: dates, ranges, fractions, COVID-19, percentages', () => {
    for (const s of ['24/6/2023', '2020 - 2025', '07/21 chỉ tiêu', '6,71%', '2021 - 2Ớ3Ớ', '12-12-2013', '10/3', '1.985']) assert.strictEqual(sym(s), null, s);
    assert.deepStrictEqual(analyse('Phòng, chống dịch COVID-19 và nhà ga T3 trong giai đoạn 2020 - 2025.').mentions, []);
  });

  test('OCR-damaged keywords fold to the canonical ones', () => {
    const a = analyse('Nghị qụỵểt sổ 26-NQ/TU ngày 14 tháng 10 năm 2020 cùa Thành ủy; NGHỊ QUYẾT SỐ 05-NQ/TU CỦA THÀNH ỦY; Nghỉ quyết sỗ 21-NQ/TW ngày 16/6/2022, cũa Hội nghị Trung ương 5 (Khóa XIII).');
    assert.deepStrictEqual(a.mentions.map(m => `${m.key} ${m.date?.iso ?? '-'} ${m.issuer?.name}`), [
      'NQ 26-NQ/TU 2020-10-14 Thành ủy', 'NQ 05-NQ/TU - Thành ủy', 'NQ 21-NQ/TW 2022-06-16 Hội nghị Trung ương',
    ]);
  });

  test('every date form, also across a line break', () => {
    const a = analyse('Kết luận số 01-KL/TU ngày 07-10-2022 của Thành ủy; Kết luận số 02-KL/TU ngày 7.10.2022 của Thành ủy; Kết luận số 03-KL/TU ngày 06 tháng\n11 năm 2018 của Thành ủy; Kết luận số 04-KL/TU ngày 24/6/2023 của Thành ủy.');
    assert.deepStrictEqual(a.mentions.map(m => m.date?.iso), ['2022-10-07', '2022-10-07', '2018-11-06', '2023-06-24']);
  });

  test('issuer-first order and alias intros (sau đây gọi là, gọi tắt là)', () => {
    const a = analyse('Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997 về thể loại văn bản (sau đây gọi là Quyết định 31). Theo Quyết định 31, …');
    assert.deepStrictEqual(a.mentions.map(m => `${m.kind} ${m.key}`), ['full QĐ 31-QĐ/TW', 'alias QĐ 31-QĐ/TW', 'short QĐ 31-QĐ/TW']);
    const b = analyse('Nghị định số 73/2023/NĐ-CP ngày 29/9/2023 của Chính phủ (gọi tắt là Nghị định 73); Nghị định 73 quy định …');
    assert.strictEqual(b.mentions[2]!.resolution, 'resolved');
  });

  test('recognition is linear: 200 KB of digits, hyphens, slashes and keywords in a few seconds at most (quadratic would take minutes)', function () {
    this.timeout(20000);
    const parts = ['1-', '2/', 'Nghị quyết ', 'số ', '(viết tắt ', 'ngày ', '12/', 'của ', 'Hội nghị ', ' - ', '9999/2023/'];
    let s = '';
    for (let i = 0; s.length < 200_000; i++) s += parts[(i * 7) % parts.length]!;
    const t0 = Date.now();
    analyse(s);
    analyse('1'.repeat(100_000) + '-'.repeat(100_000));
    analyse('Nghị quyết '.repeat(20_000));
    analyse(('ngày ' + ' '.repeat(50)).repeat(3000));
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  });
});

suite('citations: recognition edge cases', () => {
  test('a lower-case type word counts only with a symbol after it', () => {
    const a = analyse('Theo nghị quyết số 26-NQ/TU ngày 14/10/2020 của Thành ủy và các nghị quyết, kết luận của Trung ương; nghị quyết 26 nữa.');
    assert.deepStrictEqual(a.mentions.map(m => `${m.kind} ${m.key}`), ['full NQ 26-NQ/TU']);
  });

  test('glued "số31-QĐ/TW", a quoted alias, and a bare symbol without a type word', () => {
    const a = analyse('Quyết định số31-QĐ/TW ngày 01/10/1997 của Bộ Chính trị (viết tắt là “Quyết định 31”). Quyết định 31 và 31-QĐ/TW.');
    assert.deepStrictEqual(a.mentions.map(m => `${m.kind} ${m.resolution} ${m.key}`), [
      'full definition QĐ 31-QĐ/TW', 'alias resolved QĐ 31-QĐ/TW', 'short resolved QĐ 31-QĐ/TW', 'short resolved QĐ 31-QĐ/TW',
    ]);
  });

  test('one OCR-damaged letter in a type word is tolerated only when a symbol follows', () => {
    const a = analyse('Theo Nghị qnyết số 26-NQ/TU ngày 14/10/2020 của Thành ủy; Kểt luân sổ 14-KL/TW; Nghị qnyết của Trung ương; Nghĩa quyết tâm 2023.');
    assert.deepStrictEqual(a.mentions.map(m => `${m.typeWord?.name} ${m.symbol?.canonical}`), ['Nghị quyết 26-NQ/TU', 'Kết luận 14-KL/TW']);
  });

  test("the bulletin's own header number (\"Số 12-TB/TU\" opening a line) is not a citation", () => {
    const a = analyse('THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH\n**Số: 12-TB/TU**\n\nThực hiện 26-NQ/TU và Thông báo số 13-TB/TU.');
    assert.deepStrictEqual(a.mentions.map(m => m.symbol?.canonical), ['26-NQ/TU', '13-TB/TU']);
  });

  test('citations inside HTML comments are not read', () => {
    const t = 'Theo <!-- Nghị quyết 24 của Bộ Chính trị --> kế hoạch.';
    assert.deepStrictEqual(analyzeText(t, foldText(t), [{ start: 5, end: 46 }]).mentions, []);
  });
});
