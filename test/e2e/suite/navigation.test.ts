import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, hoverText, locationsOf, open, positionOf, revert, seedUri, waitForDiagnostics } from '../helper';

// Seed 000 cites "Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội … (viết tạt Nghị quyết 98)"
// in full once, then uses the short form "Nghị quyết 98" ("… Nghị quyết 31 và Nghị quyết 98").
suite('e2e: citation navigation', () => {
  let doc: vscode.TextDocument;
  let short98: vscode.Position;
  suiteSetup(async () => {
    await activate();
    const uri = seedUri('000');
    doc = (await open(uri)).document;
    await waitForDiagnostics(uri);
    short98 = positionOf(doc, 'Nghị quyết 31 và Nghị quyết 98', 'Nghị quyết 31 và Nghị quyết 9'.length);
  });
  teardown(async () => { await revert(doc); });

  test('hover on a short form shows the resolved document', async () => {
    const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, short98);
    const text = hoverText(h);
    assert.match(text, /98\/2023\/QH15/, text || '(no hover)');
  });

  test('go to definition of "Nghị quyết 98" reaches the full citation line', async () => {
    const r = locationsOf(await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, short98));
    const full = positionOf(doc, '98/2023/QH15');
    assert.ok(r.length >= 1, 'no definition');
    assert.ok(r.some(l => l.uri.toString() === doc.uri.toString() && l.range.start.line <= full.line && l.range.end.line >= full.line),
      `definitions: ${r.map(l => `${l.uri.path.split('/').pop()}:${l.range.start.line + 1}`).join(', ')}; full citation on line ${full.line + 1}`);
  });

  test('find references lists the mentions of the document in the bulletin', async () => {
    const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, short98);
    const here = (r ?? []).filter(l => l.uri.toString() === doc.uri.toString());
    const mentions = (doc.getText().match(/Nghị quyết 98\b|98\/2023\/QH15/g) ?? []).length;
    assert.ok(here.length >= Math.min(mentions, 2), `${here.length} references, ${mentions} mentions in the text`);
  });

  test('completion after "Nghị quyết " offers documents the bulletin knows', async () => {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, end, '\nTheo Nghị quyết ');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    assert.equal(doc.lineAt(pos.line).text, 'Theo Nghị quyết ');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const items = list?.items ?? [];
    const texts = items.map(i => {
      const label = typeof i.label === 'string' ? i.label : i.label.label;
      const insert = typeof i.insertText === 'string' ? i.insertText : i.insertText?.value ?? '';
      return `${label} ${insert} ${typeof i.detail === 'string' ? i.detail : ''}`;
    });
    assert.ok(texts.some(t => /98\/2023\/QH15|(^|\D)98(\D|$)/.test(t)), `completions: ${texts.slice(0, 10).join(' | ') || '(none)'}`);
    assert.ok(texts.some(t => /31-NQ\/TW|(^|\D)31(\D|$)/.test(t)), 'Nghị quyết 31 is offered too');
  });
});
