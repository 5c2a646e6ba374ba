// Protocol tests: quick fixes from Diagnostic.data, fix-all, and "Add to workspace words".
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionRequest, CodeActionResolveRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType,
  type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TestClient, applyTextEdits, fileUri, positionOf, seed, tmpDir } from './helper';

const OCR = 'file:///virtual/000.bulletin';

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri]!;
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  return out;
}

function lineText(text: string, line: number): string { return text.split('\n')[line]!; }

async function actions(c: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]?.range): Promise<CodeAction[]> {
  const r = await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, only },
  });
  return (r ?? []) as CodeAction[];
}

/** A hand-made bulletin diagnostic, as a client would send back from an earlier publication. */
function synthetic(text: string, word: string, suggestions: string[], code = 'spelling.context'): Diagnostic {
  const start = positionOf(text, word);
  return {
    range: { start, end: { line: start.line, character: start.character + word.length } },
    message: 'test', source: 'bulletin', code, data: { suggestions, safe: true, word },
  };
}

suite('lsp: code actions', () => {
  let c: TestClient;
  teardown(async () => { await c?.stop(); });

  test('one quick fix per suggestion in Diagnostic.data, the first preferred, each replacing the range', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const d = synthetic(text, 'thử 24', ['thứ 24', 'thú 24']);
    const as = await actions(c, OCR, [d]);
    const fixes = as.filter(a => a.kind === 'quickfix' && a.edit);
    assert.deepStrictEqual(fixes.map(a => editsFor(a.edit, OCR)[0]!.newText), ['thứ 24', 'thú 24']);
    assert.deepStrictEqual(fixes.map(a => !!a.isPreferred), [true, false]);
    assert.deepStrictEqual(editsFor(fixes[0]!.edit, OCR)[0]!.range, d.range);
    assert.ok(fixes[0]!.diagnostics?.length === 1);
  });

  test('the engine\'s spelling finding on "thành phổ" becomes a preferred quick fix to "phố"', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    const ds = await c.openAndWait(OCR, text);
    const at = positionOf(text, 'thành phổ lần thử 24');
    const d = ds.find(x => x.range.start.line === at.line && String(x.code).startsWith('spelling.') && lineText(text, at.line).slice(x.range.start.character, x.range.end.character) === 'phổ');
    assert.ok(d, 'no spelling finding on "phổ"');
    const as = await actions(c, OCR, [d]);
    const preferred = as.filter(a => a.isPreferred);
    assert.strictEqual(preferred.length, 1);
    const fixed = applyTextEdits(text, editsFor(preferred[0]!.edit, OCR));
    assert.ok(fixed.includes('thành phố lần thử 24') || fixed.includes('thành phố lần thứ 24'), 'the preferred fix does not produce "thành phố"');
  });

  /** A finding on `uri`'s only invalid-syllable whose message matches, and its preferred quick fix "Delete" giving `fixed`. */
  async function deleteFix(uri: string, text: string, message: RegExp, fixed: string, what: string): Promise<void> {
    c = await TestClient.start();
    const ds = await c.openAndWait(uri, text);
    const d = ds.find(x => x.code === 'spelling.invalid-syllable');
    assert.ok(d, `no finding on the ${what}; got ${ds.map(x => x.code).join(', ')}`);
    assert.match(String(d.message), message);
    const as = await actions(c, uri, [d]);
    const del = as.find(a => a.isPreferred);
    assert.ok(del, 'no preferred quick fix');
    assert.strictEqual(del.title, 'Delete');
    assert.strictEqual(applyTextEdits(text, editsFor(del.edit, uri)), fixed);
  }

  test('a diacritic OCR left standing alone gets a "Delete" quick fix that leaves one space', async () => {
    await deleteFix('file:///virtual/stray.bulletin', 'Hội nghị đã thống nhất ˆ ban hành nghị quyết.\n', /"ˆ" is a mark standing alone/,
      'Hội nghị đã thống nhất ban hành nghị quyết.\n', 'mark');
  });

  test('a letter standing alone after the sentence ended (a speck of the scan) gets a "Delete" quick fix that leaves the line clean', async () => {
    await deleteFix('file:///virtual/speck.bulletin', 'Đã hỗ trợ xây mới 214 căn nhà, xóa nhà tạm, nhà dột nát. ề\nCông tác hòa giải được quan tâm.\n',
      /"ề" stands alone where no word can be/, 'Đã hỗ trợ xây mới 214 căn nhà, xóa nhà tạm, nhà dột nát.\nCông tác hòa giải được quan tâm.\n', 'speck');
  });

  test('a document typed without marks: each line restores its own, one action restores them all, no "add word"', async () => {
    c = await TestClient.start();
    const uri = fileUri(path.join(tmpDir(), 'bare.bulletin'));
    const text = 'Hoi nghi da danh gia tinh hinh thuc hien nhiem vu chinh\ntri 6 thang dau nam, de ra nhiem vu, giai phap trong tam.\n';
    const ds = await c.openAndWait(uri, text);
    assert.deepStrictEqual(ds.map(d => [d.range.start.line, (d.data as { kind?: string }).kind]),
      [[0, 'unaccented'], [1, 'unaccented'], [1, 'unaccented'], [1, 'unaccented']]);
    const as = await actions(c, uri, [ds[1]!]);
    // its own line's fix, preferred
    const own = as.find(a => a.isPreferred);
    assert.ok(own, 'no preferred quick fix');
    assert.strictEqual(lineText(applyTextEdits(text, editsFor(own.edit, uri)), 1), 'trị 6 tháng đầu năm, de ra nhiem vu, giai phap trong tam.');
    // the whole document at once
    const all = as.find(a => /all 4 lines/.test(a.title));
    assert.ok(all, `no action restoring every line; got ${as.map(a => a.title).join(' | ')}`);
    assert.strictEqual(all.kind, 'quickfix');
    assert.strictEqual(applyTextEdits(text, editsFor(all.edit, uri)),
      'Hội nghị đã đánh giá tình hình thực hiện nhiệm vụ chính\ntrị 6 tháng đầu năm, đề ra nhiệm vụ, giải pháp trọng tâm.\n');
    // a run of words is no word for the workspace list
    assert.ok(!as.some(a => a.command?.command === 'bulletin.server.addWord'), 'offers to add a run of words as a workspace word');
    // the restored document has nothing left of the kind
    const next = c.waitForDiagnostics(uri, 2);
    c.change(uri, 2, [{ text: applyTextEdits(text, editsFor(all.edit, uri)) }]);
    assert.deepStrictEqual((await next).map(d => d.message), []);
  });

  test('a selection gets a refactor action restoring the diacritics of its words typed without them', async () => {
    c = await TestClient.start();
    const uri = 'file:///virtual/selection.bulletin';
    const text = 'Hội nghị đã thảo luận và thống nhất. Các đồng chí đã thao luan sôi nổi.\n';
    await c.openAndWait(uri, text);
    const range = { start: { line: 0, character: 53 }, end: { line: 0, character: 63 } }; // "thao luan"
    const as = await actions(c, uri, [], undefined, range);
    const restore = as.find(a => a.kind === 'refactor.rewrite');
    assert.ok(restore, `no refactor action; got ${as.map(a => `${a.kind}: ${a.title}`).join(' | ')}`);
    assert.strictEqual(restore.title, 'Restore the Vietnamese diacritics of the selection');
    assert.strictEqual(applyTextEdits(text, editsFor(restore.edit, uri)), 'Hội nghị đã thảo luận và thống nhất. Các đồng chí đã thảo luận sôi nổi.\n');
    // not when only quick fixes are asked for, not for an empty selection, not for a selection
    // with nothing to restore
    assert.ok(!(await actions(c, uri, [], ['quickfix'], range)).some(a => a.kind === 'refactor.rewrite'));
    assert.ok(!(await actions(c, uri, [], undefined, { start: range.start, end: range.start })).some(a => a.kind === 'refactor.rewrite'));
    assert.ok(!(await actions(c, uri, [], undefined, { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } })).some(a => a.kind === 'refactor.rewrite'));
  });

  test('a long selection is offered at once and read in context only on codeAction/resolve', async () => {
    c = await TestClient.start({ resolveCodeActions: true });
    const uri = 'file:///virtual/long-selection.bulletin';
    const line = 'Các đồng chí đã thảo luận sôi nổi. Hoi nghi da thong qua Nghi quyet ve phat trien kinh te.';
    const text = Array.from({ length: 80 }, () => line).join('\n') + '\n';
    await c.openAndWait(uri, text);
    const range = { start: { line: 0, character: 0 }, end: { line: 79, character: line.length } };
    const as = await actions(c, uri, [], undefined, range);
    const lazy = as.find(a => a.kind === 'refactor.rewrite');
    assert.ok(lazy, 'no refactor action');
    assert.strictEqual(lazy.edit, undefined, 'a selection of 7,000 characters was read before the action was picked');
    const resolved = await c.conn.sendRequest(CodeActionResolveRequest.type, lazy) as CodeAction;
    const fixed = applyTextEdits(text, editsFor(resolved.edit, uri));
    assert.strictEqual(fixed, Array.from({ length: 80 }, () => 'Các đồng chí đã thảo luận sôi nổi. Hội nghị đã thông qua Nghị quyết về phát triển kinh tế.').join('\n') + '\n');
    // resolved after the document changed: nothing to apply
    c.change(uri, 2, [{ text: 'Khác hẳn.\n' }]);
    await c.waitForDiagnostics(uri, 2);
    assert.strictEqual((await c.conn.sendRequest(CodeActionResolveRequest.type, lazy) as CodeAction).edit, undefined);
  });

  test('a misread term gets a preferred quick fix to the term the document repeats, and fix-all leaves it', async () => {
    c = await TestClient.start();
    const uri = 'file:///virtual/terms.bulletin';
    const text = [
      'Mở LibreOffice và chọn Công cụ, Tùy chọn để thay đổi thiết lập.',
      'Trong LibreOffice, bảng tính được lưu theo định dạng mở.',
      'Bạn có thể cài thêm phần mở rộng cho LibreOffice từ trang web.',
      'Tài liệu này áp dụng cho LibreOffice phiên bản mới nhất.',
      'Nhấn phím F1 để mở trợ giúp của LibreOtfice khi cần.',
    ].join('\n') + '\n';
    const ds = await c.openAndWait(uri, text);
    const d = ds.find(x => x.code === 'spelling.misread-term');
    assert.ok(d, `no spelling.misread-term; got ${ds.map(x => x.code).join(', ')}`);
    assert.deepStrictEqual(d.range, { start: { line: 4, character: 32 }, end: { line: 4, character: 43 } });
    const as = await actions(c, uri, [d]);
    const pref = as.find(a => a.isPreferred);
    assert.ok(pref, 'no preferred quick fix');
    assert.strictEqual(lineText(applyTextEdits(text, editsFor(pref.edit, uri)), 4), 'Nhấn phím F1 để mở trợ giúp của LibreOffice khi cần.');
    // nothing else in the text is confident, so fix-all has nothing to do
    assert.deepStrictEqual(await actions(c, uri, [], ['source.fixAll.bulletin']), []);
  });

  test('a misread two letters away that both neighbours call for, and a section number that lost a stroke, get preferred quick fixes', async () => {
    c = await TestClient.start();
    const uri = 'file:///virtual/reads.bulletin';
    const text = [
      'BÁO CÁO', '', 'I. KẾT QUẢ ĐẠT ĐƯỢC', '', 'Tỷ lệ giải ngân yến đầu tư công đạt 95% kế hoạch.', '',
      'II. HẠN CHẾ', '', 'Một số nhiệm vụ còn chậm.', '', 'II. NHIỆM VỤ NĂM 2025', '', 'Tiếp tục thực hiện.', '', 'IV. KIẾN NGHỊ', '',
    ].join('\n');
    const ds = await c.openAndWait(uri, text);
    const fixOf = async (line: number, word: string) => {
      const d = ds.find(x => x.range.start.line === line && lineText(text, line).slice(x.range.start.character, x.range.end.character) === word);
      assert.ok(d, `no finding on "${word}"; got ${ds.map(x => `${x.code}@${x.range.start.line}`).join(', ')}`);
      const pref = (await actions(c, uri, [d])).find(a => a.isPreferred);
      assert.ok(pref, `no preferred quick fix for "${word}"`);
      return lineText(applyTextEdits(text, editsFor(pref.edit, uri)), line);
    };
    assert.strictEqual(await fixOf(4, 'yến'), 'Tỷ lệ giải ngân vốn đầu tư công đạt 95% kế hoạch.');
    assert.strictEqual(await fixOf(10, 'II'), 'III. NHIỆM VỤ NĂM 2025');
    // the first "II." stays, and the sequence is not reported as repeating or skipping a number
    assert.ok(!ds.some(x => x.range.start.line === 6), ds.map(x => `${x.code}@${x.range.start.line}`).join(', '));
    assert.ok(!ds.some(x => x.code === 'structure.numbering-sequence'), ds.map(x => `${x.code}@${x.range.start.line}`).join(', '));
  });

  /**
   * Seed 000 with "Đảng" on its line 9 written as `damaged`: the finding of `code` on it, and the
   * text its one preferred quick fix gives.
   */
  async function fixOfDamagedWord(damaged: string, code: string): Promise<{ text: string; message: string; fixed: string }> {
    c = await TestClient.start();
    const text = seed('ocr').replace('hành Đảng bộ thành phổ', `hành ${damaged} bộ thành phổ`);
    assert.ok(text.includes(damaged));
    const ds = await c.openAndWait(OCR, text);
    const d = ds.find(x => x.code === code);
    assert.ok(d, `no ${code}; got ${[...new Set(ds.map(x => x.code))].join(', ')}`);
    const preferred = (await actions(c, OCR, [d])).filter(a => a.isPreferred);
    assert.strictEqual(preferred.length, 1);
    return { text, message: String(d.message), fixed: applyTextEdits(text, editsFor(preferred[0]!.edit, OCR)) };
  }

  test('a word with OCR\'s look-alike Ð gets a preferred quick fix that puts Đ in and changes nothing else', async () => {
    // "Đảng" written with U+00D0 and its marks decomposed, as OCR and some editors leave them
    const r = await fixOfDamagedWord('\u00d0a\u0309ng', 'spelling.lookalike-letter');
    assert.match(r.message, /U\+00D0/);
    assert.strictEqual(r.fixed, r.text.replace('\u00d0', 'Đ'));
  });

  test('a word with a zero-width space inside gets a preferred quick fix that takes it out and changes nothing else', async () => {
    const r = await fixOfDamagedWord('Đả\u200bng', 'spelling.invisible-character');
    assert.strictEqual(r.fixed, r.text.replace('\u200b', ''));
  });

  test('citation.malformed "QD/TW" gets a quick fix to "QĐ/TW"', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    const ds = await c.openAndWait(OCR, text);
    const at = positionOf(text, '131-QD/TW');
    const d = ds.find(x => x.code === 'citation.malformed' && x.range.start.line === at.line);
    assert.ok(d, `no citation.malformed on line ${at.line + 1}; codes: ${[...new Set(ds.map(x => x.code))].join(', ')}`);
    const as = await actions(c, OCR, [d]);
    const pref = as.find(a => a.isPreferred);
    assert.ok(pref, 'no preferred quick fix');
    const fixedLine = lineText(applyTextEdits(text, editsFor(pref.edit, OCR)), at.line);
    assert.match(fixedLine, /131-QĐ\/TW/);
  });

  test('a diagnostic whose text has changed since it was published gets no quick fix', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const d = synthetic(text, 'thử 24', ['thứ 24']);
    c.change(OCR, 2, [{ range: d.range, text: 'thứ 24' }]);
    await c.waitForDiagnostics(OCR, 2);
    const as = await actions(c, OCR, [d]);
    assert.deepStrictEqual(as.filter(a => a.kind === 'quickfix' && a.edit), []);
  });

  test('quick-fix titles follow the client locale (vi)', async () => {
    c = await TestClient.start({ locale: 'vi-VN' });
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const as = await actions(c, OCR, [synthetic(text, 'thử 24', ['thứ 24'])]);
    assert.strictEqual(as.find(a => a.isPreferred)?.title, "Thay bằng 'thứ 24'");
  });

  test('source.fixAll.bulletin fixes every confident finding in one edit, and a second fix-all finds nothing', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const as = await actions(c, OCR, [], ['source.fixAll.bulletin']);
    assert.strictEqual(as.length, 1, 'expected one fix-all action');
    assert.strictEqual(as[0]!.kind, 'source.fixAll.bulletin');
    const edits = editsFor(as[0]!.edit, OCR);
    assert.ok(edits.length > 0);
    const fixed = applyTextEdits(text, edits);
    assert.ok(fixed.includes('THÀNH PHỐ LẦN THỨ 24'), 'fix-all did not fix the heading "THÀNH PHÓ"');
    const wait = c.waitForDiagnostics(OCR, 2);
    c.change(OCR, 2, [{ text: fixed }]);
    await wait;
    const again = await actions(c, OCR, [], ['source.fixAll.bulletin']);
    assert.deepStrictEqual(again, []);
  });

  test('only=quickfix leaves out the fix-all source action', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const as = await actions(c, OCR, [synthetic(text, 'thử 24', ['thứ 24'])], ['quickfix']);
    assert.ok(as.length > 0);
    assert.ok(as.every(a => a.kind === 'quickfix'));
  });

  test('the fix-all command applies its edit through workspace/applyEdit', async () => {
    c = await TestClient.start();
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const r = await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'bulletin.server.fixAll', arguments: [OCR] }) as { applied: boolean };
    assert.strictEqual(r.applied, true);
    assert.strictEqual(c.appliedEdits.length, 1);
    const fixed = applyTextEdits(text, editsFor(c.appliedEdits[0]!.edit, OCR));
    assert.notStrictEqual(fixed, text);
  });

  test('"Add to workspace words" writes .bulletin/words.txt and the word is accepted afterwards', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'bao-cao.bulletin.md');
    const text = seed('ocr');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    c = await TestClient.start({ folder: dir });
    const ds = await c.openAndWait(uri, text);
    const at = positionOf(text, 'thành phổ lần thử 24');
    const d = ds.find(x => x.range.start.line === at.line && (x.data as { word?: string })?.word === 'phổ');
    assert.ok(d, 'no spelling finding with data.word "phổ"');
    const as = await actions(c, uri, [d]);
    const add = as.find(a => a.command?.command === 'bulletin.server.addWord');
    assert.ok(add, 'no "Add to workspace words" action');
    assert.strictEqual(add.title, "Add 'phổ' to workspace words");
    const next = c.waitForDiagnostics(uri);
    await c.conn.sendRequest(ExecuteCommandRequest.type, { command: add.command!.command, arguments: add.command!.arguments });
    const words = fs.readFileSync(path.join(dir, '.bulletin', 'words.txt'), 'utf8');
    assert.ok(words.split(/\r?\n/).includes('phổ'), words);
    const after = await next;
    assert.ok(!after.some(x => (x.data as { word?: string })?.word === 'phổ'), '"phổ" is still reported after adding it');
    // a second add does not duplicate the line
    await c.conn.sendRequest(ExecuteCommandRequest.type, { command: add.command!.command, arguments: add.command!.arguments });
    assert.strictEqual(fs.readFileSync(path.join(dir, '.bulletin', 'words.txt'), 'utf8').split(/\r?\n/).filter(l => l === 'phổ').length, 1);
  });

  test('an edited words.txt (file watcher) is read again', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'a.bulletin');
    const text = seed('ocr');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    c = await TestClient.start({ folder: dir });
    const ds = await c.openAndWait(uri, text);
    assert.ok(ds.some(x => (x.data as { word?: string })?.word === 'phổ'), 'no finding on "phổ"');
    fs.mkdirSync(path.join(dir, '.bulletin'));
    fs.writeFileSync(path.join(dir, '.bulletin', 'words.txt'), '# test\nphổ\n');
    const next = c.waitForDiagnostics(uri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(dir, '.bulletin', 'words.txt')), type: FileChangeType.Created }] });
    const after = await next;
    assert.ok(!after.some(x => (x.data as { word?: string })?.word === 'phổ'), '"phổ" is still reported');
  });
});
