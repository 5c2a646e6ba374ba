import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/footnote/duplicate';
import { run, where } from './helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('footnote.duplicate', () => {
  test('flags a second definition of the same number', () => {
    const fs = run(rule, '# T\n\nMột<sup>1</sup>.\n\n<sup>1</sup> Một.\n\n<sup>1</sup> Lại một.\n');
    assert.deepStrictEqual(where(fs), ['7:1']);
    assert.match(fs[0]!.message, /defined again \(first definition on line 5\)/);
  });

  test('flags a marker used twice in the body text', () => {
    const fs = run(rule, '# T\n\nMột<sup>1</sup> và lại<sup>1</sup>.\n\n<sup>1</sup> Một.\n');
    assert.deepStrictEqual(where(fs), ['3:23']);
  });

  test('a marker repeated inside its own definition is left to footnote.self-reference', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_003)), []);
  });

  test('is silent on seed 000', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });
});
