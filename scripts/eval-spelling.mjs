#!/usr/bin/env node
// Spelling benchmark: runs the engine's spelling checks on
//   - the development set (/work/shared/eval/seed000-dev, real OCR; measuring only),
//   - synthetic OCR pairs under .cache/ocr-synth/<name>.ocr.txt + <name>.gold.txt (if present),
// scores them with the shared scorer (precision, recall, F1, correct@1, fa/1k), and counts
// false alarms per 1,000 tokens on clean text (seed 003, clean gold sides, corpus samples).
// Also prints model load time and lint throughput.
//
// usage: node scripts/eval-spelling.mjs [--only dev|synth|clean|speed] [--list N] [--cmd]
//   --cmd   score the dev set through the real CLI (server/out/main.js) instead of the engine
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const listN = args.includes('--list') ? args[args.indexOf('--list') + 1] : null;
const viaCli = args.includes('--cmd');
const evalDir = process.env.SPELL_EVAL_DIR ?? '/work/shared/eval';
const scorer = path.join(evalDir, 'score-spelling.mjs');
const cache = path.join(root, '.cache/eval-spelling');
mkdirSync(cache, { recursive: true });

// Bundle a tiny runner around the engine (no dependency on the CLI).
const runnerJs = path.join(cache, 'runner.cjs');
await esbuild.build({
  stdin: {
    contents: `
      import { lintText, resolveConfig } from './server/src/engine/index';
      import { loadDefaultResources } from './server/src/engine/resources';
      export { lintText, resolveConfig, loadDefaultResources };
    `,
    resolveDir: root, sourcefile: 'runner.ts', loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: runnerJs, logLevel: 'warning',
  loader: { '.bin': 'binary' },
});
const require = createRequire(import.meta.url);
const t0 = performance.now();
const eng = require(runnerJs);
const tReq = performance.now();
const resources = eng.loadDefaultResources();
const tLoad = performance.now();
const config = eng.resolveConfig({});

function lintFile(file) {
  const text = readFileSync(file, 'utf8');
  const findings = eng.lintText('file://' + file, text, config, { resources });
  return findings.filter(f => f.code.startsWith('spelling.'));
}

function contractJson(files) {
  return { version: 1, files: files.map(f => ({ path: f, diagnostics: lintFile(f).map(d => ({
    range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message, suggestions: d.suggestions,
  })) })) };
}

function score(name, ocr, gold) {
  const json = path.join(cache, name.replace(/[^\w.-]/g, '_') + '.json');
  const cmd = ['node', scorer, '--ocr', ocr, '--gold', gold, '--quiet'];
  if (viaCli && name === 'dev') cmd.push('--cmd', `node ${path.join(root, 'server/out/main.js')} lint --format json {file}`);
  else { writeFileSync(json, JSON.stringify(contractJson([ocr]))); cmd.push('--json', json); }
  if (listN) { cmd.splice(cmd.indexOf('--quiet'), 1); cmd.push('--list-errors', listN); }
  const outText = execFileSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = outText.trim().split('\n');
  if (listN) console.log(outText);
  const summary = lines[lines.length - 1];
  console.log(`${name.padEnd(28)} ${summary}`);
  return summary;
}

function tokenCount(text) { return (text.match(/[\p{L}\p{M}]+/gu) ?? []).length; }

console.log(`model: ${resources.spelling.size} syllables, ${resources.spelling.pairCount} pairs, ${resources.spelling.tripleCount} triples; bundle require ${(tReq - t0).toFixed(0)} ms, model load ${(tLoad - tReq).toFixed(0)} ms`);

if (!only || only === 'dev') {
  const dev = path.join(evalDir, 'seed000-dev');
  if (existsSync(path.join(dev, 'dev.ocr.txt'))) score('dev', path.join(dev, 'dev.ocr.txt'), path.join(dev, 'dev.gold.txt'));
}

// synthetic sets: .cache/ocr-synth (rendered + tesseract, scripts/ocr-synth/) and
// .cache/spell-synth (scripts/data/corrupt.mjs); the holdout folder only with --holdout
const synthDirs = [path.join(root, '.cache/ocr-synth'), path.join(root, '.cache/spell-synth')];
if (args.includes('--holdout')) synthDirs.push(path.join(root, '.cache/ocr-synth/holdout'));
const synthDir = synthDirs[0];
const letters = args.includes('--letters-only');
for (const sd of synthDirs) if ((!only || only === 'synth') && existsSync(sd)) {
  const names = readdirSync(sd).filter(f => f.endsWith('.ocr.txt')).map(f => f.slice(0, -8)).sort();
  const pick = process.env.SYNTH_FILTER ? names.filter(n => n.includes(process.env.SYNTH_FILTER)) : names;
  const ocrs = pick.map(n => path.join(sd, n + '.ocr.txt')).filter(f => existsSync(f.replace(/\.ocr\.txt$/, '.gold.txt')));
  if (!ocrs.length) continue;
  const json = path.join(cache, path.basename(sd) + '.json');
  writeFileSync(json, JSON.stringify(contractJson(ocrs)));
  const run = (files, label) => {
    const cmd = [scorer, '--json', json, '--quiet'];
    if (letters) cmd.push('--letters-only');
    for (const o of files) cmd.push('--ocr', o, '--gold', o.replace(/\.ocr\.txt$/, '.gold.txt'));
    if (listN) { cmd.splice(cmd.indexOf('--quiet'), 1); cmd.push('--list-errors', listN); }
    const outText = execFileSync('node', cmd, { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (listN) console.log(outText);
    const lines = outText.trim().split('\n');
    console.log(`${label.padEnd(28)} ${lines[lines.length - 1]}`);
  };
  if (ocrs.length > 1) for (const o of ocrs) run([o], '  ' + path.basename(sd) + '/' + path.basename(o, '.ocr.txt'));
  run(ocrs, path.basename(sd) + ' (' + ocrs.length + ' docs)');
}

if (!only || only === 'clean') {
  const clean = [path.join(root, 'seeds/003_ac34d902066b54a2.txt')];
  let total = 0, fa = 0;
  for (const f of clean) {
    const fs_ = lintFile(f);
    const tok = tokenCount(readFileSync(f, 'utf8'));
    total += tok; fa += fs_.length;
    console.log(`clean ${path.basename(f).padEnd(22)} ${fs_.length} findings / ${tok} tokens = ${(1000 * fs_.length / tok).toFixed(2)} per 1k`);
    if (listN) for (const d of fs_.slice(0, +listN)) console.log(`   ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message} -> ${d.suggestions.slice(0, 3).join(', ')}`);
  }
  // clean sides of synthetic pairs (text the counts have not seen: held-out corpus documents
  // and composed bulletin pages); the few typos of the source texts count as false alarms here
  for (const sd of synthDirs) {
    if (!existsSync(sd)) continue;
    const golds = readdirSync(sd).filter(f => f.endsWith('.gold.txt')).map(f => path.join(sd, f));
    for (const g of golds) {
      const fs_ = lintFile(g);
      const t2 = tokenCount(readFileSync(g, 'utf8'));
      console.log(`clean ${(path.basename(sd) + '/' + path.basename(g)).padEnd(30)} ${fs_.length} findings / ${t2} tokens = ${(1000 * fs_.length / Math.max(1, t2)).toFixed(2)} per 1k`);
      if (listN) for (const d of fs_.slice(0, +listN)) console.log(`   ${d.range.start.line + 1} ${d.code} ${d.message} -> ${d.suggestions.slice(0, 3).join(', ')}`);
    }
  }
}

if (!only || only === 'speed') {
  const seed = readFileSync(path.join(root, 'seeds/000_a564b550e16160e0.txt'), 'utf8');
  const only3 = [resources.spelling ? null : null];
  void only3;
  const { rules } = require(runnerJs).default ?? {};
  void rules;
  // 60 KB: the seed itself (58 KB); many distinct copies defeat nothing (decisions are cached by context)
  for (let i = 0; i < 3; i++) eng.lintText('file:///w.txt', seed, config, { resources });
  const N = 20;
  let t = performance.now();
  for (let i = 0; i < N; i++) eng.lintText('file:///a.txt', seed, config, { resources });
  const per = (performance.now() - t) / N;
  const toks = tokenCount(seed);
  console.log(`speed: 58 KB seed 000 linted in ${per.toFixed(1)} ms (all rules) = ${(toks / per * 1000 / 1e3).toFixed(0)}k tokens/s`);
  // a bigger corpus: 50 copies of each seed
  const big = (seed + '\n\n' + readFileSync(path.join(root, 'seeds/003_ac34d902066b54a2.txt'), 'utf8') + '\n\n').repeat(50);
  t = performance.now();
  eng.lintText('file:///big.txt', big, config, { resources });
  const ms = performance.now() - t;
  console.log(`speed: ${(big.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms = ${(tokenCount(big) / ms / 1e3).toFixed(2)}M tokens/s`);
}
