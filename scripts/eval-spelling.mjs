#!/usr/bin/env node
// Spelling benchmark: runs the engine's spelling checks on
//   - the development set (/work/shared/eval/seed000-dev, real OCR; measuring only),
//   - synthetic OCR pairs under .cache/ocr-synth/<name>.ocr.txt + <name>.gold.txt (if present),
// scores them with the shared scorer (precision, recall, F1, correct@1, fa/1k), and counts
// false alarms per 1,000 tokens on clean text (seed 003, clean gold sides, corpus samples).
// Also prints model load time and lint throughput.
//
// usage: node scripts/eval-spelling.mjs [--only dev|synth|clean|speed] [--list N] [--cmd] [--channel] [--holdout]
//   --cmd   score the dev set through the real CLI (server/out/main.js) instead of the engine
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleScript } from './esbuild-binary.mjs';

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
await bundleScript(root, runnerJs, `
      import { lintText, resolveConfig, parseDocument, lint } from './server/src/engine/index';
      import { loadDefaultResources } from './server/src/engine/resources';
      import { spellingRules } from './server/src/engine/rules/spelling/index';
      import { spellingTokens } from './server/src/engine/rules/spelling/tokens';
      import { clearSpellingCaches, tuning, checkerFor } from './server/src/engine/rules/spelling/analyze';
      export { lintText, resolveConfig, parseDocument, lint, loadDefaultResources, spellingRules, spellingTokens, clearSpellingCaches, tuning, checkerFor };
    `);
const require = createRequire(import.meta.url);
const t0 = performance.now();
const eng = require(runnerJs);
// experiments: SPELL_TUNING='{"contextMargin":2}' overrides internal thresholds for this run
if (process.env.SPELL_TUNING) Object.assign(eng.tuning, JSON.parse(process.env.SPELL_TUNING));
const tReq = performance.now();
const resources = eng.loadDefaultResources();
const tLoad = performance.now();
const config = eng.resolveConfig({});
// experiments: SPELL_SCORE='{"outerCap":3}' overrides the checker's scoring parameters
if (process.env.SPELL_SCORE && resources.spelling) Object.assign(eng.checkerFor(resources.spelling).score, JSON.parse(process.env.SPELL_SCORE));
// experiments: SPELL_CHANNEL='{"tone":-4}' overrides the OCR edit costs; candidate lists are then
// computed live instead of read from the model's precomputed ones (SPELL_CHANNEL='{}': live, unchanged costs)
if (process.env.SPELL_CHANNEL && resources.spelling) {
  Object.assign(resources.spelling.channel, JSON.parse(process.env.SPELL_CHANNEL));
  resources.spelling.pre = null;
}

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
// tuning sets in their own folders, scored on their own and kept out of the speed measure: the
// tuning sets' bulletin pages in the holdouts' harder scan conditions (make.mjs "hard"), the
// fifth batch of composed pages in those conditions ("tune5"), held-out register pages of the
// third web collection ("web3tune", folder web), the seventh batch ("tune6"), the eighth ("tune7"), the ninth ("tune8")
const apartDirs = ['hard', 'tune5', 'tune6', 'tune7', 'tune8', 'web'].map(d => path.join(root, '.cache/ocr-synth', d));
for (const d of apartDirs) if (existsSync(d)) synthDirs.push(d);
// the opt-in channel set (make.mjs channel: counted text, never scored by default), with --channel
const channelDir = path.join(root, '.cache/ocr-synth/channel');
if (args.includes('--channel') && existsSync(channelDir)) synthDirs.push(channelDir);
if (args.includes('--holdout')) {
  const h = path.join(root, '.cache/ocr-synth/holdout');
  if (existsSync(h)) synthDirs.push(h);
  else console.error(`eval-spelling: no holdout in ${path.relative(root, h)}: make it with "npm run ocr-synth" (needs tesseract-ocr, tesseract-ocr-vie; see scripts/ocr-synth/README.md)`);
}
for (const sd of synthDirs.slice(0, 2)) if (!existsSync(sd) && (!only || only === 'synth')) console.error(`eval-spelling: ${path.relative(root, sd)} is missing: its synthetic sets are skipped (made by ${sd.endsWith('spell-synth') ? 'scripts/data/corrupt.mjs' : 'npm run ocr-synth'})`);
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
  // Spelling only (the three spelling rules), in this process, model loaded. Times are the
  // median of several runs; the machine may be shared, so repeat when it matters.
  const med = xs => xs.sort((a, b) => a - b)[xs.length >> 1];
  const seed = readFileSync(path.join(root, 'seeds/000_a564b550e16160e0.txt'), 'utf8');
  const spellOnly = { resources, only: eng.spellingRules };
  const run = (uri, text) => {
    const t0 = performance.now();
    const doc = eng.parseDocument(uri, text);
    const t1 = performance.now();
    eng.lint(doc, config, spellOnly);
    return { parse: t1 - t0, spelling: performance.now() - t1 };
  };
  // 1. a 58 KB bulletin: first lint with empty caches, then re-lints after one-character edits
  eng.clearSpellingCaches(resources.spelling);
  const first = run('file:///s.txt', seed);
  const edits = [];
  for (let i = 0; i < 15; i++) {
    const at = (i * 3761) % seed.length;
    edits.push(run('file:///s.txt', seed.slice(0, at) + 'a' + seed.slice(at)).spelling);
  }
  console.log(`speed: seed 000 (${(seed.length / 1024).toFixed(0)} KB, ${tokenCount(seed)} tokens): first spelling lint ${first.spelling.toFixed(1)} ms (parse ${first.parse.toFixed(1)} ms, not spelling); after a one-character edit ${med(edits).toFixed(1)} ms (median of ${edits.length})`);
  // 2. fresh text (no cached decisions): held-out corpus paragraphs and the synthetic OCR sets
  const fresh = [];
  const hd = path.join(root, '.cache/corpus/heldout');
  if (existsSync(hd)) for (const f of readdirSync(hd)) fresh.push(readFileSync(path.join(hd, f), 'utf8'));
  for (const sd of synthDirs) if (!apartDirs.includes(sd) && existsSync(sd)) for (const f of readdirSync(sd)) if (f.endsWith('.ocr.txt')) fresh.push(readFileSync(path.join(sd, f), 'utf8'));
  if (fresh.length) {
    const text = fresh.join('\n\n');
    const n = tokenCount(text);
    const cold = [];
    for (let i = 0; i < 3; i++) {
      eng.clearSpellingCaches(resources.spelling);
      const doc = eng.parseDocument('file:///fresh' + i, text + ' '.repeat(i));
      eng.spellingTokens(doc);
      const t0 = performance.now();
      eng.lint(doc, config, spellOnly);
      cold.push(performance.now() - t0);
    }
    const doc = eng.parseDocument('file:///fresh-warm', text + '  x');
    const t0 = performance.now();
    eng.spellingTokens(doc);
    eng.lint(doc, config, spellOnly);
    const warm = performance.now() - t0;
    console.log(`speed: fresh text ${(text.length / 1e6).toFixed(2)} MB, ${n} tokens: spelling with empty caches ${med(cold).toFixed(0)} ms = ${(n / med(cold)).toFixed(0)}k tokens/s; same text again (block cache, incl. tokenizing) ${warm.toFixed(0)} ms = ${(n / warm).toFixed(0)}k tokens/s`);
  }
}
