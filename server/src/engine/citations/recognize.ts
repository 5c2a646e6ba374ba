// Recognition of citations (citations.md 2 and 3): keywords are matched on the folded shadow text,
// symbols, numbers and codes are read on the analysis text. One forward pass, no backtracking
// regular expressions: each candidate is parsed by hand from a keyword or a symbol.
import type { Span } from '../parse/model';
import type { BadSymbol, CitationDate, CitationMention, IssuerPhrase, ParsedSymbol } from './model';
import { ISSUERS, TYPE_WORDS, isLookalikeCode, isPartyType, romanValue, type TypeWord } from './lexicon';
import { parseSymbolAt } from './symbol';
import { unmarkedCapitals } from '../lookalike';
import { dateExists } from '../years';

const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** Skip whitespace including at most one line break (a blank line ends a phrase). */
function ws(f: string, i: number): number {
  let j = i, breaks = 0;
  while (j < f.length) {
    const c = f.charCodeAt(j);
    if (c === 10) { if (++breaks > 1) return j; j++; continue; }
    if (isSpace(c)) { j++; continue; }
    break;
  }
  return j;
}

/** A folded word at i: [start, end) of [a-z0-9]+ or null. */
function wordEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length && isAlnum(f.charCodeAt(j))) j++;
  return j;
}

/** Match a folded word sequence at i (whitespace between words). Returns the end or -1. */
function matchWords(f: string, i: number, words: readonly string[]): number {
  let p = i;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) { const q = ws(f, p); if (q === p) return -1; p = q; }
    const w = words[k]!;
    const e = wordEnd(f, p);
    if (e === p) return -1;
    const got = f.slice(p, e);
    if (w === '#') { if (!/^\d{1,3}$/.test(got)) return -1; }
    else if (w === '*') { if (!/^[a-z]{2,6}$/.test(got)) return -1; }
    else if (got !== w) return -1;
    p = e;
  }
  return p;
}

const boundaryBefore = (f: string, i: number): boolean => i === 0 || !isAlnum(f.charCodeAt(i - 1));

// 0 = unknown, 1 = upper case, 2 = not
const UPPER = new Uint8Array(65536);
function isUpperStart(t: string, i: number): boolean {
  const code = t.charCodeAt(i);
  if (code !== code) return false; // NaN: past the end
  if (code < 128) return code >= 65 && code <= 90;
  let v = UPPER[code]!;
  if (v === 0) {
    const c = String.fromCharCode(code);
    v = c !== c.toLowerCase() && c === c.toUpperCase() ? 1 : 2;
    UPPER[code] = v;
  }
  return v === 1;
}

function collapse(s: string): string { return s.replace(/\s+/g, ' ').trim(); }

const TYPE_FIRST = new Map<string, TypeWord[]>();
for (const tw of TYPE_WORDS) {
  const l = TYPE_FIRST.get(tw.words[0]!) ?? [];
  l.push(tw);
  TYPE_FIRST.set(tw.words[0]!, l);
}

/** A type word at i (folded, capitalised in the original). */
const FIRST_LETTERS = new Set(TYPE_WORDS.map(tw => tw.words[0]!.charCodeAt(0)));

export function typeWordAt(t: string, f: string, i: number, requireCapital = true): { tw: TypeWord; end: number } | null {
  if (!FIRST_LETTERS.has(f.charCodeAt(i)) || !boundaryBefore(f, i)) return null;
  if (requireCapital && !isUpperStart(t, i)) return null;
  const e = wordEnd(f, i);
  if (e - i > 6) return null;
  const list = TYPE_FIRST.get(f.slice(i, e));
  if (!list) return null;
  for (const tw of list) {
    const end = matchWords(f, i, tw.words);
    if (end >= 0) return { tw, end };
  }
  return null;
}

/** Edit distance between two short words, capped at 2. */
function dist1(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return 2;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1) ? 1 : 2;
  return la > lb ? (a.slice(i + 1) === b.slice(i) ? 1 : 2) : (a.slice(i) === b.slice(i + 1) ? 1 : 2);
}

/**
 * A capitalised multi-word type word with one letter damaged by OCR beyond what folding repairs
 * ("Nghị qnyết", "Kết lụận" is already fine): accepted only when a symbol follows, so that
 * prose is never read as a citation.
 */
function fuzzyTypeWordAt(t: string, f: string, i: number): { tw: TypeWord; end: number } | null {
  if (!isUpperStart(t, i) || !boundaryBefore(f, i)) return null;
  const words: { s: number; e: number }[] = [];
  let p = i;
  for (let k = 0; k < 4; k++) {
    const e = wordEnd(f, p);
    if (e === p || e - p > 7) break;
    words.push({ s: p, e });
    const q = ws(f, e);
    if (q === e) break;
    p = q;
  }
  for (const tw of TYPE_WORDS) {
    const n = tw.words.length;
    if (n < 2 || words.length < n) continue;
    let edits = 0;
    for (let k = 0; k < n && edits <= 1; k++) {
      const w = f.slice(words[k]!.s, words[k]!.e);
      const target = tw.words[k]!;
      const d = dist1(w, target);
      edits += d;
      if (d > 0 && target.length < 4) edits = 2;
    }
    if (edits !== 1) continue;
    const end = words[n - 1]!.e;
    const q = ws(f, end);
    const so = soAt(f, q);
    if (parseSymbolAt(t, so >= 0 ? so : q, so >= 0)) return { tw, end };
  }
  return null;
}

