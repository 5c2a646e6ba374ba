#!/usr/bin/env node
// Learn an OCR confusion table from the synthetic OCR pairs (NOT from the
// development set, and NOT from the "holdout" set).
//
// usage: node scripts/ocr-synth/confusions.mjs [--syl SET,SET...] [SET ...]
//   default sets: help ui bulletin grey bulletin2 hard/hard   (never holdout)
//   --syl: the sets whose whole-syllable confusions (kind syl) are counted; default help ui
//   bulletin grey. A syllable row is one word's rate, counted on the words of the sets' text, so
//   it fits the text it was counted on; letter, tone and vowel rates are the font's and the
//   scan's, and generalise. bulletin2 and hard (the bulletin pages again, in Liberation Serif,
//   the Times New Roman metrics bulletins are typeset in) give letter rates only.
// reads  .cache/ocr-synth/<set>.pairs.tsv   (op, gold, ocr: every aligned token)
// writes scripts/data/ocr-confusions.tsv
//
// Format (TSV, header line, UTF-8 NFC, all lower case):
//   kind  from  to  count  total
// kind:
//   syl    gold syllable -> OCR token, 1:1 substitutions only (from != to);
//          total = how often the gold syllable occurs in the sets, so
//          count/total estimates P(OCR writes `to` | the word is `from`)
//   tone   gold tone -> OCR tone, on 1:1 pairs whose tone-less letters
//          agree (so only the tone mark differs or is the same); from == to
//          rows included; tones: ngang huyen sac hoi nga nang
//   mark   gold vowel with all its marks (modifier and tone, "ả") -> the OCR vowel ("ă"), in
//          words whose letters without marks agree and where it is the one letter that
//          differs; total = that vowel's occurrences in such words (modifier and tone change
//          together far more often than apart: stop 30)
//   vowel  gold vowel letter (tone removed: a ă â e ê i o ô ơ u ư y) -> the OCR
//          letter aligned with it (∅ = lost), from == to rows included;
//          over all 1:1 pairs of Vietnamese-shaped words
//   char   tone-less letter edits that are not vowel-to-vowel, grouped as a
//          contiguous substitution of up to 3 letters, e.g. "đ"->"d",
//          "rn"->"m", "tr"->"ư", "" = nothing (insertion/deletion)
//   merge  two gold words -> one OCR token  ("về hạn" -> "vềhạn")
//   split  one gold word -> two OCR tokens  ("để" -> "đ ể")
// Rows of a kind are sorted by count, descending. total is empty where it has
// no meaning (char, merge, split).

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(ROOT, '.cache/ocr-synth');
const OUT = path.join(ROOT, 'scripts/data/ocr-confusions.tsv');
// make.mjs writes every set it marks neverTune (the holdouts) into holdout/, and only those: a set
// is refused when it lies there, given as "holdout/<name>" or by its bare name, so a new holdout
// needs no entry here
const HOLDOUT = path.join(DIR, 'holdout');
const isHeldOut = s => s.split('/')[0] === 'holdout' || existsSync(path.join(HOLDOUT, `${s.split('/').pop()}.pairs.tsv`));

const argv = process.argv.slice(2);
const sylAt = argv.indexOf('--syl');
const sylArg = sylAt >= 0 ? (argv[sylAt + 1] ?? '').split(',').filter(Boolean) : null;
if (sylAt >= 0) argv.splice(sylAt, 2);
let sets = argv;
if (!sets.length) sets = ['help', 'ui', 'bulletin', 'grey', 'bulletin2', 'hard/hard'];
// (without --syl: those of the default syllable sets that are read)
const sylSets = new Set(sylArg ?? ['help', 'ui', 'bulletin', 'grey'].filter(x => sets.includes(x)));
for (const s of [...sets, ...sylSets]) if (isHeldOut(s)) { console.error(`confusions: refusing to learn from "${s}" (never tune on it)`); process.exit(2); }
for (const s of sylSets) if (!sets.includes(s)) { console.error(`confusions: --syl set "${s}" is not among the sets read`); process.exit(2); }

const TONES = { '\u0300': 'huyen', '\u0301': 'sac', '\u0309': 'hoi', '\u0303': 'nga', '\u0323': 'nang' };
const TONE_RE = /[\u0300\u0301\u0309\u0303\u0323]/g;
function split(w) { // -> { base (NFC, tone removed), tone, tones (count of tone marks) }
  const d = w.normalize('NFD');
  const marks = d.match(TONE_RE) || [];
  return { base: d.replace(TONE_RE, '').normalize('NFC'), tone: marks.length === 1 ? TONES[marks[0]] : marks.length ? 'multi' : 'ngang' };
}
const STRIP = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
const SYL = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|oai|oay|uay|uoi|uou|ieu|yeu|uoc|oeo|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])(ch|nh|ng|[cmnpt])?$/;
const isViet = (w) => /^\p{L}+$/u.test(w) && SYL.test(STRIP(w));
const VOWELS = new Set([...'aăâeêioôơuưy']);

