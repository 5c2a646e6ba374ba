// The CLI case table, run against the real bundle: `node server/out/main.js ...`
// (built by `node esbuild.mjs`, which `npm run test:unit` runs first).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUNDLE, defineSuite, type Host } from './cases';

const host: Host = {
  name: 'exec',
  async run(args, cwd, opts = {}) {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run "node esbuild.mjs" first`);
    const r = spawnSync(process.execPath, [BUNDLE, ...args], {
      cwd,
      input: opts.stdin ?? '',
      // a clean environment: no locale or colour settings leak in from the developer's shell
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...opts.env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    // EPIPE: the program stopped reading its input (as it must past the size limit) and ended
    if (r.error && !((r.error as NodeJS.ErrnoException).code === 'EPIPE' && typeof r.status === 'number')) throw r.error;
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  },
};

defineSuite(host);

suite('cli (exec): the data table next to the bundle', () => {
  test('the bundle reads server/data/spelling.bin and does not carry it as base64', () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    assert.ok(text.length < 2_000_000, `the bundle is ${text.length} bytes: the table is inside it again?`);
    assert.ok(fs.existsSync(path.join(path.dirname(BUNDLE), '../data/spelling.bin')));
  });

  test('a bundle without its data table says so and exits 2; --version still works', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lone-'));
    try {
      fs.mkdirSync(path.join(dir, 'out'));
      const lone = path.join(dir, 'out', 'main.js');
      fs.copyFileSync(BUNDLE, lone);
      fs.writeFileSync(path.join(dir, 'a.md'), 'Thành phố tổ chức hội nghị.\n');
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
      const r = spawnSync(process.execPath, [lone, 'lint', 'a.md'], { cwd: dir, env, encoding: 'utf8' });
      assert.strictEqual(r.status, 2, r.stderr);
      assert.strictEqual(r.stdout, '');
      const lines = r.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 1, r.stderr);
      assert.match(lines[0]!, /^bulletin-ls lint: cannot load the spelling model: cannot read the data table .*spelling\.bin \(ENOENT\)$/);
      const v = spawnSync(process.execPath, [lone, '--version'], { cwd: dir, env, encoding: 'utf8' });
      assert.strictEqual(v.status, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
