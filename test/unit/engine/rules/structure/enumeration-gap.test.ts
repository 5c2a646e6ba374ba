import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/structure/enumeration-gap';
import { run, where } from '../footnote/helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('structure.enumeration-gap', () => {
  test('flags seed 003 line 11: (1) then (3)', () => {
    const fs = run(rule, seedText(SEED_003));
    assert.deepStrictEqual(where(fs), ['11:193']);
    assert.match(fs[0]!.message, /\(3\) follows \(1\): \(2\) is missing/);
  });

  test('is silent on seed 000, whose enumerations are complete, including the OCR-damaged (ỉii) across a page break', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });

  test('Roman enumerations: (i) (ii) (iv) misses (iii)', () => {
    const fs = run(rule, 'Trước hết là: (i) A; (ii) B; (iv) C.\n');
    assert.deepStrictEqual(where(fs), ['1:30']);
    assert.match(fs[0]!.message, /\(iii\) is missing/);
  });

  test('a repeated label is flagged; a new enumeration starting at (1) is not', () => {
    const fs = run(rule, 'Gồm: (1) A; (2) B; (2) C. Sau đó: (1) D; (2) E.\n');
    assert.deepStrictEqual(where(fs), ['1:20']);
  });

  test('enumerations in separate footnotes or items are independent', () => {
    const text = 'chỉ tiêu1 và đạt2 hết.\n\n1 (1) A; (2) B; (3) C.\n2 (1) D; (2) E.\n';
    assert.deepStrictEqual(run(rule, text), []);
  });

  test('parenthesised numbers that are not labels are ignored: (-24%), (07 luật), (2023)', () => {
    assert.deepStrictEqual(run(rule, 'Giảm (-24%) gồm (07 luật) năm (2023) và (1) A; (2) B.\n'), []);
  });
});
