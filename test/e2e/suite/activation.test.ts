import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, open, ROOT, seedUri, workspaceFolder } from '../helper';

suite('e2e: extension', () => {
  test('runs in a real VS Code extension host with the e2e workspace open', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.equal(path.basename(workspaceFolder().fsPath), 'workspace');
  });

  test('the workspace seeds are byte-for-byte copies of seeds/', () => {
    for (const prefix of ['000', '003'] as const) {
      const copy = fs.readFileSync(seedUri(prefix).fsPath);
      const name = fs.readdirSync(path.join(ROOT, 'seeds')).find(n => n.startsWith(prefix));
      assert.ok(name, `seeds/${prefix}* missing`);
      assert.ok(copy.equals(fs.readFileSync(path.join(ROOT, 'seeds', name))), `${seedUri(prefix).fsPath} differs from seeds/${name}`);
    }
  });

  test('the extension activates and both seeds get the bulletin language', async () => {
    const ext = await activate();
    assert.equal(ext.isActive, true);
    for (const prefix of ['000', '003'] as const) {
      const editor = await open(seedUri(prefix));
      assert.equal(editor.document.languageId, 'bulletin', `${prefix}: languageId`);
    }
  });

  test('the commands are registered', async () => {
    await activate();
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of ['bulletin.restartServer', 'bulletin.showOutput', 'bulletin.fixAll']) assert.ok(all.has(c), `${c} missing`);
  });
});
