#!/usr/bin/env node
// Benchmark (issue 5). Not a test: prints a table, side by side, of
//  - the CLI linting a corpus of 100 bulletins (50 copies of each seed) vs cspell + @cspell/dict-vi-vn,
//  - the language server over stdio: time to first diagnostics for a 60 KB and a 1 MB bulletin,
//    and edit-to-diagnostics latency (p50, p95) for single-character edits,
//  - model load time and peak memory (RSS),
// with the ratios and whether each target of issue 5 is met.
//
// The machine may be shared: every measure is repeated and the median is reported, CLI and cspell
// runs are interleaved so that both see the same load, CPU time (user + sys) is shown beside wall
// time, and the load average before and after the run is printed with the table.
//
// Usage: npm run bench   (builds the production bundle first)
//        node scripts/bench/bench.mjs [--runs N] [--server-runs N] [--edits N] [--pause MS] [--no-cspell]
//                                     [--server-only] [--server-log] [--json FILE] [--markdown FILE]
// --server-log prints the server's log on stderr (with BULLETIN_LS_TIMING=1 in the environment: the
// time of each check's parse, rules, conversion and sending). BENCH_SERVER_NODE_FLAGS="--flag ..."
// in the environment starts the language server with those node/V8 flags (memory experiments:
// "--heap-growing-percent=25" took its peak RSS from 358 to 213 MiB but its edits 15-30% slower).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync, readFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { bundleScript } from '../esbuild-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'server/out/main.js');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const RUNS = Number(opt('--runs', 5));
const SERVER_RUNS = Number(opt('--server-runs', 3));
const EDITS = Number(opt('--edits', 40));
const PAUSE_MS = Number(opt('--pause', 1000));
const serverOnly = argv.includes('--server-only');
const serverLog = argv.includes('--server-log');
const withCspell = !argv.includes('--no-cspell') && !serverOnly;
const jsonOut = opt('--json', undefined);
const mdOut = opt('--markdown', undefined);

if (!existsSync(bin)) { console.error(`bench: ${bin} missing; run "node esbuild.mjs --production" first`); process.exit(2); }

