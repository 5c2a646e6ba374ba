import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('smoke', () => {
  test('runs in a real extension host', () => {
    assert.ok(vscode.version.length > 0);
    assert.ok(vscode.workspace.workspaceFolders?.length === 1, 'the e2e workspace folder is open');
  });
});
