#!/usr/bin/env node
// The engine's re-check after one-character edits, in process (no server, no protocol): the
// measure behind the server's edit rows, without their transport and scheduling noise, and with a
// hash of every finding so that a speed change can show it changed no finding. Not a test.
//
// usage: node scripts/bench/edits.mjs [--size 60kb|1mb] [--file FILE] [--edits N] [--runs N]
//                                      [--src DIR] [--cpu-prof FILE] [--alloc-prof FILE]
//   --size      seed 000 (60 KB, the default) or both seeds repeated to 1 MB (the benchmark's)
//   --file      edit this text file instead (an OCR text with no blank lines, a long bulletin)
//   --edits     edits per run (default 200 at 60 KB, 60 at 1 MB), at the benchmark's places
//   --runs      fresh processes, each opening the document once and then editing it (default 3)
//   --src DIR   a checkout whose server/src to measure instead of this one (A/B: a git worktree
//               of another commit; runs of the two are alternated, and both hashes printed)
//   --cpu-prof / --alloc-prof  write a V8 CPU profile (sampled every 200 µs) or a sampling heap
//               profile with the objects collected since included, of the edits only (first run);
//               open either in Chrome DevTools (Performance / Memory)
// Prints per run: the open, then p50 / p95 / mean of parse + lint per edit, and the findings
// hash (the same edits of the same text must give the same hash in any build that changes no
// finding).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from '../esbuild-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };

// ---- the child: one process, one document, the edits
if (process.env.BULLETIN_EDITS_CHILD) {
  const { createRequire } = await import('node:module');
  const eng = createRequire(import.meta.url)(process.env.BULLETIN_EDITS_CHILD);
  const { size, file, edits, cpuProf, allocProf } = JSON.parse(process.env.BULLETIN_EDITS_ARGS);
  const seeds = ['000_a564b550e16160e0.txt', '003_ac34d902066b54a2.txt'].map(f => readFileSync(path.join(root, 'seeds', f), 'utf8'));
  let text = seeds[0];
  if (size === '1mb') { text = ''; while (Buffer.byteLength(text) < 1_000_000) text += seeds.join('\n\n'); }
  if (file) text = readFileSync(file, 'utf8');
  const resources = eng.loadDefaultResources();
  const config = eng.defaultConfig;
  let h = 0x811c9dc5;
  const hash = fs => {
    for (const f of fs) {
      const s = `${f.code}${f.offsets.start}:${f.offsets.end}${f.suggestions[0] ?? ''}`;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    }
  };
  const t0 = performance.now();
  hash(eng.lint(eng.parseDocument('file:///edits.bulletin', text, 1), config, { resources }));
  const open = performance.now() - t0;
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
  if (cpuProf) { await post('Profiler.enable'); await post('Profiler.setSamplingInterval', { interval: 200 }); await post('Profiler.start'); }
  if (allocProf) { await post('HeapProfiler.enable'); await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }); }
  // the benchmark's edits (scripts/bench/bench.mjs): an "a" typed at a line and column that
  // move through the document
  const lines = text.split('\n');
  const lat = [];
  for (let i = 0; i < edits; i++) {
    const line = Math.floor((i * 7919) % lines.length);
    const ch = Math.min(lines[line].length, (i * 31) % 40);
    lines[line] = lines[line].slice(0, ch) + 'a' + lines[line].slice(ch);
    text = lines.join('\n');
    const e0 = performance.now();
    const findings = eng.lint(eng.parseDocument('file:///edits.bulletin', text, i + 2), config, { resources });
    lat.push(performance.now() - e0);
    hash(findings);
  }
  const { writeFileSync } = await import('node:fs');
  if (cpuProf) writeFileSync(cpuProf, JSON.stringify((await post('Profiler.stop')).profile));
  if (allocProf) writeFileSync(allocProf, JSON.stringify((await post('HeapProfiler.stopSampling')).profile));
  const sorted = [...lat].sort((a, b) => a - b);
  const pct = p => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  process.stdout.write(JSON.stringify({ open, p50: pct(50), p95: pct(95), mean: lat.reduce((a, b) => a + b, 0) / lat.length, hash: h }) + '\n');
  process.exit(0);
}

// ---- the parent: bundle the engine of each checkout, run fresh processes, alternated
const size = opt('--size', '60kb').toLowerCase();
if (size !== '60kb' && size !== '1mb') { console.error(`edits: --size must be 60kb or 1mb, not ${size}`); process.exit(2); }
const file = opt('--file') ? path.resolve(opt('--file')) : undefined;
if (file && !existsSync(file)) { console.error(`edits: no such file: ${file}`); process.exit(2); }
const edits = Number(opt('--edits', size === '1mb' ? 60 : 200));
const runs = Number(opt('--runs', 3));
if (!(edits > 0) || !(runs > 0)) { console.error('edits: --edits and --runs must be positive numbers'); process.exit(2); }
const srcs = [root, ...(opt('--src') ? [path.resolve(opt('--src'))] : [])];
const outDir = path.join(root, '.cache/bench-edits');
mkdirSync(outDir, { recursive: true });
const bundles = [];
for (const [k, src] of srcs.entries()) {
  if (!existsSync(path.join(src, 'server/src/engine/index.ts'))) { console.error(`edits: ${src} is no bulletin-ls checkout (no server/src/engine/index.ts)`); process.exit(2); }
  const out = path.join(outDir, `engine-${k}.cjs`);
  await bundleScript(src, out, `
    export { parseDocument, lint, defaultConfig } from './server/src/engine/index';
    export { loadDefaultResources } from './server/src/engine/resources';
  `);
  bundles.push(out);
}
const results = srcs.map(() => []);
for (let r = 0; r < runs; r++) {
  for (const [k, bundle] of bundles.entries()) {
    const first = r === 0 && k === 0;
    const args = { size, file, edits, cpuProf: first ? opt('--cpu-prof') : undefined, allocProf: first ? opt('--alloc-prof') : undefined };
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, BULLETIN_EDITS_CHILD: bundle, BULLETIN_EDITS_ARGS: JSON.stringify(args) }, encoding: 'utf8', maxBuffer: 1 << 24,
    });
    if (p.status !== 0) { console.error(`edits: run failed (${srcs[k]}):\n${p.stderr}`); process.exit(1); }
    const res = JSON.parse(p.stdout.trim().split('\n').pop());
    results[k].push(res);
    console.log(`${path.basename(srcs[k])} run ${r + 1}: open ${res.open.toFixed(0)} ms; ${edits} edits p50 ${res.p50.toFixed(1)} / p95 ${res.p95.toFixed(1)} / mean ${res.mean.toFixed(1)} ms; findings hash ${res.hash}`);
  }
}
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [k, src] of srcs.entries()) {
  const rs = results[k];
  const hashes = [...new Set(rs.map(x => x.hash))];
  console.log(`${src}: ${file ? path.basename(file) : size}, median of ${runs}: p50 ${median(rs.map(x => x.p50)).toFixed(1)} / p95 ${median(rs.map(x => x.p95)).toFixed(1)} / mean ${median(rs.map(x => x.mean)).toFixed(1)} ms per edit; findings hash ${hashes.join(', ')}`);
}
if (srcs.length === 2) {
  const same = results[0][0].hash === results[1][0].hash;
  console.log(same ? 'the two builds give the same findings' : 'the two builds give DIFFERENT findings');
}
