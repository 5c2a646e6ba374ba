#!/usr/bin/env node
// Rebuilds server/data/spelling.bin, the spelling model's lexicon and context tables.
//
// Sources (see NOTICE):
//   - /work/shared/data/tesseract-langdata-vie (or $LANGDATA_VIE): tesseract-ocr/langdata vie/,
//     Apache-2.0. Ranked word list and ranked word pairs; rank r stands in for a count ~ 1/r.
//   - .cache/corpus/*.txt (made by scripts/corpus/fetch.sh + extract.mjs; required unless
//     --no-corpus): clean Vietnamese text; only counts derived from it are shipped, never the text.
//   - scripts/data/web-register-counts*.tsv (committed counts of public web pages of the
//     bulletin register, one file per collection, made by scripts/corpus/web-register.mjs;
//     --no-web leaves them out).
//   - scripts/data/register-phrases.txt, scripts/data/ocr-confusions.tsv (see NOTICE).
//
// Only well-formed syllables (server/src/engine/vietnamese/orthography.ts) are kept, all in
// their canonical tone placement, lower case. Works with the tesseract lists alone (--no-corpus
// --no-web --no-register), but the shipped model is built with every source.
//
// usage: node scripts/data/build.mjs [--no-corpus] [--no-web] [--all-corpus] [--extra FILE] [--out server/data/spelling.bin]
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { NUM, ACR, isNum, PUNCT_EDGE, ENDS_CLAUSE, STARTS_CLAUSE, loadOrthography, countText } from './count.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const useCorpus = !args.includes('--no-corpus');
const out = path.resolve(root, opt('--out', 'server/data/spelling.bin'));
const langdata = process.env.LANGDATA_VIE ?? '/work/shared/data/tesseract-langdata-vie';
const corpusDir = path.join(root, '.cache/corpus');

const require = createRequire(import.meta.url);
const { ortho, table, syl } = await loadOrthography(root);

// ---------------------------------------------------------------------------------------------
// counts
const uni = new Map();      // syl -> count
const bi = new Map();       // "a b" -> count
const tri = new Map();      // "a b c" -> count
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);

// tesseract word list: count ~ U / (rank + 1). U: "và" is ~3% of 1e7 virtual tokens.
const BARE_W = +(process.env.BARE_W ?? 0.3);
const TESS_U = +(process.env.TESS_U ?? 3e5), TESS_B = +(process.env.TESS_B ?? 1.2e5);
{
  const lines = readFileSync(path.join(langdata, 'vie.wordlist'), 'utf8').split('\n');
  lines.forEach((line, r) => {
    const s = syl(isNum(line) ? line : line.replace(PUNCT_EDGE, ''));
    if (s) add(uni, s, TESS_U / (r + 1));
  });
  const pairs = readFileSync(path.join(langdata, 'vie.word.bigrams'), 'utf8').split('\n');
  pairs.forEach((line, r) => {
    const sp = line.split(' ');
    if (sp.length !== 2) return;
    const [x, y] = sp;
    if (ENDS_CLAUSE.test(x) || STARTS_CLAUSE.test(y)) return;
    const a = syl(isNum(x) ? x : x.replace(PUNCT_EDGE, '')), b = syl(isNum(y) ? y : y.replace(PUNCT_EDGE, ''));
    if (!a || !b) return;
    // web text typed without diacritics ("thanh pho") is not the register: both sides bare
    const bare = t => t !== NUM && t !== ACR && !ortho.hasVietnameseMarks(t);
    add(bi, a + ' ' + b, (bare(a) && bare(b) ? BARE_W : 1) * TESS_B / (r + 1));
  });
}
const tessUniTotal = [...uni.values()].reduce((a, b) => a + b, 0);

