import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/footnote/self-reference';
import { run, where } from './helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('footnote.self-reference', () => {
  test('flags seed 003 footnote 8, whose definition carries <sup>8</sup> (61:163)', () => {
    const fs = run(rule, seedText(SEED_003));
    assert.deepStrictEqual(where(fs), ['61:163']);
    assert.strictEqual(fs[0]!.range.end.character - fs[0]!.range.start.character, '<sup>8</sup>'.length);
    assert.match(fs[0]!.message, /Footnote 8 refers to itself/);
    assert.deepStrictEqual(fs[0]!.suggestions, ['']);
    assert.ok(!fs[0]!.safe, 'removing the marker is offered, not applied automatically');
  });

  test('a reference to another footnote inside a definition is not a self-reference', () => {
    assert.deepStrictEqual(run(rule, '# T\n\nA<sup>1</sup> B<sup>2</sup>.\n\n<sup>1</sup> Xem<sup>2</sup>.\n\n<sup>2</sup> Hai.\n'), []);
  });

  test('is silent on seed 000', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });
});
