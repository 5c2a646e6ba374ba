// Resolution per bulletin (citations.md 2.8), eyecite-style in document order, with ambiguity
// reported instead of dropped. Memoised on the document.
import { memo, type BulletinDocument, type Span } from '../parse/model';
import type { SourceText } from '../text';
import type { CitationAnalysis, CitationMention, CitedDocument } from './model';
import { foldText, FoldedView } from './fold';
import { normAlias } from './recognize';
import { recognizeChunked } from './chunks';
import { legislatureOn, TYPE_NAME_BY_CODE } from './lexicon';
import { dateExists } from '../years';

/**
 * The folded shadow text of a document (memoised): assembled from the citation analysis's chunks
 * when it has run ('citations.foldedLazy'), else folded whole. Checks that read a few words of
 * it take a FoldedView instead.
 */
export function foldedText(doc: BulletinDocument): string {
  return memo(doc, 'citations.folded', () => {
    const lazy = doc.memo.get('citations.foldedLazy') as (() => string) | undefined;
    return lazy ? lazy() : foldText(doc.text);
  });
}

/** Type-code prefix of a mention's key. */
export function keyPrefix(m: CitationMention): string {
  if (m.typeWord) return m.typeWord.code;
  const c = m.symbol?.typeCode;
  if (c) return c;
  return 'NQ';
}

/** Canonical symbol, with a missing legislature number inferred from the date. */
export function effectiveCanonical(m: CitationMention): string | null {
  const s = m.symbol;
  if (!s) return null;
  if (s.problems.some(p => p.kind === 'no-legislature') && m.date?.valid) {
    const k = legislatureOn(m.date.iso);
    if (k !== null) return s.canonical.replace(/(UBTVQH|QH)(?=$|-)/, `$1${k}`);
  }
  return s.canonical;
}

/** Year-less symbols whose number restarts every year need the year in their identity. */
function needsYear(m: CitationMention, canonical: string): boolean {
  const f = m.symbol?.family;
  return (f === 'admin' || f === 'congvan') && !/(UBTVQH|QH)\d+/.test(canonical);
}

/** A mention's own key (from its own text), or null. */
export function ownKey(m: CitationMention): string | null {
  if (m.named) return m.named.key;
  const c = effectiveCanonical(m);
  if (!c) return null;
  let k = `${keyPrefix(m)} ${c}`;
  if (needsYear(m, c) && m.date) k += '@' + m.date.y;
  return k;
}

function compatiblePrefix(a: string, b: string): boolean {
  if (a === b) return true;
  const q = new Set(['QĐ', 'QĐi', 'QyĐ']);
  return q.has(a) && q.has(b);
}

export function issuerCompatible(a: CitationMention['issuer'], b: CitationMention['issuer']): boolean {
  if (!a || !b) return true;
  return a.codes.some(c => b.codes.includes(c));
}

interface Def { m: CitationMention; key: string; canonical: string }

/** "ngày D tháng M năm Y", "ngày D/M/Y" (also with "." or "-"), in folded text: day, month, year. */
const DATE = String.raw`(?<date>ngay\s+(?<d>\d{1,2})\s*(?:thang\s+|[/.-])(?<m>\d{1,2})\s*(?:nam\s+|[/.-])(?<y>\d{4}))`;
/**
 * The meeting: a date before "Hội nghị" in the same sentence, with at most 100 characters between
 * them ("ngày 02 tháng 12 năm 2023, Hội nghị …", "Ngày 15/7/2024, Tỉnh ủy tổ chức Hội nghị …",
 * "ngày 20 tháng 7 năm 2024, tại Hội trường Tỉnh ủy, Ban Chấp hành … tổ chức Hội nghị"); a line
 * break may fall between them (OCR keeps the scan's lines), a blank line may not.
 */
const MEETING_DATE = new RegExp(DATE + String.raw`(?:(?!\n[ \t]*\n)[^.;!?]){0,100}?hoi nghi`, 'dg');
/**
 * The place-and-date line of an administrative document ("Hà Nội, ngày 15 tháng 7 năm 2024",
 * "*TP. Hồ Chí Minh, ngày 10 tháng 10 năm 2023*"): a line of its own (the place part takes any
 * emphasis or quote marks before it).
 */
const PLACE_DATE = new RegExp(String.raw`(?:^|\n)[^\n,]{2,48},[ \t]*` + DATE + String.raw`[ \t*_]*(?=\r?\n|$)`, 'dg');

function validDay(d: number, m: number, y: number): boolean {
  return dateExists(y, m, d) && y >= 1900 && y <= 2100;
}

/**
 * The bulletin's own date, from the first 6,000 characters: the meeting's date (a date before
 * "Hội nghị" that is not the date of a cited document: "Nghị quyết 05-NQ/TU ngày 15 tháng 9 năm
 * 2021 Hội nghị lần thứ tám" cites one), else the place-and-date line of the document's heading.
 */