// corpus: real counts. Sentences split at punctuation; tokens that are not syllables break context.
let corpusTokens = 0;
// Only sources under permissive licenses feed the shipped tables (MPL-2.0, Apache-2.0: see
// scripts/corpus/SOURCES.md); GPL-licensed text (man pages, maint-guide, program catalogues)
// is left out unless --all-corpus is given.
const PERMISSIVE = new Set(['libreoffice-help.txt', 'libreoffice-ui.txt', 'firefox-ui.txt', 'thunderbird-ui.txt', 'tesseract-training.txt']);
const allCorpus = args.includes('--all-corpus');
// The shipped model is built with the corpus; without it the result is a smaller, weaker model,
// so a missing corpus is an error unless --no-corpus asks for exactly that.
const missingCorpus = [...PERMISSIVE].filter(f => !existsSync(path.join(corpusDir, f)));
if (useCorpus && missingCorpus.length) {
  console.error(`build: the clean-text corpus is missing (${path.relative(root, corpusDir)}/: ${missingCorpus.join(', ')}).
  Make it first: bash scripts/corpus/fetch.sh && node scripts/corpus/extract.mjs
  (Debian packages; see scripts/corpus/SOURCES.md), or pass --no-corpus to build a smaller
  model from the tesseract lists, the web counts and the glossary alone.`);
  process.exit(2);
}
const corpusFiles = useCorpus
  ? readdirSync(corpusDir).filter(f => f.endsWith('.txt') && (allCorpus || PERMISSIVE.has(f))).sort().map(f => path.join(corpusDir, f)) : [];
// --extra FILE: more clean text (repeatable)
args.forEach((a, i) => { if (a === '--extra' && args[i + 1]) corpusFiles.push(path.resolve(args[i + 1])); });
if (corpusFiles.length) {
  const counted = { cu: new Map(), cb: new Map(), ct: new Map(), tokens: 0 };
  for (const f of corpusFiles) countText(readFileSync(f, 'utf8'), syl, counted);
  const { cu, cb, ct } = counted;
  corpusTokens = counted.tokens;
  // weight real counts so the corpus weighs about as much as the tesseract lists per token
  // (experiments: SOFT_W scales the corpus alone, not the web register counts below)
  const W = Math.max(1, tessUniTotal / Math.max(1, corpusTokens)) * +(process.env.CORPUS_W ?? 0.5) * +(process.env.SOFT_W ?? 1);
  for (const [k, v] of cu) add(uni, k, v * W);
  for (const [k, v] of cb) add(bi, k, v * W);
  for (const [k, v] of ct) if (v >= 2) add(tri, k, v * W);
  console.log(`corpus: ${corpusFiles.length} files, ${corpusTokens} syllable tokens, weight ${W.toFixed(2)}`);
} else {
  console.log('corpus: none (tesseract lists only)');
}

// register web counts (scripts/data/web-register-counts.tsv, made by scripts/corpus/web-register.mjs
// from public web pages of the bulletin register; counts only). The register the product is
// judged on, so each of its tokens weighs WEB_W times a corpus token.
const WEB_W = +(process.env.WEB_W ?? 2);
/** Acronyms of the register with their counts (the engine repairs OCR damage to them). */
const acronyms = {};
// every collection has its own file: web-register-counts.tsv, web-register-counts-2.tsv, ...
const webPaths = readdirSync(path.join(root, 'scripts/data')).filter(f => /^web-register-counts(-\d+)?\.tsv$/.test(f)).sort().map(f => path.join(root, 'scripts/data', f));
if (WEB_W > 0 && !args.includes('--no-web') && webPaths.length) {
  const files = webPaths.map(webPath => {
    const rows = readFileSync(webPath, 'utf8').split('\n');
    const tokens = +(rows.find(r => r.startsWith('# tokens\t')) ?? '0\t0').split('\t')[1];
    return { webPath, rows, tokens };
  });
  // a syllable's count over all collections, for the typo rule below
  const webUni = new Map();
  for (const { rows } of files) for (const r of rows) if (r.startsWith('1\t')) { const [, k, c] = r.split('\t'); webUni.set(k, (webUni.get(k) ?? 0) + +c); }
  for (const { webPath, rows, tokens } of files) {
    const W = Math.max(1, tessUniTotal / Math.max(1, corpusTokens || tokens)) * +(process.env.CORPUS_W ?? 0.5) * WEB_W;
    for (const r of rows) {
      if (!r || r.startsWith('#')) continue;
      const [n, k, c] = r.split('\t');
      if (n === 'A') { acronyms[k] = (acronyms[k] ?? 0) + +c; continue; }
      // web pages have typos ("phấn dấu", "quốc phòn"): a syllable seen once on the web (in all
      // collections together) and nowhere else stays out of the lexicon
      if (n === '1' && webUni.get(k) < 2 && !uni.has(k)) continue;
      add(n === '1' ? uni : n === '2' ? bi : tri, k, +c * W);
    }
    console.log(`web register (${path.basename(webPath)}): ${tokens} syllable tokens, weight ${W.toFixed(2)}`);
  }
}

