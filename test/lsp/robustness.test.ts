// Protocol tests: the server survives malformed and out-of-order messages, stale versions,
// cancellation of every request kind, and a file deleted while open; it logs and keeps serving.
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CancellationTokenSource, CodeActionRequest, createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, CompletionRequest, DefinitionRequest, DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest, DocumentHighlightRequest, DocumentSymbolRequest, ExecuteCommandRequest, FileChangeType,
  FoldingRangeRequest, HoverRequest, ReferencesRequest, ResponseError, WorkspaceSymbolRequest,
  type CodeAction, type Diagnostic,
} from 'vscode-languageserver/node';
import { TestClient, fileUri, positionOf, seed, serverPath, sleep, tmpDir } from './helper';

const OCR = 'file:///virtual/000.bulletin';

/**
 * Probe the server's copy of a document: a quick fix is offered for a diagnostic only when the
 * text under its range still equals data.word.
 */
async function serverHas(c: TestClient, uri: string, text: string, word: string): Promise<boolean> {
  const start = positionOf(text, word);
  const d: Diagnostic = {
    range: { start, end: { line: start.line, character: start.character + word.length } },
    message: 'probe', source: 'bulletin', code: 'spelling.context', data: { suggestions: ['X'], safe: false, word },
  };
  const r = await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } }) as CodeAction[];
  return (r ?? []).some(a => a.edit);
}

async function alive(c: TestClient, uri = OCR): Promise<void> {
  const r = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.ok(Array.isArray(r), 'documentSymbol did not answer');
  assert.strictEqual(c.exited, false, `server exited\n${c.stderr}`);
}

suite('lsp: robustness', () => {
  let c: TestClient;
  setup(async () => { c = await TestClient.start(); await c.openAndWait(OCR, seed('ocr')); });
  teardown(async () => { await c.stop(); });

  test('a message whose body is not JSON, and one that is not JSON-RPC, are survived', async () => {
    const bad = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    c.proc.stdin!.write(bad('{not json'));
    c.proc.stdin!.write(bad('{"hello":"world"}'));
    c.proc.stdin!.write(bad('[1,2,3]'));
    await sleep(100);
    await alive(c);
  });

  test('notifications with malformed params are logged and ignored', async () => {
    const send = (m: string, p: unknown) => c.conn.sendNotification(m, p);
    await send('textDocument/didOpen', { textDocument: { uri: 42 } });
    await send('textDocument/didOpen', {});
    await send('textDocument/didChange', { textDocument: { uri: OCR }, contentChanges: [{ text: 'x' }] }); // no version
    await send('textDocument/didChange', { textDocument: { uri: OCR, version: 9 }, contentChanges: [{ range: { start: 1 }, text: 'x' }] });
    await send('textDocument/didClose', { textDocument: null });
    await send('workspace/didChangeConfiguration', null);
    await send('workspace/didChangeWatchedFiles', { changes: [{ uri: 7, type: 'x' }] });
    await alive(c);
    assert.ok(await serverHas(c, OCR, seed('ocr'), 'thành phổ'), 'the buffer was corrupted by a malformed change');
  });

  test('requests with malformed params answer without killing the server', async () => {
    const tries: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: OCR } }],
      ['textDocument/definition', { textDocument: { uri: OCR }, position: { line: 'a' } }],
      ['textDocument/codeAction', { textDocument: { uri: OCR }, context: { diagnostics: [null, { source: 'bulletin', range: 3, data: 'x' }] } }],
      ['textDocument/codeAction', { textDocument: { uri: OCR }, range: { start: { line: 0, character: 0 }, end: { line: 'x' } }, context: { diagnostics: [] } }],
      ['codeAction/resolve', { title: 'x', data: { restore: { uri: OCR, version: 1, range: { start: 5 } } } }],
      ['codeAction/resolve', null],
      ['textDocument/documentSymbol', {}],
      ['textDocument/diagnostic', { textDocument: {} }],
      ['workspace/symbol', {}],
      ['workspace/executeCommand', { command: 'bulletin.server.addWord', arguments: [1] }],
      ['workspace/executeCommand', { command: 'no.such.command' }],
    ];
    for (const [m, p] of tries) {
      try { await c.conn.sendRequest(m, p); } catch (e) { assert.ok(e instanceof ResponseError, `${m}: ${e}`); }
    }
    await alive(c);
  });

  test('an unknown request gets MethodNotFound', async () => {
    await assert.rejects(c.conn.sendRequest('bulletin/noSuchMethod', {}), (e: ResponseError<unknown>) => e.code === -32601);
    await alive(c);
  });

  test('a change with a stale version is ignored, a change for an unopened document too', async () => {
    const text = seed('ocr');
    const v2 = c.waitForDiagnostics(OCR, 2);
    const start = positionOf(text, 'thành phổ');
    c.change(OCR, 2, [{ range: { start, end: { line: start.line, character: start.character + 'thành phổ'.length } }, text: 'thành phố' }]);
    await v2;
    // stale: version 1 again, would undo the edit
    c.change(OCR, 1, [{ range: { start, end: { line: start.line, character: start.character + 'thành phố'.length } }, text: 'thành phổ' }]);
    c.change('file:///virtual/never-opened.bulletin', 5, [{ text: 'x' }]);
    await sleep(50);
    const now = text.replace('thành phổ', 'thành phố');
    assert.ok(await serverHas(c, OCR, now, 'thành phố'), 'the stale change was applied');
    await alive(c);
  });

  test('every request kind can be cancelled and the server keeps serving', async () => {
    const pos = { line: 10, character: 5 };
    const td = { uri: OCR };
    const requests: [string, unknown][] = [
      [DocumentDiagnosticRequest.method, { textDocument: td }],
      [CodeActionRequest.method, { textDocument: td, range: { start: pos, end: pos }, context: { diagnostics: [], only: ['source.fixAll.bulletin'] } }],
      [DocumentSymbolRequest.method, { textDocument: td }],
      [FoldingRangeRequest.method, { textDocument: td }],
      [HoverRequest.method, { textDocument: td, position: pos }],
      [DefinitionRequest.method, { textDocument: td, position: pos }],
      [ReferencesRequest.method, { textDocument: td, position: pos, context: { includeDeclaration: true } }],
      [DocumentHighlightRequest.method, { textDocument: td, position: pos }],
      [CompletionRequest.method, { textDocument: td, position: pos }],
      [WorkspaceSymbolRequest.method, { query: '98' }],
      [ExecuteCommandRequest.method, { command: 'bulletin.server.fixAll', arguments: [OCR] }],
    ];
    const settled = requests.map(([m, p]) => {
      const src = new CancellationTokenSource();
      const r = c.conn.sendRequest(m, p, src.token).then(() => 'ok', (e: unknown) => (e instanceof ResponseError ? `error ${e.code}` : `throw ${e}`));
      src.cancel();
      return r;
    });
    const outcomes = await Promise.all(settled);
    for (const o of outcomes) assert.ok(o === 'ok' || /^error -32800$|^error -32801$|^error -32802$/.test(o), o);
    await alive(c);
  });

  test('a pull cancelled right after it was sent answers RequestCancelled', async () => {
    const pull = await TestClient.start({ pull: true });
    try {
      // a document whose re-check takes tens of milliseconds (six copies of the OCR seed, 350
      // KB): the cancel is read while the server is still checking. With the seed alone the
      // re-check could end before the cancel arrived, and a finished request rightly answers
      // with its result (about one run in eight).
      pull.open(OCR, Array(6).fill(seed('ocr')).join('\n\n'));
      await pull.pull(OCR);
      pull.change(OCR, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'a' }]);
      const src = new CancellationTokenSource();
      const r = pull.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: OCR } }, src.token);
      src.cancel();
      await assert.rejects(r, (e: ResponseError<unknown>) => e.code === -32800);
      const again = await pull.pull(OCR);
      assert.strictEqual(again.kind, 'full');
    } finally {
      await pull.stop();
    }
  });

  test('a burst of edits never publishes results out of version order', async () => {
    for (let v = 2; v <= 20; v++) {
      c.change(OCR, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'a' }]);
    }
    const last = await c.waitForDiagnostics(OCR, 20);
    assert.ok(Array.isArray(last));
    const versions = (c.published.get(OCR) ?? []).map(x => x.version ?? 0);
    assert.deepStrictEqual([...versions].sort((a, b) => a - b), versions, 'publications went backwards in version');
  });
});

