#!/usr/bin/env node
// Turn tesseract output + the rendered source lines into an OCR/gold pair with
// the SAME number of lines: the gold is the OCR text in which only the tokens
// that OCR got wrong are replaced by the source tokens (OCR line breaks,
// spacing and punctuation kept), which is what ../shared/eval/align.mjs
// expects for line-by-line alignment.
//
// usage: node pair.mjs OCR_RAW.txt SRC.txt OUT.ocr.txt OUT.gold.txt
//   (appends to OUT files when --append is given; prints a JSON summary line)
//
// Method: tokens = /[\p{L}\p{M}\p{N}]+/u (as the scorer), NFC.  A global
// dynamic-programming alignment of the OCR token sequence against the source
// token sequence with costs from an edit distance over NFD characters
// (diacritic damage is cheap), allowing 1:1, insertion, deletion, 1:2 (OCR
// merged two words) and 2:1 (OCR split a word) when the joined words are
// close (normalised distance <= 0.3).  Then each OCR line is
// rebuilt: an OCR token aligned to a different source token is replaced by it;
// an inserted OCR token (noise) is removed from the gold; a deleted source
// token is put back after the previous token (runs of 3+ deleted tokens, i.e.
// a skipped line, are left out).  Blank OCR lines are dropped.
// A line whose tokens are more than half wrong (garbage from a speck or a
// rule) is dropped from both files, and so are lines with no token at all.

import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';

const TOK = /[\p{L}\p{M}\p{N}]+/gu;
const nfd = (s) => s.normalize('NFD').toLowerCase();

function lev(a, b) {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  let prev = new Array(n + 1), cur = new Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const ca = a[i - 1], cb = b[j - 1];
      // a combining mark costs half: diacritic damage is the typical OCR error
      const mark = /[\u0300-\u036f]/.test(ca) || /[\u0300-\u036f]/.test(cb);
      const sc = ca === cb ? 0 : mark ? 0.5 : 1;
      cur[j] = Math.min(prev[j] + (/[\u0300-\u036f]/.test(ca) ? 0.5 : 1), cur[j - 1] + (/[\u0300-\u036f]/.test(cb) ? 0.5 : 1), prev[j - 1] + sc);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

// normalised substitution cost in [0, 1]
function subCost(a, b) {
  if (a.key === b.key) return 0;
  const A = a.nfd, B = b.nfd;
  return Math.min(1, lev(A, B) / Math.max(A.length, B.length, 1));
}

export function tokenizeLines(text) {
  const lines = text.split('\n');
  const toks = [];
  lines.forEach((line, li) => {
    for (const m of line.matchAll(TOK)) {
      toks.push({ line: li, start: m.index, end: m.index + m[0].length, text: m[0], key: m[0].toLowerCase(), nfd: nfd(m[0]) });
    }
  });
  return { lines, toks };
}

export function alignTokens(o, s) {
  const n = o.length, m = s.length;
  const INS = 0.9, DEL = 0.9;
  const D = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const B = Array.from({ length: n + 1 }, () => new Int8Array(m + 1));
  D[0][0] = 0;
  // band: the two sequences are nearly the same length; keep a generous band
  const band = Math.max(60, Math.abs(n - m) + 60);
  for (let i = 0; i <= n; i++) {
    const jc = Math.round((i * m) / Math.max(n, 1));
    const jlo = Math.max(0, jc - band), jhi = Math.min(m, jc + band);
    for (let j = jlo; j <= jhi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity, bk = 0;
      if (i > 0 && j > 0 && D[i - 1][j - 1] < Infinity) { const c = D[i - 1][j - 1] + subCost(o[i - 1], s[j - 1]); if (c < best) { best = c; bk = 1; } }
      if (i > 0 && D[i - 1][j] < Infinity) { const c = D[i - 1][j] + INS; if (c < best) { best = c; bk = 2; } }
      if (j > 0 && D[i][j - 1] < Infinity) { const c = D[i][j - 1] + DEL; if (c < best) { best = c; bk = 3; } }
      if (i > 0 && j > 1 && D[i - 1][j - 2] < Infinity) { // OCR merged two source words
        const sc = subCost(o[i - 1], { key: s[j - 2].key + s[j - 1].key, nfd: s[j - 2].nfd + s[j - 1].nfd });
        const c = D[i - 1][j - 2] + 0.2 + sc;
        if (sc <= 0.3 && c < best) { best = c; bk = 4; }
      }
      if (i > 1 && j > 0 && D[i - 2][j - 1] < Infinity && o[i - 2].line === o[i - 1].line) { // OCR split a word
        const sc = subCost({ key: o[i - 2].key + o[i - 1].key, nfd: o[i - 2].nfd + o[i - 1].nfd }, s[j - 1]);
        const c = D[i - 2][j - 1] + 0.2 + sc;
        if (sc <= 0.3 && c < best) { best = c; bk = 5; }
      }
      D[i][j] = best; B[i][j] = bk;
    }
  }
  // backtrace into edits
  const ed = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    const bk = B[i][j];
    if (bk === 1) { ed.push({ op: 'sub', o: [i - 1], s: [j - 1] }); i--; j--; }
    else if (bk === 2) { ed.push({ op: 'ins', o: [i - 1], s: [] }); i--; }
    else if (bk === 3) { ed.push({ op: 'del', o: [], s: [j - 1] }); j--; }
    else if (bk === 4) { ed.push({ op: 'merge', o: [i - 1], s: [j - 2, j - 1] }); i--; j -= 2; }
    else if (bk === 5) { ed.push({ op: 'split', o: [i - 2, i - 1], s: [j - 1] }); i -= 2; j--; }
    else throw new Error(`alignment out of band at ${i},${j}`);
  }
  return ed.reverse();
}

