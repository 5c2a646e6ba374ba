// Cross-document knowledge available to rules and features: every bulletin of the workspace,
// parsed and citation-analysed lazily. Hosts call update(uri, text, version) and remove(uri)
// (open buffers win over disk: that is the host's choice of what it sends). A changed file
// re-indexes only itself: its old keys are withdrawn and it is re-analysed on the next query.
import type { BulletinDocument, Span } from './parse/model';
import { findComments, parseDocument } from './parse/index';
import { SourceText } from './text';
import type { CitationAnalysis, CitationMention, CitedDocument } from './citations/model';
import { analyzeText, effectiveCanonical, keyPrefix } from './citations/resolve';

/** One bulletin known to the workspace index. */
export interface IndexedBulletin {
  readonly uri: string;
  readonly version: number;
  /** The text with its position mapping (what ranges are computed from). */
  source(): SourceText;
  /** The full document model (parsed on demand; not kept, to keep the index small). */
  doc(): BulletinDocument;
  /** Its citations (analysed on first use, then kept). */
  citations(): CitationAnalysis;
}

export interface WorkspaceIndex {
  /** URIs of indexed bulletins (may include the one being checked: callers skip it by URI). */
  uris(): readonly string[];
  /** Every indexed bulletin (absent on minimal hosts' indexes). */
  files?(): readonly IndexedBulletin[];
  /** One bulletin by URI. */
  file?(uri: string): IndexedBulletin | undefined;
  /**
   * Bulletins that mention a document key (resolved in that bulletin). `except` (the asking
   * bulletin) is left out and not re-analysed, so a keystroke never analyses its buffer twice.
   */
  filesWithKey?(key: string, except?: string): readonly IndexedBulletin[];
  /** Bulletins holding a full citation that could define `m` (same symbol, or same type + number). */
  filesDefining?(m: CitationMention, except?: string): readonly IndexedBulletin[];
  /**
   * The definitions in the bulletins that the lookup of `m` finds (by its resolved key, or by its
   * symbol or its type and number; the asking bulletin included unless it is `except` and waiting
   * to be analysed), dated first, then by URI and position: a superset of what could define `m`
   * (callers test each with couldDefine, and skip the asking bulletin). Undefined when another
   * bulletin is waiting to be analysed (the list would be incomplete). Kept until a bulletin
   * registered under its keys changes, so a folder's bulletins asking about one document, or one
   * document re-checked at each keystroke, do not go through all of them each time.
   */
  definitionsUnder?(m: CitationMention, except?: string): readonly IndexedDefinition[] | undefined;
  /**
   * The citation analysis of `uri` when the index holds exactly `original` for it (analysed once,
   * then shared with the document being checked); undefined otherwise.
   */
  sharedAnalysis?(uri: string, original: string, source?: SourceText): CitationAnalysis | undefined;
}

/** A defining mention and the bulletin it is in. */
export interface IndexedDefinition { file: IndexedBulletin; mention: CitationMention }

export const emptyWorkspace: WorkspaceIndex = { uris: () => [], files: () => [], file: () => undefined, filesWithKey: () => [], filesDefining: () => [] };

/**
 * What another thread needs to know of an indexed bulletin for cross-file checks: the document
 * keys it mentions, its definition lookup keys, and its defining mentions (plain data).
 */
export interface IndexSummary {
  uri: string;
  version: number;
  keys: string[];
  defs: string[];
  definitions: CitationMention[];
}

