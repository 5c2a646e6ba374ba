// The CLI case table, run in-process through main() with injected stdout/stderr/stdin/cwd/env.
import { main } from '../../../server/src/cli/main';
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
