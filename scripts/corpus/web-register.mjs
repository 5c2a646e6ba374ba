#!/usr/bin/env node
// Register text from stored public web pages -> derived counts only.
//
// Input: .cache/web/*.txt (gitignored; --in for another folder), excerpts of public Vietnamese
// pages of the bulletin register (provincial party committees, people's councils,
// socio-economic reports), collected through the project's search tool; each excerpt is
// "@@ <url>" followed by its text. The text is never committed or shipped, and is best deleted
// once counted (see scripts/corpus/SOURCES.md).
//
// Output:
//   scripts/data/web-register-counts.tsv  committed: syllable, pair and triple counts of the
//                                         COUNTING part (triples seen at least twice) and the
//                                         acronyms seen at least twice (kind A), which
//                                         scripts/data/build.mjs adds to the model
//   .cache/corpus/heldout-web/web-register.txt  the HELD-OUT part (about 10% of the pages,
//                                         by sha1 of the url), for synthetic OCR sets
//   a report on stdout: pages kept / dropped and why
//
// What is dropped, and why:
//   - anything about the Ho Chi Minh City party committee and its bulletins (urls of its
//     sites, "Thông báo nhanh", "Thủ Thiêm", "Thành ủy ... Hồ Chí Minh"): the product's seeds
//     and development set are such bulletins, and text like them that the checker is measured
//     on must not be in its counts;
//   - any page that is largely a copy of a seed: 20 or more, or a fifth of its, 12-word
//     sequences also in seeds/ (the genre's fixed titles and formulas share a few), and the same
//     for the composed bulletin pages of scripts/ocr-synth/ (the synthetic sets, holdouts too);
//   - lines that are not mostly Vietnamese (same rule as extract.mjs), repeated lines, repeated
//     urls.
//
// A later collection goes in its own folder and its own counts file, so the earlier counts stay
// as they are (their pages are gone); --known drops the pages those counts already hold: a page
// every one of whose syllable pairs (at least 15) is among the known file's pairs was almost
// surely counted there (a page's rarer pairs would be missing otherwise).
//
// usage: node scripts/corpus/web-register.mjs [--check]   (--check: report only, write nothing)
//          [--in .cache/web] [--out scripts/data/web-register-counts.tsv]
//          [--held .cache/corpus/heldout-web/web-register.txt] [--known COUNTS.tsv]
//   second collection: --in .cache/web2 --out scripts/data/web-register-counts-2.tsv
//          --held .cache/corpus/heldout-web/web-register-2.txt --known scripts/data/web-register-counts.tsv
//   third collection (measured, not adopted: its counts stay out of scripts/data/, which
//   build.mjs reads whole; see SOURCES.md): --in .cache/web3 --out .cache/web-register-counts-3.tsv
//          --held .cache/corpus/heldout-web/web-register-3.txt --known scripts/data/web-register-counts.tsv
//          --known scripts/data/web-register-counts-2.tsv
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrthography, countText, countStarts } from '../data/count.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? path.resolve(ROOT, argv[i + 1]) : dflt; };
const WEB = opt('--in', path.join(ROOT, '.cache/web'));
const COUNTS = opt('--out', path.join(ROOT, 'scripts/data/web-register-counts.tsv'));
const HELD_FILE = opt('--held', path.join(ROOT, '.cache/corpus/heldout-web/web-register.txt'));
// --starts FILE: also write how often each syllable opens a clause in the counting part
const STARTS = opt('--starts', undefined);
// --known may be given more than once (a third collection checks against both earlier ones)
const KNOWN = argv.flatMap((a, i) => (a === '--known' && argv[i + 1] ? [path.resolve(ROOT, argv[i + 1])] : []));
const check = argv.includes('--check');