class Entry implements IndexedBulletin {
  private src: SourceText | undefined;
  private analysis: CitationAnalysis | undefined;
  /** Set when the analysis holds only the definitions of a summary (never shared with a lint). */
  partial = false;
  /**
   * `keepFolded`: keep the folded text the analysis is made from, for a document that adopts the
   * analysis (the CLI lints every file it indexes; the server opens few of the bulletins on disk,
   * and a hundred of them kept a hundred folded copies: 9 MB).
   */
  constructor(readonly uri: string, readonly text: string, readonly version: number, private readonly keepFolded = true) {}
  /** Take the definitions of a summary as this bulletin's (partial) analysis. */
  adoptSummary(s: IndexSummary): void {
    const documents = new Map<string, CitedDocument>();
    for (const k of s.keys) documents.set(k, { key: k, typeName: '', symbol: '', mentionIds: [], named: false });
    this.analysis = { mentions: s.definitions, documents, badSymbols: [] };
    this.partial = true;
  }
  source(): SourceText {
    this.src ??= new SourceText(this.text);
    return this.src;
  }
  /** Use a host's SourceText of the same text instead of building another. */
  adoptSource(src: SourceText): void {
    this.src ??= src;
  }
  doc(): BulletinDocument {
    return parseDocument(this.uri, this.text, this.version);
  }
  citations(): CitationAnalysis {
    if (!this.analysis) {
      const t = this.source().text;
      this.analysis = analyzeText(t, undefined, findComments(t), this.keepFolded);
    }
    return this.analysis;
  }
}

/** Lookup keys under which a definition is found: its symbol, and its type + leading number. */
function defKeys(m: CitationMention): string[] {
  const c = effectiveCanonical(m);
  if (!c || !m.symbol) return [];
  return ['S ' + c, `N ${keyPrefix(m)} ${Number(m.symbol.number)}`];
}
/** Lookup key for a mention that needs a definition. */
function wantKey(m: CitationMention): string | null {
  if (m.symbol) return 'S ' + effectiveCanonical(m);
  if (m.bareNumber && m.typeWord) return `N ${m.typeWord.code} ${m.bareNumber.value}`;
  return null;
}

/** The definition lookup keys under which a definition of `m` may be filed (QĐ and QĐi share numbers). */
function lookupKeys(m: CitationMention): string[] {
  const k = wantKey(m);
  if (!k) return [];
  return /^N QĐi? /.test(k) ? [k, k.startsWith('N QĐi ') ? 'N QĐ ' + k.slice(6) : 'N QĐi ' + k.slice(5)] : [k];
}

/** Dated first, then by URI, then by position (the order cross-file results are given in). */
export function definitionOrder(x: IndexedDefinition, y: IndexedDefinition): number {
  return Number(!!y.mention.date) - Number(!!x.mention.date)
    || (x.file.uri < y.file.uri ? -1 : x.file.uri > y.file.uri ? 1 : 0)
    || x.mention.span.start - y.mention.span.start;
}

/** The engine's workspace index: pure (texts in, data out), updated by the host. */
export class BulletinIndex implements WorkspaceIndex {
  /** `diskFolded`: keep the folded text of bulletins read from disk (version 0) too (see Entry). */
  constructor(private readonly diskFolded = true) {}
  private readonly entries = new Map<string, Entry>();
  /** key -> URIs whose analysis mentions it. */
  private readonly byKey = new Map<string, Set<string>>();
  /** URI -> keys it contributed to byKey. */
  private readonly keysOf = new Map<string, string[]>();
  private readonly dirty = new Set<string>();
  /** definition lookup key -> URIs. */
  private readonly byDef = new Map<string, Set<string>>();
  private readonly defsOf = new Map<string, string[]>();
  /**
   * definitionsUnder's lists, each dropped when a bulletin that is or was registered under one of
   * its lookup keys changes (`underDeps`: "k " + document key or "d " + definition key -> the
   * lists that read it). An edit of one bulletin then keeps every list it has no part in: an open
   * document re-checked at each keystroke used to clear them all, since its own update changed
   * the index, and its citation checks went through every file defining what it cites again.
   */
  private readonly underCache = new Map<string, IndexedDefinition[]>();
  private readonly underDeps = new Map<string, Set<string>>();

  uris(): readonly string[] { return [...this.entries.keys()]; }

  files(): readonly IndexedBulletin[] { return [...this.entries.values()]; }

  file(uri: string): IndexedBulletin | undefined { return this.entries.get(uri); }