// ---------- slots ----------

function parseDate(t: string, f: string, i: number): CitationDate | null {
  let p = i;
  let e = matchWords(f, p, ['ngay']);
  if (e < 0) return null;
  let dup: Span | undefined;
  p = ws(f, e);
  const e2 = matchWords(f, p, ['ngay']);
  if (e2 >= 0) { dup = { start: p, end: e2 }; p = ws(f, e2); }
  const dEnd = wordEnd(f, p);
  const dStr = f.slice(p, dEnd);
  let d: number, m: number, y: number, end: number;
  const sep = f[dEnd];
  if (/^\d{1,2}$/.test(dStr) && (sep === '/' || sep === '-' || sep === '.')) {
    const mEnd = wordEnd(f, dEnd + 1);
    const mStr = f.slice(dEnd + 1, mEnd);
    if (!/^\d{1,2}$/.test(mStr) || f[mEnd] !== sep) return null;
    const yEnd = wordEnd(f, mEnd + 1);
    const yStr = f.slice(mEnd + 1, yEnd);
    if (!/^\d{4}$/.test(yStr)) return null;
    d = Number(dStr); m = Number(mStr); y = Number(yStr); end = yEnd;
  } else if (/^\d{1,2}$/.test(dStr)) {
    let q = ws(f, dEnd);
    const te = matchWords(f, q, ['thang']);
    if (te < 0) return null;
    q = ws(f, te);
    const mEnd = wordEnd(f, q);
    const mStr = f.slice(q, mEnd);
    if (!/^\d{1,2}$/.test(mStr)) return null;
    q = ws(f, mEnd);
    const ne = matchWords(f, q, ['nam']);
    if (ne < 0) return null;
    q = ws(f, ne);
    const yEnd = wordEnd(f, q);
    const yStr = f.slice(q, yEnd);
    if (!/^\d{4}$/.test(yStr)) return null;
    d = Number(dStr); m = Number(mStr); y = Number(yStr); end = yEnd;
  } else return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const r: CitationDate = { span: { start: p, end }, slot: { start: i, end }, y, m, d, iso, valid: dateExists(y, m, d) };
  if (dup) r.duplicateKeyword = dup;
  void t;
  return r;
}

const LOCALITY: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'thanh pho': 'thành phố', tinh: 'tỉnh', quan: 'quận', huyen: 'huyện', 'thi xa': 'thị xã', xa: 'xã', phuong: 'phường', 'dac khu': 'đặc khu',
});

/** Issuer phrase at i: [của] BODY [locality] [(khóa K)]. `needCua` requires the "của". */
function parseIssuer(t: string, f: string, i: number, needCua: boolean): IssuerPhrase | null {
  let p = i;
  const ce = matchWords(f, p, ['cua']);
  const start = p;
  if (ce >= 0) p = ws(f, ce);
  else if (needCua) return null;
  if (!isUpperStart(t, p) && ce < 0) return null;
  let best: { end: number; body: (typeof ISSUERS)[number] } | null = null;
  for (const b of ISSUERS) {
    const e = matchWords(f, p, b.words);
    if (e >= 0 && (!best || e > best.end)) best = { end: e, body: b };
  }
  if (!best) return null;
  let end = best.end;
  let name = best.body.name;
  let body = best.body.body, codes = best.body.codes;
  if (best.body.tail) {
    const q = ws(f, end);
    for (const tl of best.body.tail) {
      const e = matchWords(f, q, tl);
      if (e < 0) continue;
      const key = tl.join(' ');
      end = e; name += ' ' + (LOCALITY[key] ?? key);
      const own = best.body.tailBodies?.[key];
      if (own) { body = own.body; codes = own.codes; }
      break;
    }
  }
  const bodyEnd = end;
  // term: (khóa XIII) | khóa XI
  let term: number | undefined;
  let q = ws(f, end);
  const paren = f[q] === '(';
  if (paren) q = ws(f, q + 1);
  const ke = matchWords(f, q, ['khoa']);
  if (ke >= 0) {
    const r0 = ws(f, ke);
    const r1 = wordEnd(f, r0);
    const rv = romanValue(t.slice(r0, r1));
    if (rv !== null) {
      let e = r1;
      if (paren) { const c = ws(f, r1); if (f[c] === ')') e = c + 1; else e = -1; }
      if (e > 0) { term = rv; end = e; }
    }
  }
  const span = { start: ce >= 0 ? start : p, end };
  const r: IssuerPhrase = {
    span, bodySpan: { start: p, end: bodyEnd }, text: collapse(t.slice(span.start, span.end)), name, body,
    order: best.body.order, codes,
  };
  if (term !== undefined) r.term = term;
  return r;
}

const SUBJECT_LEADS: string[][] = [['ve', 'viec'], ['ve'], ['quy', 'dinh', 've'], ['quy', 'dinh'], ['huong', 'dan'], ['ban', 'hanh'],
  ['sua', 'doi'], ['thi', 'hanh'], ['thuc', 'hien']];

