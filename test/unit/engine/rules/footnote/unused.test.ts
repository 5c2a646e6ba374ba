import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/footnote/unused';
import { run, where } from './helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('footnote.unused', () => {
  test('flags a definition that no marker refers to, at its marker', () => {
    const fs = run(rule, '# T\n\nMột<sup>1</sup>.\n\n<sup>1</sup> Một.\n\n<sup>2</sup> Hai.\n');
    assert.deepStrictEqual(where(fs), ['7:1']);
    assert.match(fs[0]!.message, /Footnote 2 is defined but no marker/);
    assert.strictEqual(fs[0]!.range.end.character, '<sup>2</sup>'.length);
  });

  test('a marker inside its own definition does not count as a use', () => {
    const fs = run(rule, '# T\n\nMột.\n\n<sup>1</sup> Một<sup>1</sup>.\n');
    assert.deepStrictEqual(where(fs), ['5:1']);
  });

  test('a cross-reference from another footnote counts as a use', () => {
    assert.deepStrictEqual(run(rule, '# T\n\nMột<sup>1</sup>.\n\n<sup>1</sup> Xem<sup>2</sup>.\n\n<sup>2</sup> Hai.\n'), []);
  });

  test('OCR: a definition in a run of definitions whose marker OCR lost is reported', () => {
    const text = 'Có chỉ tiêu1 chưa đạt.\n\n1 Trong 21 chỉ tiêu.\n2 Tốc độ tăng trưởng.\n';
    assert.deepStrictEqual(where(run(rule, text)), ['4:1']);
  });

  test('is silent on both seeds', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_003)), []);
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });
});
