// The language server: capabilities and one short handler per request, all calling the engine.
// Every handler is wrapped: an exception is logged to the client's output and the server keeps
// serving. No quick-fix state lives here: code actions read Diagnostic.data.
import * as path from 'node:path';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType,
  LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocumentSyncKind, WatchKind,
  type CancellationToken, type CodeAction, type CompletionItem, type CompletionParams, type DefinitionParams,
  type DidChangeConfigurationParams, type DidChangeTextDocumentParams, type DidChangeWatchedFilesParams,
  type DidCloseTextDocumentParams, type DidOpenTextDocumentParams, type DocumentDiagnosticParams,
  type DocumentHighlight, type DocumentHighlightParams, type DocumentSymbol, type DocumentSymbolParams,
  type ExecuteCommandParams, type FoldingRange, type FoldingRangeParams, type Hover, type HoverParams, type Location,
  type ReferenceParams, type SymbolInformation, type WorkspaceFolder, type WorkspaceFoldersChangeEvent,
  type WorkspaceSymbolParams, type CodeActionParams, type Connection, type Diagnostic,
  type DocumentDiagnosticReport, type InitializeParams, type InitializeResult, type TextEdit as LspTextEdit,
  type Position, type Range, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, CancelledError, canRestoreDiacritics, citationFeatures, documentSymbols, fixEdits, foldingRanges, lint, parseDocument, prefetch, resolveConfig, restoreDiacritics, rules } from '../engine/index';
import type { BulletinDocument, EngineConfig, Finding, Locale } from '../engine/index';
import { loadDefaultResources, noResources, type Resources } from '../engine/resources';
import { looksVietnamese } from '../engine/language';
import type { FeatureEnv } from '../engine/features/citations';
import { addWord, findUserDataFolder, readUserData, type UserData } from '../node/userData';
import { cappedNote, capFindings, diffEdits, toCompletion, toDiagnostic, toDocumentSymbol, toFoldingRange, toHighlight, toWorkspaceSymbol, type DiagnosticData } from './convert';
import { DocumentStore, type DocEvent } from './documents';
import { M, localeOf, t } from './messages';
import { SettingsCache, toPartialConfig, type Settings } from './settings';
import { WorkspaceFiles, isBulletinName, pathToUri, uriToPath } from './workspaceFiles';
import { WARMUP_TEXT } from './warmupText';

export const FIX_ALL_KIND = 'source.fixAll.bulletin';
export const CMD_FIX_ALL = 'bulletin.server.fixAll';
export const CMD_ADD_WORD = 'bulletin.server.addWord';
/**
 * Longest delay between a keystroke and pushed diagnostics; the first result after open is
 * immediate. The delay adapts to the document: half of its last lint time, so a cheap document
 * gets its findings almost at once while a burst of keystrokes on a big one is linted once.
 */
export const DEBOUNCE_MS = 150;
/** A selection up to this long (characters) gets its restoring edit at once; a longer one on codeAction/resolve... */
const RESTORE_EAGER_CHARS = 5000;
/** ... or, for a client that cannot resolve, at once up to this long (and no action beyond). */
const RESTORE_MAX_CHARS = 50_000;
const MIN_DEBOUNCE_MS = 4;
/**
 * The workspace scan and its analysis of disk bulletins wait until no open document has changed
 * or finished a check for this long (as well as for checks scheduled or running). Stepping aside
 * only while a check was scheduled or running was not enough: a slice of the scan started in the
 * millisecond between a check's diagnostics and the next keystroke, so the first keystrokes in a
 * freshly opened folder of 100 bulletins took 60-120 ms instead of 20-40. A person's pauses
 * between keys are longer than this, so the scan still runs while they type, in the gaps; it never
 * waits longer than its own limit (one file per second at worst, workspaceFiles.ts).
 */
const EDITOR_QUIET_MS = 100;
/** Delay before other open documents are re-checked after an edit. */
const OTHERS_DELAY_MS = 500;
/**
 * Idle re-checks of edited copies of the first sizeable bulletin opened (scheduleWarmup): how
 * many, and how long the server must have been idle before each. 8 until stop 35: 24 took the
 * bench's 60 KB edits typed 1 s after open from p95 52 to 40 ms (p50 24.5 to 21 ms; 5 fresh
 * servers each), 40 did no better within that second; about 0.8 s of idle CPU, once.
 */
export const WARM_STEPS = 24;
const WARM_IDLE_MS = 20;
/** Only a bulletin at least this long (UTF-16 units) starts the warm-up: edits of shorter ones are fast even cold. */
const WARM_MIN_CHARS = 20_000;
/**
 * Idle prefetch (schedulePrefetch): how long the editor must have been quiet, the spelling block
 * decisions per slice (a few ms), the pause between slices, and the longest bulletin it serves
 * (UTF-16 units; a larger one's decisions would hold much memory for a rare stall). The quiet
 * time leaves the JIT warm-up after a first open (about a second of idle re-checks) to itself:
 * with 300 ms the two shared that second and the first edit after it was slower (the bench's
 * paused 60 KB edits, p95 37-47 against 27-28 ms).
 */
const PREFETCH_IDLE_MS = 1500;
const PREFETCH_BLOCKS = 8;
const PREFETCH_SLICE_GAP_MS = 5;
const PREFETCH_MAX_CHARS = 300_000;
/** The start-up warm-up waits this long after initialized for a first document to check. */
const STARTUP_WARM_MS = 200;

interface Lint { version: number; key: string; active: boolean; findings: Finding[]; diagnostics: Diagnostic[]; config?: EngineConfig }

class Stale extends Error { constructor() { super('document changed'); } }