/** Subject clause ("về …") at i, ending at the boundaries of citations.md 2.5. */
function parseSubject(t: string, f: string, i: number, limit = 600): { span: Span; text: string } | null {
  let lead = -1;
  for (const l of SUBJECT_LEADS) { const e = matchWords(f, i, l); if (e >= 0) { lead = e; break; } }
  if (lead < 0) return null;
  let j = lead;
  const max = Math.min(f.length, i + limit);
  let end = j;
  while (j < max) {
    const c = f[j]!;
    if (c === ';') break;
    if (c === '\n') {
      // blank line = end of paragraph
      let k = j + 1;
      while (k < f.length && (f[k] === ' ' || f[k] === '\t' || f[k] === '\r')) k++;
      if (f[k] === '\n' || k >= f.length) break;
    }
    if (c === '.' && (j + 1 >= f.length || isSpace(f.charCodeAt(j + 1)) || f[j + 1] === '*') && !(j > 0 && isDigit(f.charCodeAt(j - 1)) && isDigit(f.charCodeAt(j + 1)))) break;
    if (c === '(' && aliasIntro(f, j) >= 0) break;
    if (c === ',' || (c === 'v' && boundaryBefore(f, j) && f.startsWith('va', j) && !isAlnum(f.charCodeAt(j + 2)))) {
      const k = ws(f, c === ',' ? j + 1 : j + 2);
      if (typeWordAt(t, f, k)) break;
    }
    // another numbered citation starts ("… gắn với Nghị quyết số 131/2020/QH14"): the subject ends
    // before it and before the words that link it ("gắn với", "và", "theo")
    if (boundaryBefore(f, j) && isAlnum(f.charCodeAt(j))) {
      const tw = typeWordAt(t, f, j);
      if (tw) {
        const q = ws(f, tw.end);
        const so = soAt(f, q);
        if (parseSymbolAt(t, so >= 0 ? so : q, so >= 0)) { end = trimLinkWords(f, lead, j); break; }
      }
    }
    if (!isSpace(f.charCodeAt(j))) end = j + 1;
    j++;
  }
  // trim trailing punctuation and Markdown emphasis
  while (end > lead && /[,:\s*_]/.test(f[end - 1]!)) end--;
  if (end <= lead) return null;
  return { span: { start: i, end }, text: collapse(t.slice(i, end)) };
}

const LINK_WORDS = ['gan voi', 'cung voi', 'va', 'theo', 'tai', 'voi'];

/** End of a subject that stops at `j`, without trailing link words and punctuation. */
function trimLinkWords(f: string, lead: number, j: number): number {
  let e = j;
  for (;;) {
    while (e > lead && (isSpace(f.charCodeAt(e - 1)) || f[e - 1] === ',')) e--;
    const w = LINK_WORDS.find(l => e - l.length >= lead && f.slice(e - l.length, e) === l && !isAlnum(f.charCodeAt(e - l.length - 1)));
    if (!w) return e;
    e -= w.length;
  }
}

/** "(viết tắt [là]", "(sau đây gọi là", "(gọi tắt là": returns the index after the intro or -1. */
function aliasIntro(f: string, i: number): number {
  if (f[i] !== '(') return -1;
  let p = ws(f, i + 1);
  const sd = matchWords(f, p, ['sau', 'day']);
  if (sd >= 0) p = ws(f, sd);
  let e = -1;
  for (const w of [['viet', 'tat'], ['goi', 'tat'], ['goi']]) { e = matchWords(f, p, w); if (e >= 0) break; }
  if (e < 0) return -1;
  p = ws(f, e);
  const la = matchWords(f, p, ['la']);
  if (la >= 0) p = ws(f, la);
  if (f[p] === ':') p = ws(f, p + 1);
  return p;
}

function parseAliasClause(t: string, f: string, i: number): { span: Span; textSpan: Span; text: string } | null {
  const p = aliasIntro(f, i);
  if (p < 0) return null;
  let j = p;
  const max = Math.min(f.length, p + 160);
  while (j < max && f[j] !== ')' && f[j] !== '(' && f[j] !== ';') j++;
  if (f[j] !== ')') return null;
  let e = j;
  while (e > p && isSpace(f.charCodeAt(e - 1))) e--;
  if (e <= p) return null;
  return { span: { start: i, end: j + 1 }, textSpan: { start: p, end: e }, text: collapse(t.slice(p, e)) };
}

// ---------- named documents ----------

interface NamedHit { end: number; key: string; title: string; full: boolean }

