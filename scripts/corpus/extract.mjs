#!/usr/bin/env node
// Extract clean Vietnamese text from the packages unpacked by fetch.sh into
// plain UTF-8 NFC text for counting (unigrams, n-grams) and a held-out part
// for the synthetic OCR sets (scripts/ocr-synth/).
//
// usage: node scripts/corpus/extract.mjs   (rewrites all outputs; deterministic)
//
// Output (all under .cache/, gitignored; never commit the text):
//   .cache/corpus/<source>.txt          COUNTING part: one sentence a line
//   .cache/corpus/heldout/<source>.txt  HELD-OUT part: one paragraph a line,
//                                       a blank line between documents,
//                                       each document preceded by "## <docid>"
//   .cache/corpus/MANIFEST.tsv          source, license, docs, lines, tokens
//   .cache/corpus/READY                 written last
//
// SPLIT RULE (deterministic, by document): a document (one HTML page, one
// man page, one message catalogue / .ftl file, one line of the tesseract
// training text) goes to HELD-OUT when the first byte of
// sha1("<source>/<docid>") is < 26 (about 10%), else to COUNTING.  Nothing of a
// held-out document is ever in the counting files, so OCR sets rendered from
// held-out text measure on text the counts have never seen.
//
// Cleaning: markup stripped, entities decoded, NFC, Ð (U+00D0) -> Đ,
// white space collapsed; a line is kept only when it is "mostly Vietnamese":
// >= 3 word tokens, >= 75% of them shaped like Vietnamese syllables and
// >= 20% of them carrying a Vietnamese diacritic or đ.

import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RAW = path.join(ROOT, '.cache/raw');
const OUT = path.join(ROOT, '.cache/corpus');
const HELD = path.join(OUT, 'heldout');

// ---------------------------------------------------------------- helpers
function walk(dir, pred, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    let st; try { st = statSync(p); } catch { continue; } // dangling symlink
    if (st.isDirectory()) walk(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', copy: '©', reg: '®',
  trade: '™', bull: '•', middot: '·', times: '×', rarr: '→', larr: '←', shy: '' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try { return String.fromCodePoint(cp); } catch { return ' '; }
    }
    return Object.prototype.hasOwnProperty.call(NAMED, e) ? NAMED[e] : m;
  });
}

function clean(s) {
  return s.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/[\u00A0\u2000-\u200B\u202F\t]/g, ' ')
    .replace(/\s+/g, ' ').trim();
}

// Vietnamese syllable shape, on the base letters (tone and vowel marks removed,
// đ kept as d).  Loose on purpose: it only has to tell Vietnamese from English
// or code, not judge spelling.
const TONE_STRIP = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const SYL = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|oai|oay|uay|uoi|uou|ieu|yeu|uoi|uoc|oeo|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])(ch|nh|ng|[cmnpt])?$/;
const VIET_MARK = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/;
const WORD = /[\p{L}\p{M}]+/gu;

export function isVietnameseLine(line) {
  const words = line.match(WORD) || [];
  if (words.length < 3) return false;
  let shaped = 0, marked = 0;
  for (const w of words) {
    const lw = w.toLowerCase();
    if (SYL.test(TONE_STRIP(lw))) shaped++;
    if (VIET_MARK.test(lw)) marked++;
  }
  return shaped / words.length >= 0.75 && marked / words.length >= 0.2;
}