export function makePair(ocrRaw, srcText) {
  const ocrText = ocrRaw.normalize('NFC').replace(/\f/g, '').replace(/[ \t]+$/gm, '');
  const O = tokenizeLines(ocrText);
  const S = tokenizeLines(srcText.normalize('NFC'));
  const edits = alignTokens(O.toks, S.toks);
  // per OCR line: list of replacements {start, end, text}
  const repl = O.lines.map(() => []);
  const lineErr = O.lines.map(() => 0), lineTok = O.lines.map(() => 0);
  let lastTok = null;
  let nTok = 0, nErr = 0;
  const pairs = []; // gold->ocr syllable pairs for the confusion table
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k];
    if (e.op === 'del') {
      // a word OCR lost is put back after the previous token; a run of 3 or
      // more lost words (a line tesseract skipped) is left out of both files
      let run = 1;
      while (edits[k + run] && edits[k + run].op === 'del') run++;
      let back = 1;
      while (edits[k - back] && edits[k - back].op === 'del') back++;
      if (run + back - 1 >= 3) continue;
      const st = S.toks[e.s[0]];
      if (lastTok) repl[lastTok.line].push({ start: lastTok.end, end: lastTok.end, text: ' ' + st.text, seq: k });
      continue;
    }
    const ot = e.o.map((k) => O.toks[k]);
    const stx = e.s.map((k) => S.toks[k].text).join(' ');
    for (const t of ot) { lineTok[t.line]++; nTok++; }
    const same = e.op === 'sub' && ot[0].key === S.toks[e.s[0]].key;
    if (!same) {
      for (const t of ot) lineErr[t.line]++;
      nErr += ot.length;
      const first = ot[0], last = ot[ot.length - 1];
      if (first.line === last.line) {
        repl[first.line].push({ start: first.start, end: last.end, text: stx, seq: k });
      } else { // split across lines: put the word on the first line, drop the rest
        repl[first.line].push({ start: first.start, end: first.end, text: stx, seq: k });
        repl[last.line].push({ start: last.start, end: last.end, text: '', seq: k });
      }
      pairs.push({ op: e.op, gold: stx, ocr: ot.map((t) => t.text).join(' ') });
    } else {
      pairs.push({ op: 'ok', gold: stx, ocr: ot[0].text });
    }
    lastTok = ot[ot.length - 1];
  }
  const ocrOut = [], goldOut = [];
  let keptTok = 0, keptErr = 0, droppedLines = 0;
  O.lines.forEach((line, li) => {
    if (!/[\p{L}\p{N}]/u.test(line)) return;
    if (lineTok[li] === 0 || lineErr[li] / lineTok[li] > 0.5) { droppedLines++; return; }
    let g = line;
    for (const r of repl[li].sort((a, b) => b.start - a.start || b.seq - a.seq)) g = g.slice(0, r.start) + r.text + g.slice(r.end);
    ocrOut.push(line);
    goldOut.push(g);
    keptTok += lineTok[li]; keptErr += lineErr[li];
  });
  return { ocrOut, goldOut, pairs, stats: { tokens: keptTok, errors: keptErr, allTokens: nTok, allErrors: nErr, droppedLines } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const append = args.includes('--append');
  const [ocrF, srcF, outO, outG, pairsF] = args.filter((a) => a !== '--append');
  const r = makePair(readFileSync(ocrF, 'utf8'), readFileSync(srcF, 'utf8'));
  const w = append ? appendFileSync : writeFileSync;
  w(outO, r.ocrOut.map((l) => l + '\n').join(''));
  w(outG, r.goldOut.map((l) => l + '\n').join(''));
  if (pairsF) w(pairsF, r.pairs.map((p) => `${p.op}\t${p.gold}\t${p.ocr}\n`).join(''));
  process.stdout.write(JSON.stringify(r.stats) + '\n');
}