/** After "Nghị quyết": "Đại hội [đại biểu] [toàn quốc | Đảng bộ thành phố] [lần thứ] XI [, nhiệm kỳ …] [của Đảng]". */
function namedCongress(t: string, f: string, i: number): NamedHit | null {
  let p = matchWords(f, i, ['dai', 'hoi']);
  if (p < 0) return null;
  let full = false, national = false, local = false;
  let q = ws(f, p);
  let e = matchWords(f, q, ['dai', 'bieu']);
  if (e >= 0) { full = true; q = ws(f, e); }
  e = matchWords(f, q, ['toan', 'quoc']);
  if (e >= 0) { full = true; national = true; q = ws(f, e); }
  else {
    for (const w of [['dang', 'bo', 'thanh', 'pho'], ['dang', 'bo', 'tinh'], ['dang', 'bo']]) {
      e = matchWords(f, q, w);
      if (e >= 0) { full = true; local = true; q = ws(f, e); break; }
    }
  }
  e = matchWords(f, q, ['lan', 'thu']);
  if (e >= 0) { full = true; q = ws(f, e); }
  const rEnd = wordEnd(f, q);
  const roman = t.slice(q, rEnd);
  const rv = romanValue(roman);
  if (rv === null || roman !== roman.toUpperCase()) return null;
  p = rEnd;
  // ", nhiệm kỳ 2020 - 2025"
  let r = f[p] === ',' ? ws(f, p + 1) : ws(f, p);
  e = matchWords(f, r, ['nhiem', 'ky']);
  if (e >= 0) {
    const a = ws(f, e);
    const a1 = wordEnd(f, a);
    if (/^\d{4}$/.test(f.slice(a, a1))) {
      let b = ws(f, a1);
      if (f[b] === '-' || f[b] === '\u2013') {
        b = ws(f, b + 1);
        const b1 = wordEnd(f, b);
        if (/^\d{4}$/.test(f.slice(b, b1))) { p = b1; full = true; }
      }
    }
  }
  r = ws(f, p);
  e = matchWords(f, r, ['cua', 'dang']);
  if (e >= 0 && isUpperStart(t, ws(f, r + 3))) { p = e; national = true; full = true; }
  const R = roman.toUpperCase();
  const key = national && !local ? `NAMED NQ-ĐHTQ-${R}` : `NAMED NQ-ĐH-TP-${R}`;
  const title = national && !local ? `Nghị quyết Đại hội đại biểu toàn quốc lần thứ ${R} của Đảng` : `Nghị quyết Đại hội Đảng bộ lần thứ ${R}`;
  return { end: p, key, title, full };
}

/** After "Nghị quyết": "[Hội nghị] Trung ương N [(khóa K)]". */
function namedPlenum(t: string, f: string, i: number): NamedHit | null {
  let p = i;
  const h = matchWords(f, p, ['hoi', 'nghi']);
  if (h >= 0) p = ws(f, h);
  const e = matchWords(f, p, ['trung', 'uong', '#']);
  if (e < 0 || !isUpperStart(t, p)) return null;
  const n = f.slice(e - 3, e).replace(/\D/g, '');
  let end = e, term = '';
  let q = ws(f, e);
  const paren = f[q] === '(';
  if (paren) q = ws(f, q + 1);
  const ke = matchWords(f, q, ['khoa']);
  if (ke >= 0) {
    const r0 = ws(f, ke), r1 = wordEnd(f, r0);
    const rv = romanValue(t.slice(r0, r1));
    if (rv !== null) {
      let x = r1;
      if (paren) { const c = ws(f, r1); x = f[c] === ')' ? c + 1 : -1; }
      if (x > 0) { end = x; term = t.slice(r0, r1).toUpperCase(); }
    }
  }
  return { end, key: `NAMED NQ-TW${n}${term ? '-' + term : ''}`, title: `Nghị quyết Trung ương ${n}${term ? ` (khóa ${term})` : ''}`, full: true };
}

/** After "Luật": a capitalised title, up to punctuation, or up to "năm YYYY" in the same clause. */
function namedLaw(t: string, f: string, i: number): NamedHit | null {
  if (!isUpperStart(t, i) || !/[a-z]/.test(f[i] ?? '')) return null;
  const max = Math.min(f.length, i + 160);
  let j = i, firstPunct = -1, yearEnd = -1;
  while (j < max) {
    const c = f[j]!;
    if (c === ';' || c === '.' || c === '(' || c === ')' || c === ':' || c === '"' || c === '\u201c' || c === '\u201d') break;
    if (c === '\n') { let k = j + 1; while (k < f.length && (f[k] === ' ' || f[k] === '\r')) k++; if (f[k] === '\n') break; }
    if (c === ',' && firstPunct < 0) firstPunct = j;
    if (c === 'n' && boundaryBefore(f, j) && f.startsWith('nam', j)) {
      const a = ws(f, j + 3), a1 = wordEnd(f, a);
      if (a > j + 3 && /^\d{4}$/.test(f.slice(a, a1))) { yearEnd = a1; break; }
    }
    j++;
  }
  let end = yearEnd > 0 ? yearEnd : firstPunct > 0 ? firstPunct : j;
  while (end > i && isSpace(f.charCodeAt(end - 1))) end--;
  // at most 20 words, at least one
  const title = collapse(t.slice(i, end));
  if (!title || title.split(' ').length > 20) return null;
  return { end, key: `NAMED Luật ${title}`, title: `Luật ${title}`, full: true };
}

// ---------- the scanner ----------

export interface RecognizeOptions {
  /** Spans to ignore (HTML comments, code). Sorted. */
  skips?: Span[];
}