suite('lsp: lifecycle order', () => {
  test('requests before initialize fail with ServerNotInitialized, after shutdown with InvalidRequest', async () => {
    const proc = cp.spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    const td = { uri: OCR };
    try {
      await assert.rejects(conn.sendRequest(DocumentSymbolRequest.method, { textDocument: td }), (e: ResponseError<unknown>) => e.code === -32002);
      await conn.sendRequest(InitializeRequest.method, { processId: process.pid, rootUri: null, capabilities: {} });
      await conn.sendNotification(InitializedNotification.type, {});
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: OCR, languageId: 'bulletin', version: 1, text: seed('ocr') } });
      const symbols = await conn.sendRequest(DocumentSymbolRequest.method, { textDocument: td }) as unknown[];
      assert.ok(symbols.length > 0, 'the server does not serve after initialize');
      await conn.sendRequest(ShutdownRequest.method);
      await assert.rejects(conn.sendRequest(DocumentSymbolRequest.method, { textDocument: td }), (e: ResponseError<unknown>) => e.code === -32600);
      const exit = new Promise<number | null>(r => proc.once('exit', r));
      await conn.sendNotification(ExitNotification.type);
      assert.strictEqual(await exit, 0);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});

suite('lsp: file deleted while open', () => {
  test('the open buffer keeps being served after its file is deleted', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'deleted.bulletin.md');
    const text = seed('ocr');
    fs.writeFileSync(file, text);
    const c = await TestClient.start({ folder: dir });
    try {
      const uri = fileUri(file);
      await c.openAndWait(uri, text);
      fs.unlinkSync(file);
      await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
      const next = c.waitForDiagnostics(uri, 2);
      c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await next;
      assert.ok(await serverHas(c, uri, ' ' + text, 'thành phổ'));
      await alive(c, uri);
      c.close(uri);
      await sleep(50);
      await alive(c, uri);
    } finally {
      await c.stop();
    }
  });
});
