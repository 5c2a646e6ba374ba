import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/structure/heading-level';
import { applyEdits, fixEdits } from '../../../../../server/src/engine/index';
import { run, where } from '../footnote/helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('structure.heading-level', () => {
  test('flags seed 003 "## **2. …**" beside "### 1. …", on the hashes, with a safe fix to ###', () => {
    const fs = run(rule, seedText(SEED_003));
    assert.deepStrictEqual(where(fs), ['53:1']);
    assert.strictEqual(fs[0]!.range.end.character, 2);
    assert.deepStrictEqual(fs[0]!.suggestions, ['###']);
    assert.strictEqual(fs[0]!.safe, true);
    assert.match(fs[0]!.message, /"2\." .* level 2; it belongs at level 3 \(###\) like "1\." on line 21/);
  });

  test('after the fix the seed is consistent', () => {
    const text = seedText(SEED_003);
    const fixed = applyEdits(text, fixEdits(text, run(rule, text)));
    assert.ok(fixed.includes('\n### **2. Về kết quả'));
    assert.deepStrictEqual(run(rule, fixed), []);
  });

  test('bold inside a heading (## **II.** beside ## I.) is a style choice, not a level error', () => {
    assert.deepStrictEqual(run(rule, '## I. MỘT\n\n### 1. Một\n\n## **II. HAI**\n\n### 1. Hai\n'), []);
  });

  test('a subsection at the level of its parent section is flagged even with no sibling', () => {
    const fs = run(rule, '## I. MỘT\n\n## 1. Một\n');
    assert.deepStrictEqual(where(fs), ['3:1']);
    assert.deepStrictEqual(fs[0]!.suggestions, ['###']);
  });

  test('the majority level wins: one stray ### among ## siblings is the one flagged', () => {
    const fs = run(rule, '# T\n\n## 1. A\n\n### 2. B\n\n## 3. C\n');
    assert.deepStrictEqual(where(fs), ['5:1']);
    assert.deepStrictEqual(fs[0]!.suggestions, ['##']);
  });

  test('OCR text has no # levels to disagree with', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_000)), []);
  });
});