/** Every citation mention of a text, in document order (ids are positions in the array). */
function scan(t: string, f: string, opts: RecognizeOptions = {}): CitationMention[] {
  const out: CitationMention[] = [];
  const active: Span[] = [];
  blockSpan = (s: Span) => { active.push(s); };
  const blocked = (pos: number): boolean => {
    // positions only grow: drop expired spans (in place, no allocation on the hot path)
    let w = 0;
    for (let r = 0; r < active.length; r++) if (active[r]!.end > pos) active[w++] = active[r]!;
    active.length = w;
    for (let r = 0; r < w; r++) if (active[r]!.start <= pos) return true;
    return false;
  };
  const skips = opts.skips ?? [];
  let si = 0;
  const skipped = (pos: number): boolean => {
    while (si < skips.length && skips[si]!.end <= pos) si++;
    return si < skips.length && skips[si]!.start <= pos;
  };
  let group = 0;
  const push = (m: Omit<CitationMention, 'id' | 'key' | 'resolution'>): CitationMention => {
    const mm = { ...m, id: -1, key: null, resolution: 'unresolved' } as CitationMention;
    out.push(mm);
    return mm;
  };

  // candidate starts: type words, "Điều lệ Đảng", and symbols (digits)
  const n = f.length;
  for (let i = 0; i < n; i++) {
    const c = f.charCodeAt(i);
    if (!isAlnum(c)) continue;
    if (i > 0 && isAlnum(f.charCodeAt(i - 1))) continue; // not a word start
    if (skipped(i)) continue;
    if (isDigit(c)) {
      if (blocked(i)) continue;
      const own = afterSoAtLineStart(f, i);
      const sym = parseSymbolAt(t, i, own);
      if (sym && own) { ownNumberMarks(t, sym); i = sym.span.end - 1; continue; } // the bulletin's own number
      if (!sym && own) {
        // ... with a separator OCR misread ("Số 218-TB.HU", "Số 118:TB/HU")
        const bad = ownNumberSeparators(t, i);
        if (bad) { badSymbols.push(bad); i = bad.end - 1; }
        continue;
      }
      if (sym && afterFormWord(f, i)) { i = sym.span.end - 1; continue; } // a form's number ("Mẫu số 01/BC-UBND")
      if (sym) {
        const m = push({ kind: 'short', span: sym.span, text: collapse(sym.raw), symbol: sym });
        active.push(sym.span);
        attachTail(t, f, m, [m], sym.span.end);
        i = sym.span.end - 1;
      }
      continue;
    }
    if (f.startsWith('dieu le dang', i) && !isAlnum(f.charCodeAt(i + 12)) && isUpperStart(t, i)) {
      if (blocked(i)) continue;
      push({ kind: 'named', span: { start: i, end: i + 12 }, text: t.slice(i, i + 12), named: { key: 'NAMED Điều lệ Đảng', title: 'Điều lệ Đảng', full: true } });
      continue;
    }
    // a lower-case type word counts only when a symbol follows ("theo nghị quyết số 26-NQ/TU"):
    // generic plurals ("các nghị quyết, kết luận") never carry one
    const hit = typeWordAt(t, f, i, false) ?? (FIRST_LETTERS.has(c) || isUpperStart(t, i) ? fuzzyTypeWordAt(t, f, i) : null);
    if (!hit || blocked(i)) continue;
    const capital = isUpperStart(t, i);
    if (!capital) {
      const q = ws(f, hit.end);
      const so = soAt(f, q);
      if (!parseSymbolAt(t, so >= 0 ? so : q, so >= 0)) continue;
    }
    // a title in capitals ("THÔNG BÁO", "NGHỊ QUYẾT") over the bulletin's own number ("Số
    // 58/NQ-HĐND" opening the next line) cites nothing: the number is read as the own number
    if (titleOverOwnNumber(t, f, i, hit.end)) continue;
    const { tw } = hit;
    const typeWord = { name: tw.name, code: tw.code, span: { start: i, end: hit.end } };
    let p = ws(f, hit.end);
    // issuer first: "Quyết định của Bộ Chính trị số 31-QĐ/TW"
    let issuerFirst: IssuerPhrase | null = null;
    const iss0 = parseIssuer(t, f, p, true);
    if (iss0) {
      const q = ws(f, iss0.span.end);
      const so = soAt(f, q);
      if (so >= 0 && parseSymbolAt(t, so, true)) { issuerFirst = iss0; p = q; }
    }
    const soEnd = soAt(f, p);
    const afterSo = soEnd >= 0 ? soEnd : p;
    const sym = parseSymbolAt(t, afterSo, soEnd >= 0);
    if (sym) {
      const members: CitationMention[] = [];
      const gid = ++group;
      groupsUsed = group;
      const first = push({ kind: 'short', span: { start: i, end: sym.span.end }, text: '', typeWord, symbol: sym, group: gid });
      members.push(first);
      let end = sym.span.end;
      let lastType = typeWord;
      // coordinated members: ", 132-QD/TW" | "và Quyết định số 218-QĐ/TW"
      for (;;) {
        let q = ws(f, end);
        if (f[q] === ',') q = ws(f, q + 1);
        else {
          const ve = matchWords(f, q, ['va']);
          if (ve < 0) break;
          q = ws(f, ve);
        }
        const mStart = q;
        let tw2 = lastType;
        const h2 = typeWordAt(t, f, q);
        if (h2) { tw2 = { name: h2.tw.name, code: h2.tw.code, span: { start: q, end: h2.end } }; q = ws(f, h2.end); }
        const s2 = soAt(f, q);
        if (s2 >= 0) q = s2;
        const sym2 = parseSymbolAt(t, q, s2 >= 0);
        if (!sym2) break;
        const m2 = push({ kind: 'short', span: { start: mStart, end: sym2.span.end }, text: '', typeWord: tw2, symbol: sym2, group: gid });
        members.push(m2);
        lastType = tw2;
        end = sym2.span.end;
      }
      if (members.length === 1) delete first.group;
      if (issuerFirst) for (const m of members) m.issuer = issuerFirst;
      attachTail(t, f, members[members.length - 1]!, members, end);
      for (const m of members) {
        active.push({ start: m.span.start, end: m.span.end });
        m.text = collapse(t.slice(m.span.start, m.span.end));
      }
      i = hit.end - 1;
      continue;
    }
    // a number with separators that is no valid symbol ("Nghị quyết số 26-NQQ/TU"): malformed
    if (soEnd >= 0 || isDigit(f.charCodeAt(afterSo))) {
      const bad = badSymbolAt(t, afterSo);
      if (bad) {
        const repair = repairTypeCode(t.slice(bad.start, bad.end), tw.code);
        badSymbols.push(repair ? { ...bad, repair } : bad);
        active.push(bad);
        continue;
      }
    }
    // bare number: "Nghị quyết 98", "Nghị quyết số 98", "Nghị quyết 24 của Bộ Chính trị"
    const numEnd = wordEnd(f, afterSo);
    const num = f.slice(afterSo, numEnd);
    if (/^\d{1,4}$/.test(num) && tw.code !== 'Luật' && !/[-/.,\u2013]\d/.test(f.slice(numEnd, numEnd + 2)) && f[numEnd] !== '%' && !/[-/\u2010\u2011\u2013\u2014\u2212\u2044\u2215\uff0f]/.test(f[ws(f, numEnd)] ?? '')) {
      const m = push({ kind: 'short', span: { start: i, end: numEnd }, text: '', typeWord, bareNumber: { value: String(Number(num)), span: { start: afterSo, end: numEnd } } });
      const iss = parseIssuer(t, f, ws(f, numEnd), true);
      if (iss) { m.issuer = iss; m.span = { start: i, end: iss.span.end }; }
      m.text = collapse(t.slice(m.span.start, m.span.end));
      active.push(m.span);
      continue;
    }
    // named documents
    let named: NamedHit | null = null;
    if (tw.code === 'NQ') named = namedCongress(t, f, ws(f, hit.end)) ?? namedPlenum(t, f, ws(f, hit.end));
    else if (tw.code === 'Luật' && soEnd < 0) named = namedLaw(t, f, ws(f, hit.end));
    if (named) {
      const m = push({ kind: 'named', span: { start: i, end: named.end }, text: collapse(t.slice(i, named.end)), typeWord, named: { key: named.key, title: named.title, full: named.full } });
      active.push(m.span);
      const q = ws(f, named.end);
      const al = parseAliasClause(t, f, q);
      if (al) {
        const a = push({ kind: 'alias', span: al.span, text: collapse(t.slice(al.span.start, al.span.end)), alias: { folded: normAlias(f.slice(al.textSpan.start, al.textSpan.end)), text: al.text } });
        (a as unknown as { _of: CitationMention })._of = m;
        active.push(al.span);
      }
    }
  }
  return out;
}

