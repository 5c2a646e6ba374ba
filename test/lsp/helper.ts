// A scripted LSP client for protocol tests: forks the built server with --stdio and talks to it
// through vscode-languageserver's protocol connection (pattern: volar.js test-utils).
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, ApplyWorkspaceEditRequest,
  ShowMessageNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, DiagnosticRefreshRequest,
  WorkDoneProgressCreateRequest, DocumentDiagnosticRequest,
  type ApplyWorkspaceEditParams, type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection,
  type PublishDiagnosticsParams, type LogMessageParams, type ShowMessageParams, type ConfigurationParams, type ConfigurationItem,
  type RegistrationParams, type TextDocumentContentChangeEvent, type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';

export const root = path.resolve(__dirname, '../../..');
/** BULLETIN_LS_SERVER lets a developer point the tests at another build. */
export const serverPath = process.env['BULLETIN_LS_SERVER'] ?? path.join(root, 'server/out/main.js');

export const seedPaths = {
  ocr: path.join(root, 'seeds/000_a564b550e16160e0.txt'),
  markdown: path.join(root, 'seeds/003_ac34d902066b54a2.txt'),
};
export function seed(which: keyof typeof seedPaths): string { return fs.readFileSync(seedPaths[which], 'utf8'); }

export interface StartOptions {
  /** Declare textDocument.diagnostic (pull) support. Default false (push). */
  pull?: boolean;
  locale?: string;
  /** Workspace folder on disk. */
  folder?: string;
  /** Answer to workspace/configuration, by scope URI ('' = any). Mutable: tests edit it. */
  settings?: Map<string, unknown>;
  /** Leave out the workspace.configuration capability. */
  noConfiguration?: boolean;
  /** Answer to workspace/applyEdit. */
  applyEdit?: (p: ApplyWorkspaceEditParams) => boolean;
  /** Declare codeAction/resolve support for the edit property (as VS Code does). */
  resolveCodeActions?: boolean;
}

const tmpDirs: string[] = [];
process.once('exit', () => { for (const d of tmpDirs) try { fs.rmSync(d, { recursive: true, force: true }); } catch { /* best effort */ } });

/** A scratch folder, removed when the test process exits. */
export function tmpDir(prefix = 'bulletin-lsp-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
}
export function fileUri(p: string): string { return pathToFileURL(p).href; }