const tick = () => new Promise<void>(r => setImmediate(r));

/** BULLETIN_LS_TIMING=1 logs where each check's time goes (parse, rules, conversion, sending). */
const TIMING = !!globalThis.process?.env?.['BULLETIN_LS_TIMING'];

export function startServer(connection: Connection): void {
  let locale: Locale = 'en';
  const caps = {
    configuration: false, pull: false, pullRefresh: false, watchedFilesDynamic: false, configDynamic: false,
    documentChanges: false, applyEdit: false, workspaceFolders: false, resolveEdit: false,
  };
  let folders: string[] = [];
  let shuttingDown = false;
  /** Set by initialize: requests before it fail with ServerNotInitialized, notifications are dropped. */
  let initialized = false;

  const log = (m: string) => { try { connection.console.log(m); } catch { /* connection gone */ } };
  const logError = (where: string, e: unknown) => {
    try { connection.console.error(`${where}: ${(e as Error)?.stack ?? String(e)}`); } catch { /* connection gone */ }
  };

  /** window/showMessage as a notification: nothing waits for (or fails on) the user's answer. */
  const notify = (type: MessageType, message: string) => {
    connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(e => logError('showMessage', e));
  };

  const settings = new SettingsCache(connection, () => caps.configuration, log);
  // the scan of disk bulletins steps aside while an open document's check is scheduled or running,
  // and until the editor has been quiet for EDITOR_QUIET_MS (see there)
  const wsFiles = new WorkspaceFiles(log, () => invalidateAll(),
    () => checksPending() || warming || performance.now() - lastEditorActivity < EDITOR_QUIET_MS);
  /** When an open document last changed or finished a check (performance.now()). */
  let lastEditorActivity = -Infinity;
  const docs = new DocumentStore(log, e => { try { onDocEvent(e); } catch (err) { logError('document event', err); } });

  // ---------- generations: anything that invalidates cached lint results ----------
  let userGen = 0;
  /** Bumped when an open bulletin's text reaches the index: other documents may resolve differently. */
  let bufferGen = 0;
  const genKey = () => `${settings.generation}.${userGen}.${wsFiles.generation}.${bufferGen}`;

  // ---------- resources (spelling model: once per process; catalogue: per folder) ----------
  let base: Resources | undefined;
  function baseResources(): Resources {
    if (!base) {
      base = noResources;
      const started = Date.now();
      try { base = loadDefaultResources(); log(`resources loaded in ${Date.now() - started} ms`); } catch (e) { logError('loading resources', e); }
    }
    return base;
  }
  const userData = new Map<string, { data: UserData; resources: Resources }>();
  const reportedProblems = new Set<string>();
  function folderFor(uri: string): string | undefined {
    const p = uriToPath(uri);
    if (!p) return folders[0];
    let best: string | undefined;
    for (const f of folders) {
      const r = path.relative(f, p);
      if (!r.startsWith('..') && !path.isAbsolute(r) && (!best || f.length > best.length)) best = f;
    }
    if (best) return best;
    // outside the workspace folders: the nearest .bulletin above the file (cached per directory)
    const dir = path.dirname(p);
    if (!nearestUserFolder.has(dir)) nearestUserFolder.set(dir, findUserDataFolder(dir));
    return nearestUserFolder.get(dir);
  }
  const nearestUserFolder = new Map<string, string | undefined>();
  function userDataFor(uri: string): { data: UserData | undefined; resources: Resources } {
    const folder = folderFor(uri);
    if (!folder) return { data: undefined, resources: baseResources() };
    let e = userData.get(folder);
    if (!e) {
      const data = readUserData(folder);
      e = { data, resources: { ...baseResources(), documents: data.documents } };
      userData.set(folder, e);
      for (const p of data.problems) {
        const text = t(M.userDataProblem(t(p.message, locale)), locale) + (p.line ? (locale === 'vi' ? ` (dòng ${p.line})` : ` (line ${p.line})`) : '');
        log(text);
        if (!reportedProblems.has(text)) { reportedProblems.add(text); notify(MessageType.Warning, text); }
      }
    }
    return e;
  }
  function env(uri: string): FeatureEnv {
    flushIndex();
    return { workspace: wsFiles.index, resources: userDataFor(uri).resources, locale };
  }

  // ---------- parse and lint, cached per version ----------
  const parsed = new Map<string, BulletinDocument>();
  /** Duration of the last full lint per document (for the adaptive debounce). */
  const lintMs = new Map<string, number>();
  /** When each document last changed (for the debounce). */
  const lastChange = new Map<string, number>();
  /**
   * Delay before checking a document after an edit. An edit that comes after a pause longer
   * than the document's last check (typing has stopped, or is slower than the checks) is checked
   * at once: waiting would only add latency. Within a burst, the delay is half the last check
   * time (at most DEBOUNCE_MS), so a burst on a big document is checked once at its end.
   */
  function debounceFor(uri: string): number {
    const now = Date.now();
    const prev = lastChange.get(uri);
    lastChange.set(uri, now);
    const last = lintMs.get(uri);
    if (last === undefined) return DEBOUNCE_MS;
    if (prev !== undefined && now - prev > Math.max(MIN_DEBOUNCE_MS, last)) return 0;
    return Math.max(MIN_DEBOUNCE_MS, Math.min(DEBOUNCE_MS, Math.round(last / 2)));
  }
  const linted = new Map<string, Lint>();
  function parse(doc: TextDocument): BulletinDocument {
    const c = parsed.get(doc.uri);
    if (c && c.version === doc.version) return c;
    const d = parseDocument(doc.uri, doc.getText(), doc.version);
    parsed.set(doc.uri, d);
    return d;
  }

  const vietnamese = new Map<string, { version: number; yes: boolean }>();
  function isActive(doc: TextDocument, s: Settings): boolean {
    if (isUserDataFile(doc.uri)) return false; // the word list is not a bulletin, even in Vietnamese
    if (doc.languageId === 'bulletin' || isBulletinName(doc.uri)) return true;
    if (s.activation === 'bulletinOnly') return false;
    if (s.activation === 'always') return true;
    let v = vietnamese.get(doc.uri);
    if (!v || v.version !== doc.version) {
      v = { version: doc.version, yes: looksVietnamese(doc.getText({ start: { line: 0, character: 0 }, end: doc.positionAt(4096) })) };
      vietnamese.set(doc.uri, v);
    }
    return v.yes;
  }

  function configFor(s: Settings, uri: string): EngineConfig {
    const ud = userDataFor(uri).data;
    return resolveConfig({ locale }, toPartialConfig(s), ud ? { words: ud.words } : undefined);
  }

  /** Lint one rule at a time, yielding to the event loop so cancellation and new edits get in. */
  async function lintAsync(d: BulletinDocument, config: EngineConfig, resources: Resources, token: CancellationToken | undefined, stillCurrent: () => boolean): Promise<Finding[]> {
    const out: Finding[] = [];
    let last = Date.now();
    for (const rule of rules) {
      if (Date.now() - last > 10) {
        await tick();
        last = Date.now();
      }
      if (token?.isCancellationRequested) throw new CancelledError();
      if (!stillCurrent()) throw new Stale();
      out.push(...lint(d, config, { resources, workspace: wsFiles.index, token, only: [rule] }));
    }
    out.sort((a, b) => a.offsets.start - b.offsets.start || a.offsets.end - b.offsets.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return out;
  }

  /** The diagnostics of `findings` in `original`: an OCR scan can have thousands of findings, so
   * the editor gets the most severe (bulletin.maxProblems) and a note saying how many there are. */
  function diagnosticsOf(findings: readonly Finding[], original: string, maxProblems: number): Diagnostic[] {
    const shown = capFindings(findings, maxProblems);
    const diagnostics = shown.map(f => toDiagnostic(f, original));
    if (shown.length < findings.length) diagnostics.unshift(cappedNote(t(M.moreProblems(shown.length, findings.length), locale)));
    return diagnostics;
  }

  /** Checks of open documents in progress (diagnose). */
  let checking = 0;
  /** An open document's check is scheduled (debounce timer), being pushed or running: idle work waits. */
  function checksPending(): boolean { return timers.size > 0 || pushRuns.size > 0 || checking > 0; }
  async function diagnose(doc: TextDocument, token?: CancellationToken): Promise<Lint> {
    checking++;
    try { return await diagnoseNow(doc, token); } finally { checking--; lastEditorActivity = performance.now(); }
  }

  async function diagnoseNow(doc: TextDocument, token?: CancellationToken): Promise<Lint> {
    const uri = doc.uri, version = doc.version;
    const tIn = performance.now();
    const s = await settings.get(uri);
    const stillCurrent = () => docs.get(uri)?.version === version;
    if (!stillCurrent()) throw new Stale();
    const tFlush = performance.now();
    flushIndex();
    const tFlushed = performance.now();
    const key = genKey();
    const cached = linted.get(uri);
    if (cached && cached.version === version && cached.key === key) return cached;
    if (!isActive(doc, s)) {
      const r: Lint = { version, key, active: false, findings: [], diagnostics: [] };
      linted.set(uri, r);
      return r;
    }
    await tick();
    if (token?.isCancellationRequested) throw new CancelledError();
    if (!stillCurrent()) throw new Stale();
    const t0 = performance.now();
    const d = parse(doc);
    const config = configFor(s, uri);
    const t1 = performance.now();
    const findings = await lintAsync(d, config, userDataFor(uri).resources, token, stillCurrent);
    const t2 = performance.now();
    lintMs.set(uri, Math.round(t2 - t1));
    const original = doc.getText();
    const diagnostics = diagnosticsOf(findings, original, s.maxProblems);
    const r: Lint = { version, key, active: true, findings, diagnostics, config };
    linted.set(uri, r);
    schedulePrefetch(PREFETCH_IDLE_MS);
    if (!warmStarted && original.length >= WARM_MIN_CHARS) { warmStarted = true; scheduleWarmup(uri, config, s.maxProblems); }
    if (TIMING) log(`timing ${uri} v${version}: waited ${(tFlush - tIn + t0 - tFlushed).toFixed(1)} ms, index ${(tFlushed - tFlush).toFixed(1)} ms, parse ${(t1 - t0).toFixed(1)} ms, rules ${(t2 - t1).toFixed(1)} ms, to LSP ${(performance.now() - t2).toFixed(1)} ms, ${findings.length} findings`);
    return r;
  }

  // ---------- idle prefetch ----------
  // An edit that moves a bulletin's error rate across a quantum has every spelling block decided
  // again (72-106 ms at 60 KB against a 10-12 ms median). While the editor is quiet, the engine
  // decides the blocks of each checked bulletin at the neighbouring rates (engine prefetch), a
  // slice at a time, so such an edit waits for its own blocks only. Findings never depend on it.
  let prefetchTimer: NodeJS.Timeout | undefined;
  function schedulePrefetch(delay: number): void {
    if (prefetchTimer || shuttingDown) return;
    prefetchTimer = setTimeout(prefetchStep, delay);
    prefetchTimer.unref?.();
  }
  function prefetchStep(): void {
    prefetchTimer = undefined;
    if (shuttingDown) return;
    const quiet = performance.now() - lastEditorActivity;
    if (checksPending() || quiet < PREFETCH_IDLE_MS) { schedulePrefetch(Math.max(PREFETCH_SLICE_GAP_MS, PREFETCH_IDLE_MS - quiet)); return; }
    for (const [uri, l] of linted) {
      const doc = docs.get(uri), d = parsed.get(uri);
      if (!l.active || !l.config || !doc || !d || l.version !== doc.version || d.version !== doc.version || d.text.length > PREFETCH_MAX_CHARS) continue;
      let done = true;
      try {
        done = prefetch(d, l.config, userDataFor(uri).resources, PREFETCH_BLOCKS);
      } catch (e) {
        logError('prefetch', e);
      }
      if (!done) { schedulePrefetch(PREFETCH_SLICE_GAP_MS); return; }
    }
  }

  // ---------- JIT warm-up ----------
  // The first few edits after a bulletin is opened used to take 3-6 times as long as later ones
  // (60 KB OCR bulletin: 40-120 ms, then 15-25 ms), whether the user typed at once or seconds
  // later: V8 compiles the re-check path (paragraph and block cache hits, the document pass,
  // conversion, serialisation) only once that path has run a few times. So, once per process,
  // after the first check of a sizeable bulletin, the server re-checks a few edited copies of
  // that document while it is idle and throws the results away (about 0.6-1 s of CPU, once).
  // Each step waits until nothing else is scheduled or running, and the warm-up ends for good at
  // the next event of any document (an edit, an open, a close).
  let warmStarted = false;
  /**
   * While the warm-up runs, the disk scan steps aside as it does for a check: sharing the idle
   * second after an open with it, the warm-up got through too few re-checks, and with the
   * benchmark's 100 files in the folder the first edits after a 1 s pause took 33-59 ms against
   * 22-30 ms without a folder. The scan goes on when the warm-up ends (at most WARM_STEPS
   * re-checks, or the next document event).
   */
  let warming = false;
  let docEvents = 0;
  function scheduleWarmup(uri: string, config: EngineConfig, maxProblems: number): void {
    const events = docEvents;
    const started = performance.now();
    let done = 0, busyMs = 0;
    warming = true;
    const finish = (why: string) => {
      warming = false;
      log(`warm-up: ${done} idle re-check${done === 1 ? '' : 's'} of ${path.basename(uri)} in ${busyMs.toFixed(0)} ms (${(performance.now() - started).toFixed(0)} ms wall)${why ? `; ${why}` : ''}`);
    };
    const step = () => {
      const wait = setTimeout(() => {
        if (shuttingDown) { warming = false; return; }
        if (docEvents !== events) { finish('stopped: a document was edited, opened or closed'); return; }
        // (a check in progress, pushed or pulled, goes first: checksPending)
        if (checksPending()) { step(); return; }
        // every edit or close of the document is a document event (above): it is still as checked
        const doc = docs.get(uri);
        if (!doc) { finish('stopped: the document is gone'); return; }
        const t0 = performance.now();
        try {
          warmOnce(doc, done, config, maxProblems);
        } catch (e) {
          logError('warm-up', e);
          finish('stopped by an error');
          return;
        }
        busyMs += performance.now() - t0;
        done++;
        if (done < WARM_STEPS) step(); else finish('');
      }, WARM_IDLE_MS);
      wait.unref?.();
    };
    step();
  }
  /**
   * Once, when the server has started and no bulletin is being checked: load the model and check a
   * short made-up bulletin (warmupText.ts), results dropped: ~150-220 ms. A fresh process spends
   * most of its first check of a 60 KB OCR bulletin running the checks before V8 has compiled
   * them; a bulletin opened a second after start got its diagnostics in a median 608 ms with this
   * step against 709 without (8 interleaved runs). Skipped when a bulletin is being checked or was
   * (the usual start: the editor starts the server for the bulletin it opens, and making that
   * first check wait for this step cost more than the step saved): it serves a server started for
   * another file (a Markdown note, a plain-text file that is no bulletin).
   */
  function startupWarm(): void {
    if (shuttingDown || checksPending() || [...linted.values()].some(l => l.active)) return;
    const t0 = performance.now();
    try {
      const d = parseDocument('bulletin-warmup:sample', WARMUP_TEXT, -1);
      const findings = lint(d, resolveConfig({}), { resources: baseResources() });
      JSON.stringify(findings.map(f => toDiagnostic(f, WARMUP_TEXT)));
    } catch (e) {
      logError('start-up warm-up', e);
      return;
    }
    log(`start-up warm-up in ${(performance.now() - t0).toFixed(0)} ms`);
  }

  /** One re-check of `doc` with a letter typed at the k-th of WARM_STEPS places; results dropped. */
  function warmOnce(doc: TextDocument, k: number, config: EngineConfig, maxProblems: number): void {
    const text = doc.getText();
    let at = Math.floor(text.length * (k + 1) / (WARM_STEPS + 1));
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const edited = text.slice(0, at) + 'a' + text.slice(at);
    const uri = doc.uri;
    const d = parseDocument(uri, edited, -1 - k);
    const findings = lint(d, config, { resources: userDataFor(uri).resources, workspace: wsFiles.index });
    JSON.stringify(diagnosticsOf(findings, edited, maxProblems));
  }

  // ---------- pushed diagnostics (clients without pull support) ----------
  const timers = new Map<string, NodeJS.Timeout>();
  const pushRuns = new Map<string, { cancelled: boolean }>();
  const pushedNonEmpty = new Set<string>();
  function schedulePush(uri: string, delay: number): void {
    if (caps.pull || shuttingDown) return;
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    const prev = pushRuns.get(uri);
    if (prev) prev.cancelled = true;
    // when the wait is over, first read what has arrived meanwhile: a later edit of the same
    // burst re-arms the timer, and this run gives way to it
    const run = () => { timers.delete(uri); setImmediate(() => { if (!timers.has(uri)) void push(uri); }); };
    if (delay <= 0) { timers.delete(uri); void push(uri); } else timers.set(uri, setTimeout(run, delay));
  }
  /** Re-check a document whose own text did not change, without delaying or cancelling its own run. */
  function scheduleRecheck(uri: string): void {
    if (caps.pull || shuttingDown || timers.has(uri)) return;
    timers.set(uri, setTimeout(() => { timers.delete(uri); void push(uri); }, OTHERS_DELAY_MS));
  }
  async function push(uri: string): Promise<void> {
    const doc = docs.get(uri);
    if (!doc) return;
    const prev = pushRuns.get(uri);
    if (prev) prev.cancelled = true;
    const state = { cancelled: false };
    pushRuns.set(uri, state);
    const token = { get isCancellationRequested() { return state.cancelled; } } as CancellationToken;
    try {
      const r = await diagnose(doc, token);
      if (state.cancelled || docs.get(uri)?.version !== r.version) return;
      if (!r.active && !pushedNonEmpty.has(uri)) return;
      if (r.diagnostics.length) pushedNonEmpty.add(uri); else pushedNonEmpty.delete(uri);
      const t0 = performance.now();
      await connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
      if (TIMING) log(`timing ${uri} v${r.version}: sent in ${(performance.now() - t0).toFixed(1)} ms, ${(performance.now() - (changedAt.get(uri) ?? t0)).toFixed(1)} ms after the change arrived`);
    } catch (e) {
      if (e instanceof CancelledError || e instanceof Stale) return;
      logError(`diagnostics for ${uri}`, e);
    } finally {
      if (pushRuns.get(uri) === state) pushRuns.delete(uri);
    }
  }

  let refreshTimer: NodeJS.Timeout | undefined;
  /** Settings, word lists or other files changed: every document's findings may change. */
  function invalidateAll(): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      if (shuttingDown) return;
      if (caps.pull) {
        if (caps.pullRefresh) connection.languages.diagnostics.refresh().catch(e => logError('diagnostics refresh', e));
      } else {
        for (const d of docs.all()) schedulePush(d.uri, 0);
      }
    }, 50);
  }

  // ---------- open buffers -> workspace index ----------
  const pendingIndex = new Map<string, TextDocument>();
  /** BULLETIN_LS_TIMING: when each document's last change arrived. */
  const changedAt = new Map<string, number>();
  /** Give the index the latest text of every buffer edited since the last call. */
  function flushIndex(): void {
    if (!pendingIndex.size) return;
    const changed: string[] = [];
    for (const doc of pendingIndex.values()) {
      const bulletinLike = doc.languageId === 'bulletin' || isBulletinName(doc.uri) || looksVietnamese(doc.getText({ start: { line: 0, character: 0 }, end: doc.positionAt(4096) }));
      if (wsFiles.bufferChanged(doc.uri, doc.getText(), doc.version, bulletinLike)) changed.push(doc.uri);
    }
    pendingIndex.clear();
    if (!changed.length) return;
    bufferGen++;
    // Other open bulletins may resolve their citations differently now. A pull client re-pulls
    // them itself (interFileDependencies); for push, re-check them once typing pauses.
    if (!caps.pull) for (const d of docs.all()) if (!changed.includes(d.uri)) scheduleRecheck(d.uri);
  }

  // ---------- document events ----------
  function onDocEvent(e: DocEvent): void {
    const { doc } = e;
    docEvents++;
    lastEditorActivity = performance.now();
    if (e.kind === 'close') {
      const tm = timers.get(doc.uri); if (tm) clearTimeout(tm);
      timers.delete(doc.uri);
      parsed.delete(doc.uri); linted.delete(doc.uri); fixAllCache.delete(doc.uri); lintMs.delete(doc.uri); lastChange.delete(doc.uri); vietnamese.delete(doc.uri); settings.forget(doc.uri);
      pendingIndex.delete(doc.uri);
      void wsFiles.bufferClosed(doc.uri).catch(err => logError('index', err));
      if (!caps.pull && pushedNonEmpty.delete(doc.uri)) void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] }).catch(() => undefined);
      return;
    }
    // The index takes the buffer lazily (flushIndex), not on every keystroke.
    pendingIndex.set(doc.uri, doc);
    if (isUserDataFile(doc.uri)) return;
    if (e.kind === 'open') lastChange.set(doc.uri, Date.now());
    if (TIMING) changedAt.set(doc.uri, performance.now());
    schedulePush(doc.uri, e.kind === 'open' ? 0 : debounceFor(doc.uri));
  }

  function isUserDataFile(uri: string): boolean {
    return /\/\.bulletin\/(words\.txt|documents\.json)$/.test(uri);
  }

  // ---------- handler wrapper ----------
  function guard<P, R>(name: string, fallback: R, fn: (p: P, token: CancellationToken) => R | Promise<R>) {
    return async (p: P, token: CancellationToken): Promise<R> => {
      if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server has not been initialized');
      if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
      try {
        return await fn(p, token);
      } catch (e) {
        if (e instanceof CancelledError || token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        if (e instanceof ResponseError) throw e;
        if (e instanceof Stale) throw new ResponseError(LSPErrorCodes.ContentModified, 'document changed');
        logError(name, e);
        return fallback;
      }
    };
  }

  /** The open document and its parse, when it is an active bulletin; else undefined. */
  async function activeDoc(uri: unknown): Promise<{ doc: TextDocument; parsed: BulletinDocument } | undefined> {
    if (typeof uri !== 'string') return undefined;
    const doc = docs.get(uri);
    if (!doc) return undefined;
    const s = await settings.get(uri);
    if (!isActive(doc, s)) return undefined;
    return { doc, parsed: parse(doc) };
  }

  function offsetOf(d: BulletinDocument, pos: unknown): number | undefined {
    const p = pos as { line?: unknown; character?: unknown } | undefined;
    if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') return undefined;
    return d.source.offsetAt({ line: p.line, character: p.character });
  }

  // ---------- lifecycle ----------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialized = true;
    locale = localeOf(params.locale);
    const c = params.capabilities ?? {};
    caps.configuration = !!c.workspace?.configuration;
    caps.pull = !!c.textDocument?.diagnostic;
    caps.pullRefresh = !!c.workspace?.diagnostics?.refreshSupport;
    caps.watchedFilesDynamic = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    caps.configDynamic = !!c.workspace?.didChangeConfiguration?.dynamicRegistration;
    caps.documentChanges = !!c.workspace?.workspaceEdit?.documentChanges;
    caps.applyEdit = !!c.workspace?.applyEdit;
    caps.workspaceFolders = !!c.workspace?.workspaceFolders;
    caps.resolveEdit = !!c.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    const fromFolders = (params.workspaceFolders ?? []).map(f => uriToPath(f.uri)).filter((p): p is string => !!p);
    // eslint-disable-next-line deprecation/deprecation
    const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined;
    folders = fromFolders.length ? fromFolders : root ? [root] : [];
    wsFiles.setFolders(folders);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [CMD_FIX_ALL, CMD_ADD_WORD] },
        documentSymbolProvider: { label: 'Bulletin' },
        foldingRangeProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bulletin-ls', version: '0.1.0' },
    };
    if (caps.pull) {
      result.capabilities.diagnosticProvider = { identifier: 'bulletin', interFileDependencies: true, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    try {
      if (caps.configDynamic) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulletin' }).catch(e => logError('register configuration', e));
      }
      if (caps.watchedFilesDynamic) {
        const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{md,markdown,txt,bulletin}', kind },
            { globPattern: '**/.bulletin/{words.txt,documents.json}', kind },
          ],
        }).catch(e => logError('register file watchers', e));
      }
      if (caps.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((ev: WorkspaceFoldersChangeEvent) => {
          try {
            const removed = new Set(ev.removed.map((f: WorkspaceFolder) => uriToPath(f.uri)));
            folders = [...folders.filter(f => !removed.has(f)), ...ev.added.map((f: WorkspaceFolder) => uriToPath(f.uri)).filter((x): x is string => !!x)];
            wsFiles.setFolders(folders);
            userData.clear(); userGen++;
            void wsFiles.scan();
            invalidateAll();
          } catch (e) { logError('workspace folders', e); }
        });
      }
      // Unless a bulletin is already being checked, load the model and warm the checks up; then
      // index other bulletins in the background (it steps aside while a check is scheduled or
      // running, so open documents are served first).
      setTimeout(() => {
        startupWarm();
        setTimeout(() => { if (!shuttingDown) void wsFiles.scan(); }, 100);
      }, STARTUP_WARM_MS);
    } catch (e) { logError('initialized', e); }
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const tm of timers.values()) clearTimeout(tm);
    timers.clear();
    if (refreshTimer) clearTimeout(refreshTimer);
    wsFiles.dispose();
  });

  // ---------- sync ----------
  connection.onDidOpenTextDocument((p: DidOpenTextDocumentParams) => { if (!initialized) return; try { docs.open(p); } catch (e) { logError('didOpen', e); } });
  connection.onDidChangeTextDocument((p: DidChangeTextDocumentParams) => { if (!initialized) return; try { docs.change(p); } catch (e) { logError('didChange', e); } });
  connection.onDidCloseTextDocument((p: DidCloseTextDocumentParams) => { if (!initialized) return; try { docs.close(p); } catch (e) { logError('didClose', e); } });

  connection.onDidChangeConfiguration((p: DidChangeConfigurationParams) => {
    try {
      settings.changed(p?.settings);
      vietnamese.clear();
      invalidateAll();
    } catch (e) { logError('didChangeConfiguration', e); }
  });

  connection.onDidChangeWatchedFiles((p: DidChangeWatchedFilesParams) => {
    try {
      for (const ch of p?.changes ?? []) {
        if (typeof ch?.uri !== 'string') continue;
        if (isUserDataFile(ch.uri)) {
          userData.clear(); nearestUserFolder.clear(); userGen++;
          invalidateAll();
          continue;
        }
        void wsFiles.diskChanged(ch.uri, ch.type === FileChangeType.Deleted).catch(e => logError('index', e));
      }
    } catch (e) { logError('didChangeWatchedFiles', e); }
  });

  // ---------- pulled diagnostics ----------
  connection.languages.diagnostics.on(guard('textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (p: DocumentDiagnosticParams, token): Promise<DocumentDiagnosticReport> => {
    const doc = docs.get(p?.textDocument?.uri);
    if (!doc) return { kind: 'full', items: [] };
    try {
      const r = await diagnose(doc, token);
      const resultId = `${r.version}:${r.key}`;
      if (p.previousResultId === resultId) return { kind: 'unchanged', resultId };
      return { kind: 'full', resultId, items: r.diagnostics };
    } catch (e) {
      if (e instanceof Stale) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
      throw e;
    }
  }));

  // ---------- code actions ----------
  /**
   * The whole-document fix: apply the safe fixes, lint again, and repeat until nothing changes
   * (as the CLI's --fix does), so that running it twice changes nothing. Returned as minimal
   * per-line edits against the current version. Cached per version.
   */
  const fixAllCache = new Map<string, { version: number; key: string; edits: LspTextEdit[] }>();
  async function fixAllEdits(doc: TextDocument, token: CancellationToken | undefined): Promise<LspTextEdit[]> {
    const r = await diagnose(doc, token);
    const hit = fixAllCache.get(doc.uri);
    if (hit && hit.version === r.version && hit.key === r.key) return hit.edits;
    const uri = doc.uri, version = doc.version;
    const original = doc.getText();
    let text = original;
    let findings = r.findings;
    const config = configFor(await settings.get(uri), uri);
    const resources = userDataFor(uri).resources;
    const stillCurrent = () => docs.get(uri)?.version === version;
    for (let pass = 0; pass < 8; pass++) {
      const edits = fixEdits(text, findings, true);
      if (!edits.length) break;
      text = applyEdits(text, edits);
      findings = await lintAsync(parseDocument(uri, text, version), config, resources, token, stillCurrent);
    }
    const edits = text === original ? [] : diffEdits(original, text);
    fixAllCache.set(uri, { version, key: r.key, edits });
    return edits;
  }

  function asWorkspaceEdit(doc: TextDocument, edits: LspTextEdit[]): WorkspaceEdit {
    return caps.documentChanges
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
      : { changes: { [doc.uri]: edits } };
  }

  function isRange(x: unknown): x is Range {
    const pos = (p: unknown) => typeof (p as Position | undefined)?.line === 'number' && typeof (p as Position).character === 'number';
    return pos((x as Range | undefined)?.start) && pos((x as Range).end);
  }

  function wants(only: string[] | undefined, kind: string): boolean {
    if (!only || only.length === 0) return true;
    return only.some(o => kind === o || kind.startsWith(o + '.'));
  }

  connection.onCodeAction(guard('textDocument/codeAction', [] as CodeAction[], async (p: CodeActionParams, token) => {
    const a = await activeDoc(p?.textDocument?.uri);
    if (!a) return [];
    const { doc } = a;
    const only = p.context?.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const addedWords = new Set<string>();
      let restoreAll: Diagnostic | undefined;
      for (const d of p.context?.diagnostics ?? []) {
        if (d?.source !== 'bulletin') continue;
        const data = d.data as Partial<DiagnosticData> | undefined;
        const current = doc.getText(d.range);
        // A diagnostic from an older version whose text has changed since: offer nothing stale.
        if (typeof data?.word === 'string' && data.word !== current) continue;
        const suggestions = Array.isArray(data?.suggestions) ? data!.suggestions.filter(s => typeof s === 'string') : [];
        suggestions.forEach((s, i) => {
          if (s === current) return;
          actions.push({
            title: t(s === '' ? M.deleteText() : M.replaceWith(s), locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: i === 0,
            edit: { changes: { [doc.uri]: [{ range: d.range, newText: s }] } },
          });
        });
        if (data?.['kind'] === 'unaccented') restoreAll ??= d;
        // (a run of words typed without marks is no word to add)
        const word = data?.word;
        if (typeof word === 'string' && word.trim() && !/\s/.test(word.trim()) && String(d.code ?? '').startsWith('spelling.') && !addedWords.has(word) && doc.uri.startsWith('file:')) {
          addedWords.add(word);
          actions.push({
            title: t(M.addWord(word), locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            command: { title: t(M.addWord(word), locale), command: CMD_ADD_WORD, arguments: [doc.uri, word] },
          });
        }
      }
      // beside a line typed without marks: restore them on every such line of the document at once
      if (restoreAll) {
        // (the document's current findings; none when it changed meanwhile, the other actions stay)
        const findings = await diagnose(doc, token).then(r => r.findings, () => [] as Finding[]);
        const edits = findings
          .filter(f => f.data?.['kind'] === 'unaccented' && f.suggestions[0] !== undefined)
          .map(f => ({ range: f.range, newText: f.suggestions[0]! }));
        if (edits.length > 1) {
          actions.push({ title: t(M.restoreAllMarks(edits.length), locale), kind: CodeActionKind.QuickFix, diagnostics: [restoreAll], edit: asWorkspaceEdit(doc, edits) });
        }
      }
    }
    // A selection: restore the marks of its words typed without them (asked for, so no
    // threshold). Editors ask on every selection change: a long selection is offered on a cheap
    // check and read in context only when the action is picked (codeAction/resolve).
    const sel = p.range;
    if (isRange(sel) && (sel.start.line !== sel.end.line || sel.start.character !== sel.end.character) && wants(only, CodeActionKind.RefactorRewrite)) {
      const res = userDataFor(doc.uri).resources;
      if (canRestoreDiacritics(a.parsed, res, sel)) {
        const chars = a.parsed.source.offsetAt(sel.end) - a.parsed.source.offsetAt(sel.start);
        const title = t(M.restoreSelection(), locale);
        if (chars > RESTORE_EAGER_CHARS && caps.resolveEdit) {
          actions.push({ title, kind: CodeActionKind.RefactorRewrite, data: { restore: { uri: doc.uri, version: doc.version, range: sel } } });
        } else if (chars <= RESTORE_MAX_CHARS) {
          const edits = restoreDiacritics(a.parsed, res, sel);
          if (edits.length) actions.push({ title, kind: CodeActionKind.RefactorRewrite, edit: asWorkspaceEdit(doc, edits) });
        }
      }
    }
    // Fix-all only when a source action is asked for (on save, Source Action menu): it lints the
    // document again after fixing, which a lightbulb request should not pay for.
    if (only?.length && wants(only, FIX_ALL_KIND)) {
      const edits = await fixAllEdits(doc, token);
      if (edits.length) actions.push({ title: t(M.fixAll(), locale), kind: FIX_ALL_KIND, edit: asWorkspaceEdit(doc, edits) });
    }
    return actions;
  }));

  connection.onCodeActionResolve(guard('codeAction/resolve', null as unknown as CodeAction, async (action: CodeAction) => {
    const r = (action?.data as { restore?: { uri: string; version: number; range: Range } } | undefined)?.restore;
    if (!r || !isRange(r.range)) return action;
    const a = await activeDoc(r.uri);
    // (the document changed since the action was offered: nothing to apply)
    if (!a || a.doc.version !== r.version) return action;
    return { ...action, edit: asWorkspaceEdit(a.doc, restoreDiacritics(a.parsed, userDataFor(r.uri).resources, r.range)) };
  }));

  connection.onExecuteCommand(guard('workspace/executeCommand', null as unknown, async (p: ExecuteCommandParams, token) => {
    const args = Array.isArray(p?.arguments) ? p.arguments : [];
    if (p?.command === CMD_FIX_ALL) {
      const a = await activeDoc(args[0]);
      if (!a) return { applied: false };
      const edits = await fixAllEdits(a.doc, token);
      if (!edits.length) { notify(MessageType.Info, t(M.nothingToFix(), locale)); return { applied: false, edits: 0 }; }
      const res = await connection.workspace.applyEdit({ label: t(M.fixAll(), locale), edit: asWorkspaceEdit(a.doc, edits) });
      return { applied: res.applied, edits: edits.length };
    }
    if (p?.command === CMD_ADD_WORD) {
      const uri = args[0], word = args[1];
      if (typeof uri !== 'string' || typeof word !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected [uri, word]');
      const file = uriToPath(uri);
      const folder = folderFor(uri) ?? (file ? path.dirname(file) : undefined);
      if (!folder) { notify(MessageType.Warning, t(M.noFolder(), locale)); return { added: false }; }
      const r = addWord(folder, word);
      if (!r.ok) {
        notify(MessageType.Error, t(r.message, locale));
        return { added: false, file: r.file };
      }
      userData.delete(folder); nearestUserFolder.clear(); userGen++;
      invalidateAll();
      log(t(M.wordAdded(word, r.file), locale));
      return { added: r.added, file: r.file, uri: pathToUri(r.file) };
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${String(p?.command)}`);
  }));

  // ---------- outline, folding ----------
  connection.onDocumentSymbol(guard('textDocument/documentSymbol', [] as DocumentSymbol[], async (p: DocumentSymbolParams) => {
    const a = await activeDoc(p?.textDocument?.uri);
    return a ? documentSymbols(a.parsed, env(a.doc.uri)).map(toDocumentSymbol) : [];
  }));

  connection.onFoldingRanges(guard('textDocument/foldingRange', [] as FoldingRange[], async (p: FoldingRangeParams) => {
    const a = await activeDoc(p?.textDocument?.uri);
    return a ? foldingRanges(a.parsed).map(toFoldingRange) : [];
  }));

  // ---------- citation navigation ----------
  connection.onHover(guard('textDocument/hover', null as Hover | null, async (p: HoverParams): Promise<Hover | null> => {
    const a = await activeDoc(p?.textDocument?.uri);
    const off = a && offsetOf(a.parsed, p.position);
    if (!a || off === undefined) return null;
    const h = citationFeatures.hover(a.parsed, off, env(a.doc.uri));
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
  }));

  connection.onDefinition(guard('textDocument/definition', [] as Location[], async (p: DefinitionParams) => {
    const a = await activeDoc(p?.textDocument?.uri);
    const off = a && offsetOf(a.parsed, p.position);
    if (!a || off === undefined) return [];
    return citationFeatures.definition(a.parsed, off, env(a.doc.uri));
  }));

  connection.onReferences(guard('textDocument/references', [] as Location[], async (p: ReferenceParams) => {
    const a = await activeDoc(p?.textDocument?.uri);
    const off = a && offsetOf(a.parsed, p.position);
    if (!a || off === undefined) return [];
    return citationFeatures.references(a.parsed, off, env(a.doc.uri), !!p.context?.includeDeclaration);
  }));

  connection.onDocumentHighlight(guard('textDocument/documentHighlight', [] as DocumentHighlight[], async (p: DocumentHighlightParams) => {
    const a = await activeDoc(p?.textDocument?.uri);
    const off = a && offsetOf(a.parsed, p.position);
    if (!a || off === undefined) return [];
    return citationFeatures.highlights(a.parsed, off, env(a.doc.uri)).map(toHighlight);
  }));

  connection.onCompletion(guard('textDocument/completion', [] as CompletionItem[], async (p: CompletionParams) => {
    const a = await activeDoc(p?.textDocument?.uri);
    const off = a && offsetOf(a.parsed, p.position);
    if (!a || off === undefined) return [];
    return citationFeatures.completions(a.parsed, off, env(a.doc.uri)).map(toCompletion);
  }));

  connection.onWorkspaceSymbol(guard('workspace/symbol', [] as SymbolInformation[], async (p: WorkspaceSymbolParams) => {
    const query = typeof p?.query === 'string' ? p.query : '';
    flushIndex();
    const first = docs.all()[0];
    return citationFeatures.workspaceSymbols(query, first ? env(first.uri) : { workspace: wsFiles.index, resources: baseResources(), locale }).map(toWorkspaceSymbol);
  }));
}
