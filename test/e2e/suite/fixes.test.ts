import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, open, positionOf, revert, seedUri, waitForDiagnostics } from '../helper';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('bulletin');

async function applyAction(a: vscode.CodeAction): Promise<void> {
  if (a.edit) assert.equal(await vscode.workspace.applyEdit(a.edit), true, `edit of "${a.title}" was not applied`);
  if (a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
  assert.ok(a.edit || a.command, `"${a.title}" has neither an edit nor a command`);
}

suite('e2e: quick fixes', () => {
  suiteSetup(activate);
  teardown(async () => { await revert((await vscode.workspace.openTextDocument(seedUri('000')))); });

  test('the preferred quick fix changes "thành phổ" to "thành phố"', async () => {
    const uri = seedUri('000');
    const { document: doc } = await open(uri);
    const at = positionOf(doc, 'Đảng bộ thành phổ lần thử 24', 'Đảng bộ thành '.length);
    const ds = await waitForDiagnostics(uri, all => all.some(d => d.range.contains(at)));
    const diag = ds.find(d => d.range.contains(at))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    // vscode.executeCodeActionProvider does not hand back CodeAction.diagnostics: tell this finding's
    // fixes by their edit, which must replace exactly its range
    const mine = (actions ?? []).filter(a => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) &&
      (a.edit?.get(uri) ?? []).some(e => e.range.isEqual(diag.range)));
    assert.ok(mine.length >= 1, `no quick fix editing ${codeOf(diag)} at ${diag.range.start.line + 1}:${diag.range.start.character + 1}: ` +
      (actions ?? []).map(a => a.title).join(' | '));
    assert.equal(mine[0].edit!.get(uri).find(e => e.range.isEqual(diag.range))!.newText, 'phố', 'the first fix is the best suggestion');
    const preferred = mine.filter(a => a.isPreferred);
    assert.equal(preferred.length, 1, `preferred fixes: ${mine.map(a => `${a.title}${a.isPreferred ? '*' : ''}`).join(' | ')}`);
    await applyAction(preferred[0]);
    assert.equal(doc.lineAt(at.line).text.slice(at.character - 'thành '.length, at.character + 3), 'thành phố');
    // the server re-checks the edited text and drops the finding
    await waitForDiagnostics(uri, all => doc.isDirty && !all.some(d => d.range.contains(at) && codeOf(d) === 'spelling.context'));
  });

  test('a selection typed without marks gets a refactor action that restores them', async () => {
    const uri = seedUri('000');
    const { document: doc } = await open(uri);
    const bare = 'Hoi nghi da thong qua Nghi quyet ve phat trien kinh te';
    const we = new vscode.WorkspaceEdit();
    we.insert(uri, new vscode.Position(doc.lineCount, 0), `\n${bare}.\n`);
    assert.equal(await vscode.workspace.applyEdit(we), true);
    const at = positionOf(doc, bare);
    const range = new vscode.Range(at, at.translate(0, bare.length));
    // (the last argument resolves up to one lazily computed action, as the editor would on a pick)
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.RefactorRewrite.value, 1);
    const restore = (actions ?? []).filter(a => a.kind && vscode.CodeActionKind.RefactorRewrite.contains(a.kind));
    assert.equal(restore.length, 1, `refactor actions: ${(actions ?? []).map(a => `${a.title} (${a.kind?.value})`).join(' | ')}`);
    assert.equal(restore[0].title, 'Restore the Vietnamese diacritics of the selection');
    await applyAction(restore[0]);
    assert.equal(doc.lineAt(at.line).text, 'Hội nghị đã thông qua Nghị quyết về phát triển kinh tế.');
  });

  test('a document typed without marks: one quick fix restores every line', async () => {
    const uri = seedUri('000');
    const { document: doc } = await open(uri);
    const bare = 'Hoi nghi da danh gia tinh hinh thuc hien nhiem vu chinh\ntri 6 thang dau nam, de ra nhiem vu, giai phap trong tam.\n';
    const we = new vscode.WorkspaceEdit();
    we.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), bare);
    assert.equal(await vscode.workspace.applyEdit(we), true);
    const runs = (ds: vscode.Diagnostic[]) => ds.filter(d => /without Vietnamese diacritics/.test(d.message));
    const ds = await waitForDiagnostics(uri, all => doc.getText() === bare && runs(all).length === 4);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, runs(ds)[0].range, vscode.CodeActionKind.QuickFix.value);
    const all = (actions ?? []).filter(a => /all 4 lines/.test(a.title));
    assert.equal(all.length, 1, `quick fixes: ${(actions ?? []).map(a => a.title).join(' | ')}`);
    await applyAction(all[0]);
    assert.equal(doc.getText(), 'Hội nghị đã đánh giá tình hình thực hiện nhiệm vụ chính\ntrị 6 tháng đầu năm, đề ra nhiệm vụ, giải pháp trọng tâm.\n');
  });

  test('source.fixAll.bulletin fixes the confident errors, and a second run changes nothing', async () => {
    const uri = seedUri('000');
    const { document: doc } = await open(uri);
    const at = positionOf(doc, 'Đảng bộ thành phổ lần thử 24', 'Đảng bộ thành '.length);
    const before = await waitForDiagnostics(uri, all => all.some(d => d.range.contains(at)));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, FIX_ALL.value);
    const fixAll = (actions ?? []).filter(a => a.kind && FIX_ALL.contains(a.kind));
    assert.equal(fixAll.length, 1, `fix-all actions: ${(actions ?? []).map(a => `${a.title} (${a.kind?.value})`).join(' | ')}`);
    await applyAction(fixAll[0]);
    assert.equal(doc.getText(new vscode.Range(at, at.translate(0, 3))), 'phố', 'fix-all fixed "thành phổ"');
    const after = await waitForDiagnostics(uri, all => doc.isDirty && !all.some(d => d.range.contains(at) && codeOf(d) === 'spelling.context'));
    const spelling = (ds: vscode.Diagnostic[]) => ds.filter(d => codeOf(d).startsWith('spelling.')).length;
    assert.ok(spelling(after) < spelling(before), `spelling findings ${spelling(before)} → ${spelling(after)}`);
    const text = doc.getText();
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, FIX_ALL.value);
    for (const a of (again ?? []).filter(x => x.kind && FIX_ALL.contains(x.kind))) if (a.edit) await vscode.workspace.applyEdit(a.edit);
    assert.equal(doc.getText(), text, 'a second fix-all changed the text');
  });
});
