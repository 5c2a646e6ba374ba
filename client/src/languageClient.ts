// How the extension starts the language server: the bundled server/out/main.js over IPC.
import * as path from 'path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The server decides per document (setting bulletin.activation) whether Markdown/plain text is a bulletin. */
const LANGUAGES = ['bulletin', 'markdown', 'plaintext'];
const SCHEMES = ['file', 'untitled'];

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('server', 'out', 'main.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap(language => SCHEMES.map(scheme => ({ language, scheme }))),
    outputChannel: output,
    // Pull diagnostics as the user types and on save; the server debounces nothing in pull mode.
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
  };
  // The id 'bulletin' makes the client honour the setting bulletin.trace.server.
  return new LanguageClient('bulletin', 'Bulletin', serverOptions, clientOptions);
}
