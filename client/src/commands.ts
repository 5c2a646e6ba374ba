// The extension's commands: one small function each.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** Server-side command that computes the safe fixes and applies them through workspace/applyEdit. */
const SERVER_FIX_ALL = 'bulletin.server.fixAll';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletin.restartServer', async () => {
      const c = client();
      if (!c) return;
      await c.restart();
    }),
    vscode.commands.registerCommand('bulletin.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('bulletin.fixAll', async (uri?: vscode.Uri) => {
      const c = client();
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!c || !target) return;
      await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_ALL, arguments: [target.toString()] });
    }),
  );
}
