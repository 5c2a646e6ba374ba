// The CLI case table, run in-process through main() with injected stdout/stderr/stdin/cwd/env.
import { main } from '../../../server/src/cli/main';
import * as assert from 'assert';
import { BUNDLE, defineSuite, type Host } from './cases';

const host: Host = {
  name: 'main',
  async run(args, cwd, opts = {}) {
    let stdout = '';
    let stderr = '';
    const stdin = typeof opts.stdin === 'string' ? Buffer.from(opts.stdin, 'utf8') : opts.stdin ?? new Uint8Array();
    const code = await main(args, {
      stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: opts.tty === true },
      stderr: { write: (s: string) => { stderr += s; return true; } },
      readStdin: async () => stdin,
      cwd,
      env: opts.env ?? {},
      cpus: 2,
      load: 0,
      // workers must be started from the server bundle, not from this test bundle
      workerScript: opts.workers ? BUNDLE : undefined,
    });
    return { code, stdout, stderr };
  },
};

defineSuite(host);

suite('cli output is streamed', () => {
  test('each file is written out as soon as it is checked, before the next file is fixed', async () => {
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-stream-'));
    // one confident fix, and one finding --fix leaves (so that each file has output)
    const text = 'Hội nghị Ban Chấp hành Đảng bộ thành phổ lần thứ 24.\nChương trình vềhạnchế tác động của dịch bệnh.\n';
    for (const n of ['a.txt', 'b.txt']) fs.writeFileSync(path.join(dir, n), text);
    for (const format of ['text', 'json']) {
      for (const n of ['a.txt', 'b.txt']) fs.writeFileSync(path.join(dir, n), text);
      const seenAtFirstWrite: string[] = [];
      let out = '';
      const code = await main(['lint', '--fix', '--format', format, 'a.txt', 'b.txt'], {
        stdout: {
          write: (s: string) => {
            if (!out) seenAtFirstWrite.push(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'));
            out += s;
            return true;
          },
        },
        stderr: { write: () => true },
        readStdin: async () => new Uint8Array(),
        cwd: dir, env: {}, cpus: 2, load: 0,
      });
      assert.strictEqual(code, 1, format);
      // when the first output appeared, a.txt was fixed and b.txt not yet
      assert.deepStrictEqual(seenAtFirstWrite, [text.replace('phổ', 'phố'), text], format);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), text.replace('phổ', 'phố'), format);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