// split a paragraph into sentences at . ! ? (and … ) followed by white space
// and an upper-case letter, a digit or an opening quote/bracket
function sentences(par) {
  return par.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"“(‘])/u).map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------- readers
// each reader returns [{ id, paras: string[] }]

function htmlParas(html) {
  let s = html.replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|head|pre|code|header|nav|aside)\b[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/td|\/th|\/tr|\/div|\/dt|\/dd|\/title|p|h[1-6]|li|td|th|tr|div|dt|dd|table|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ');
  s = decodeEntities(s);
  return s.split('\n').map(clean).filter(Boolean);
}

function readLibreOfficeHelp() {
  const base = path.join(RAW, 'libreoffice-help-vi/usr/share/libreoffice/help/vi');
  return walk(base, (p) => p.endsWith('.html')).map((p) => ({
    id: path.relative(base, p), paras: htmlParas(readFileSync(p, 'utf8')),
  }));
}

function readMaintGuide() {
  const base = path.join(RAW, 'maint-guide-vi/usr/share/doc/maint-guide-vi/html');
  return walk(base, (p) => p.endsWith('.html')).map((p) => ({
    id: path.relative(base, p), paras: htmlParas(readFileSync(p, 'utf8')),
  }));
}

function roffToParas(src) {
  const paras = [];
  let cur = [];
  const flush = () => { if (cur.length) paras.push(clean(cur.join(' '))); cur = []; };
  let inNoFill = false;
  for (let line of src.split('\n')) {
    if (/^\.\s*\\"/.test(line) || /^'\\"/.test(line)) continue; // comments
    if (/^\.(nf|EX)\b/.test(line)) { flush(); inNoFill = true; continue; }
    if (/^\.(fi|EE)\b/.test(line)) { inNoFill = false; continue; }
    if (inNoFill) continue; // code/examples
    const m = /^[.']\s*([A-Za-z]+)\s*(.*)$/.exec(line);
    if (m) {
      const mac = m[1];
      if (/^(SH|SS|PP|P|LP|TP|IP|HP|sp|br|RS|RE|TH|in|ti|ne|PD|ad|na|hy|nh|ds|de|if|ie|el|so|ft|ps|vs|ce|TQ)$/.test(mac)) {
        flush();
        if (mac === 'SH' || mac === 'SS') { cur.push(m[2].replace(/^"|"$/g, '')); flush(); }
        else if (mac === 'IP' && m[2]) { /* tag of an indented paragraph: usually an option */ }
        continue;
      }
      if (/^(B|I|BI|IB|BR|RB|IR|RI|SM|SB)$/.test(mac)) line = m[2].replace(/"/g, ''); else continue;
    }
    line = line.replace(/\\f(\[[^\]]*\]|\(..|.)/g, '').replace(/\\\((..)/g, (x, c) => ({ em: '—', en: '–', lq: '“', rq: '”', aq: "'", oq: '‘', cq: '’', bu: '•', co: '©' }[c] || ' '))
      .replace(/\\\[[^\]]*\]/g, ' ').replace(/\\[-]/g, '-').replace(/\\[&|^%:]/g, '').replace(/\\e/g, '\\')
      .replace(/\\s[-+]?\d/g, '').replace(/\\\*\(..|\\\*./g, '').replace(/\\ /g, ' ').replace(/\\(.)/g, '$1');
    cur.push(line);
  }
  flush();
  return paras.filter(Boolean);
}

function readManpages() {
  const base = path.join(RAW, 'manpages-vi/usr/share/man');
  return walk(base, (p) => /\.\d\w*(\.gz)?$/.test(p)).map((p) => {
    let buf = readFileSync(p);
    if (p.endsWith('.gz')) buf = gunzipSync(buf);
    return { id: path.relative(base, p), paras: roffToParas(buf.toString('utf8')) };
  });
}

// PO: msgstr strings; accelerators and printf/placeholder syntax removed
function poStrings(src) {
  const out = [];
  let inStr = false, cur = '';
  const unq = (q) => q.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, ' ').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  for (const line of src.split('\n')) {
    const m = /^msgstr(\[\d+\])?\s+(".*")\s*$/.exec(line);
    if (m) { if (inStr && cur) out.push(cur); inStr = true; cur = unq(m[2]); continue; }
    if (inStr && /^".*"$/.test(line.trim())) { cur += unq(line.trim()); continue; }
    if (inStr) { if (cur) out.push(cur); inStr = false; cur = ''; }
  }
  if (inStr && cur) out.push(cur);
  return out.filter((s) => !/^Project-Id-Version:|^Content-Type:/m.test(s));
}

function uiClean(s) {
  return s.replace(/%(\d+\$)?[-+ #0]*\d*(\.\d+)?[hlLqjzt]*[diouxXeEfgGcsSp%]/g, ' ')
    .replace(/\$\{[^}]*\}|\{\s*\$?[\w.-]+\s*\}|\$\w+|%\w+%|<[^>]+>/g, ' ')
    .replace(/[_~&](?=\p{L})/gu, '').replace(/&([a-zA-Z]+|#\d+);/g, (m) => decodeEntities(m));
}

function catalogParas(strings) {
  const paras = [];
  for (const s of strings) for (const part of uiClean(s).split(/\n+/)) { const c = clean(part); if (c) paras.push(c); }
  return paras;
}

function readSystemPo() {
  const base = path.join(RAW, 'locale-vi');
  return walk(base, (p) => p.endsWith('.po')).map((p) => ({
    id: path.basename(p), paras: catalogParas(poStrings(readFileSync(p, 'utf8'))),
  }));
}

function readLibreOfficeL10n() {
  // .mo files are converted to .po text with msgunfmt by this function's caller (fetch.sh converts
  // only the system ones), so do it here with a child process
  const base = path.join(RAW, 'libreoffice-l10n-vi');
  const mos = walk(base, (p) => p.endsWith('.mo'));
  const docs = [];
  for (const mo of mos) {
    const po = mo + '.po';
    if (!existsSync(po)) {
      execSync(`msgunfmt ${JSON.stringify(mo)} -o ${JSON.stringify(po)}`);
    }
    if (!existsSync(po)) continue; // msgunfmt writes nothing for an empty catalogue
    docs.push({ id: path.relative(base, mo), paras: catalogParas(poStrings(readFileSync(po, 'utf8'))) });
  }
  // .xcd (XML registry) labels
  for (const x of walk(base, (p) => p.endsWith('.xcd'))) {
    const vals = [...readFileSync(x, 'utf8').matchAll(/<value[^>]*xml:lang="vi"[^>]*>([^<]*)<\/value>/g)].map((m) => decodeEntities(m[1]));
    docs.push({ id: path.relative(base, x), paras: catalogParas(vals) });
  }
  return docs;
}

function readMozilla(pkg) {
  const base = path.join(RAW, pkg);
  const files = walk(base, (p) => /\.(ftl|properties|dtd)$/.test(p));
  return files.map((p) => {
    const src = readFileSync(p, 'utf8');
    const vals = [];
    if (p.endsWith('.ftl')) {
      for (const line of src.split('\n')) {
        if (/^\s*#/.test(line)) continue;
        const m = /^\s*(?:[\w.-]+\s*=|\.[\w-]+\s*=|\*?\[[\w-]+\]|)\s*(.*)$/.exec(line);
        if (m && m[1] && !/^[{}]\s*$/.test(m[1]) && !/^-?[\w-]+\s*=\s*$/.test(line)) vals.push(m[1].replace(/\{[^{}]*\}/g, ' '));
      }
    } else if (p.endsWith('.properties')) {
      for (const line of src.split('\n')) {
        if (/^\s*[#!]/.test(line)) continue;
        const m = /^[^=:\s]+\s*[=:]\s*(.*)$/.exec(line);
        if (m) vals.push(m[1].replace(/\\u([0-9a-fA-F]{4})/g, (x, h) => String.fromCharCode(parseInt(h, 16))).replace(/;/g, '\n'));
      }
    } else {
      for (const m of src.matchAll(/<!ENTITY\s+\S+\s+"([^"]*)"\s*>/g)) vals.push(decodeEntities(m[1]));
    }
    return { id: path.relative(base, p), paras: catalogParas(vals) };
  });
}

function readTesseractTraining() {
  const f = path.resolve(ROOT, '../shared/data/tesseract-langdata-vie/vie.training_text');
  if (!existsSync(f)) return [];
  return readFileSync(f, 'utf8').split('\n').map((l, i) => ({ id: `line${i + 1}`, paras: [clean(l)].filter(Boolean) }));
}

import { execSync } from 'node:child_process';

const SOURCES = [
  { name: 'libreoffice-help', license: 'MPL-2.0', read: readLibreOfficeHelp },
  { name: 'libreoffice-ui', license: 'MPL-2.0', read: readLibreOfficeL10n },
  { name: 'firefox-ui', license: 'MPL-2.0', read: () => readMozilla('firefox-esr-l10n-vi') },
  { name: 'thunderbird-ui', license: 'MPL-2.0', read: () => readMozilla('thunderbird-l10n-vi') },
  { name: 'manpages', license: 'GPL-3+ (manpages-l10n translations)', read: readManpages },
  { name: 'maint-guide', license: 'GPL-2+ (maint-guide)', read: readMaintGuide },
  { name: 'system-po', license: 'per package (mostly GPL/LGPL; see SOURCES.md)', read: readSystemPo },
  { name: 'tesseract-training', license: 'Apache-2.0', read: readTesseractTraining },
];

// ---------------------------------------------------------------- main
function isHeldOut(source, id) {
  return createHash('sha1').update(`${source}/${id}`).digest()[0] < 26;
}

mkdirSync(HELD, { recursive: true });
const manifest = [['source', 'license', 'docs', 'count_docs', 'count_lines', 'count_tokens', 'heldout_docs', 'heldout_paras', 'heldout_tokens'].join('\t')];
let total = 0, totalHeld = 0;
const heldBySource = [];
const seenAll = new Set(); // every counting sentence, all sources
for (const src of SOURCES) {
  const outF = path.join(OUT, `${src.name}.txt`);
  const heldF = path.join(HELD, `${src.name}.txt`);
  const docs = src.read();
  const count = [], held = [];
  let cDocs = 0, hDocs = 0, cTok = 0, hTok = 0, hParas = 0;
  const seen = new Set();
  for (const d of docs) {
    const keep = [];
    for (const p of d.paras) {
      for (const s of sentences(p)) {
        if (!isVietnameseLine(s)) continue;
        keep.push(s);
      }
    }
    if (!keep.length) continue;
    if (isHeldOut(src.name, d.id)) {
      hDocs++;
      const paras = d.paras.filter((p) => isVietnameseLine(p));
      if (!paras.length) continue;
      held.push(`## ${d.id}`, ...paras, '');
      hParas += paras.length;
      for (const p of paras) hTok += (p.match(WORD) || []).length;
    } else {
      cDocs++;
      for (const s of keep) {
        // UI catalogues repeat the same string many times: keep one copy per source
        if (seen.has(s)) continue;
        seen.add(s);
        seenAll.add(s);
        count.push(s);
        cTok += (s.match(WORD) || []).length;
      }
    }
  }
  writeFileSync(outF, count.join('\n') + '\n');
  heldBySource.push({ heldF, held });
  manifest.push([src.name, src.license, docs.length, cDocs, count.length, cTok, hDocs, hParas, hTok].join('\t'));
  total += cTok; totalHeld += hTok;
  process.stderr.write(`extract: ${src.name}: counting ${cTok} tokens in ${count.length} lines; held-out ${hTok} tokens\n`);
}
// A held-out paragraph any of whose sentences also occurs in the counting part
// (shared boilerplate, repeated UI strings) is dropped from the held-out part.
let dropped = 0;
for (const { heldF, held } of heldBySource) {
  const kept = held.filter((l) => {
    if (!l || l.startsWith('## ')) return true;
    const dup = sentences(l).some((s) => seenAll.has(s));
    if (dup) dropped++;
    return !dup;
  });
  writeFileSync(heldF, kept.join('\n') + '\n');
}
process.stderr.write(`extract: dropped ${dropped} held-out paragraphs that also occur in the counting part\n`);
writeFileSync(path.join(OUT, 'MANIFEST.tsv'), manifest.join('\n') + '\n');
writeFileSync(path.join(OUT, 'READY'), `counting_tokens\t${total}\nheldout_tokens\t${totalHeld}\n`);
process.stderr.write(`extract: total counting ${total} word tokens, held-out ${totalHeld}\n`);