// Levenshtein alignment of two letter arrays -> list of [a|null, b|null]
function alignChars(a, b) {
  const A = [...a], B = [...b];
  const n = A.length, m = B.length;
  const D = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const cost = (x, y) => (x === y ? 0 : STRIP(x) === STRIP(y) ? 0.5 : 1);
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    D[i][j] = Math.min(D[i - 1][j] + 1, D[i][j - 1] + 1, D[i - 1][j - 1] + cost(A[i - 1], B[j - 1]));
  }
  const out = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && D[i][j] === D[i - 1][j - 1] + cost(A[i - 1], B[j - 1])) { out.push([A[i - 1], B[j - 1]]); i--; j--; }
    else if (i > 0 && D[i][j] === D[i - 1][j] + 1) { out.push([A[i - 1], null]); i--; }
    else { out.push([null, B[j - 1]]); j--; }
  }
  return out.reverse();
}

const counts = new Map(); // key kind\tfrom\tto -> n
const totals = new Map(); // key kind\tfrom -> n
const inc = (m, k, n = 1) => m.set(k, (m.get(k) || 0) + n);

let pairsRead = 0, skipped = 0;
function lev(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
for (const s of sets) {
  const f = path.join(DIR, `${s}.pairs.tsv`);
  if (!existsSync(f)) { console.error(`confusions: missing ${f} (run make.mjs ${s})`); process.exit(2); }
  const lines = readFileSync(f, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (!line) continue;
    const [op, g0, o0] = line.split('\t');
    const g = g0.normalize('NFC').toLowerCase(), o = (o0 || '').normalize('NFC').toLowerCase();
    if (/\d/.test(g) || /\d/.test(o)) continue;
    pairsRead++;
    if (op === 'merge' || op === 'split') { inc(counts, `${op}\t${g}\t${o}`); continue; }
    if (op !== 'ok' && op !== 'sub') continue;
    if (!isViet(g)) continue;
    // alignment noise: an OCR token that shares too little with its gold word
    // (more than 60% of the tone-less letters differ) is not an OCR confusion
    if (g !== o && lev([...STRIP(g)], [...STRIP(o)]) / Math.max([...STRIP(g)].length, [...STRIP(o)].length) > 0.6) { skipped++; continue; }
    if (sylSets.has(s)) {
      inc(totals, `syl\t${g}`);
      if (g !== o) inc(counts, `syl\t${g}\t${o}`);
    }
    const G = split(g), O = split(o);
    if (G.base === O.base) { inc(totals, `tone\t${G.tone}`); inc(counts, `tone\t${G.tone}\t${O.tone}`); }
    // a vowel's marks together (modifier and tone), where the letters without marks agree: the
    // gold vowel as written -> the OCR vowel, when it is the one vowel that differs
    if (STRIP(g) === STRIP(o) && g.includes('đ') === o.includes('đ')) {
      const A = [...g], B = [...o];
      if (A.length === B.length) {
        const diff = [];
        for (let k = 0; k < A.length; k++) if (A[k] !== B[k]) diff.push(k);
        for (const x of A) if (VOWELS.has(STRIP(x))) inc(totals, `mark\t${x}`);
        if (diff.length === 1 && VOWELS.has(split(A[diff[0]]).base) && VOWELS.has(split(B[diff[0]]).base)) inc(counts, `mark\t${A[diff[0]]}\t${B[diff[0]]}`);
      }
    }
    // letters, tone removed
    const al = alignChars(G.base, O.base);
    let run = null; // contiguous non-vowel edit
    const flush = () => {
      if (run && (run.a !== run.b)) inc(counts, `char\t${run.a}\t${run.b}`);
      run = null;
    };
    for (const [x, y] of al) {
      if (x && VOWELS.has(x)) {
        flush();
        inc(totals, `vowel\t${x}`);
        inc(counts, `vowel\t${x}\t${y ?? '∅'}`);
        continue;
      }
      if (x === y) { flush(); continue; }
      if (!run) run = { a: '', b: '' };
      run.a += x ?? ''; run.b += y ?? '';
      if ([...run.a].length >= 3 || [...run.b].length >= 3) flush();
    }
    flush();
  }
}

const rows = [];
for (const [k, n] of counts) {
  const [kind, from, to] = k.split('\t');
  const t = totals.get(`${kind}\t${from}`);
  rows.push({ kind, from, to, n, t: kind === 'char' || kind === 'merge' || kind === 'split' ? '' : t ?? '' });
}
const ORDER = ['syl', 'tone', 'vowel', 'mark', 'char', 'merge', 'split'];
rows.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || b.n - a.n || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
const header = ['kind', 'from', 'to', 'count', 'total'].join('\t');
writeFileSync(OUT, header + '\n' + rows.map((r) => [r.kind, r.from, r.to, r.n, r.t].join('\t')).join('\n') + '\n');
const byKind = {};
for (const r of rows) byKind[r.kind] = (byKind[r.kind] || 0) + 1;
console.error(`confusions: ${pairsRead} aligned tokens (${skipped} unrelated pairs skipped) from ${sets.join(', ')} (syllables from ${[...sylSets].join(', ')}) -> ${rows.length} rows ${JSON.stringify(byKind)} in ${path.relative(ROOT, OUT)}`);
