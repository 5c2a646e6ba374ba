// The workspace's bulletins as the citation features see them: every bulletin on disk in the
// open folders, indexed lazily in small chunks so that no keystroke waits for the workspace,
// with open buffers winning over disk. File-watcher events re-index only what changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createWorkspaceIndex, type WorkspaceIndex } from '../engine/workspace';
import { looksVietnamese } from '../engine/language';

/** What the server needs from an index: the engine's interface plus updates. */
export interface UpdatableIndex extends WorkspaceIndex {
  update(uri: string, text: string, version?: number): void;
  remove(uri: string): void;
  /** Analyse pending bulletins while more() allows; true when some are still pending. */
  prepare?(more: () => boolean): boolean;
}

/** Longest slice of background indexing work between two turns of the event loop. */
const SLICE_MS = 8;

export function createIndex(): UpdatableIndex {
  // a bulletin read from disk is rarely opened: its analysis need not keep a folded copy of it
  return createWorkspaceIndex({ diskFolded: false });
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function pathToUri(p: string): string { return pathToFileURL(p).href; }

/** Same file? Compares file paths, since clients encode URIs in different ways. */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = uriToPath(a), pb = uriToPath(b);
  return !!pa && pa === pb;
}

export function isBulletinName(p: string): boolean {
  const n = p.toLowerCase();
  return n.endsWith('.bulletin.md') || n.endsWith('.bulletin');
}

function isCandidateName(p: string): boolean {
  const n = p.toLowerCase();
  return isBulletinName(n) || n.endsWith('.md') || n.endsWith('.markdown') || n.endsWith('.txt');
}

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'build', '.git', '.hg', '.svn', '.vscode-test', 'coverage']);
const MAX_FILES = 5000;
const MAX_BYTES = 4 * 1024 * 1024;
/** Stop indexing disk files past this much text (the index keeps every bulletin's text). */
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
const CHUNK = 16;
/** The longest the scan steps aside for the editor's documents before it goes on. */
const MAX_YIELD_MS = 1000;

export class WorkspaceFiles {
  readonly index: UpdatableIndex = createIndex();
  /** Bumped whenever disk content known to the index changes (not on keystrokes). */
  generation = 0;
  private folders: string[] = [];
  /** Open buffers by file path (or URI for non-file schemes). */
  private readonly open = new Set<string>();
  private scanning: Promise<void> | undefined;
  private scanId = 0;
  private disposed = false;

  /**
   * busy(): the editor's own documents have work pending (a check scheduled or running). The
   * scan and the warm-up then step aside, so a keystroke never waits behind disk bulletins.
   */
  constructor(
    private readonly log: (m: string) => void,
    private readonly onDiskChange: () => void,
    private readonly busy: () => boolean = () => false,
  ) {}

  /** Let pending events run, then wait while the editor's documents are being checked (at most MAX_YIELD_MS). */
  private async yieldToEditor(id: number): Promise<void> {
    await new Promise<void>(r => setImmediate(r));
    const until = Date.now() + MAX_YIELD_MS;
    while (this.busy() && Date.now() < until && id === this.scanId && !this.disposed) {
      await new Promise<void>(r => setTimeout(r, 5));
    }
  }

