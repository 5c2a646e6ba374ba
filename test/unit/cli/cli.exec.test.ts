// The CLI case table, run against the real bundle: `node server/out/main.js ...`
// (built by `node esbuild.mjs`, which `npm run test:unit` runs first).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
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
