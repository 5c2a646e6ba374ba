// The documentation a user reads must match what ships: the README's table of diagnostic codes,
// the rule registry and the `bulletin.rules` setting's schema list the same checks with the same
// default severities; the README's settings table lists every contributed setting with its
// default; and the README opens with exactly the two commands that work on a fresh clone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../../server/src/engine/rules/index';

const root = path.resolve(__dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function tableRows(heading: string): string[][] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return section.split('\n')
    .filter(l => l.startsWith('| `'))
    .map(l => l.slice(1, -1).split(/(?<!\\)\|/).map(c => c.trim()));
}

function settingsProperties(): Record<string, { default?: unknown; properties?: Record<string, unknown> }> {
  const conf = pkg.contributes.configuration;
  const list = Array.isArray(conf) ? conf : [conf];
  return Object.assign({}, ...list.map((c: { properties: object }) => c.properties));
}

suite('manifest and README', () => {
  test('the README table of diagnostic codes lists every registered rule, with its default severity and fixability', () => {
    const rows = tableRows('Diagnostic codes');
    const documented = new Map(rows.map(r => [r[0]!.replace(/`/g, ''), r]));
    const registered = rules.map(r => r.code);
    assert.deepStrictEqual([...documented.keys()].sort(), [...registered].sort(), 'README rows vs registry');
    for (const r of rules) {
      const row = documented.get(r.code)!;
      assert.strictEqual(row[1], r.defaultSeverity, `${r.code}: default severity in the README`);
      assert.strictEqual(row[2] === 'yes', r.fixable, `${r.code}: "fix" column in the README`);
      assert.ok((row[3] ?? '').length > 20, `${r.code}: description in the README`);
    }
  });

  test('every rule code and family can be configured through bulletin.rules', () => {
    const props = settingsProperties()['bulletin.rules']?.properties ?? {};
    const families = [...new Set(rules.map(r => r.family))];
    for (const key of [...families, ...rules.map(r => r.code)]) {
      assert.ok(key in props, `bulletin.rules does not offer "${key}"`);
    }
    const unknown = Object.keys(props).filter(k => !families.includes(k as never) && !rules.some(r => r.code === k));
    assert.deepStrictEqual(unknown, [], 'bulletin.rules offers codes that no rule has');
  });

  test('the README settings table lists every contributed setting with its default', () => {
    const rows = tableRows('Settings');
    const documented = new Map(rows.map(r => [r[0]!.replace(/`/g, ''), r[1]!.replace(/`/g, '')]));
    const props = settingsProperties();
    assert.deepStrictEqual([...documented.keys()].sort(), Object.keys(props).sort());
    for (const [key, p] of Object.entries(props)) {
      const shown = documented.get(key)!;
      const expected = typeof p.default === 'string' ? (p.default === '' ? '""' : p.default) : JSON.stringify(p.default);
      assert.strictEqual(shown, expected, `${key}: default in the README`);
    }
  });

  test('the README opens with exactly two commands, and the npm scripts they run exist', () => {
    const m = /^# [^\n]+\n+```sh\n([\s\S]*?)```/.exec(readme);
    assert.ok(m, 'the README must start with a title and a sh code block');
    const lines = m[1]!.trim().split('\n');
    assert.deepStrictEqual(lines, ['npm ci && npm run lint:seeds', 'npm test']);
    assert.ok(pkg.scripts['lint:seeds'], 'lint:seeds script');
    assert.match(pkg.scripts.test, /test:unit/);
    assert.match(pkg.scripts.test, /test:lsp/);
    assert.match(pkg.scripts.test, /test:e2e/);
    assert.match(pkg.scripts.test, /typecheck/);
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    assert.match(ci, /\nnpm test\b/, '.ci/run calls the README test command');
  });

  test('files the README links to exist', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map(x => x[1]!);
    assert.ok(links.length > 5);
    const missing = links.filter(l => !fs.existsSync(path.join(root, l)));
    assert.deepStrictEqual(missing, []);
  });

  test('the README\'s packaging command builds without a repository to rewrite its relative links against', () => {
    assert.match(readme, /npm ci && npm run package/);
    const script: string = pkg.scripts.package;
    // vsce refuses a README with relative links ("docs/e2e.md") when the manifest names no
    // repository, unless it is told to leave them as they are
    assert.ok(!pkg.repository, 'if a repository is added, the flags below can go');
    for (const flag of ['--allow-missing-repository', '--no-rewrite-relative-links']) assert.ok(script.includes(flag), `package script lacks ${flag}`);
  });
});
