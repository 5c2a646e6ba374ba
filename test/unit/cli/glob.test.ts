import * as assert from 'assert';
import { Glob, staticPrefix } from '../../../server/src/cli/glob';

suite('cli glob matcher', () => {
  const table: [string, string, boolean][] = [
    ['*.md', 'a.md', true],
    ['*.md', 'dir/a.md', false],
    ['*.md', '.md', true],
    ['a?.txt', 'ab.txt', true],
    ['a?.txt', 'a/.txt', false],
    ['a/*/c.md', 'a/b/c.md', true],
    ['a/*/c.md', 'a/b/x/c.md', false],
    ['a/**/c.md', 'a/c.md', true],
    ['a/**/c.md', 'a/b/c.md', true],
    ['a/**/c.md', 'a/b/x/y/c.md', true],
    ['a/**/c.md', 'ab/c.md', false],
    ['**/*.md', 'x.md', true],
    ['**/*.md', 'p/q/x.md', true],
    ['**/*.md', 'p/q/x.txt', false],
    ['a/**', 'a/b', true],
    ['a/**', 'a/b/c/d', true],
    ['a/**', 'b/a', false],
    ['x[0-9].md', 'x7.md', true],
    ['x[0-9].md', 'xa.md', false],
    ['x[!0-9].md', 'xa.md', true],
    ['x[^0-9].md', 'x1.md', false],
    ['x[ab-].md', 'x-.md', true],
    ['x[].md', 'x[].md', true],
    ['x\\*.md', 'x*.md', true],
    ['x\\*.md', 'xy.md', false],
    ['a**b', 'axyb', true],
    ['a**b', 'ax/yb', false],
    ['*', '', true],
    ['thư mục/*.md', 'thư mục/bản tin.md', true],
  ];
  for (const [pattern, path, want] of table) {
    test(`${pattern} ${want ? 'matches' : 'does not match'} ${JSON.stringify(path)}`, () => {
      assert.strictEqual(new Glob(pattern).match(path), want);
    });
  }

  test('no catastrophic backtracking: many stars against a long non-matching path stays fast', () => {
    const pattern = '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const path = 'a'.repeat(20000);
    const t0 = Date.now();
    assert.strictEqual(new Glob(pattern).match(path), false);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    const g = new Glob('**/**/**/**/**/**/x');
    const deep = 'd/'.repeat(3000) + 'y';
    const t1 = Date.now();
    assert.strictEqual(g.match(deep), false);
    assert.ok(Date.now() - t1 < 1000, `took ${Date.now() - t1} ms`);
  });

  test('static prefix: the directory to start walking from', () => {
    assert.strictEqual(staticPrefix('seeds/*.txt'), 'seeds');
    assert.strictEqual(staticPrefix('a/b/**/c'), 'a/b');
    assert.strictEqual(staticPrefix('*.md'), '');
    assert.strictEqual(staticPrefix('/abs/x?/y'), '/abs');
    assert.strictEqual(staticPrefix('/*.md'), '/');
    assert.strictEqual(staticPrefix('./docs/[ab].md'), './docs');
  });
});
