// The user catalogue `.bulletin/documents.json`: documents the editor knows about (number/symbol,
// type, date, issuer, title). A source for resolution, hover, completion and workspace symbols.
import { foldKey } from './fold';
import { TYPE_NAME_BY_CODE, TYPE_WORDS } from './lexicon';
import { parseSymbolAt } from './symbol';
import type { CitationMention } from './model';
import { dateExists } from '../years';

export interface KnownDocument {
  /** Normalised key, e.g. "NQ 98/2023/QH15" (type code, a space, the canonical symbol). */
  key: string;
  /** Canonical number and symbol, e.g. "98/2023/QH15". */
  number: string;
  /** Type name, e.g. "Nghị quyết". */
  type: string;
  /** ISO date (yyyy-mm-dd). */
  date?: string;
  issuer?: string;
  title?: string;
  /** Extra short names the editor uses ("Nghị quyết 98"). */
  aliases?: string[];
}

function typeFrom(s: string): { name: string; code: string } | null {
  const f = foldKey(s);
  for (const tw of TYPE_WORDS) if (tw.words.join(' ') === f) return { name: tw.name, code: tw.code };
  const byCode = TYPE_NAME_BY_CODE[s.trim().replace(/D/g, 'Đ')] ? s.trim().replace(/D/g, 'Đ') : TYPE_NAME_BY_CODE[s.trim()] ? s.trim() : null;
  if (byCode) return { name: TYPE_NAME_BY_CODE[byCode]!, code: byCode };
  return null;
}

function isoDate(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (m) return dateExists(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s.trim());
  if (m) return dateExists(+m[3]!, +m[2]!, +m[1]!) ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
  return null;
}

/** Parse the text of documents.json. Never throws; problems are returned as messages. */
export function parseCatalogue(jsonText: string): { documents: KnownDocument[]; errors: string[] } {
  const errors: string[] = [];
  const documents: KnownDocument[] = [];
  let v: unknown;
  try { v = JSON.parse(jsonText.replace(/^\uFEFF/, '')); } catch (e) {
    return { documents, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  const list = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { documents?: unknown }).documents) ? (v as { documents: unknown[] }).documents : null;
  if (!list) return { documents, errors: ['expected an array of documents, or an object with a "documents" array'] };
  list.forEach((raw, i) => {
    const where = `documents[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) { errors.push(`${where}: expected an object`); return; }
    const o = raw as Record<string, unknown>;
    const str = (k: string): string | undefined => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string).trim().normalize('NFC') : undefined);
    const number = str('number') ?? str('symbol');
    if (!number) { errors.push(`${where}: missing "number" (e.g. "98/2023/QH15")`); return; }
    const sym = parseSymbolAt(number, 0);
    if (!sym || sym.span.end !== number.length) { errors.push(`${where}: "${number}" is not a document number and symbol`); return; }
    const typeRaw = str('type');
    let type = typeRaw ? typeFrom(typeRaw) : null;
    if (typeRaw && !type) { errors.push(`${where}: unknown document type "${typeRaw}"`); return; }
    if (!type) {
      const code = sym.typeCode ?? 'NQ';
      type = { name: TYPE_NAME_BY_CODE[code] ?? 'Nghị quyết', code };
    }
    const dateRaw = str('date');
    let date: string | undefined;
    if (dateRaw) {
      const d = isoDate(dateRaw);
      if (!d) errors.push(`${where}: "${dateRaw}" is not a valid date (use yyyy-mm-dd)`);
      else date = d;
    }
    let canonical = sym.canonical;
    if (sym.legislature === undefined && /(UBTVQH|QH)$/.test(canonical) && date) {
      // leave as written; a catalogue should carry the full symbol
      errors.push(`${where}: "${number}" lacks the legislature number`);
    }
    let key = `${type.code} ${canonical}`;
    if ((sym.family === 'admin' || sym.family === 'congvan') && !/(UBTVQH|QH)\d+/.test(canonical) && date) key += '@' + date.slice(0, 4);
    const doc: KnownDocument = { key, number: canonical, type: type.name };
    if (date) doc.date = date;
    const issuer = str('issuer'); if (issuer) doc.issuer = issuer;
    const title = str('title') ?? str('subject'); if (title) doc.title = title;
    if (Array.isArray(o.aliases)) doc.aliases = o.aliases.filter((a): a is string => typeof a === 'string' && !!a.trim()).map(a => a.trim());
    canonical = '';
    documents.push(doc);
  });
  return { documents, errors };
}

/** Catalogue documents a mention may refer to (symbol equality, alias, or type + number). */
export function catalogueMatches(m: CitationMention, docs: readonly KnownDocument[], typeCode: string | undefined): KnownDocument[] {
  if (!docs.length) return [];
  const out: KnownDocument[] = [];
  const canon = m.symbol?.canonical;
  const text = foldKey(m.text).replace(/ so:? /g, ' ');
  for (const d of docs) {
    const dCode = d.key.slice(0, d.key.indexOf(' '));
    const typeOk = !typeCode || dCode === typeCode || (['QĐ', 'QĐi', 'QyĐ'].includes(dCode) && ['QĐ', 'QĐi', 'QyĐ'].includes(typeCode));
    if (canon) { if (d.number === canon && typeOk) out.push(d); continue; }
    if (d.aliases?.some(a => foldKey(a) === text)) { out.push(d); continue; }
    if (m.bareNumber && typeOk) {
      const lead = /^\d+/.exec(d.number)?.[0];
      if (lead && String(Number(lead)) === m.bareNumber.value) {
        if (m.issuer && d.issuer && !foldKey(d.issuer).includes(foldKey(m.issuer.name)) && !foldKey(m.issuer.name).includes(foldKey(d.issuer))) continue;
        out.push(d);
      }
    }
  }
  return out;
}