function renumber(list: CitationMention[]): CitationMention[] {
  const pre = list.map(m => m); // objects
  const target = new Map<CitationMention, CitationMention>();
  for (const m of list) if (m.kind === 'alias' && (m as unknown as { _of?: CitationMention })._of) target.set(m, (m as unknown as { _of: CitationMention })._of);
  pre.forEach((m, k) => { m.id = k; });
  for (const [a, of] of target) { a.aliasOf = of.id; delete (a as unknown as { _of?: CitationMention })._of; }
  return pre;
}

/**
 * The bulletin's own number is no citation, but its codes are read like a citation's: one OCR
 * stripped of its Đ ("Số 58/NQ-HDND") is a bad symbol with the symbol, codes restored, as repair.
 */
function ownNumberMarks(t: string, sym: ParsedSymbol): void {
  const fixes = sym.problems.filter(p => p.kind === 'no-diacritic' && p.replacement !== undefined).sort((a, b) => a.span.start - b.span.start);
  if (!fixes.length) return;
  let repair = '', at = sym.span.start;
  for (const p of fixes) {
    if (p.span.start < at || p.span.end > sym.span.end) return;
    repair += t.slice(at, p.span.start) + p.replacement!;
    at = p.span.end;
  }
  repair += t.slice(at, sym.span.end);
  badSymbols.push({ start: sym.span.start, end: sym.span.end, repair, own: 'no-diacritic' });
}

/**
 * The bulletin's own number at `i` when it parses as a symbol once one of its separators, which
 * OCR read as another mark (".", ":", "_"), is put back as "-" or "/" ("218-TB.HU" ->
 * 218-TB/HU, "118:TB/HU" -> 118-TB/HU): a bad symbol with that repair. Only one such reading,
 * parsed whole without a problem, counts (else nothing is said: an own number is no citation).
 */