const loadBefore = os.loadavg();
const started = new Date();
const work = path.join(os.tmpdir(), `bulletin-ls-bench-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, 'corpus'), { recursive: true });
const seeds = readdirSync(path.join(root, 'seeds')).filter(f => /^\d{3}_.*\.txt$/.test(f)).map(f => path.join(root, 'seeds', f));
let corpusBytes = 0, corpusTokens = 0;
for (const s of seeds) {
  const text = readFileSync(s, 'utf8');
  const tokens = (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).length;
  for (let i = 0; i < 50; i++) {
    writeFileSync(path.join(work, 'corpus', `${String(i).padStart(2, '0')}_${path.basename(s)}`), text);
    corpusBytes += Buffer.byteLength(text); corpusTokens += tokens;
  }
}

const median = xs => { const s = xs.filter(x => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };

// Run a command: wall time (ms), CPU time (ms) and peak RSS (KiB) as reported by GNU time when available.
function timed(cmd, args, env = {}) {
  const useTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { cwd: work, env: { ...process.env, ...env }, maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd: work, env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  let rssKiB, cpuMs;
  if (useTime) {
    const lines = r.stderr.toString().trim().split('\n');
    const [u, s, m] = lines[lines.length - 1].split(' ').map(Number);
    cpuMs = (u + s) * 1000; rssKiB = m;
  }
  return { ms, cpuMs, rssKiB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const results = {};
// ---- the CLI and cspell on the corpus, interleaved
const cspellCfg = path.join(work, 'cspell.json');
writeFileSync(cspellCfg, JSON.stringify({ version: '0.2', language: 'vi', import: [require.resolve('@cspell/dict-vi-vn/cspell-ext.json')] }));
// cspell's package "exports" hide package.json; find its bin through the resolved entry point.
const cspellBin = fileURLToPath(import.meta.resolve('cspell/bin.mjs'));
if (!serverOnly) {
  const cli = [], csp = [];
  let lastCli, lastCsp;
  for (let i = 0; i < RUNS; i++) {
    lastCli = timed(process.execPath, [bin, 'lint', '--format', 'json', 'corpus']); cli.push(lastCli);
    if (withCspell) { lastCsp = timed(process.execPath, [cspellBin, 'lint', '--no-progress', '--no-summary', '--no-color', '-c', cspellCfg, 'corpus/**']); csp.push(lastCsp); }
  }
  let findings = 0;
  try { for (const f of JSON.parse(lastCli.stdout.toString()).files) findings += f.diagnostics.length; } catch { findings = NaN; }
  const sum = runs => ({ ms: median(runs.map(r => r.ms)), cpuMs: median(runs.map(r => r.cpuMs)), rssMiB: Math.max(...runs.map(r => r.rssKiB ?? 0)) / 1024 });
  results.cli = { ...sum(cli), exit: lastCli.status, findings };
  if (withCspell) results.cspell = { ...sum(csp), exit: lastCsp.status, findings: lastCsp.stdout.toString().split('\n').filter(l => / - Unknown word/.test(l)).length };
  // The corpus repeats each seed 50 times, which the engine's paragraph caches serve after the
  // first copy. The two seeds alone (nothing repeated) show the cost of text never seen before.
  mkdirSync(path.join(work, 'seeds'));
  for (const s of seeds) writeFileSync(path.join(work, 'seeds', path.basename(s)), readFileSync(s));
  const cold = [], coldCsp = [];
  for (let i = 0; i < RUNS; i++) {
    cold.push(timed(process.execPath, [bin, 'lint', '--format', 'json', 'seeds']));
    if (withCspell) coldCsp.push(timed(process.execPath, [cspellBin, 'lint', '--no-progress', '--no-summary', '--no-color', '-c', cspellCfg, 'seeds/**']));
  }
  results.cold = sum(cold);
  if (withCspell) results.coldCspell = sum(coldCsp);
}
// ---- model load time (in-process probe bundled from the engine's resources module)
{
  const probe = path.join(work, 'probe.cjs');
  await bundleScript(root, probe, `const t0 = performance.now();
        const m = require(${JSON.stringify(path.join(root, 'server/src/engine/resources.ts'))});
        const t1 = performance.now();
        const r = typeof m.loadDefaultResources === 'function' ? m.loadDefaultResources() : null;
        const t2 = performance.now();
        console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, totalMs: t2 - t0, hasModel: !!(r && r.spelling), rssMiB: process.memoryUsage().rss / 1048576 }));`, 'error');

  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(JSON.parse(spawnSync(process.execPath, [probe]).stdout.toString()));
  results.load = { ms: median(loads.map(l => l.totalMs)), hasModel: loads[0].hasModel, rssMiB: median(loads.map(l => l.rssMiB)) };
}
// ---- the language server over stdio, as an editor talks to it (the workspace folder holds the corpus)
// `paused`: a fresh server where only the 60 KB bulletin is opened and the first edit comes
// PAUSE_MS after its diagnostics, as when a person reads them before typing (the other runs
// edit the instant the diagnostics arrive).
async function serverBench(paused = false) {
  const rpc = require('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean), bin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise(r => child.on('exit', r));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.onError(() => {});
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', p => {
    const w = waiters.get(p.uri);
    if (w && (p.version === undefined || p.version === null || p.version >= w.version)) { waiters.delete(p.uri); w.resolve(p); }
  });
  // default settings (bulletin.maxProblems 1000), except the "nocap" document: every finding sent
  conn.onRequest('workspace/configuration', p => p.items.map(it => ({ activation: 'always', ...(/nocap/.test(it.scopeUri ?? '') ? { maxProblems: 0 } : {}) })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', m => { if (serverLog) console.error(m.message); });
  conn.listen();
  const wait = (uri, version) => new Promise(resolve => waiters.set(uri, { version, resolve }));
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'bench' }] });
  conn.sendNotification('initialized', {});
  const base = seeds.map(s => readFileSync(s, 'utf8'));
  const doc60 = base.find(t => t.length > 40000) ?? base[0];
  let big = '';
  while (Buffer.byteLength(big) < 1_000_000) big += base.join('\n\n');
  const out = {};
  for (const [name, text] of paused ? [['60KB-paused', doc60]] : [['60KB', doc60], ['1MB', big], ['1MB-nocap', big]]) {
    const uri = pathToFileURL(path.join(work, `bench-${name}.bulletin`)).href;
    const t0 = performance.now();
    const p = wait(uri, 1);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
    const first = await p;
    const open = performance.now() - t0;
    if (paused) await new Promise(r => setTimeout(r, PAUSE_MS));
    const lat = [];
    let version = 1;
    const lines = text.split('\n');
    for (let i = 0; i < EDITS; i++) {
      version++;
      const line = Math.floor((i * 7919) % lines.length);
      const ch = Math.min(lines[line].length, (i * 31) % 40);
      const q = wait(uri, version);
      const e0 = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'a' }] });
      await q;
      lat.push(performance.now() - e0);
    }
    out[name] = { openMs: open, p50: pct(lat, 50), p95: pct(lat, 95), diagnostics: first.diagnostics.length };
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  let rssMiB = NaN;
  try { rssMiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024; } catch { /* not Linux */ }
  out.rssMiB = rssMiB;
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await Promise.race([exited, new Promise(r => setTimeout(r, 2000))]);
  conn.dispose();
  child.kill();
  return out;
}
{
  const runs = [];
  for (let i = 0; i < SERVER_RUNS; i++) { const main = await serverBench(); const paused = await serverBench(true); runs.push({ ...paused, ...main }); } // RSS: the main run's
  const m = (size, k) => median(runs.map(r => r[size][k]));
  results.server = { runs: runs.length, rssMiB: Math.max(...runs.map(r => r.rssMiB)) };
  for (const size of ['60KB', '60KB-paused', '1MB', '1MB-nocap']) results.server[size] = { openMs: m(size, 'openMs'), p50: m(size, 'p50'), p95: m(size, 'p95'), diagnostics: runs[0][size].diagnostics };
}
const loadAfter = os.loadavg();

// ---- report
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const fmt = (x, d = 0) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const ok = b => (b === undefined ? '' : b ? 'met' : '**missed**');
const lines = [];
lines.push(`machine: ${cpu.trim()}, ${os.cpus().length} cores (nproc), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
lines.push(`run: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}; load average before ${loadBefore.map(x => x.toFixed(2)).join(' ')}, after ${loadAfter.map(x => x.toFixed(2)).join(' ')}`);
lines.push(`corpus: ${seeds.length * 50} files (50 copies of each seed), ${(corpusBytes / 1e6).toFixed(2)} MB, ${corpusTokens} word tokens; CLI/cspell: median of ${RUNS} interleaved runs; server: median of ${results.server.runs} fresh servers × ${EDITS} edits per size`);
lines.push('');
lines.push('| measure | bulletin-ls | cspell + dict-vi-vn | target | |');
lines.push('| --- | --- | --- | --- | --- |');
const c = results.cli, s = results.cspell;
if (c) {
  lines.push(`| lint 100 bulletins, wall | ${fmt(c.ms)} ms | ${s ? fmt(s.ms) + ' ms' : 'skipped'} | | |`);
  lines.push(`| lint 100 bulletins, CPU (user + sys) | ${fmt(c.cpuMs)} ms | ${s ? fmt(s.cpuMs) + ' ms' : ''} | | |`);
  if (s) lines.push(`| speed ratio cspell / bulletin-ls (wall) | ${fmt(s.ms / c.ms, 2)}× | | ≥ 5× | ${ok(s.ms / c.ms >= 5)} |`);
  if (s) lines.push(`| speed ratio cspell / bulletin-ls (CPU) | ${fmt(s.cpuMs / c.cpuMs, 2)}× | | | |`);
  lines.push(`| throughput (wall) | ${fmt(corpusTokens / (c.ms / 1000) / 1000)} k tokens/s | ${s ? fmt(corpusTokens / (s.ms / 1000) / 1000) + ' k tokens/s' : ''} | | |`);
  lines.push(`| findings reported | ${c.findings} | ${s ? s.findings : ''} | | |`);
  const k = results.cold, ks = results.coldCspell;
  lines.push(`| lint the 2 seeds alone (no repetition), wall | ${fmt(k.ms)} ms | ${ks ? fmt(ks.ms) + ' ms' : ''} | | |`);
  lines.push(`| lint the 2 seeds alone, CPU (user + sys) | ${fmt(k.cpuMs)} ms | ${ks ? fmt(ks.cpuMs) + ' ms' : ''} | | |`);
  if (ks) lines.push(`| speed ratio on the seeds alone (wall) | ${fmt(ks.ms / k.ms, 2)}× | | | |`);
  lines.push(`| CLI peak RSS | ${fmt(c.rssMiB)} MiB | ${s ? fmt(s.rssMiB) + ' MiB' : ''} | ≤ 150 MB | ${ok(c.rssMiB * 1.048576 <= 150)} |`);
}
lines.push(`| model load (import + decode) | ${fmt(results.load.ms, 1)} ms${results.load.hasModel ? '' : ' (no spelling model found)'} | | ≤ 150 ms | ${ok(results.load.ms <= 150)} |`);
const sv = results.server;
lines.push(`| server: open 60 KB → diagnostics (${sv['60KB'].diagnostics} findings) | ${fmt(sv['60KB'].openMs, 1)} ms | | | |`);
lines.push(`| server: edit → diagnostics, 60 KB (p50 / p95) | ${fmt(sv['60KB'].p50, 1)} / ${fmt(sv['60KB'].p95, 1)} ms | | p95 ≤ 20 ms | ${ok(sv['60KB'].p95 <= 20)} |`);
lines.push(`| server: the same, first edit ${PAUSE_MS / 1000} s after the diagnostics of open (p50 / p95) | ${fmt(sv['60KB-paused'].p50, 1)} / ${fmt(sv['60KB-paused'].p95, 1)} ms | | p95 ≤ 20 ms | ${ok(sv['60KB-paused'].p95 <= 20)} |`);
lines.push(`| server: open 1 MB → diagnostics (default settings: ${sv['1MB'].diagnostics} diagnostics sent of ${sv['1MB-nocap'].diagnostics} findings) | ${fmt(sv['1MB'].openMs, 1)} ms | | ≤ 500 ms | ${ok(sv['1MB'].openMs <= 500)} |`);
lines.push(`| server: edit → diagnostics, 1 MB, default settings (p50 / p95) | ${fmt(sv['1MB'].p50, 1)} / ${fmt(sv['1MB'].p95, 1)} ms | | p95 ≤ 100 ms | ${ok(sv['1MB'].p95 <= 100)} |`);
lines.push(`| server: open 1 MB, every finding sent (maxProblems 0) → diagnostics (${sv['1MB-nocap'].diagnostics}) | ${fmt(sv['1MB-nocap'].openMs, 1)} ms | | | |`);
lines.push(`| server: edit → diagnostics, 1 MB, every finding sent (p50 / p95) | ${fmt(sv['1MB-nocap'].p50, 1)} / ${fmt(sv['1MB-nocap'].p95, 1)} ms | | | |`);
lines.push(`| server peak RSS (after 1 MB) | ${fmt(sv.rssMiB)} MiB | | ≤ 150 MB | ${ok(sv.rssMiB * 1.048576 <= 150)} |`);
const table = lines.join('\n');
console.log(table);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ started, loadBefore, loadAfter, corpusBytes, corpusTokens, ...results }, null, 2));
if (mdOut) writeFileSync(mdOut, table + '\n');
rmSync(work, { recursive: true, force: true });