function detectBulletinDate(f: { slice(a: number, b: number): string }, mentions: readonly CitationMention[]): { iso: string; span: Span } | undefined {
  const head = f.slice(0, 6000);
  const cited = (at: number) => mentions.some(m => m.date && m.date.slot.start <= at && at < m.date.slot.end);
  // (the span is the date itself, "ngày" to the year)
  const found = (re: RegExp): { iso: string; span: Span } | undefined => {
    re.lastIndex = 0;
    for (let m = re.exec(head); m; m = re.exec(head)) {
      const [at, end] = m.indices!.groups!['date']!;
      const d = Number(m.groups!['d']), mo = Number(m.groups!['m']), y = Number(m.groups!['y']);
      if (cited(at) || !validDay(d, mo, y)) { re.lastIndex = at + 4; continue; }
      return { iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, span: { start: at, end } };
    }
    return undefined;
  };
  return found(MEETING_DATE) ?? found(PLACE_DATE);
}

/** Something that may already hold the analysis of the same text (the workspace index). */
export interface AnalysisSource {
  /** The analysis of `uri` when its indexed text is exactly `original` (computed there once). */
  sharedAnalysis?(uri: string, original: string, source?: SourceText): CitationAnalysis | undefined;
}

/**
 * Recognise and resolve every citation of a bulletin (memoised per document version). When the
 * workspace index holds the same text under the same URI, the analysis is computed once and
 * shared by both (the CLI indexes every file it lints; the server indexes open buffers).
 */
export function analyzeCitations(doc: BulletinDocument, shared?: AnalysisSource): CitationAnalysis {
  return memo(doc, 'citations', () => {
    const fromIndex = shared?.sharedAnalysis?.(doc.uri, doc.source.original, doc.source);
    if (fromIndex) {
      // handed over once: the document keeps it from now on, and the index, which keeps the
      // analysis for as long as the bulletin is indexed, need not keep a second copy of the text
      // (a CLI run over a folder kept one per file; foldedText folds again if ever asked)
      const f = foldedOf.get(fromIndex);
      foldedOf.delete(fromIndex);
      if (f !== undefined && !doc.memo.has('citations.folded')) doc.memo.set('citations.foldedLazy', f);
      return fromIndex;
    }
    const r = recognizeChunked(doc.text, commentSpans(doc));
    if (!doc.memo.has('citations.folded')) doc.memo.set('citations.foldedLazy', () => r.folded);
    return resolveRecognised(new FoldedView(doc.text), r.mentions, r.badSymbols);
  });
}

function commentSpans(doc: BulletinDocument): Span[] {
  const c = doc.comments ?? [];
  return [...c].sort((a, b) => a.start - b.start);
}

/**
 * Recognise and resolve the citations of an analysis text. `f` is its folded text when the
 * caller has it (it is assembled from the recognised chunks otherwise).
 */
export function analyzeText(t: string, f?: string, skips: Span[] = [], keepFolded = true): CitationAnalysis {
  const r = recognizeChunked(t, skips);
  const a = resolveRecognised(f !== undefined ? f : new FoldedView(t), r.mentions, r.badSymbols);
  if (keepFolded) foldedOf.set(a, f !== undefined ? () => f : () => r.folded);
  return a;
}

/** The folded text each analysis was made from (so a document adopting it need not fold again). */
const foldedOf = new WeakMap<CitationAnalysis, () => string>();

