// Runs the same e2e suite (test/out/e2e/suite) in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (a developer's laptop). CI does not use it: CI has no
// internet and runs the suite through code-server (runCodeServer.ts).
//
//   node esbuild.mjs --tests && node test/out/e2e/runTest.js
//   BULLETIN_E2E_VSCODE_VERSION=1.91.0 (the minimum engines.vscode) to test an older VS Code;
//   on Linux without a display, run it under xvfb-run.
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const version = process.env.BULLETIN_E2E_VSCODE_VERSION || 'stable';
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
  } catch (e) {
    console.log(`VS Code could not be downloaded (offline?): skipping the test-electron run; the code-server run is the one CI uses`);
    console.log(`  (${(e as Error)?.message ?? String(e)})`);
    return 0;
  }
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'test', 'out', 'e2e', 'suite', 'index.js'),
      launchArgs: [path.join(ROOT, 'test', 'e2e', 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (e) {
    console.error(`e2e suite failed in VS Code ${version}: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}

main().then(code => process.exit(code), e => { console.error(e); process.exit(1); });
