import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/footnote/sequence';
import { run, where } from './helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

const defs = (ns: number[]): string => ns.map(n => `<sup>${n}</sup> Chú thích ${n}.\n`).join('\n');

suite('footnote.sequence', () => {
  test('flags a number that skips', () => {
    const fs = run(rule, `# T\n\nA<sup>1</sup> B<sup>3</sup>.\n\n${defs([1, 3])}`);
    assert.deepStrictEqual(where(fs), ['3:16']);
    assert.match(fs[0]!.message, /Footnote 3 follows 1: footnote 2 is missing/);
  });

  test('flags a number that goes backwards', () => {
    const fs = run(rule, `# T\n\nA<sup>1</sup> B<sup>3</sup> C<sup>2</sup>.\n\n${defs([1, 2, 3])}`);
    assert.deepStrictEqual(fs.map(f => f.message.replace(/:.*/, '')), ['Footnote 3 follows 1', 'Footnote 2 comes after footnote 3']);
  });

  test('flags a first marker that is not 1', () => {
    assert.deepStrictEqual(where(run(rule, `# T\n\nA<sup>2</sup>.\n\n${defs([2])}`)), ['3:2']);
  });

  test('flags definitions listed out of order', () => {
    const fs = run(rule, `# T\n\nA<sup>1</sup> B<sup>2</sup>.\n\n${defs([2, 1])}`);
    assert.deepStrictEqual(where(fs), ['7:1']);
  });

  test('a repeated marker is not a sequence error (footnote.duplicate reports it)', () => {
    assert.deepStrictEqual(run(rule, `# T\n\nA<sup>1</sup> B<sup>1</sup> C<sup>2</sup>.\n\n${defs([1, 2])}`), []);
  });

  test('OCR glued digits in sequence are accepted; years and page numbers do not break it', () => {
    const text = 'Năm 2023 có chỉ tiêu1 không đạt2 và\n\n7\n\nchưa báo cáo3.\n\n1 Trong 21 chỉ tiêu.\n2 (1) Tốc độ.\n3 (1) Tỷ lệ.\n';
    assert.deepStrictEqual(run(rule, text), []);
  });

  test('is silent on both seeds (1–11 and 1–3)', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_003)), []);
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });
});
