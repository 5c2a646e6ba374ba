// Cross-document knowledge available to rules and features: every bulletin of the workspace,
// parsed and citation-analysed lazily. Hosts call update(uri, text, version) and remove(uri)
// (open buffers win over disk: that is the host's choice of what it sends). A changed file
// re-indexes only itself: its old keys are withdrawn and it is re-analysed on the next query.
import type { BulletinDocument } from './parse/model';
import { parseDocument } from './parse/index';
import type { CitationAnalysis } from './citations/model';
import { analyzeCitations } from './citations/resolve';

/** One bulletin known to the workspace index. */
export interface IndexedBulletin {
  readonly uri: string;
  readonly version: number;
  /** The parsed document (parsed on first use, then kept). */
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
  /** Bulletins that mention a document key (resolved in that bulletin). */
  filesWithKey?(key: string): readonly IndexedBulletin[];
}

export const emptyWorkspace: WorkspaceIndex = { uris: () => [], files: () => [], file: () => undefined, filesWithKey: () => [] };

class Entry implements IndexedBulletin {
  private parsed: BulletinDocument | undefined;
  private analysis: CitationAnalysis | undefined;
  constructor(readonly uri: string, readonly text: string, readonly version: number) {}
  doc(): BulletinDocument {
    this.parsed ??= parseDocument(this.uri, this.text, this.version);
    return this.parsed;
  }
  citations(): CitationAnalysis {
    this.analysis ??= analyzeCitations(this.doc());
    return this.analysis;
  }
  get analysed(): boolean { return this.analysis !== undefined; }
}

/** The engine's workspace index: pure (texts in, data out), updated by the host. */
export class BulletinIndex implements WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** key -> URIs whose analysis mentions it. */
  private readonly byKey = new Map<string, Set<string>>();
  /** URI -> keys it contributed to byKey. */
  private readonly keysOf = new Map<string, string[]>();
  private readonly dirty = new Set<string>();

  uris(): readonly string[] { return [...this.entries.keys()]; }

  files(): readonly IndexedBulletin[] { return [...this.entries.values()]; }

  file(uri: string): IndexedBulletin | undefined { return this.entries.get(uri); }

  /** Add or replace a bulletin's text. Unchanged text is a no-op. */
  update(uri: string, text: string, version = 0): void {
    const old = this.entries.get(uri);
    if (old && old.text === text) return;
    this.withdraw(uri);
    this.entries.set(uri, new Entry(uri, text, version));
    this.dirty.add(uri);
  }

  remove(uri: string): void {
    this.withdraw(uri);
    this.entries.delete(uri);
    this.dirty.delete(uri);
  }

  filesWithKey(key: string): readonly IndexedBulletin[] {
    this.flush();
    const set = this.byKey.get(key);
    if (!set) return [];
    const out: IndexedBulletin[] = [];
    for (const u of set) { const e = this.entries.get(u); if (e) out.push(e); }
    return out;
  }

  /** Every document key known in the workspace. */
  keys(): readonly string[] {
    this.flush();
    return [...this.byKey.keys()];
  }

  private withdraw(uri: string): void {
    const keys = this.keysOf.get(uri);
    if (!keys) return;
    for (const k of keys) {
      const s = this.byKey.get(k);
      if (s) { s.delete(uri); if (!s.size) this.byKey.delete(k); }
    }
    this.keysOf.delete(uri);
  }

  private flush(): void {
    if (!this.dirty.size) return;
    for (const uri of [...this.dirty]) {
      this.dirty.delete(uri);
      const e = this.entries.get(uri);
      if (!e) continue;
      let a: CitationAnalysis;
      try { a = e.citations(); } catch { continue; }
      const keys = [...a.documents.keys()];
      this.keysOf.set(uri, keys);
      for (const k of keys) {
        let s = this.byKey.get(k);
        if (!s) this.byKey.set(k, (s = new Set()));
        s.add(uri);
      }
    }
  }
}

/** A new, empty workspace index (the LSP glue and the CLI create one each). */
export function createWorkspaceIndex(): BulletinIndex {
  return new BulletinIndex();
}

/** Indexed bulletins other than `uri`. */
export function otherFiles(ws: WorkspaceIndex, uri: string): readonly IndexedBulletin[] {
  const all = ws.files?.() ?? [];
  return all.filter(f => f.uri !== uri);
}
