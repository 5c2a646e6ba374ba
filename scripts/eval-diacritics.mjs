#!/usr/bin/env node
// Measures the "words typed without diacritics" check (server/src/engine/rules/spelling/
// diacritics.ts): sentences of clean Vietnamese text are stripped of every mark, put back among
// their accented neighbours, and linted; the findings' restored text is compared word by word
// with the original. Prints, per folder: stripped sentences, those with a finding, and how many
// of the words that needed marks came back right (all of them, and among those the findings
// changed). Also counts the check's findings on clean text (false alarms).
//
// usage: node scripts/eval-diacritics.mjs [DIR ...]
//   default: the composed bulletin pages (scripts/ocr-synth/bulletin, bulletin2) and, when
//   present, the held-out corpus (.cache/corpus/heldout, made by scripts/corpus/fetch.sh).
// Never run it on the development set: it is for measuring spelling, not for this.
import { readFileSync, readdirSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleScript } from './esbuild-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, '.cache/eval-diacritics');
mkdirSync(cache, { recursive: true });
const runnerJs = path.join(cache, 'runner.cjs');
await bundleScript(root, runnerJs, `
      import { lintText, resolveConfig } from './server/src/engine/index';
      import { loadDefaultResources } from './server/src/engine/resources';
      export { lintText, resolveConfig, loadDefaultResources };
    `);
const eng = createRequire(import.meta.url)(runnerJs);
const resources = eng.loadDefaultResources();
const config = eng.resolveConfig({});
const isRun = f => /without Vietnamese diacritics/.test(f.message);
const strip = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

const dirs = process.argv.slice(2);
if (!dirs.length) {
  for (const d of ['scripts/ocr-synth/bulletin', 'scripts/ocr-synth/bulletin2', '.cache/corpus/heldout']) if (existsSync(path.join(root, d))) dirs.push(path.join(root, d));
}
for (const dir of dirs) {
  const files = statSync(dir).isDirectory() ? readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => path.join(dir, f)) : [dir];
  const texts = files.map(f => readFileSync(f, 'utf8'));
  const text = texts.join('\n');
  // false alarms: the check's findings on the clean text itself
  let clean = 0;
  files.forEach((f, k) => { clean += eng.lintText('file://' + f, texts[k], config, { resources }).filter(isRun).length; });
  // stripped sentences, 120 draws with a fixed seed
  const paras = text.split(/\n+/).filter(p => p.length > 80 && p.length < 600 && /[àáảãạăâđêôơư]/i.test(p));
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let sentences = 0, found = 0, words = 0, right = 0, changed = 0, changedRight = 0;
  for (let t = 0; t < 120 && paras.length; t++) {
    const sents = paras[Math.floor(rand() * paras.length)].split(/(?<=[.;:])\s+/);
    if (sents.length < 2) continue;
    const k = Math.floor(rand() * sents.length);
    const orig = sents[k];
    const bare = strip(orig);
    if (orig.split(/\s+/).length < 4 || bare === orig) continue;
    sents[k] = bare;
    const doc = sents.join(' ');
    const at = doc.indexOf(bare);
    const fs = eng.lintText('file:///x', doc, config, { resources }).filter(isRun);
    sentences++;
    if (fs.length) found++;
    let fixed = doc;
    for (const f of [...fs].sort((a, b) => b.offsets.start - a.offsets.start)) fixed = fixed.slice(0, f.offsets.start) + f.suggestions[0] + fixed.slice(f.offsets.end);
    const ow = orig.split(/\s+/), bw = bare.split(/\s+/);
    const fw = fixed.slice(at, at + fixed.length - doc.length + bare.length).split(/\s+/);
    if (fw.length !== ow.length) continue;
    for (let i = 0; i < ow.length; i++) {
      if (bw[i] === ow[i]) continue;
      words++;
      if (fw[i] === ow[i]) right++;
      if (fw[i] !== bw[i]) { changed++; if (fw[i] === ow[i]) changedRight++; }
    }
  }
  const pc = (a, b) => (b ? (100 * a / b).toFixed(1) + '%' : '-');
  console.log(`${path.relative(root, dir) || dir}: ${sentences} stripped sentences, ${found} with a finding; words that needed marks ${words}, restored right ${pc(right, words)}; among the words the findings changed ${changed}, right ${pc(changedRight, changed)}; findings on the clean text: ${clean}`);
}