const EXCLUDE_URL = /hcmcpv|sggp|hochiminhcity|tphcm|thanhuytphcm|hcm\.gov|\.hcm\./i;
// not the register, or damaged: betting sites that copy news with words changed, and document
// sharing sites whose text went through a broken font conversion ("nơng thơn")
const EXCLUDE_NOISE = /bongda|casino|nhacai|nha-cai|123doc|sportnews|thethaonews|tinbong/i;
const EXCLUDE_TEXT = /thông báo nhanh|thủ thiêm|thành ủy (thành phố |tp\.? ?)?hồ chí minh|thành ủy tp\.? ?hcm|thành ủy tphcm|đảng bộ (thành phố |tp\.? ?)hồ chí minh|đảng bộ tp\.? ?hcm/iu;

const { ortho, syl } = await loadOrthography(ROOT);

/** Lower-case letter-only words of a text, for overlap checks. */
const words = t => t.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const grams = (ws, n) => { const g = new Set(); for (let i = 0; i + n <= ws.length; i++) g.add(ws.slice(i, i + n).join(' ')); return g; };
const seedGrams = new Set();
// the seeds, and the composed bulletin pages the synthetic OCR sets (holdouts included) are made of
for (const dir of ['seeds', 'scripts/ocr-synth/bulletin', 'scripts/ocr-synth/bulletin2', 'scripts/ocr-synth/bulletin3', 'scripts/ocr-synth/bulletin4', 'scripts/ocr-synth/bulletin5']) {
  const d = path.join(ROOT, dir);
  if (!existsSync(d)) continue;
  for (const f of readdirSync(d).filter(f => /\.(txt|md)$/.test(f) && f !== 'README.md')) {
    for (const g of grams(words(readFileSync(path.join(d, f), 'utf8')), 12)) seedGrams.add(g);
  }
}

/** extract.mjs's rule: >= 3 words, >= 75% syllable-shaped, >= 20% with a Vietnamese mark. */
function mostlyVietnamese(line) {
  const ws = line.split(/\s+/).map(w => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(w => /\p{L}/u.test(w));
  if (ws.length < 3) return false;
  let shaped = 0, marked = 0;
  for (const w of ws) {
    if (syl(w)) shaped++;
    if (ortho.hasVietnameseMarks(w.toLowerCase())) marked++;
  }
  return shaped >= 0.75 * ws.length && marked >= 0.2 * ws.length;
}

const files = existsSync(WEB) ? readdirSync(WEB).filter(f => f.endsWith('.txt')).sort() : [];
if (!files.length) { console.error(`web-register: no excerpts in ${path.relative(ROOT, WEB)}/`); process.exit(1); }
const pages = new Map(); // url -> text (first copy wins)
let entries = 0;
for (const f of files) {
  const text = readFileSync(path.join(WEB, f), 'utf8').normalize('NFC').replace(/\r/g, '');
  for (const part of text.split(/^@@ /m).slice(1)) {
    const nl = part.indexOf('\n');
    const url = (nl < 0 ? part : part.slice(0, nl)).trim();
    const body = nl < 0 ? '' : part.slice(nl + 1);
    entries++;
    if (!pages.has(url)) pages.set(url, body);
    else if (body.length > pages.get(url).length) pages.set(url, body);
  }
}
/** Pairs of an earlier counts file (--known). */
const knownPairs = new Set();
for (const k of KNOWN) for (const r of readFileSync(k, 'utf8').split('\n')) if (r.startsWith('2\t')) knownPairs.add(r.split('\t')[1]);
const why = { url: 0, text: 0, seed: 0, empty: 0, known: 0 };
const seenLines = new Set();
const counting = [], held = [];
for (const [url, body] of [...pages].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (EXCLUDE_URL.test(url) || EXCLUDE_NOISE.test(url)) { why.url++; continue; }
  if (EXCLUDE_TEXT.test(body)) { why.text++; continue; }
  const own = grams(words(body), 12);
  let shared = 0;
  for (const g of own) if (seedGrams.has(g)) shared++;
  if (shared >= 20 || (own.size > 0 && shared >= 0.2 * own.size)) { why.seed++; continue; }
  const lines = [];
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\u00d0/g, 'Đ').replace(/\s+/g, ' ').trim();
    if (!line || seenLines.has(line) || !mostlyVietnamese(line)) continue;
    seenLines.add(line);
    lines.push(line);
  }
  if (!lines.length) { why.empty++; continue; }
  if (knownPairs.size) {
    const own = [...countText(lines.join('\n'), syl, undefined, { cutNames: true }).cb.keys()];
    if (own.length >= 15 && own.every(k => knownPairs.has(k))) { why.known++; continue; }
  }
  const heldOut = createHash('sha1').update('web/' + url).digest()[0] < 26;
  (heldOut ? held : counting).push({ url, lines });
}
const countingText = counting.map(p => p.lines.join('\n')).join('\n');
const counted = countText(countingText, syl, undefined, { cutNames: true });
// codes in capitals as written (UBND, HĐND, MTTQ): the engine's list of known acronyms, which
// it uses to repair OCR damage to them ("HDND", "UBNI")
const acronyms = new Map();
for (const m of countingText.matchAll(/(?<![\p{L}\p{N}])[A-ZĐ]{2,8}(?![\p{L}\p{N}])/gu)) {
  if (syl(m[0]) === '#') acronyms.set(m[0], (acronyms.get(m[0]) ?? 0) + 1);
}
const heldTokens = countText(held.map(p => p.lines.join('\n')).join('\n'), syl).tokens;
console.log(`web-register: ${entries} excerpts, ${pages.size} pages; dropped ${why.url} by url, ${why.text} by text (HCMC party bulletins), ${why.seed} sharing text with seeds/ or the composed test pages, ${why.empty} with no Vietnamese line${KNOWN.length ? `, ${why.known} already in ${KNOWN.map(k => path.relative(ROOT, k)).join(' or ')}` : ''}`);
console.log(`web-register: counting ${counting.length} pages, ${counted.tokens} syllable tokens; held-out ${held.length} pages, ${heldTokens} tokens`);
if (check) process.exit(0);