  private key(uri: string): string { return uriToPath(uri) ?? uri; }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.scanId++;
    this.scanning = undefined;
  }

  /** Start indexing the folders from disk (once); resolves when done. */
  scan(): Promise<void> {
    if (!this.scanning) {
      const id = this.scanId;
      this.scanning = this.doScan(id).catch(e => this.log(`workspace scan failed: ${(e as Error)?.stack ?? e}`));
    }
    return this.scanning;
  }

  get scanDone(): boolean { return !!this.scanning && this.settled; }
  private settled = false;

  private async doScan(id: number): Promise<void> {
    this.settled = false;
    const started = Date.now();
    const files: string[] = [];
    const queue = [...this.folders];
    while (queue.length && files.length < MAX_FILES) {
      if (id !== this.scanId || this.disposed) return;
      const dir = queue.shift()!;
      let entries: fs.Dirent[];
      try { entries = await fs.promises.readdir(dir, { withFileTypes: true }); } catch { continue; }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(path.join(dir, e.name));
        } else if (e.isFile() && isCandidateName(e.name)) {
          files.push(path.join(dir, e.name));
        }
      }
    }
    let indexed = 0;
    let total = 0;
    for (let i = 0; i < files.length && total < MAX_TOTAL_BYTES; i += CHUNK) {
      if (id !== this.scanId || this.disposed) return;
      const chunk = files.slice(i, i + CHUNK);
      const texts = await Promise.all(chunk.map(f => this.readIfBulletin(f)));
      let slice = Date.now();
      for (let k = 0; k < chunk.length; k++) {
        if (id !== this.scanId || this.disposed) return;
        const f = chunk[k]!;
        if (this.open.has(f)) continue; // the buffer wins
        const t = texts[k];
        if (t === undefined) continue;
        total += t.length * 2;
        try {
          this.index.update(pathToUri(f), t, 0);
          indexed++;
          // analysed as it enters the index, one file per slice at most: a check that looks
          // across files then never has a backlog of disk bulletins to analyse
          this.index.prepare?.(() => true);
        } catch (e) { this.log(`index update failed for ${f}: ${(e as Error)?.message ?? e}`); }
        if (Date.now() - slice >= SLICE_MS || this.busy()) { await this.yieldToEditor(id); slice = Date.now(); }
      }
      await this.yieldToEditor(id);
    }
    await this.warm(id);
    this.settled = true;
    if (total >= MAX_TOTAL_BYTES) this.log(`workspace index stopped at ${MAX_TOTAL_BYTES / 1048576} MB of text; further bulletins are not indexed`);
    this.log(`indexed ${indexed} bulletin(s) of ${files.length} candidate file(s) in ${Date.now() - started} ms`);
    if (indexed > 0) { this.generation++; this.onDiskChange(); }
  }

  /**
   * Analyse the citations of indexed disk bulletins in short slices between other work, so the
   * first check that looks across files finds them ready instead of analysing them all at once.
   */
  private async warm(id = this.scanId): Promise<void> {
    const prepare = this.index.prepare?.bind(this.index);
    if (!prepare) return;
    for (;;) {
      if (id !== this.scanId || this.disposed) return;
      const t0 = Date.now();
      let pending: boolean;
      try { pending = prepare(() => Date.now() - t0 < SLICE_MS); } catch (e) { this.log(`index warm-up failed: ${(e as Error)?.message ?? e}`); return; }
      if (!pending) return;
      await this.yieldToEditor(id);
    }
  }

  private async readIfBulletin(file: string): Promise<string | undefined> {
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile() || st.size > MAX_BYTES) return undefined;
      const buf = await fs.promises.readFile(file);
      if (buf.includes(0)) return undefined; // binary
      const text = buf.toString('utf8');
      if (isBulletinName(file) || looksVietnamese(text)) return text;
      return undefined;
    } catch {
      return undefined;
    }
  }

  /** An open buffer (opened or edited): it wins over disk. */
  /** Returns true when the index took the text (the buffer is a bulletin). */
  bufferChanged(uri: string, text: string, version: number, isBulletin: boolean): boolean {
    const k = this.key(uri);
    if (!isBulletin) {
      // no longer a bulletin (e.g. text replaced): forget it
      if (this.open.delete(k)) this.safeRemove(uri);
      return false;
    }
    this.open.add(k);
    const p = uriToPath(uri);
    if (p && pathToUri(p) !== uri) this.safeRemove(pathToUri(p)); // one entry per file
    try { this.index.update(uri, text, version); } catch (e) { this.log(`index update failed for ${uri}: ${(e as Error)?.message ?? e}`); }
    return true;
  }

  /** Buffer closed: fall back to what is on disk (the file may have changed or gone). */
  async bufferClosed(uri: string): Promise<void> {
    const k = this.key(uri);
    this.open.delete(k);
    const p = uriToPath(uri);
    if (!p) { this.safeRemove(uri); return; }
    const text = await this.readIfBulletin(p);
    if (this.open.has(k)) return;
    this.safeRemove(uri);
    if (text !== undefined) try { this.index.update(pathToUri(p), text, 0); } catch { /* logged elsewhere */ }
  }

  /** workspace/didChangeWatchedFiles for a bulletin-like file. */
  async diskChanged(uri: string, deleted: boolean): Promise<void> {
    const k = this.key(uri);
    if (this.open.has(k)) return; // the buffer wins; a deleted open file keeps being served
    const p = uriToPath(uri);
    if (!p || !isCandidateName(p)) return;
    if (!this.inFolders(p)) return;
    const text = deleted ? undefined : await this.readIfBulletin(p);
    if (this.open.has(k)) return;
    if (text === undefined) this.safeRemove(pathToUri(p));
    else try { this.index.update(pathToUri(p), text, 0); } catch (e) { this.log(`index update failed for ${p}: ${(e as Error)?.message ?? e}`); }
    this.generation++;
    this.onDiskChange();
    void this.warm();
  }

  private safeRemove(uri: string): void {
    try { this.index.remove(uri); } catch { /* ignore */ }
  }

  inFolders(p: string): boolean {
    return this.folders.some(f => { const r = path.relative(f, p); return r === '' || (!r.startsWith('..') && !path.isAbsolute(r)); });
  }

  dispose(): void { this.disposed = true; this.scanId++; }
}