// register glossary (scripts/data/register-phrases.txt): fixed phrases of party and state
// documents, written for this project; each line counts as REG_W occurrences of its n-grams.
const REG_W = +(process.env.REG_W ?? 500);
const regPath = path.join(root, 'scripts/data/register-phrases.txt');
if (existsSync(regPath) && REG_W > 0 && !args.includes('--no-register')) {
  let nPhr = 0;
  for (const line of readFileSync(regPath, 'utf8').normalize('NFC').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    nPhr++;
    for (const clause of line.split(/[,;:]|\s-\s/)) {
      const ss = clause.trim().split(/\s+/).map(w => (isNum(w) ? NUM : syl(w)));
      for (let i = 0; i < ss.length; i++) {
        if (!ss[i]) continue;
        add(uni, ss[i], REG_W);
        if (i > 0 && ss[i - 1]) add(bi, ss[i - 1] + ' ' + ss[i], REG_W);
        if (i > 1 && ss[i - 1] && ss[i - 2]) add(tri, ss[i - 2] + ' ' + ss[i - 1] + ' ' + ss[i], REG_W);
      }
    }
  }
  console.log(`register glossary: ${nPhr} phrases`);
}

// lexicon: syllables with a usable count. Keep the rare ones too (the rules treat counts below
// a threshold as "unknown"), but drop singletons from noise.
const MIN_UNI = 2;
const lex = [...uni.entries()].filter(([, c]) => c >= MIN_UNI).sort((a, b) => b[1] - a[1]);
if (lex.length >= 65535) throw new Error('too many syllables for 16-bit ids');
const id = new Map(lex.map(([s], i) => [s, i]));

const biRows = [];
for (const [k, c] of bi) {
  const [a, b] = k.split(' ');
  const ia = id.get(a), ib = id.get(b);
  if (ia === undefined || ib === undefined || c < 0.5) continue;
  biRows.push([ia * 65536 + ib, c]);
}
biRows.sort((x, y) => x[0] - y[0]);
const triRows = [];
for (const [k, c] of tri) {
  const [a, b, d] = k.split(' ');
  const ia = id.get(a), ib = id.get(b), id_ = id.get(d);
  if (ia === undefined || ib === undefined || id_ === undefined) continue;
  triRows.push([ia * 2 ** 32 + ib * 65536 + id_, c]);
}
triRows.sort((x, y) => x[0] - y[0]);

// quantised log counts: q = round(ln(1 + c) * 16), 0..255
const q = c => Math.max(0, Math.min(255, Math.round(Math.log1p(c) * 16)));