export function sleep(ms: number): Promise<void> { return new Promise(r => setTimeout(r, ms)); }

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly configRequests: (string | undefined)[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  readonly messages: { type: number; message: string }[] = [];
  refreshRequests = 0;
  stderr = '';
  exited = false;
  init!: InitializeResult;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly proc: cp.ChildProcess, readonly conn: ProtocolConnection, readonly opts: StartOptions) {}

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const proc = cp.spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: opts.folder ?? root });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new TestClient(proc, conn, opts);
    proc.stderr!.on('data', d => { c.stderr += String(d); });
    proc.on('exit', () => { c.exited = true; c.notify(); });
    conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      const list = c.published.get(p.uri) ?? [];
      list.push(p);
      c.published.set(p.uri, list);
      c.notify();
    });
    conn.onNotification(LogMessageNotification.type, (p: LogMessageParams) => { c.logs.push(p.message); c.notify(); });
    conn.onNotification(ShowMessageNotification.type, (p: ShowMessageParams) => { c.messages.push(p); c.notify(); });
    conn.onRequest(ConfigurationRequest.type, (p: ConfigurationParams) => p.items.map((item: ConfigurationItem) => {
      c.configRequests.push(item.scopeUri);
      const s = opts.settings;
      if (!s || item.section !== 'bulletin') return null;
      return (item.scopeUri !== undefined && s.has(item.scopeUri) ? s.get(item.scopeUri) : s.get('')) ?? null;
    }));
    conn.onRequest(RegistrationRequest.type, (p: RegistrationParams) => { c.registrations.push(...p.registrations); });
    conn.onRequest(ApplyWorkspaceEditRequest.type, (p: ApplyWorkspaceEditParams) => {
      c.appliedEdits.push(p);
      c.notify();
      return { applied: opts.applyEdit ? opts.applyEdit(p) : true };
    });
    conn.onRequest(DiagnosticRefreshRequest.type, () => { c.refreshRequests++; c.notify(); });
    conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    conn.listen();
    const folderUri = opts.folder ? fileUri(opts.folder) : null;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: !opts.noConfiguration,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        diagnostics: opts.pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true,
          resolveSupport: opts.resolveCodeActions ? { properties: ['edit'] } : undefined,
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        diagnostic: opts.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      },
    };
    const exited = new Promise<never>((_, reject) => proc.once('exit', code => reject(new Error(`server exited (code ${code}) before answering initialize\n${c.stderr}`))));
    exited.catch(() => undefined);
    c.init = await Promise.race([exited, conn.sendRequest<InitializeResult>(InitializeRequest.method, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: path.basename(opts.folder!) }] : null,
      capabilities,
      locale: opts.locale ?? 'en',
    })]);
    await conn.sendNotification(InitializedNotification.type, {});
    return c;
  }

  private notify(): void { for (const w of [...this.waiters]) w(); }

  /** Resolve when `check()` returns a value other than undefined; reject after `ms`. */
  waitFor<T>(what: string, check: () => T | undefined, ms = 10000): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryIt = () => {
        let v: T | undefined;
        try { v = check(); } catch (e) { cleanup(); reject(e); return; }
        if (v !== undefined) { cleanup(); resolve(v); return; }
        if (this.exited) { cleanup(); reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`)); }
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${ms} ms waiting for ${what}\nserver log:\n${this.logs.slice(-20).join('\n')}\n${this.stderr}`)); }, ms);
      const poll = setInterval(tryIt, 25);
      const cleanup = () => { clearTimeout(timer); clearInterval(poll); this.waiters.delete(tryIt); };
      this.waiters.add(tryIt);
      tryIt();
    });
  }

  /** The next diagnostics published for `uri` (for a version at least `minVersion`). */
  waitForDiagnostics(uri: string, minVersion = 0, ms = 10000): Promise<Diagnostic[]> {
    const seen = this.published.get(uri)?.length ?? 0;
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const list = this.published.get(uri) ?? [];
      for (let i = seen; i < list.length; i++) if ((list[i]!.version ?? minVersion) >= minVersion) return list[i]!.diagnostics;
      return undefined;
    }, ms);
  }

  open(uri: string, text: string, languageId = 'bulletin', version = 1): void {
    void this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    void this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /**
   * A burst of changes that reaches the server in one read, as when an editor sends edits faster
   * than the server reads them. Sent one by one, the notifications leave this process one write
   * after another and can arrive tens of milliseconds apart on a busy machine, which the server
   * rightly takes for separate edits. Written here as one chunk of framed JSON-RPC messages;
   * call it only while nothing else is being sent to the server.
   */
  changeBurst(uri: string, edits: { version: number; changes: TextDocumentContentChangeEvent[] }[]): void {
    const frames = edits.map(e => {
      const body = JSON.stringify({ jsonrpc: '2.0', method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri, version: e.version }, contentChanges: e.changes } });
      return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    });
    this.proc.stdin!.write(frames.join(''));
  }

  close(uri: string): void {
    void this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  configurationChanged(settings: unknown = null): void {
    void this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Open and wait for the first pushed diagnostics. */
  async openAndWait(uri: string, text: string, languageId = 'bulletin'): Promise<Diagnostic[]> {
    const p = this.waitForDiagnostics(uri);
    this.open(uri, text, languageId);
    return p;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.conn.sendRequest(ShutdownRequest.type), sleep(2000)]);
        await this.conn.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
      await Promise.race([new Promise<void>(r => this.proc.once('exit', () => r())), sleep(2000)]);
    }
    if (!this.exited) this.proc.kill();
    this.conn.dispose();
  }
}

/** Apply LSP text edits to a string (edits must not overlap). */
export function applyTextEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** Line/character of the first occurrence of `needle` in `text` (after `from`). */
export function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}
