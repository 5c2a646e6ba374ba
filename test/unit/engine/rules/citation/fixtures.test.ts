// Planted-error fixtures (test/fixtures/rules/citation/*.md): every `<!-- expect: code "text" -->`
// must be matched by a citation.* finding on that line covering the text, and no other
// citation.* finding may appear.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, parseDocument, resolveConfig } from '../../../../../server/src/engine/index';
import { citationRules } from '../../../../../server/src/engine/rules/citation/index';
import { readExpectations, repoRoot } from '../../../../helpers/markers';

const dir = path.join(repoRoot(), 'test/fixtures/rules/citation');

suite('citation fixtures', () => {
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.md')).sort();
  test('the fixture folder holds one file per check plus a clean one', () => {
    assert.deepStrictEqual(files, ['clean.md', 'conflict.md', 'invalid-date.md', 'malformed.md', 'unresolved.md']);
  });
  for (const f of files) {
    test(f, () => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const doc = parseDocument('file:///fixtures/' + f, text);
      const findings = lint(doc, resolveConfig({}), { only: citationRules });
      const expected = readExpectations(text);
      const unmatched = [...findings];
      for (const e of expected) {
        const i = unmatched.findIndex(x => x.code === e.code && x.range.start.line === e.line &&
          (e.text === undefined || text.slice(x.offsets.start, x.offsets.end).includes(e.text) || e.text.includes(text.slice(x.offsets.start, x.offsets.end).trim())));
        assert.ok(i >= 0, `${f}:${e.line + 1}: expected ${e.code}${e.text ? ` on "${e.text}"` : ''}; got ${JSON.stringify(findings.map(x => `${x.range.start.line + 1} ${x.code} ${x.message}`))}`);
        unmatched.splice(i, 1);
      }
      assert.deepStrictEqual(unmatched.map(x => `${x.range.start.line + 1}: ${x.code} ${x.message}`), [], `${f}: unexpected findings`);
      if (f === 'clean.md') assert.strictEqual(expected.length, 0);
      else assert.ok(expected.length >= 4, 'each planted fixture carries several cases');
    });
  }
});