// OCR tone confusions from tesseract's ambiguity table: pairs of single characters that differ
// only by their tone mark. Stored as obs * 10 + intended.
const tonePairs = new Set();
{
  const TONE = { '\u0301': 1, '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };
  const split = ch => { let t = 0, b = ''; for (const c of ch.normalize('NFD')) { if (TONE[c]) t = TONE[c]; else b += c; } return { t, b: b.normalize('NFC').toLowerCase() }; };
  for (const line of readFileSync(path.join(langdata, 'vie.unicharambigs'), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 4 || f[0] !== '1' || f[2] !== '1') continue;
    const x = split(f[1]), y = split(f[3]);
    if (x.b !== y.b || x.t === y.t || !'aăâeêioôơuưy'.includes(x.b)) continue;
    tonePairs.add(x.t * 10 + y.t);
    tonePairs.add(y.t * 10 + x.t);
  }
}
// Learned OCR channel (scripts/data/ocr-confusions.tsv, made by scripts/ocr-synth/ from
// rendered-and-OCRed tuning sets): log P(observed | intended) for tones, vowel letters, đ/d and
// whole syllables. Optional: without it the model uses its built-in costs.
const learned = {};
const confPath = path.join(root, 'scripts/data/ocr-confusions.tsv');
if (existsSync(confPath) && !args.includes('--no-confusions')) {
  const TONES = ['ngang', 'sac', 'huyen', 'hoi', 'nga', 'nang'];
  const tone = new Array(36).fill(null), vowel = {}, syl = {}, mark = {};
  const chars = {};
  for (const line of readFileSync(confPath, 'utf8').split('\n').slice(1)) {
    const [kind, from, to, count, total] = line.split('\t');
    const c = +count, t = +total;
    if (kind === 'tone') {
      const a = TONES.indexOf(from), b = TONES.indexOf(to);
      if (a >= 0 && b >= 0 && a !== b && t > 0) tone[a * 6 + b] = Math.log((c + 0.5) / (t + 3));
    } else if (kind === 'vowel' && from !== to && to !== '∅' && t > 0) {
      vowel[from + to] = Math.log((c + 0.5) / (t + 3));
    } else if (kind === 'syl' && c >= 3 && t > 0) {
      const f = syl_(from), o = to.normalize('NFC');
      if (f) syl[f + ' ' + o] = Math.log(c / t);
    } else if (kind === 'mark' && c >= 3 && t >= 20 && !args.includes('--no-marks')) {
      // a vowel's marks read together as others ("ả" -> "ă"), keyed intended + observed
      mark[from.normalize('NFC') + to.normalize('NFC')] = Math.log((c + 0.5) / (t + 9));
    } else if (kind === 'char') chars[from + '>' + to] = c;
  }
  // missing tone pairs: half a count
  const toneTot = {};
  for (const line of readFileSync(confPath, 'utf8').split('\n')) { const f = line.split('\t'); if (f[0] === 'tone') toneTot[f[1]] = +f[4]; }
  for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) if (a !== b && tone[a * 6 + b] === null) tone[a * 6 + b] = Math.log(0.5 / ((toneTot[TONES[a]] ?? 1000) + 3));
  learned.toneCost = tone;
  learned.vowelCost = vowel;
  learned.sylCost = syl;
  if (Object.keys(mark).length) learned.markCost = mark;
  // đ is about 1/8 as frequent as the vowels seen here; a rough base for the stroke rates
  const dBase = 800;
  learned.dCost = [Math.log(((chars['đ>d'] ?? 0) + 0.5) / dBase), Math.log(((chars['d>đ'] ?? 0) + 0.5) / dBase)];
  // single consonant letters read as another letter (b -> h, s -> x, g -> p), seen at least
  // twice; same rough base as đ. Keyed intended + observed, like the vowel table.
  const charCost = {};
  for (const [k, c] of Object.entries(chars)) {
    const [from, to] = k.split('>');
    if (from.length === 1 && to.length === 1 && from !== to && c >= 2 && !(from === 'đ' || to === 'đ')) charCost[from + to] = Math.log((c + 0.5) / dBase);
  }
  learned.charCost = charCost;
  console.log(`learned channel: ${Object.keys(vowel).length} vowel, ${Object.keys(mark).length} vowel-mark, ${Object.keys(syl).length} syllable confusions`);
}
function syl_(w) { return table.get(w.normalize('NFC')) ?? null; }
// acronyms of the tesseract word list are known too (count 0: never proposed as a repair)
for (const line of readFileSync(path.join(langdata, 'vie.wordlist'), 'utf8').split('\n')) {
  if (syl(line) === ACR && !(line in acronyms)) acronyms[line] = 0;
}
// how much the learned OCR rates weigh against the built-in edit costs (experiments: LEARNED_W;
// the default, 0.5, is the model's own and is not written)
const learnedWeight = process.env.LEARNED_W !== undefined ? { learnedWeight: +process.env.LEARNED_W } : {};
const meta = Buffer.from(JSON.stringify({ tonePairs: [...tonePairs].sort((a, b) => a - b), ...learned, acronyms, ...learnedWeight }), 'utf8');
console.log(`tone confusions from tesseract ambigs: ${[...tonePairs].sort().join(' ')}`);

