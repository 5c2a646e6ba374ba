import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/footnote/undefined';
import { parseDocument } from '../../../../../server/src/engine/parse/index';
import { run, where } from './helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('footnote.undefined', () => {
  test('flags a <sup> marker whose number has no definition', () => {
    const fs = run(rule, '# T\n\nMột<sup>1</sup> hai<sup>2</sup>.\n\n<sup>1</sup> Chú thích một.\n');
    assert.deepStrictEqual(where(fs), ['3:20']);
    assert.strictEqual(fs[0]!.severity, 'error');
    assert.match(fs[0]!.message, /Footnote 2 .*never defined/);
  });

  test('superscript digits are footnote marks and definitions (both formats); a unit\'s exponent is not', () => {
    for (const head of ['# T\n\n', 'KẾT QUẢ\n\n']) {
      const text = head + 'Hoàn thành 15/15 chỉ tiêu¹ đề ra; diện tích 120 m² và 5 km³; tăng trưởng đạt 8,5%³.\n\n¹ Theo kế hoạch năm.\n² Số liệu ước tính.\n';
      const doc = parseDocument('x', text);
      assert.deepStrictEqual(doc.footnoteRefs.map(r => [r.n, r.style]), [[1, 'sup'], [3, 'sup']], head);
      assert.deepStrictEqual(doc.footnoteDefs.map(d => d.n), [1, 2]);
      const fs = run(rule, text);
      assert.deepStrictEqual(fs.map(f => f.message.replace(/ is .*/, '')), ['Footnote 3']);
    }
  });

  test('flags an OCR marker glued to a word when its definition line is missing', () => {
    const text = 'Dự kiến có chỉ tiêu1 không đạt2 và chưa báo cáo3.\n\n1 Trong 21 chỉ tiêu.\n2 (1) Tốc độ; (2) Thu ngân sách.\n';
    const doc = parseDocument('x', text);
    assert.deepStrictEqual(doc.footnoteRefs.map(r => r.n), [1, 2, 3]);
    assert.deepStrictEqual(where(run(rule, text)), ['1:48']);
  });

  test('OCR: glued digits reading 1, 2, 3 with every definition lost are all undefined', () => {
    const text = 'Dự kiến có chỉ tiêu1 không đạt2 và chưa báo cáo3.\n\nĐoạn khác.\n';
    assert.deepStrictEqual(where(run(rule, text)), ['1:20', '1:31', '1:48']);
  });

  test('OCR: a lone glued digit without any definition is not taken for a footnote', () => {
    assert.deepStrictEqual(run(rule, 'Diện tích 500 mét vuông tầng2 của tòa nhà.\n'), []);
  });

  test('speaks Vietnamese when asked', () => {
    const fs = run(rule, 'A<sup>3</sup>\n', 'vi');
    assert.match(fs[0]!.message, /Chú thích 3/);
  });

  test('is silent when every marker is defined, and on both seeds', () => {
    assert.deepStrictEqual(run(rule, 'A<sup>1</sup>\n\n<sup>1</sup> B\n'), []);
    assert.deepStrictEqual(run(rule, seedText(SEED_003)), []);
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });

  test('page numbers, years and codes such as QH15 or T3 are not markers', () => {
    const text = 'Nghị quyết số 98/2023/QH15 của Quốc hội, nhà ga T3, COVID-19 năm\n2023 và ngày 06 tháng\n11 năm 2018 của Ban.\n\n7\n\nđồng bộ1 hết.\n\n1 Chú thích.\n';
    assert.deepStrictEqual(run(rule, text), []);
  });
});