  /** Add or replace a bulletin's text. Unchanged text is a no-op. */
  update(uri: string, text: string, version = 0): void {
    const old = this.entries.get(uri);
    if (old && old.text === text) return;
    this.withdraw(uri);
    this.entries.set(uri, new Entry(uri, text, version, this.diskFolded || version !== 0));
    this.dirty.add(uri);
  }

  remove(uri: string): void {
    this.withdraw(uri);
    this.entries.delete(uri);
    this.dirty.delete(uri);
  }

  filesWithKey(key: string, except?: string): readonly IndexedBulletin[] {
    this.flush(except);
    return this.filesIn(this.byKey.get(key), except);
  }

  private filesIn(set: Set<string> | undefined, except?: string): IndexedBulletin[] {
    if (!set) return [];
    const out: IndexedBulletin[] = [];
    for (const u of set) { const e = this.entries.get(u); if (e && u !== except) out.push(e); }
    return out;
  }

  filesDefining(m: CitationMention, except?: string): readonly IndexedBulletin[] {
    this.flush(except);
    // QĐ / QĐi share numbers: look under both prefixes
    const [k, k2] = lookupKeys(m);
    const set = k ? this.byDef.get(k) : undefined;
    const alt = k2 ? this.byDef.get(k2) : undefined;
    if (!alt) return this.filesIn(set, except);
    const out: IndexedBulletin[] = [];
    const seen = new Set<string>();
    for (const s of [set, alt]) if (s) for (const u of s) { const e = this.entries.get(u); if (e && u !== except && !seen.has(u)) { seen.add(u); out.push(e); } }
    return out;
  }

  /**
   * Every definition a lookup of `m` may find, in definitionOrder. `except` (the bulletin asking)
   * may be waiting to be analysed: its own definitions are never wanted, and it is not registered
   * under any key until it is, so the lists of the others serve it. With any other bulletin
   * waiting, undefined (the caller goes through the files, which analyses them).
   */
  definitionsUnder(m: CitationMention, except?: string): readonly IndexedDefinition[] | undefined {
    if (this.dirty.size && !(this.dirty.size === 1 && except !== undefined && this.dirty.has(except))) return undefined;
    const keys = m.key ? null : lookupKeys(m);
    const cacheKey = m.key ? 'K ' + m.key : 'D ' + keys!.join('\u0000');
    let list = this.underCache.get(cacheKey);
    if (list) return list;
    list = [];
    // (neither look-up analyses anything here: only `except` can be waiting, and it is skipped)
    for (const file of m.key ? this.filesWithKey(m.key, except) : this.filesDefining(m, except)) {
      let a: CitationAnalysis;
      try { a = file.citations(); } catch { continue; }
      for (const d of a.mentions) {
        if (d.resolution !== 'definition' || !d.key) continue;
        // (with a resolved key only a definition of that key can match; otherwise couldDefine
        // decides, on more than the lookup: a type prefix, an issuer)
        if (!m.key || d.key === m.key) list.push({ file, mention: d });
      }
    }
    list.sort(definitionOrder);
    this.underCache.set(cacheKey, list);
    const deps = m.key ? ['k ' + m.key] : keys!.filter(Boolean).map(k => 'd ' + k);
    for (const d of deps) {
      let s = this.underDeps.get(d);
      if (!s) this.underDeps.set(d, (s = new Set()));
      s.add(cacheKey);
    }
    return list;
  }

  /** Drop the definitionsUnder lists that read these document keys and definition keys. */
  private invalidateUnder(keys: readonly string[] | undefined, defs: readonly string[] | undefined): void {
    if (!this.underCache.size) return;
    for (const [prefix, list] of [['k ', keys], ['d ', defs]] as const) {
      if (!list) continue;
      for (const k of list) {
        const dep = this.underDeps.get(prefix + k);
        if (!dep) continue;
        for (const c of dep) this.underCache.delete(c);
        this.underDeps.delete(prefix + k);
      }
    }
  }

