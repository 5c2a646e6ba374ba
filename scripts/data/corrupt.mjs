#!/usr/bin/env node
// Quick synthetic OCR damage for tuning when no rendered+tesseract set is at hand: applies
// OCR-typical diacritic and letter damage to clean text with a seeded RNG and writes
// <out>/<name>.ocr.txt + <name>.gold.txt pairs (token-aligned: only words change).
// The real test of the model is rendered-and-OCRed text (.cache/ocr-synth, scripts/ocr-synth/);
// this set only gives a second, different damage distribution to check against.
//
// usage: node scripts/data/corrupt.mjs --out .cache/spell-synth [--rate 0.07] [--seed 1] FILE...
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); if (i < 0) return d; const v = args[i + 1]; args.splice(i, 2); return v; };
const out = opt('--out', '.cache/spell-synth');
const rate = +opt('--rate', '0.07');
let seed = +opt('--seed', '1');
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const MODS = { a: ['a', 'ă', 'â'], e: ['e', 'ê'], o: ['o', 'ô', 'ơ'], u: ['u', 'ư'] };
const BASE = {};
for (const [b, vs] of Object.entries(MODS)) for (const v of vs) BASE[v] = b;
const LETTER_CONF = [['n', 'u'], ['u', 'n'], ['c', 'e'], ['e', 'c'], ['h', 'b'], ['i', 'l'], ['l', 'i'], ['t', 'l'], ['o', 'a'], ['a', 'o'], ['rn', 'm'], ['m', 'rn'], ['tr', 'u'], ['o', 'p'], ['nh', 'uh']];

function decompose(w) {
  // -> { letters: [{base, tone}] } with NFD tone marks separated from modifiers
  return [...w.normalize('NFC')].map(ch => {
    const d = ch.normalize('NFD');
    let tone = '';
    let rest = '';
    for (const c of d) { if (TONES.includes(c) && c) tone = c; else rest += c; }
    return { base: rest.normalize('NFC'), tone };
  });
}
const compose = ls => ls.map(l => (l.base + l.tone).normalize('NFC')).join('');

function corrupt(w) {
  const ls = decompose(w);
  const vowels = ls.map((l, i) => ('aăâeêioôơuưy'.includes(l.base.toLowerCase()) ? i : -1)).filter(i => i >= 0);
  const toned = ls.findIndex(l => l.tone);
  const r = rnd();
  if (r < 0.45 && vowels.length) {
    // tone change (incl. to none)
    const at = toned >= 0 ? toned : vowels[vowels.length - 1];
    const cur = ls[at].tone;
    const opts = TONES.filter(t => t !== cur);
    ls[at].tone = pick(opts);
  } else if (r < 0.65 && vowels.length) {
    const at = pick(vowels);
    const lower = ls[at].base.toLowerCase();
    const b = BASE[lower];
    if (!b) return null;
    const alt = MODS[b].filter(x => x !== lower);
    const nb = pick(alt);
    ls[at].base = ls[at].base === lower ? nb : nb.toUpperCase();
  } else if (r < 0.72) {
    const at = ls.findIndex(l => l.base.toLowerCase() === 'đ' || l.base.toLowerCase() === 'd');
    if (at < 0) return null;
    const m = { d: 'đ', đ: 'd', D: 'Đ', Đ: 'D' };
    ls[at].base = m[ls[at].base];
  } else if (r < 0.87) {
    const s = compose(ls);
    const cands = LETTER_CONF.filter(([a]) => s.includes(a));
    if (!cands.length) return null;
    const [a, b] = pick(cands);
    const i = s.indexOf(a);
    return s.slice(0, i) + b + s.slice(i + a.length);
  } else if (vowels.length >= 2) {
    // a stray second mark (invalid)
    const at = pick(vowels.filter(i => i !== toned));
    ls[at].tone = pick(TONES.slice(1));
  } else return null;
  const res = compose(ls);
  return res === w ? null : res;
}

mkdirSync(out, { recursive: true });
for (const f of args) {
  const text = readFileSync(f, 'utf8').normalize('NFC');
  let changed = 0, words = 0;
  const ocr = text.replace(/[\p{L}\p{M}]+/gu, (w, off) => {
    words++;
    // leave markup words and numbers alone
    if (text[off - 1] === '<' || text[off - 1] === '/' || !/[a-zA-ZÀ-ỹ]/.test(w)) return w;
    if (rnd() >= rate) return w;
    const c = corrupt(w);
    if (!c) return w;
    changed++;
    return c;
  });
  const name = path.basename(f).replace(/\.(txt|md)$/, '');
  writeFileSync(path.join(out, name + '.ocr.txt'), ocr);
  writeFileSync(path.join(out, name + '.gold.txt'), text);
  console.log(`${name}: ${changed}/${words} words damaged`);
}
