// The --fix writer on its own, with a planted rule, so encodings, line endings, symlinks and
// write failures are tested independently of what the real rules find.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { checkFile } from '../../../server/src/cli/check';
import { resolveConfig, type Rule } from '../../../server/src/engine/index';
import { noResources } from '../../../server/src/engine/resources';

// "phổ" -> "phố" (safe), "xx" -> "y" (not safe)
const planted: Rule = {
  code: 'spelling.context',
  family: 'spelling',
  description: { en: 'test', vi: 'test' },
  rationale: 'test',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    for (const m of ctx.doc.text.matchAll(/phổ|xx/g)) {
      const safe = m[0] === 'phổ';
      ctx.report({ span: { start: m.index!, end: m.index! + m[0].length }, message: { en: 'x', vi: 'x' }, suggestions: [safe ? 'phố' : 'y'], safe });
    }
  },
};
const config = resolveConfig({});
const run = (abs: string, fix = true): ReturnType<typeof checkFile> =>
  checkFile({ path: path.basename(abs), abs, fix }, config, noResources, undefined, { only: [planted] });

suite('cli --fix writer', () => {
  let dir: string;
  setup(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-fix-')); });
  teardown(() => { fs.chmodSync(dir, 0o755); fs.rmSync(dir, { recursive: true, force: true }); });

  test('applies only safe fixes, keeps CRLF and the BOM, reports what remains, then is idempotent', () => {
    const f = path.join(dir, 'a.md');
    fs.writeFileSync(f, '\ufeffthành phổ\r\nxx phổ biến\r\n');
    const r = run(f);
    assert.strictEqual(r.error, undefined);
    assert.strictEqual(r.fixed, 2);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), '\ufeffthành phố\r\nxx phố biến\r\n');
    assert.deepStrictEqual(r.findings.map(x => [x.code, x.range.start.line, x.range.start.character, x.suggestions[0]]), [['spelling.context', 1, 0, 'y']]);
    const mtime = fs.statSync(f).mtimeMs;
    const again = run(f);
    assert.strictEqual(again.fixed, 0);
    assert.strictEqual(fs.statSync(f).mtimeMs, mtime);
    assert.deepStrictEqual(fs.readdirSync(dir), ['a.md']);
  });

  test('UTF-16 files stay UTF-16 with their BOM; decomposed text is fixed at the right place', () => {
    const f = path.join(dir, 'u16.txt');
    const body = Buffer.from('pho\u0302\u0309 x\n', 'utf16le'); // "phổ" decomposed
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    const r = run(f);
    assert.strictEqual(r.fixed, 1);
    const out = fs.readFileSync(f);
    assert.deepStrictEqual([...out.subarray(0, 2)], [0xff, 0xfe]);
    assert.strictEqual(out.subarray(2).toString('utf16le'), 'phố x\n');
  });

  test('keeps the file mode and writes through a symlink without replacing the link', () => {
    const real = path.join(dir, 'real.md');
    fs.writeFileSync(real, 'phổ\n', { mode: 0o640 });
    fs.chmodSync(real, 0o640);
    const link = path.join(dir, 'link.md');
    fs.symlinkSync(real, link);
    const r = run(link);
    assert.strictEqual(r.fixed, 1);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(real, 'utf8'), 'phố\n');
    assert.strictEqual(fs.statSync(real).mode & 0o777, 0o640);
  });

  test('without --fix nothing is written', () => {
    const f = path.join(dir, 'a.md');
    fs.writeFileSync(f, 'phổ\n');
    const r = run(f, false);
    assert.strictEqual(r.findings.length, 1);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'phổ\n');
  });

  test('a directory that cannot be written: an error for that file, the original intact, no temp file', function () {
    const f = path.join(dir, 'a.md');
    fs.writeFileSync(f, 'phổ\n');
    // root writes through permissions: there, the directory is made immutable instead (ext4,
    // tmpfs on Linux >= 6.0); where neither can be done the test says so and skips
    const root = process.getuid?.() === 0;
    if (root && spawnSync('chattr', ['+i', dir]).status !== 0) this.skip();
    if (!root) fs.chmodSync(dir, 0o555);
    let r: ReturnType<typeof run>;
    try {
      r = run(f);
    } finally {
      if (root) spawnSync('chattr', ['-i', dir]); else fs.chmodSync(dir, 0o755);
    }
    assert.match(r.error ?? '', root ? /^cannot write fixes \((permission denied|operation not permitted)\)/i : /^cannot write fixes \(permission denied\)/);
    assert.strictEqual(r.findings.length, 1, 'the findings of the file as it still is');
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'phổ\n');
    assert.deepStrictEqual(fs.readdirSync(dir), ['a.md']);
  });
});
