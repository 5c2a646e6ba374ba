// Programmatic mocha (tdd UI) for the extension host: VS Code (test-electron or code-server) loads
// this file from extensionTestsPath and awaits run(). Test files are the bundles next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

export async function run(): Promise<void> {
  // mocha 12 is an ES module; require() of it (Node >= 20.19) yields its namespace
  const mod = require('mocha');
  const Mocha: typeof import('mocha') = mod.default ?? mod.Mocha ?? mod;
  // Under code-server the extension host's console reaches the runner mixed with the workbench's
  // own logging: tag the reporter's lines so the runner can show them alone.
  const tag = process.env.BULLETIN_E2E_TAG;
  if (tag) {
    const base = (Mocha as unknown as { reporters: { Base: { consoleLog: (...a: unknown[]) => void } } }).reporters.Base;
    base.consoleLog = (...a: unknown[]) => console.log(format(...a).split('\n').map(l => tag + l).join('\n'));
  }
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.BULLETIN_E2E_TEST_TIMEOUT_MS ?? 30_000),
    reporter: 'spec',
    grep: process.env.BULLETIN_E2E_GREP || undefined,
  });
  // only bundles whose source still exists (test/out is never cleaned, a removed test would linger)
  const sources = path.resolve(__dirname, '..', '..', '..', 'e2e', 'suite');
  const files = fs.readdirSync(__dirname)
    .filter(f => f.endsWith('.test.js') && fs.existsSync(path.join(sources, f.replace(/\.js$/, '.ts'))))
    .sort();
  if (files.length === 0) throw new Error(`no e2e tests found in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  await new Promise<void>((resolve, reject) => {
    mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}