function resolveRecognised(f: { slice(a: number, b: number): string }, mentions: CitationMention[], badSymbols: Span[]): CitationAnalysis {
  const defs: Def[] = [];
  const bySymbol = new Map<string, Def[]>();
  // 1. definitions: symbol + date and/or issuer
  for (const m of mentions) {
    if (m.kind !== 'full' || !m.symbol) continue;
    const canonical = effectiveCanonical(m)!;
    const d: Def = { m, key: ownKey(m)!, canonical };
    defs.push(d);
    const l = bySymbol.get(canonical) ?? [];
    l.push(d);
    bySymbol.set(canonical, l);
  }
  // undated admin definitions adopt the year of a dated one with the same symbol
  for (const d of defs) {
    if (!d.m.date && needsYear(d.m, d.canonical)) {
      const dated = [...new Set((bySymbol.get(d.canonical) ?? []).filter(x => x.m.date && compatiblePrefix(keyPrefix(x.m), keyPrefix(d.m))).map(x => x.key))];
      if (dated.length === 1) d.key = dated[0]!;
    }
  }
  for (const d of defs) { d.m.key = d.key; d.m.resolution = 'definition'; }
  // 2. named documents that identify themselves
  for (const m of mentions) if (m.kind === 'named' && m.named?.full) { m.key = m.named.key; m.resolution = 'named'; }
  // 3. alias table (alias clause -> its citation's key)
  const aliases = new Map<string, { at: number; key: string | null; m: CitationMention }>();
  for (const m of mentions) {
    if (m.kind !== 'alias' || m.aliasOf === undefined || !m.alias) continue;
    const target = mentions[m.aliasOf]!;
    m.key = target.key;
    m.resolution = target.key ? 'resolved' : 'unresolved';
    if (!aliases.has(m.alias.folded)) aliases.set(m.alias.folded, { at: m.span.start, key: target.key, m });
  }
  // 4. short forms, in document order
  for (const m of mentions) {
    if (m.kind === 'full' || m.kind === 'alias' || (m.kind === 'named' && m.named?.full)) continue;
    const fromAlias = m.typeWord ? aliases.get(normAlias(f.slice(m.typeWord.span.start, (m.bareNumber?.span.end ?? m.span.end)))) : undefined;
    if (fromAlias && fromAlias.key && !m.symbol) {
      m.key = fromAlias.key;
      m.resolution = fromAlias.at < m.span.start ? 'resolved' : 'forward';
      m.definitionId = definitionOf(mentions, fromAlias.key)?.id;
      continue;
    }
    if (m.kind === 'named') {
      const key = m.named!.key;
      const full = mentions.find(x => x.kind === 'named' && x.named?.full && x.key === key);
      m.key = key;
      m.resolution = full ? (full.span.start < m.span.start ? 'resolved' : 'forward') : 'named';
      if (full) m.definitionId = full.id;
      continue;
    }
    let cands: Def[] = [];
    if (m.symbol) {
      const c = effectiveCanonical(m)!;
      cands = (bySymbol.get(c) ?? []).filter(d => !m.typeWord || !d.m.typeWord || compatiblePrefix(keyPrefix(d.m), keyPrefix(m)));
    } else if (m.bareNumber && m.typeWord) {
      const n = m.bareNumber.value;
      cands = defs.filter(d => compatiblePrefix(keyPrefix(d.m), m.typeWord!.code) && String(Number(d.m.symbol!.number)) === n && issuerCompatible(d.m.issuer, m.issuer));
    }
    const keys = [...new Set(cands.map(d => d.key))];
    if (keys.length === 1) {
      m.key = keys[0]!;
      const before = cands.some(d => d.m.span.start < m.span.start);
      m.resolution = before ? 'resolved' : 'forward';
      m.definitionId = definitionOf(mentions, m.key)?.id;
    } else if (keys.length > 1) {
      m.key = null;
      m.resolution = 'ambiguous';
      m.candidates = keys;
    } else {
      m.key = null;
      m.resolution = 'unresolved';
    }
  }
  // 5. documents
  const documents = new Map<string, CitedDocument>();
  for (const m of mentions) {
    if (!m.key) continue;
    let d = documents.get(m.key);
    if (!d) {
      const def = definitionOf(mentions, m.key);
      const src = def ?? m;
      d = {
        key: m.key,
        typeName: src.typeWord?.name ?? TYPE_NAME_BY_CODE[keyPrefix(src)] ?? 'Văn bản',
        symbol: src.named ? '' : (effectiveCanonical(src) ?? ''),
        mentionIds: [],
        named: !!src.named,
      };
      if (def) d.definitionId = def.id;
      const dated = mentions.find(x => x.key === m.key && x.date);
      if (dated?.date) d.date = dated.date.iso;
      const withIssuer = mentions.find(x => x.key === m.key && x.issuer);
      if (withIssuer?.issuer) d.issuer = withIssuer.issuer.name;
      const withSubject = mentions.find(x => x.key === m.key && x.subject);
      if (withSubject?.subject) d.subject = withSubject.subject.text;
      if (src.named) d.subject = d.subject ?? src.named.title;
      documents.set(m.key, d);
    }
    d.mentionIds.push(m.id);
  }
  const a: CitationAnalysis = { mentions, documents, badSymbols };
  const bd = detectBulletinDate(f, mentions);
  if (bd) a.bulletinDate = bd;
  return a;
}

/** The defining mention of a key: first dated full citation, else first definition / named. */
export function definitionOf(mentions: CitationMention[], key: string): CitationMention | undefined {
  let firstDef: CitationMention | undefined;
  for (const m of mentions) {
    if (m.key !== key) continue;
    if (m.resolution === 'definition') {
      if (m.date) return m;
      firstDef ??= m;
    } else if (m.resolution === 'named' && m.named?.full) firstDef ??= m;
  }
  return firstDef;
}

/** The mention whose span (or alias clause / subject) covers an analysis offset. */
export function mentionAt(a: CitationAnalysis, offset: number): CitationMention | undefined {
  let best: CitationMention | undefined;
  for (const m of a.mentions) {
    if (m.span.start <= offset && offset <= m.span.end) {
      if (!best || m.span.end - m.span.start < best.span.end - best.span.start) best = m;
    }
  }
  return best;
}
