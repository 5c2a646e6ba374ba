// Runs every rule fixture (test/fixtures/rules/<family>/*.md, all families) against the
// expectation comments written next to the offending lines, then applies the safe fixes and
// lints again. See test/fixtures/rules/README.md.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, fixEdits, lint, parseDocument, resolveConfig } from '../../../server/src/engine/index';
import type { Finding } from '../../../server/src/engine/types';
import * as res from '../../../server/src/engine/resources';
import { readExpectations, repoRoot, type Expectation } from '../../helpers/markers';

const fixturesDir = path.join(repoRoot(), 'test/fixtures/rules');

function fixtureFiles(): { family: string; file: string }[] {
  if (!fs.existsSync(fixturesDir)) return [];
  return fs.readdirSync(fixturesDir, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .flatMap(d => fs.readdirSync(path.join(fixturesDir, d.name))
      .filter(f => f.endsWith('.md'))
      .sort()
      .map(f => ({ family: d.name, file: path.join(fixturesDir, d.name, f) })));
}

function resources(): res.Resources {
  const load = (res as { loadDefaultResources?: () => res.Resources }).loadDefaultResources;
  return load ? load() : res.noResources;
}

function key(e: { line: number; code: string; text?: string }): string {
  return e.text === undefined ? `${e.line + 1} ${e.code}` : `${e.line + 1} ${e.code} "${e.text}"`;
}

function checkedCodes(family: string, expected: Expectation[]): (code: string) => boolean {
  const named = new Set(expected.map(e => e.code));
  return code => code.startsWith(family + '.') || named.has(code);
}

function actualKeys(text: string, findings: Finding[], expected: Expectation[], checked: (c: string) => boolean): string[] {
  const withText = new Set(expected.filter(e => e.text !== undefined).map(e => `${e.line} ${e.code}`));
  return findings.filter(f => checked(f.code)).map(f => {
    const line = f.range.start.line;
    const t = withText.has(`${line} ${f.code}`) ? text.slice(f.offsets.start, f.offsets.end) : undefined;
    return key(t === undefined ? { line, code: f.code } : { line, code: f.code, text: t });
  }).sort();
}

suite('rule fixtures', () => {
  const all = fixtureFiles();
  const resourcesOnce = resources();
  const config = resolveConfig({});

  test('there are fixtures for the footnote and structure checks', () => {
    const fams = new Set(all.map(f => f.family));
    assert.ok(fams.has('footnote') && fams.has('structure'), [...fams].join(','));
  });

  for (const { family, file } of all) {
    const name = `${family}/${path.basename(file)}`;

    test(`${name}: findings are exactly the expectations`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const expected = readExpectations(text);
      const checked = checkedCodes(family, expected);
      const doc = parseDocument('file:///' + name, text);
      const findings = lint(doc, config, { resources: resourcesOnce });
      assert.deepStrictEqual(actualKeys(text, findings, expected, checked), expected.map(key).sort());
      // the expectation comments themselves never produce findings, whatever the family
      const comments = [...text.matchAll(/<!--\s*expect:[^]*?-->/g)].map(m => ({ start: m.index!, end: m.index! + m[0].length }));
      for (const f of findings) {
        assert.ok(!comments.some(c => f.offsets.start < c.end && f.offsets.end > c.start), `${f.code} inside an expectation comment`);
      }
    });

    test(`${name}: safe fixes leave no fixable finding behind`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const checked = checkedCodes(family, readExpectations(text));
      const findings = lint(parseDocument('file:///' + name, text), config, { resources: resourcesOnce });
      const edits = fixEdits(text, findings.filter(f => checked(f.code)));
      const fixed = applyEdits(text, edits);
      const again = lint(parseDocument('file:///' + name, fixed), config, { resources: resourcesOnce });
      const left = again.filter(f => checked(f.code) && f.safe && f.suggestions.length > 0);
      assert.deepStrictEqual(left.map(f => key({ line: f.range.start.line, code: f.code })), []);
      // applying the fixes again changes nothing
      assert.strictEqual(applyEdits(fixed, fixEdits(fixed, again.filter(f => checked(f.code)))), fixed);
    });
  }
});

suite('fixture expectation comments', () => {
  test('apply to their own line, or to the next non-blank line when alone', () => {
    const t = 'a\n<!-- expect: footnote.unused -->\n\nb\nc <!-- expect: structure.heading-level spelling.context "phổ" -->\n';
    assert.deepStrictEqual(readExpectations(t), [
      { line: 3, code: 'footnote.unused' },
      { line: 4, code: 'structure.heading-level' },
      { line: 4, code: 'spelling.context', text: 'phổ' },
    ]);
  });
});
