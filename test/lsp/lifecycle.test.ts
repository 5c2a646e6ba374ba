// Protocol tests: lifecycle and capabilities of the built server over stdio.
import * as assert from 'assert';
import * as cp from 'child_process';
import {
  createProtocolConnection, InitializeRequest, type InitializeResult, IPCMessageReader, IPCMessageWriter, ShutdownRequest, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TestClient, serverPath } from './helper';

suite('lsp: lifecycle', () => {
  test('without a transport the bundle creates no connection: usage on stderr, nothing on stdout, exit 2', () => {
    const r = cp.spawnSync(process.execPath, [serverPath], { encoding: 'utf8', timeout: 10000 });
    assert.strictEqual(r.status, 2, r.stderr);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /--stdio/);
  });

  test('initialize advertises incremental sync, code actions, navigation and push diagnostics', async () => {
    const c = await TestClient.start();
    try {
      const caps = c.init.capabilities;
      const sync = caps.textDocumentSync as { change?: number; openClose?: boolean };
      assert.strictEqual(sync.change, TextDocumentSyncKind.Incremental);
      assert.strictEqual(sync.openClose, true);
      const ca = caps.codeActionProvider as { codeActionKinds?: string[]; resolveProvider?: boolean };
      assert.ok(ca.codeActionKinds?.includes('quickfix'));
      assert.ok(ca.codeActionKinds?.includes('refactor.rewrite'));
      assert.ok(ca.codeActionKinds?.includes('source.fixAll.bulletin'));
      assert.strictEqual(ca.resolveProvider, true);
      for (const k of ['documentSymbolProvider', 'foldingRangeProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider',
        'documentHighlightProvider', 'workspaceSymbolProvider', 'completionProvider', 'executeCommandProvider'] as const) {
        assert.ok(caps[k], `${k} missing`);
      }
      // this client did not declare pull support: diagnostics are pushed
      assert.strictEqual(caps.diagnosticProvider, undefined);
      assert.strictEqual(c.init.serverInfo?.name, 'bulletin-ls');
    } finally {
      await c.stop();
    }
  });

  test('a client with pull support gets a diagnostic provider with inter-file dependencies', async () => {
    const c = await TestClient.start({ pull: true });
    try {
      const dp = c.init.capabilities.diagnosticProvider as { interFileDependencies: boolean; workspaceDiagnostics: boolean };
      assert.ok(dp, 'diagnosticProvider missing');
      assert.strictEqual(dp.interFileDependencies, true);
    } finally {
      await c.stop();
    }
  });

  test('registers for configuration changes and file watching after initialized', async () => {
    const c = await TestClient.start();
    try {
      await c.waitFor('registrations', () => (c.registrations.length >= 2 ? true : undefined));
      const methods = c.registrations.map(r => r.method);
      assert.ok(methods.includes('workspace/didChangeConfiguration'), methods.join());
      assert.ok(methods.includes('workspace/didChangeWatchedFiles'), methods.join());
      const watch = c.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: { globPattern: string }[] };
      assert.ok(watch.watchers.some(w => /\.bulletin\/.*words\.txt/.test(w.globPattern)), JSON.stringify(watch));
    } finally {
      await c.stop();
    }
  });

  test('serves over --node-ipc, the transport VS Code uses', async () => {
    const proc = cp.fork(serverPath, ['--node-ipc', `--clientProcessId=${process.pid}`], { silent: true });
    const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null }) as InitializeResult;
      assert.strictEqual(init.serverInfo?.name, 'bulletin-ls');
      await conn.sendRequest(ShutdownRequest.type);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });

  test('shutdown then exit ends the process with code 0', async () => {
    const c = await TestClient.start();
    const code = new Promise<number | null>(r => c.proc.once('exit', r));
    await c.stop();
    assert.strictEqual(await code, 0);
  });
});
