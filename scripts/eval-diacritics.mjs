#!/usr/bin/env node
// Measures the "words typed without diacritics" check (server/src/engine/rules/spelling/
// diacritics.ts): sentences of clean Vietnamese text are stripped of every mark, put back among
// their accented neighbours, and linted; the findings' restored text is compared word by word
// with the original. Prints, per folder: stripped sentences, those with a finding, and how many
// of the words that needed marks came back right (all of them, and among those the findings
// changed). Also counts the check's findings on clean text (false alarms). Then strips every
// file whole (a document typed without marks) and reports, over all its words that needed marks,
// how many the findings restored right, how many words that needed none they changed, and the
// findings on English text (this project's own English docs: there must be none). And restores
// each stripped sentence as a selection (the editor action) and scores its words the same way.
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
      import { applyEdits, lintText, resolveConfig, parseDocument, restoreDiacritics } from './server/src/engine/index';
      import { loadDefaultResources } from './server/src/engine/resources';
      export { applyEdits, lintText, resolveConfig, loadDefaultResources, parseDocument, restoreDiacritics };
    `);
const eng = createRequire(import.meta.url)(runnerJs);
const resources = eng.loadDefaultResources();
const config = eng.resolveConfig({});
const isRun = f => /without Vietnamese diacritics/.test(f.message);
/** `text` with every edit ({ start, end, newText }, original offsets, none overlapping) applied. */
const apply = (text, edits) => eng.applyEdits(text, [...edits].sort((a, b) => a.start - b.start));
/** `text` with the first suggestion of each finding applied. */
const applyFindings = (text, fs) => apply(text, fs.map(f => ({ start: f.offsets.start, end: f.offsets.end, newText: f.suggestions[0] })));
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
  // the same sentences restored as a selection (the editor action: every plain word, no threshold)
  let selWords = 0, selRight = 0, selPlain = 0, selSpoiled = 0;
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
    const fixed = applyFindings(doc, fs);
    const ow = orig.split(/\s+/), bw = bare.split(/\s+/);
    {
      const d = eng.parseDocument('file:///x', doc);
      const pos = o => d.source.positionAtOriginal(o);
      const sel = apply(doc, eng.restoreDiacritics(d, resources, { start: pos(at), end: pos(at + bare.length) })
        .map(e => ({ start: d.source.offsetAtPosition(e.range.start), end: d.source.offsetAtPosition(e.range.end), newText: e.newText })));
      const sw = sel.slice(at, at + sel.length - doc.length + bare.length).split(/\s+/);
      if (sw.length === ow.length) for (let i = 0; i < ow.length; i++) {
        if (bw[i] !== ow[i]) { selWords++; if (sw[i] === ow[i]) selRight++; } else { selPlain++; if (sw[i] !== ow[i]) selSpoiled++; }
      }
    }
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
  console.log(`  the same sentences restored as a selection: words that needed marks ${selWords}, restored right ${pc(selRight, selWords)}; words that needed none ${selPlain}, changed ${selSpoiled}`);
  // whole documents typed without marks
  let need = 0, back = 0, spoiled = 0, plainWords = 0, runFindings = 0;
  for (const orig of texts) {
    const bare = strip(orig);
    const fs = eng.lintText('file:///bare.txt', bare, config, { resources }).filter(isRun);
    runFindings += fs.length;
    const fixed = applyFindings(bare, fs);
    const ow = orig.split(/\s+/), bw = bare.split(/\s+/), fw = fixed.split(/\s+/);
    if (fw.length !== ow.length) { console.log(`  ${path.basename(files[texts.indexOf(orig)])}: word count changed by the fixes, skipped`); continue; }
    for (let i = 0; i < ow.length; i++) {
      if (!/\p{L}/u.test(ow[i])) continue;
      if (bw[i] !== ow[i]) { need++; if (fw[i] === ow[i]) back++; }
      else { plainWords++; if (fw[i] !== ow[i]) spoiled++; }
    }
  }
  console.log(`  whole files stripped: ${runFindings} findings; words that needed marks ${need}, restored right ${pc(back, need)}; words that needed none ${plainWords}, changed ${spoiled}`);
}
// English text, with no Vietnamese marks: the whole-document reading must not take it for Vietnamese
{
  const english = [path.join(root, 'docs'), path.join(root, 'scripts/corpus/SOURCES.md')].flatMap(p => statSync(p).isDirectory() ? readdirSync(p).filter(f => f.endsWith('.md')).map(f => path.join(p, f)) : [p]);
  let n = 0;
  for (const f of english) {
    // the English prose only: lines with a Vietnamese mark (quoted examples) are dropped
    const t = readFileSync(f, 'utf8').split('\n').filter(l => strip(l) === l).join('\n');
    n += eng.lintText('file:///en.txt', t, config, { resources }).filter(isRun).length;
  }
  console.log(`English docs (${english.length} files, lines without Vietnamese marks): ${n} findings of words written without diacritics`);
}
