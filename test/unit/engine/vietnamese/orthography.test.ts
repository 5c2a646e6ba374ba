// Syllable validity from Vietnamese orthography (not from a list), tone styles, case handling.
import * as assert from 'assert';
import {
  applyCase, canonical, hasVietnameseMarks, isNewStyle, isValidSyllable, newStyle, skeleton, syllableTable, toneOf,
} from '../../../../server/src/engine/vietnamese/orthography';

suite('vietnamese/orthography', () => {
  const valid = [
    'thành', 'phố', 'phổ', 'lần', 'thứ', 'thử', 'khóa', 'khoá', 'hòa', 'hoà', 'thủy', 'thuỷ', 'ủy', 'uỷ', 'quyết', 'nghị',
    'nghĩa', 'giếng', 'gì', 'gìn', 'giữa', 'của', 'quốc', 'khuya', 'khuỷu', 'ngoài', 'người', 'trường', 'được', 'yêu', 'yên',
    'chuyện', 'kinh', 'kế', 'ghi', 'nghe', 'ngày', 'quý', 'quí', 'lý', 'lí', 'kỹ', 'kĩ', 'đảng', 'ương', 'oán', 'uống', 'xoong',
    'tiếp', 'cấp', 'chất', 'hạch', 'sách', 'thích', 'lệch', 'huých', 'quỳnh', 'tuyển', 'nguyễn', 'gỡ', 'ơi', 'ở', 'ạ',
  ];
  const invalid = [
    // stacked or doubled marks
    'qụỵểt', 'mờỉ', 'thỉêm', 'bỉểu',
    // stop finals take only sắc or nặng
    'tàt', 'chẩp', 'lảp', 'nhac', 'cac', 'thõc', 'hàch',
    // c/k/q, g/gh, ng/ngh, gi
    'cinh', 'kao', 'ghà', 'ge', 'ngiêng', 'nghang', 'quu', 'coa',
    // iê without onset, impossible sequences
    'iêu', 'gìa', 'ko', 'đc', 'trrong', 'xyz', 'tiềc',
  ];

  test('well-formed syllables are valid', () => {
    const bad = valid.filter(w => !isValidSyllable(w));
    assert.deepStrictEqual(bad, []);
  });

  test('malformed syllables are invalid', () => {
    const bad = invalid.filter(w => w && isValidSyllable(w));
    assert.deepStrictEqual(bad, []);
  });

  test('both tone placements are valid and share one canonical form', () => {
    for (const [old, neu] of [['hòa', 'hoà'], ['thủy', 'thuỷ'], ['ủy', 'uỷ'], ['khóa', 'khoá'], ['lòe', 'loè']] as const) {
      assert.ok(isValidSyllable(old) && isValidSyllable(neu), `${old}/${neu}`);
      assert.strictEqual(canonical(neu), canonical(old));
      assert.strictEqual(canonical(old), old);
      assert.ok(isNewStyle(neu) && !isNewStyle(old));
      assert.strictEqual(newStyle(old), neu);
    }
    // with a final consonant or after qu there is only one placement
    assert.ok(!isValidSyllable('hòan'));
    assert.strictEqual(canonical('quý'), 'quý');
  });

  test('the generated table is a plausible size and every entry is canonical-consistent', () => {
    const t = syllableTable();
    assert.ok(t.size > 15000 && t.size < 40000, `size ${t.size}`);
    for (const [s, c] of t) assert.strictEqual(t.get(c), c, `${s} -> ${c}`);
  });

  test('skeleton, tone and marks', () => {
    assert.strictEqual(skeleton('đường'), 'duong');
    assert.strictEqual(skeleton('quyết'), 'quyet');
    assert.deepStrictEqual(toneOf('mờỉ'), { tone: 2, marks: 2 });
    assert.ok(hasVietnameseMarks('đi') && hasVietnameseMarks('ăn') && !hasVietnameseMarks('the'));
  });

  test('suggestions keep the case of the word they replace', () => {
    assert.strictEqual(applyCase('phố', 'PHÓ'), 'PHỐ');
    assert.strictEqual(applyCase('ban', 'Bạn'), 'Ban');
    assert.strictEqual(applyCase('của', 'cùa'), 'của');
    assert.strictEqual(applyCase('đảng', 'ĐẲNG'), 'ĐẢNG');
  });
});