const rows = [`# ${path.basename(COUNTS)}: derived counts of public Vietnamese web pages of the bulletin register`,
  '# (scripts/corpus/web-register.mjs; no text). Rows: n<TAB>syllables<TAB>count; A<TAB>acronym<TAB>count',
  `# tokens\t${counted.tokens}`];
const sorted = m => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [k, v] of sorted(counted.cu)) rows.push(`1\t${k}\t${v}`);
for (const [k, v] of sorted(counted.cb)) rows.push(`2\t${k}\t${v}`);
for (const [k, v] of sorted(counted.ct)) if (v >= 2) rows.push(`3\t${k}\t${v}`);
for (const [k, v] of sorted(acronyms)) if (v >= 2) rows.push(`A\t${k}\t${v}`);
writeFileSync(COUNTS, rows.join('\n') + '\n');
mkdirSync(path.dirname(HELD_FILE), { recursive: true });
writeFileSync(HELD_FILE, held.map(p => `## ${p.url}\n${p.lines.join('\n')}\n`).join('\n'));
console.log(`web-register: wrote ${path.relative(ROOT, COUNTS)} (${rows.length - 3} rows) and ${path.relative(ROOT, HELD_FILE)}`);
if (STARTS) {
  const st = countStarts(countingText, syl);
  const out = [`# ${path.basename(STARTS)}: how often each syllable opens a sentence (S) or another clause (C) in public`,
    '# Vietnamese web pages of the bulletin register (scripts/corpus/web-register.mjs --starts; no text).',
    '# Rows: S|C<TAB>syllable<TAB>count'];
  for (const kind of ['S', 'C']) for (const [k, v] of sorted(st[kind])) out.push(`${kind}\t${k}\t${v}`);
  writeFileSync(STARTS, out.join('\n') + '\n');
  console.log(`web-register: wrote ${path.relative(ROOT, STARTS)} (${st.S.size} + ${st.C.size} syllables, ${st.tokens} starts)`);
}
