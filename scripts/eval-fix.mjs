#!/usr/bin/env node
// What `lint --fix` (and so fix-all) changes, word by word: runs the built CLI's --fix on a copy
// of each OCR file, aligns the OCR text with what --fix wrote and with the gold side (the shared
// scorer's aligner), and counts the applied fixes that give the gold word, those that change a
// word the gold side has, and those that replace an error with another wrong word.
//
// usage: node scripts/eval-fix.mjs [--list] [OCR,GOLD ...]
//   (default: the development set and the synthetic tuning sets; build first: node esbuild.mjs)
import { readFileSync, mkdtempSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.SPELL_EVAL_DIR ?? '/work/shared/eval';
if (!existsSync(path.join(evalDir, 'align.mjs'))) { console.error(`eval-fix: the shared aligner ${path.join(evalDir, 'align.mjs')} is missing (set SPELL_EVAL_DIR)`); process.exit(2); }
const { align } = await import(pathToFileURL(path.join(evalDir, 'align.mjs')).href);
const bin = path.join(root, 'server/out/main.js');
if (!existsSync(bin)) { console.error('eval-fix: build first (node esbuild.mjs)'); process.exit(2); }
const args = process.argv.slice(2);
const list = args.includes('--list');
let pairs = args.filter(a => a !== '--list').map(a => a.split(','));
if (!pairs.length) {
  pairs = [[path.join(evalDir, 'seed000-dev/dev.ocr.txt'), path.join(evalDir, 'seed000-dev/dev.gold.txt')]];
  const s = path.join(root, '.cache/ocr-synth');
  for (const n of ['bulletin', 'bulletin2', 'hard/hard', 'grey', 'help', 'ui']) if (existsSync(path.join(s, n + '.ocr.txt'))) pairs.push([path.join(s, n + '.ocr.txt'), path.join(s, n + '.gold.txt')]);
}

const rowsOf = res => res.rows.map(([t, gold, label]) => ({ line: t.line, start: t.start, text: t.text, gold, label }));
const norm = s => (s ?? '').normalize('NFC').toLowerCase();
for (const [ocrF, goldF] of pairs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-fix-'));
  const tmp = path.join(dir, path.basename(ocrF));
  copyFileSync(ocrF, tmp);
  try { execFileSync(process.execPath, [bin, 'lint', '--fix', '--quiet', tmp], { stdio: 'ignore' }); } catch { /* exit 1: findings remain */ }
  const ocr = readFileSync(ocrF, 'utf8'), fixed = readFileSync(tmp, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const truth = new Map(rowsOf(align(ocr, readFileSync(goldF, 'utf8'))).map(r => [r.line + ':' + r.start, r]));
  const errors = [...truth.values()].filter(r => r.label !== 'ok').length;
  // --fix keeps the lines, so the OCR and the fixed text align line by line
  const changed = rowsOf(align(ocr, fixed, 'lines')).filter(r => r.label !== 'ok');
  let right = 0, broke = 0, wrong = 0;
  const notes = [];
  for (const c of changed) {
    const t = truth.get(c.line + ':' + c.start);
    if (t && norm(c.gold) === norm(t.gold)) { right++; continue; }
    if (!t || t.label === 'ok') broke++; else wrong++;
    if (list) notes.push(`   ${!t || t.label === 'ok' ? 'changed a right word' : 'wrong fix'} ${c.line + 1}: ${c.text} -> ${c.gold} (gold ${t?.gold ?? '?'})`);
  }
  const name = path.relative(root, ocrF).startsWith('..') ? path.basename(ocrF) : path.relative(root, ocrF);
  console.log(`${name.padEnd(40)} fixes ${String(changed.length).padStart(4)}  right ${String(right).padStart(4)} (${(right / Math.max(1, changed.length)).toFixed(3)})  changed a right word ${broke}  wrong fix ${wrong}  errors fixed right ${(right / Math.max(1, errors)).toFixed(2)}`);
  for (const n of notes) console.log(n);
}