  sharedAnalysis(uri: string, original: string, source?: SourceText): CitationAnalysis | undefined {
    const e = this.entries.get(uri);
    if (!e || e.partial || e.text !== original) return undefined;
    if (source && source.original === original) e.adoptSource(source);
    try { return e.citations(); } catch { return undefined; }
  }

  /**
   * Analyse changed bulletins ahead of any query, while `more()` says there is time (hosts call
   * it from idle slices), so that a keystroke's check never waits for the workspace. Returns
   * true when some bulletin is still waiting.
   */
  prepare(more: () => boolean): boolean {
    for (const uri of [...this.dirty]) {
      if (!more()) return true;
      this.flushOne(uri);
    }
    return false;
  }

  /** Summaries of every indexed bulletin (analysing what is not analysed yet), for other threads. */
  summaries(): IndexSummary[] {
    this.flush();
    const out: IndexSummary[] = [];
    for (const e of this.entries.values()) {
      let a: CitationAnalysis;
      try { a = e.citations(); } catch { continue; }
      out.push({
        uri: e.uri, version: e.version, keys: this.keysOf.get(e.uri) ?? [], defs: this.defsOf.get(e.uri) ?? [],
        definitions: a.mentions.filter(m => m.resolution === 'definition'),
      });
    }
    return out;
  }

  /**
   * Add a bulletin whose citations were analysed elsewhere (another thread's summaries()): its
   * text serves positions, the summary serves cross-file lookups; nothing is analysed here.
   */
  addSummarised(text: string, s: IndexSummary): void {
    this.withdraw(s.uri);
    this.dirty.delete(s.uri);
    const e = new Entry(s.uri, text, s.version);
    e.adoptSummary(s);
    this.entries.set(s.uri, e);
    this.register(s.uri, s.keys, s.defs);
  }

  /** Every document key known in the workspace. */
  keys(): readonly string[] {
    this.flush();
    return [...this.byKey.keys()];
  }

  private withdraw(uri: string): void {
    this.invalidateUnder(this.keysOf.get(uri), this.defsOf.get(uri));
    for (const [map, of] of [[this.byKey, this.keysOf], [this.byDef, this.defsOf]] as const) {
      const keys = of.get(uri);
      if (!keys) continue;
      for (const k of keys) {
        const s = map.get(k);
        if (s) { s.delete(uri); if (!s.size) map.delete(k); }
      }
      of.delete(uri);
    }
  }

  private flush(except?: string): void {
    if (!this.dirty.size || (this.dirty.size === 1 && except !== undefined && this.dirty.has(except))) return;
    for (const uri of [...this.dirty]) {
      if (uri === except) continue;
      this.flushOne(uri);
    }
  }

  private flushOne(uri: string): void {
    this.dirty.delete(uri);
    const e = this.entries.get(uri);
    if (!e) return;
    let a: CitationAnalysis;
    try { a = e.citations(); } catch { return; }
    const keys = [...a.documents.keys()];
    const defs = [...new Set(a.mentions.filter(m => m.resolution === 'definition').flatMap(defKeys))];
    this.register(uri, keys, defs);
  }

  private register(uri: string, keys: string[], defs: string[]): void {
    this.invalidateUnder(keys, defs);
    this.keysOf.set(uri, keys);
    this.defsOf.set(uri, defs);
    for (const [map, list] of [[this.byKey, keys], [this.byDef, defs]] as const) {
      for (const k of list) {
        let s = map.get(k);
        if (!s) map.set(k, (s = new Set()));
        s.add(uri);
      }
    }
  }
}

/** A new, empty workspace index (the LSP glue and the CLI create one each). */
export function createWorkspaceIndex(opts: { diskFolded?: boolean } = {}): BulletinIndex {
  return new BulletinIndex(opts.diskFolded ?? true);
}

/** Indexed bulletins other than `uri`. */
export function otherFiles(ws: WorkspaceIndex, uri: string): readonly IndexedBulletin[] {
  const all = ws.files?.() ?? [];
  return all.filter(f => f.uri !== uri);
}