const strBytes = Buffer.from(lex.map(([s]) => s).join('\n'), 'utf8');
const pad4 = n => (n + 3) & ~3;
const pad8 = n => (n + 7) & ~7;
const nS = lex.length, nB = biRows.length, nT = triRows.length;
let size = 32;
const offStr = size; size = pad4(size + strBytes.length);
const offUni = size; size = pad4(size + nS);
const offBiK = size; size = pad4(size + 4 * nB);
const offBiQ = size; size = pad8(size + nB);
const offTriK = size; size = pad8(size + 8 * nT);
const offTriQ = size; size = pad4(size + nT);
const offMeta = size; size = pad4(size + 4 + meta.length);
const buf = Buffer.alloc(size);
buf.write('VSM1', 0, 'latin1');
buf.writeUInt32LE(nS, 4); buf.writeUInt32LE(nB, 8); buf.writeUInt32LE(nT, 12);
buf.writeUInt32LE(strBytes.length, 16);
buf.writeUInt32LE(corpusTokens, 20);
strBytes.copy(buf, offStr);
lex.forEach(([, c], i) => { buf[offUni + i] = q(c); });
biRows.forEach(([k, c], i) => { buf.writeUInt32LE(k, offBiK + 4 * i); buf[offBiQ + nB * 0 + i] = q(c); });
triRows.forEach(([k, c], i) => { buf.writeDoubleLE(k, offTriK + 8 * i); buf[offTriQ + i] = q(c); });
buf.writeUInt32LE(meta.length, offMeta); meta.copy(buf, offMeta + 4);
// Precompute each lexicon syllable's candidate list with the model's own code, so that
// linting never has to search the lexicon for the common (known) words.
const modelJs = path.join(root, '.cache/model.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'server/src/engine/vietnamese/model.ts')],
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: modelJs, logLevel: 'warning',
});
delete require.cache[modelJs];
const { SpellingModel } = require(modelJs);
const model = new SpellingModel(new Uint8Array(buf));
const MAXC = 32;
const cStart = new Uint32Array(nS + 1);
const cIds = [], cCh = [];
for (let i = 0; i < nS; i++) {
  const cs = model.computeCandidates(model.syllables[i]).slice(0, MAXC);
  for (const c of cs) { cIds.push(c.id); cCh.push(Math.max(-127, Math.min(0, Math.round(c.channel * 8)))); }
  cStart[i + 1] = cIds.length;
}
const total = cIds.length;
const candSize = 8 + 4 * (nS + 1) + pad4(2 * total) + pad4(total);
const cand = Buffer.alloc(candSize);
cand.write('CAND', 0, 'latin1');
cand.writeUInt32LE(total, 4);
Buffer.from(cStart.buffer).copy(cand, 8);
Buffer.from(Uint16Array.from(cIds).buffer).copy(cand, 8 + 4 * (nS + 1));
Buffer.from(Int8Array.from(cCh).buffer).copy(cand, 8 + 4 * (nS + 1) + pad4(2 * total));
const full = Buffer.concat([buf, cand]);
console.log(`candidates: ${total} precomputed (${(candSize / 1024).toFixed(0)} KB)`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, full);
console.log(`wrote ${path.relative(root, out)}: ${nS} syllables, ${nB} pairs, ${nT} triples, ${(full.length / 1024).toFixed(0)} KB`);
