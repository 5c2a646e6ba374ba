// Activation only: start the language server and register the commands. All checks run in the
// server (server/out/main.js); the extension never executes code from the workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './languageClient';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bulletin', { log: true });
  context.subscriptions.push(output);
  registerCommands(context, () => client, output);
  client = createClient(context, output);
  try {
    await client.start();
  } catch (e) {
    output.appendLine(`Bulletin language server failed to start: ${(e as Error)?.stack ?? String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Bulletin: the language server failed to start. See the Bulletin output.'));
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
