#!/usr/bin/env node
// Rebuilds server/src/engine/vietnamese/foreignWords.ts: the foreign words Vietnamese text of the
// register uses ("logistics", "hecta", "LibreOffice", "index"), with their counts, so that OCR
// damage to one ("logisties", "LibreOfice", "INIDEX") is found and repaired; and the words that
// are one OCR slip from such a word but are words themselves (English "tide" beside "title", a
// foreign word of the corpus common enough in its own right), which are never reported.
//
// Sources (see NOTICE):
//   - tesseract-ocr/langdata vie.wordlist (Apache-2.0; /work/shared/data/tesseract-langdata-vie or
//     $LANGDATA_VIE): ranked; rank r counts as 3e5 / (r + 1), as scripts/data/build.mjs does;
//   - the permissively licensed files of .cache/corpus (MPL-2.0 translations of LibreOffice,
//     Firefox, Thunderbird and tesseract's Apache-2.0 training text, as scripts/data/build.mjs
//     counts them; made by scripts/corpus/fetch.sh; counts only are shipped, no GPL text);
//   - Debian package wamerican (SCOWL; unpacked by scripts/data/english.mjs into .cache/raw):
//     English words, which are only ever protected, never proposed.
//
// A foreign word is a run of 5+ ASCII letters that is no Vietnamese syllable, with or without
// marks. Its shape (the commonest spelling when that has capitals inside, "LibreOffice") is kept.
//
// usage: node scripts/data/foreign.mjs
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrthography } from './count.mjs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'server/src/engine/vietnamese/foreignWords.ts');
const langdata = process.env.LANGDATA_VIE ?? '/work/shared/data/tesseract-langdata-vie';
const corpusDir = path.join(root, '.cache/corpus');
const dict = path.join(root, '.cache/raw/wamerican/usr/share/dict/american-english');
if (!existsSync(dict)) throw new Error(`foreign: ${dict} is missing: run scripts/data/english.mjs first (it unpacks wamerican)`);
if (!existsSync(corpusDir)) throw new Error(`foreign: ${corpusDir} is missing: run scripts/corpus/fetch.sh first`);

const { ortho, table } = await loadOrthography(root);
// the engine's own slip model (server/src/engine/vietnamese/foreignSlips.ts)
const slipsJs = path.join(root, '.cache/foreignSlips.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'server/src/engine/vietnamese/foreignSlips.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: slipsJs, logLevel: 'warning' });
const { MIN_TARGET, withinSlips } = createRequire(import.meta.url)(slipsJs);
const skeletons = new Set([...table.keys()].map(k => ortho.skeleton(k)));
const isSyllable = w => table.has(w) || skeletons.has(w) || ortho.isValidSyllable(w);

const WORD = /^[A-Za-z]{5,}$/;
const count = new Map(), shapes = new Map();
const add = (w, c) => {
  const l = w.toLowerCase();
  if (isSyllable(l)) return;
  count.set(l, (count.get(l) ?? 0) + c);
  const s = shapes.get(l) ?? new Map();
  s.set(w, (s.get(w) ?? 0) + c);
  shapes.set(l, s);
};
readFileSync(path.join(langdata, 'vie.wordlist'), 'utf8').split('\n').forEach((w, r) => { if (WORD.test(w)) add(w, 3e5 / (r + 1)); });
const PERMISSIVE = ['libreoffice-help.txt', 'libreoffice-ui.txt', 'firefox-ui.txt', 'thunderbird-ui.txt', 'tesseract-training.txt'];
for (const f of PERMISSIVE) {
  if (!existsSync(path.join(corpusDir, f))) throw new Error(`foreign: ${path.join(corpusDir, f)} is missing: run scripts/corpus/fetch.sh and scripts/corpus/extract.mjs first`);
  for (const tok of readFileSync(path.join(corpusDir, f), 'utf8').split(/[^A-Za-z\u00C0-\u1EF9]+/)) if (WORD.test(tok)) add(tok, 1);
}

// the shape a repair takes: the commonest spelling when it has capitals inside ("LibreOffice"),
// else the lower-case word (the written word's own case is kept: "Tirle" -> "Title")
const shapeOf = l => {
  const [best] = [...shapes.get(l)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return /^.+[A-Z]/.test(best) && best !== best.toUpperCase() ? best : l;
};
const targets = [...count].filter(([, c]) => c >= MIN_TARGET).map(([l, c]) => [l, Math.round(c)]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const byLength = new Map();
for (const t of targets) { const a = byLength.get(t[0].length) ?? []; a.push(t); byLength.set(t[0].length, a); }
/** The commonest target a word is within OCR slips of (other than itself), or null. */
const nearest = l => {
  let best = null;
  for (let n = l.length - 2; n <= l.length + 2; n++) {
    for (const t of byLength.get(n) ?? []) if (t[0] !== l && (!best || t[1] > best[1]) && withinSlips(l, t[0])) best = t;
  }
  return best;
};
// protected: English words one OCR slip from a target, and foreign words at least 1/50 as common
// as the target they are a slip from (a word in its own right, not a misspelling)
const english = new Set(readFileSync(dict, 'utf8').split('\n').map(w => w.toLowerCase()).filter(w => /^[a-z]{5,}$/.test(w) && !isSyllable(w)));
const targetSet = new Set(targets.map(t => t[0]));
const protect = new Set();
for (const w of english) if (!targetSet.has(w) && nearest(w)) protect.add(w);
for (const [l, c] of count) if (!targetSet.has(l) && !protect.has(l)) { const t = nearest(l); if (t && c * 50 >= t[1]) protect.add(l); }

const TARGETS = targets.map(([l, c]) => `${shapeOf(l)}:${c}`).join(' ');
const PROTECT = [...protect].sort().join(' ');
writeFileSync(out, `// Generated by scripts/data/foreign.mjs from tesseract-ocr/langdata vie.wordlist (Apache-2.0),
// counts of the Debian packages' MPL-2.0 Vietnamese translations, and the Debian package wamerican (SCOWL); see
// NOTICE. Do not edit: run the script again.
// TARGETS: foreign words of Vietnamese text (5+ letters, no syllable) counted ${MIN_TARGET}+ times, "shape:count".
// PROTECTED: words one OCR slip from a target that are words themselves (English, or a foreign word
// at least 1/50 as common as the target).
export const TARGETS = ${JSON.stringify(TARGETS)};
export const PROTECTED = ${JSON.stringify(PROTECT)};
`);
console.log(`foreign: ${count.size} foreign words, ${targets.length} targets, ${protect.size} protected -> ${path.relative(root, out)} (${((TARGETS.length + PROTECT.length) / 1024).toFixed(0)} KB)`);
