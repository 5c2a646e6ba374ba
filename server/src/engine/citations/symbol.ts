// Hand-written, linear parser for document symbols (citations.md 1, 3.3): Party `26-NQ/TU`,
// QH `98/2023/QH15`, normative `73/2023/NĐ-CP`, administrative `71/NQ-HĐND`, công văn
// `6985/VPCP-KTN`. Separators may carry spaces and one line break (`71/NQ-⏎HĐND`).
import type { Span } from '../parse/model';
import type { ParsedSymbol, SymbolProblem } from './model';
import { isKnownStateIssuer, isPartyType, isStateType, PARTY_ISSUERS, repairDiacritics } from './lexicon';

const HYPHENS = '-\u2010\u2011\u2013\u2014\u2212';
const SLASHES = '/\u2044\u2215\uFF0F';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
function isUpperCode(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || ch === 'Đ' || ch === 'Ð' || ch === 'Ư';
}
function isCodeChar(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === 'Đ' || ch === 'đ' || ch === 'Ð' || ch === 'Ư' || ch === 'ư';
}
function isWordChar(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Skip spaces/tabs, at most one line break, spaces/tabs. Returns the new index. */
export function skipSepWs(t: string, i: number): number {
  let j = i;
  while (j < t.length && (t[j] === ' ' || t[j] === '\t')) j++;
  if (t[j] === '\r') j++;
  if (t[j] === '\n') j++;
  while (j < t.length && (t[j] === ' ' || t[j] === '\t')) j++;
  return j;
}

function readDigits(t: string, i: number, max: number): number {
  let j = i;
  while (j < t.length && j - i < max + 1 && isDigit(t.charCodeAt(j))) j++;
  return j;
}

function readCode(t: string, i: number, max: number, digits: boolean): number {
  let j = i;
  while (j < t.length && j - i <= max && (isCodeChar(t[j]!) || (digits && j > i && isDigit(t.charCodeAt(j))))) j++;
  return j;
}

/** Separator at i (after optional ws): returns [kind, index after separator and ws] or null. */
function sepAt(t: string, i: number): ['-' | '/', number] | null {
  const j = skipSepWs(t, i);
  const c = t[j];
  if (c === undefined) return null;
  if (HYPHENS.includes(c)) return ['-', skipSepWs(t, j + 1)];
  if (SLASHES.includes(c)) return ['/', skipSepWs(t, j + 1)];
  return null;
}

const canonParty = (c: string): string | null => (isPartyType(c) ? c : null);

/** Parse a symbol starting at `i` (a digit). Returns null when there is none. */
export function parseSymbolAt(t: string, i: number, afterSo = false): ParsedSymbol | null {
  if (!isDigit(t.charCodeAt(i))) return null;
  const prev = t[i - 1];
  if (prev !== undefined && !afterSo && (isDigit(prev.charCodeAt(0)) || SLASHES.includes(prev) || /[\p{L}]/u.test(prev) || prev === '.' || prev === ',')) return null;
  const numEnd = readDigits(t, i, 5);
  if (numEnd - i > 5) return null;
  const number = t.slice(i, numEnd);
  const s1 = sepAt(t, numEnd);
  if (!s1) return null;
  const problems: SymbolProblem[] = [];
  if (s1[0] === '-') return parseParty(t, i, number, s1[1], problems);
  // slash: year (normative) or code (administrative / công văn)
  const a = s1[1];
  if (isDigit(t.charCodeAt(a))) {
    const yEnd = readDigits(t, a, 4);
    if (yEnd - a !== 4) return null;
    const year = Number(t.slice(a, yEnd));
    if (year < 1945 || year > 2099) return null;
    const s2 = sepAt(t, yEnd);
    if (!s2 || s2[0] !== '/') return null;
    return parseNormative(t, i, number, year, s2[1], problems);
  }
  return parseAdmin(t, i, number, a, problems);
}

function endOk(t: string, e: number): boolean {
  return !isWordChar(t[e]);
}

function parseParty(t: string, start: number, number: string, a: number, problems: SymbolProblem[]): ParsedSymbol | null {
  const typeEnd = readCode(t, a, 6, false);
  if (typeEnd === a) return null;
  const typeRaw = t.slice(a, typeEnd);
  const typeFixed = repairDiacritics(typeRaw, (c) => canonParty(c) !== null);
  const typeCode = typeFixed ?? (isPartyType(typeRaw.replace(/Ð/g, 'Đ')) ? typeRaw.replace(/Ð/g, 'Đ') : null);
  if (!typeCode) return null;
  if (typeFixed && typeFixed !== typeRaw && typeRaw.replace(/Ð/g, 'Đ') !== typeFixed) {
    problems.push({ kind: 'no-diacritic', span: { start: a, end: typeEnd }, replacement: typeFixed });
  }
  const s2 = sepAt(t, typeEnd);
  if (!s2 || s2[0] !== '/') return null;
  const b = s2[1];
  if (!isUpperCode(t[b] ?? '')) return null;
  let issuerEnd = readCode(t, b, 12, false);
  let issuerRaw = t.slice(b, issuerEnd);
  if (!/^[A-ZĐÐƯ]{2,12}$/.test(issuerRaw)) return null;
  // joint issuers: -CODE
  while (HYPHENS.includes(t[issuerEnd] ?? '') && isUpperCode(t[issuerEnd + 1] ?? '')) {
    const e2 = readCode(t, issuerEnd + 1, 12, false);
    const part = t.slice(issuerEnd + 1, e2);
    if (!/^[A-ZĐÐƯ]{2,12}$/.test(part)) break;
    issuerEnd = e2;
  }
  if (!endOk(t, issuerEnd)) return null;
  issuerRaw = t.slice(b, issuerEnd);
  let issuer = issuerRaw.replace(/Ð/g, 'Đ');
  const parts = issuer.split('-');
  const fixedParts = parts.map((p) => {
    if (p === 'TƯ') return 'TU';
    return repairDiacritics(p, (c) => PARTY_ISSUERS.has(c)) ?? p;
  });
  let off = b;
  parts.forEach((p, k) => {
    const fp = fixedParts[k]!;
    const span = { start: off, end: off + p.length };
    if (p === 'TƯ') problems.push({ kind: 'tu-hook', span, replacement: 'TU', alternatives: ['TW'] });
    else if (fp !== p) problems.push({ kind: 'no-diacritic', span, replacement: fp });
    else if (!PARTY_ISSUERS.has(p)) problems.push({ kind: 'unknown-issuer', span });
    off += p.length + 1;
  });
  issuer = fixedParts.join('-');
  const n = stripNumber(number);
  return {
    span: { start, end: issuerEnd }, raw: t.slice(start, issuerEnd), family: 'party', number,
    typeCode, typeSpan: { start: a, end: typeEnd }, issuer, issuerSpan: { start: b, end: issuerEnd },
    canonical: `${pad(n)}-${typeCode}/${issuer}`, problems,
  };
}

function stripNumber(n: string): string { return String(Number(n)); }
/** Canonical number: numbers below 10 with a leading zero (the official style). */
function pad(n: string): string { return n.length === 1 ? '0' + n : n; }

function parseNormative(t: string, start: number, number: string, year: number, a: number, problems: SymbolProblem[]): ParsedSymbol | null {
  const codeEnd = readCode(t, a, 8, true);
  if (codeEnd === a) return null;
  const code = t.slice(a, codeEnd);
  const m = /^(UBTVQH|QH)(\d{1,2})?$/.exec(code);
  if (m) {
    if (!endOk(t, codeEnd)) return null;
    const base = m[1]!;
    const k = m[2] ? Number(m[2]) : undefined;
    if (k === undefined) problems.push({ kind: 'no-legislature', span: { start: a, end: codeEnd } });
    const issuer = k === undefined ? base : base + k;
    return {
      span: { start, end: codeEnd }, raw: t.slice(start, codeEnd), family: 'qh', number, year,
      issuer, issuerSpan: { start: a, end: codeEnd }, legislature: k,
      canonical: `${pad(stripNumber(number))}/${year}/${issuer}`, problems,
    };
  }
  const typePart = readCode(t, a, 5, false);
  const typeRaw = t.slice(a, typePart);
  const typeCode = stateType(typeRaw, { start: a, end: typePart }, problems);
  if (!typeCode) return null;
  const s = sepAt(t, typePart);
  if (!s || s[0] !== '-') return null;
  const iss = readIssuers(t, s[1], problems);
  if (!iss) return null;
  return {
    span: { start, end: iss.end }, raw: t.slice(start, iss.end), family: 'qppl', number, year,
    typeCode, typeSpan: { start: a, end: typePart }, issuer: iss.issuer, issuerSpan: { start: s[1], end: iss.end },
    legislature: iss.legislature, canonical: `${pad(stripNumber(number))}/${year}/${typeCode}-${iss.issuer}`, problems,
  };
}

function stateType(raw: string, span: Span, problems: SymbolProblem[]): string | null {
  const c = raw.replace(/Ð/g, 'Đ');
  if (isStateType(c)) return c;
  const fixed = repairDiacritics(c, isStateType);
  if (fixed) { problems.push({ kind: 'no-diacritic', span, replacement: fixed }); return fixed; }
  return null;
}

/** ISSUER(-UNIT)* after a hyphen; repairs HDND -> HĐND and spots UBTVQH without legislature. */
function readIssuers(t: string, b: number, problems: SymbolProblem[]): { end: number; issuer: string; legislature?: number } | null {
  if (!isUpperCode(t[b] ?? '')) return null;
  let end = readCode(t, b, 16, true);
  const parts: { s: number; e: number }[] = [{ s: b, e: end }];
  for (;;) {
    const s = sepAt(t, end);
    // a further group must follow directly (no line break needed) and start with a capital
    if (!s || s[0] !== '-' || !isUpperCode(t[s[1]] ?? '')) break;
    // do not swallow a following word: groups are short codes without lower-case runs of 3+
    const e2 = readCode(t, s[1], 25, true);
    const g = t.slice(s[1], e2);
    if (/[a-zđư]{3,}/.test(g) || s[1] - end > 2) break;
    parts.push({ s: s[1], e: e2 });
    end = e2;
  }
  if (!endOk(t, end)) return null;
  const out: string[] = [];
  let legislature: number | undefined;
  for (const p of parts) {
    const raw = t.slice(p.s, p.e).replace(/Ð/g, 'Đ');
    if (/[a-zđư]{3,}/.test(raw)) return null;
    let fixed = raw;
    if (!isKnownStateIssuer(raw)) {
      const r = repairDiacritics(raw, isKnownStateIssuer);
      if (r) { problems.push({ kind: 'no-diacritic', span: { start: p.s, end: p.e }, replacement: r }); fixed = r; }
    }
    const m = /^(UBTVQH|QH)(\d{1,2})?$/.exec(fixed);
    if (m) {
      if (m[2]) legislature = Number(m[2]);
      else problems.push({ kind: 'no-legislature', span: { start: p.s, end: p.e } });
    }
    out.push(fixed);
  }
  return { end, issuer: out.join('-'), legislature };
}

const PARTY_LEVEL_CODES = new Set(['TW', 'TU', 'HU', 'ĐU', 'TƯ']);

function parseAdmin(t: string, start: number, number: string, a: number, problems: SymbolProblem[]): ParsedSymbol | null {
  const typePart = readCode(t, a, 6, false);
  if (typePart === a) return null;
  const raw = t.slice(a, typePart);
  const s = sepAt(t, typePart);
  if (!s || s[0] !== '-') return null;
  const typeCode = stateType(raw, { start: a, end: typePart }, problems);
  if (typeCode) {
    // mixed separators: 217/QĐ-TW (a Party symbol written the State way)
    const issEnd = readCode(t, s[1], 12, false);
    const issRaw = t.slice(s[1], issEnd);
    if (PARTY_LEVEL_CODES.has(issRaw) && endOk(t, issEnd) && isPartyType(typeCode)) {
      const iss = issRaw === 'TƯ' ? 'TU' : issRaw;
      const canonical = `${pad(stripNumber(number))}-${typeCode}/${iss}`;
      problems.push({ kind: 'mixed-separators', span: { start, end: issEnd }, replacement: canonical });
      return {
        span: { start, end: issEnd }, raw: t.slice(start, issEnd), family: 'party', number, typeCode,
        typeSpan: { start: a, end: typePart }, issuer: iss, issuerSpan: { start: s[1], end: issEnd }, canonical, problems,
      };
    }
    const iss = readIssuers(t, s[1], problems);
    if (!iss) return null;
    return {
      span: { start, end: iss.end }, raw: t.slice(start, iss.end), family: 'admin', number, typeCode,
      typeSpan: { start: a, end: typePart }, issuer: iss.issuer, issuerSpan: { start: s[1], end: iss.end },
      legislature: iss.legislature, canonical: `${pad(stripNumber(number))}/${typeCode}-${iss.issuer}`, problems,
    };
  }
  // công văn: N/ISSUER-UNIT, issuer must be a known State body
  const c = raw.replace(/Ð/g, 'Đ');
  if (!isKnownStateIssuer(c) || c === 'QH' || c === 'UBTVQH') return null;
  const iss = readIssuers(t, s[1], problems);
  if (!iss) return null;
  return {
    span: { start, end: iss.end }, raw: t.slice(start, iss.end), family: 'congvan', number,
    issuer: c, issuerSpan: { start: a, end: typePart },
    canonical: `${pad(stripNumber(number))}/${c}-${iss.issuer}`, problems,
  };
}
