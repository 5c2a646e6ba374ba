import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, codeOf, open, positionOf, workspaceFolder, waitForDiagnostics } from '../helper';

// bulletin.activation = "auto" (the default, set in the workspace settings too): ordinary Markdown
// files whose text is Vietnamese are checked as well.
suite('e2e: activation modes', () => {
  suiteSetup(activate);

  test('auto: a Vietnamese .md file (language markdown) is checked too', async () => {
    const uri = vscode.Uri.file(path.join(workspaceFolder().fsPath, 'notes', 'ghi-chep.md'));
    const { document: doc } = await open(uri);
    assert.equal(doc.languageId, 'markdown');
    const at = positionOf(doc, 'Đảng bộ thành phổ lần thử 24', 'Đảng bộ thành '.length);
    const ds = await waitForDiagnostics(uri, all => all.some(d => d.range.contains(at)));
    assert.equal(codeOf(ds.find(d => d.range.contains(at))!), 'spelling.context');
    assert.ok(ds.every(d => d.source === 'bulletin'));
  });

  test('bulletin.fixAll (the command) fixes the active editor through the server', async () => {
    const uri = vscode.Uri.file(path.join(workspaceFolder().fsPath, 'notes', 'ghi-chep.md'));
    const { document: doc } = await open(uri);
    const at = positionOf(doc, 'Đảng bộ thành phổ lần thử 24', 'Đảng bộ thành '.length);
    await waitForDiagnostics(uri, all => all.some(d => d.range.contains(at)));
    try {
      await vscode.commands.executeCommand('bulletin.fixAll');
      assert.equal(doc.isDirty, true, 'bulletin.fixAll changed nothing');
      assert.equal(doc.getText(new vscode.Range(at, at.translate(0, 3))), 'phố');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