function ownNumberSeparators(t: string, i: number): BadSymbol | null {
  const e = symbolEnd(t, i, i);
  const raw = t.slice(i, e);
  if (!/^\d{1,5}\D/.test(raw)) return null;
  const repairs = new Set<string>();
  for (let p = 1; p < raw.length - 1; p++) {
    if (!'.:_'.includes(raw[p]!)) continue;
    for (const sep of ['-', '/']) {
      const cand = raw.slice(0, p) + sep + raw.slice(p + 1);
      const sym = parseSymbolAt(cand, 0, true);
      if (sym && sym.span.end === cand.length && sym.problems.length === 0) repairs.add(cand);
    }
  }
  return repairs.size === 1 ? { start: i, end: e, repair: [...repairs][0]!, own: 'separator' } : null;
}

/**
 * The type word at [i, end) is a title: in capitals, alone on its line but for more capitals
 * ("THÔNG BÁO NHANH") and Markdown marks, and the next line opens with "Số" and a symbol, the
 * layout of a bulletin's header.
 */
function titleOverOwnNumber(t: string, f: string, i: number, end: number): boolean {
  // (each scan stops at the first character that rules the layout out: a line of a huge
  // one-line file is never read whole, once per type word)
  let a = i;
  while (a > 0 && t[a - 1] !== '\n') {
    if (!/[\s#*_>]/.test(t[a - 1]!)) return false;
    a--;
  }
  let b = end;
  while (b < t.length && t[b] !== '\n') {
    if (!/[\p{Lu}\p{M}\s*_#]/u.test(t[b]!)) return false;
    b++;
  }
  if (/\p{Ll}/u.test(t.slice(i, end))) return false;
  const next = b + 1;
  if (next >= t.length || t[next] !== 'S') return false;
  const so = soAt(f, next);
  return so >= 0 && isDigit(f.charCodeAt(so));
}

/** Index before the spaces, tabs and colons that end just before `i`. */
function backOverSpaces(f: string, i: number): number {
  let p = i;
  while (p > 0 && (f[p - 1] === ' ' || f[p - 1] === '\t' || f[p - 1] === ':')) p--;
  return p;
}

/** Steps back from `i` over spaces (backOverSpaces) and then a word "số" if one ends there (`so`). */
function backOverSo(f: string, i: number): { p: number; so: boolean } {
  const p = backOverSpaces(f, i);
  if (p >= 2 && f[p - 1] === 'o' && f[p - 2] === 's' && (p === 2 || !isAlnum(f.charCodeAt(p - 3)))) return { p: p - 2, so: true };
  return { p, so: false };
}

/** `i` follows "Số" / "Số:" that opens its line: the header number of the bulletin itself. */
function afterSoAtLineStart(f: string, i: number): boolean {
  const b = backOverSo(f, i);
  if (!b.so) return false;
  let p = b.p;
  while (p > 0 && (f[p - 1] === ' ' || f[p - 1] === '\t' || f[p - 1] === '*' || f[p - 1] === '_')) p--;
  return p === 0 || f[p - 1] === '\n';
}

/**
 * `i` follows "mẫu" or "biểu" (a form, "Mẫu số 01/BC-UBND", "biểu mẫu số 02/TB"), maybe with
 * "số": the number of a form to fill in, not a document cited.
 */
function afterFormWord(f: string, i: number): boolean {
  const b = backOverSo(f, i);
  const p = b.so ? backOverSpaces(f, b.p) : b.p;
  const word = (w: string) => p >= w.length && f.startsWith(w, p - w.length) && (p === w.length || !isAlnum(f.charCodeAt(p - w.length - 1)));
  return word('mau') || word('bieu');
}

/** "số", "sổ", "sỗ", "SỐ", "số:" at i: returns the index after it (and spaces) or -1. */
function soAt(f: string, i: number): number {
  if (f[i] !== 's' || f[i + 1] !== 'o') return -1;
  let j = i + 2;
  if (f[j] === ':') j++;
  else if (isDigit(f.charCodeAt(j))) return j; // glued "số31-QĐ/TW"
  else if (isAlnum(f.charCodeAt(j))) return -1;
  j = ws(f, j);
  if (f[j] === ':') j = ws(f, j + 1);
  return j;
}

/** Normalised alias text: folded, whitespace collapsed, "số" dropped. */
export function normAlias(folded: string): string {
  return folded.replace(/["'\u201c\u201d\u2018\u2019]/g, '').replace(/\s+/g, ' ').trim().replace(/ so:? /g, ' ');
}

/**
 * After the last symbol of a citation (or group): [,] ngày DATE [,] [của] ISSUER [(khóa K)],
 * subject, alias clause. Date and issuer are distributed over `members`; the last member's span
 * grows to cover them. Returns the end of the consumed region.
 */
function attachTail(t: string, f: string, last: CitationMention, members: CitationMention[], from: number): number {
  let p = from;
  let q = ws(f, p);
  if (f[q] === ',') q = ws(f, q + 1);
  const date = parseDate(t, f, q);
  // The date and the issuer phrase after the group are the last symbol's; an earlier member
  // shares them unless its own symbol rules that out. Its symbol may name another issuer
  // ("Quyết định số 31-QĐ/TW, Nghị quyết số 15-NQ/TU của Tỉnh ủy": the Tỉnh ủy issued only the
  // second) or, for the date, another year ("Nghị định số 147/2024/NĐ-CP, Quy định số
  // 124-QĐ/TW ngày 04/10/2023": the Government's decree of 2024 is not of that day).
  const own = last.symbol?.issuer;
  const otherIssuer = (m: CitationMention) => m !== last && !!m.symbol && !!own && m.symbol.issuer !== own;
  if (date) {
    // (a symbol with no issuer of its own names none other: it shares the date)
    for (const m of members) {
      const otherYear = m !== last && m.symbol?.year !== undefined && m.symbol.year !== date.y;
      if (!otherYear && (!otherIssuer(m) || !m.symbol!.issuer)) m.date = date;
    }
    p = date.slot.end;
  }
  q = ws(f, p);
  if (f[q] === ',') q = ws(f, q + 1);
  if (!last.issuer) {
    const iss = parseIssuer(t, f, q, !date);
    if (iss) { for (const m of members) if (!m.issuer && !otherIssuer(m)) m.issuer = iss; p = iss.span.end; }
  }
  for (const m of members) if (m.kind === 'short' && (m.date || m.issuer)) m.kind = 'full';
  last.span = { start: last.span.start, end: Math.max(last.span.end, p) };
  // subject
  q = ws(f, p);
  const subj = parseSubject(t, f, q);
  if (subj) for (const m of members) m.subject = subj;
  let r = subj ? ws(f, subj.span.end) : q;
  const al = parseAliasClause(t, f, r);
  if (al) {
    const mm: CitationMention = {
      id: -1, kind: 'alias', span: al.span, text: collapse(t.slice(al.span.start, al.span.end)),
      alias: { folded: normAlias(f.slice(al.textSpan.start, al.textSpan.end)), text: al.text }, key: null, resolution: 'unresolved',
    };
    (mm as unknown as { _of: CitationMention })._of = last;
    pendingAliases.push(mm);
    blockSpan(al.span);
    r = al.span.end;
  }
  return Math.max(p, r);
}

/**
 * The end of a symbol-like run of characters from `i`: at most 40 of them, up to white space, a
 * comma, a semicolon or a bracket, without the full stops and colons it ends with (never before
 * `min`).
 */
function symbolEnd(t: string, i: number, min: number): number {
  let e = i;
  while (e < t.length && e - i < 40 && !/[\s,;()]/.test(t[e]!)) e++;
  while (e > min && /[.:]/.test(t[e - 1]!)) e--;
  return e;
}

/** A digits-then-separator token that parseSymbolAt rejected: its span, up to white space. */
function badSymbolAt(t: string, i: number): Span | null {
  let j = i;
  while (j < t.length && isDigit(t.charCodeAt(j))) j++;
  if (j === i || j - i > 5) return null;
  const sep = t[j];
  if (sep === undefined || !'-/\u2010\u2011\u2013\u2014\u2212\u2044\u2215\uff0f'.includes(sep)) return null;
  // a date or a number range is not a broken symbol
  if (/\d/.test(t[j + 1] ?? '')) return null;
  const e = symbolEnd(t, i, j + 1);
  if (e === j + 1 || !/[A-Za-zĐđ]/.test(t[j + 1]!)) return null;
  return { start: i, end: e };
}

/**
 * A Party symbol OCR damaged in its codes: the type code misread ("19-KI/TU" after "Kết luận
 * số", "05-CI/TU" after "Chỉ thị số": the type word's own code, when the written one is a
 * letter-for-letter look-alike of it), or a stray mark on a capital ("26-NQ/TỤ"). Returns the
 * repaired symbol when it parses cleanly, else undefined.
 */
function repairTypeCode(written: string, code: string): string | undefined {
  const bare = unmarkedCapitals(written);
  const m = /^(\d{1,5})-([^/\s-]{1,6})\/(\S+)$/u.exec(bare);
  if (!m) return undefined;
  const [, n, typ, rest] = m as unknown as [string, string, string, string];
  const fixedType = isPartyType(typ) ? typ : isPartyType(code) && isLookalikeCode(typ, code) ? code : undefined;
  if (!fixedType) return undefined;
  const fixed = `${n}-${fixedType}/${rest}`;
  if (fixed === written) return undefined;
  const p = parseSymbolAt(fixed, 0);
  return p && p.span.end === fixed.length && p.problems.length === 0 ? fixed : undefined;
}

// symbols that could not be parsed, collected by the scanner
let badSymbols: BadSymbol[] = [];
// group ids the last scan handed out (1..groupsUsed)
let groupsUsed = 0;

// alias clauses found by attachTail, collected by the scanner (module-level to keep signatures small)
let pendingAliases: CitationMention[] = [];
let blockSpan: (s: Span) => void = () => undefined;

/** Every citation mention of a text, in document order; ids are indices into the result. */
export function recognize(t: string, f: string, opts: RecognizeOptions = {}): CitationMention[] {
  return recognizeWithProblems(t, f, opts).mentions;
}

/** recognize() plus the spans of symbols that follow a type word but break the symbol grammar. */
export function recognizeWithProblems(t: string, f: string, opts: RecognizeOptions = {}): { mentions: CitationMention[]; badSymbols: BadSymbol[]; groups: number } {
  pendingAliases = [];
  badSymbols = [];
  groupsUsed = 0;
  const base = scan(t, f, opts);
  const groups = groupsUsed;
  const all = [...base, ...pendingAliases];
  pendingAliases = [];
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const bad = badSymbols;
  badSymbols = [];
  return { mentions: renumber(all), badSymbols: bad, groups };
}
