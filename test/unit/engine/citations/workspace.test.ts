import * as assert from 'assert';
import { createWorkspaceIndex, emptyWorkspace } from '../../../../server/src/engine/workspace';
import { parseDocument } from '../../../../server/src/engine/parse/index';
import { analyzeCitations, foldedText } from '../../../../server/src/engine/citations/resolve';
import { foldText } from '../../../../server/src/engine/citations/fold';

suite('workspace index', () => {
  test('update, remove, and key lookup; a changed file re-indexes only itself', () => {
    const ws = createWorkspaceIndex();
    ws.update('file:///a.md', 'Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị.', 1);
    ws.update('file:///b.md', 'Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị.', 1);
    assert.deepStrictEqual(ws.uris(), ['file:///a.md', 'file:///b.md']);
    assert.deepStrictEqual(ws.filesWithKey('NQ 24-NQ/TW').map(f => f.uri), ['file:///a.md']);
    const b = ws.file('file:///b.md')!;
    const bAnalysis = b.citations();
    ws.update('file:///a.md', 'Nghị quyết số 31-NQ/TW ngày 30/12/2022 của Bộ Chính trị.', 2);
    assert.deepStrictEqual(ws.filesWithKey('NQ 24-NQ/TW'), []);
    assert.deepStrictEqual(ws.filesWithKey('NQ 31-NQ/TW').map(f => f.version), [2]);
    assert.strictEqual(ws.file('file:///b.md'), b, 'the unchanged file keeps its entry');
    assert.strictEqual(b.citations(), bAnalysis, 'and its analysis');
    const a2 = ws.file('file:///a.md')!;
    ws.update('file:///a.md', 'Nghị quyết số 31-NQ/TW ngày 30/12/2022 của Bộ Chính trị.', 3);
    assert.strictEqual(ws.file('file:///a.md'), a2, 'same text: no re-index');
    ws.remove('file:///a.md');
    assert.deepStrictEqual(ws.filesWithKey('NQ 31-NQ/TW'), []);
    assert.deepStrictEqual(ws.uris(), ['file:///b.md']);
  });

  test('definitions are found by symbol and by type + number, for short forms that have no key', () => {
    const ws = createWorkspaceIndex();
    ws.update('file:///a.md', 'Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị.', 1);
    ws.update('file:///b.md', 'Quy định số 131-QĐ/TW ngày 10/5/2023 của Bộ Chính trị.', 1);
    const short = createWorkspaceIndex();
    short.update('file:///c.md', 'Theo Nghị quyết 24 của Bộ Chính trị và Quy định 131-QĐ/TW; Quyết định 131.', 1);
    const [m24, m131, q131] = short.file('file:///c.md')!.citations().mentions;
    assert.deepStrictEqual(ws.filesDefining(m24!).map(f => f.uri), ['file:///a.md']);
    assert.deepStrictEqual(ws.filesDefining(m131!).map(f => f.uri), ['file:///b.md']);
    assert.deepStrictEqual(ws.filesDefining(q131!).map(f => f.uri), ['file:///b.md'], 'QĐ and QĐi share a number series');
  });

  test('the asking bulletin is left out and not re-analysed (a keystroke analyses its buffer once)', () => {
    const ws = createWorkspaceIndex();
    ws.update('file:///a.md', 'Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị.', 1);
    ws.update('file:///b.md', 'Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị; Nghị quyết 24.', 1);
    assert.deepStrictEqual(ws.filesWithKey('NQ 24-NQ/TW', 'file:///b.md').map(f => f.uri), ['file:///a.md']);
    assert.deepStrictEqual(ws.filesWithKey('NQ 24-NQ/TW').map(f => f.uri), ['file:///a.md', 'file:///b.md']);
  });

  test('the empty workspace answers everything with nothing', () => {
    assert.deepStrictEqual(emptyWorkspace.uris(), []);
    assert.deepStrictEqual(emptyWorkspace.files?.(), []);
  });
});

suite('workspace index: an analysis shared with the document being checked', () => {
  test('the document gets the index\'s analysis and the folded text it was made from; a second document of that text folds its own', () => {
    const text = 'Thực hiện Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị, Ủy ban nhân dân tỉnh đã ban hành kế hoạch.';
    const ws = createWorkspaceIndex();
    ws.update('file:///a.md', text, 1);
    ws.prepare(() => true);
    const d1 = parseDocument('file:///a.md', text, 1);
    const a1 = analyzeCitations(d1, ws);
    assert.strictEqual(a1, ws.file('file:///a.md')!.citations(), 'one analysis for both');
    assert.ok(d1.memo.has('citations.foldedLazy'), 'handed over with it (assembled from its chunks when first asked)');
    assert.strictEqual(foldedText(d1), foldText(d1.text));
    // handed over once (the index does not keep a copy of every bulletin's folded text): a later
    // document of the same text shares the analysis and folds the text itself when asked
    const d2 = parseDocument('file:///a.md', text, 1);
    assert.strictEqual(analyzeCitations(d2, ws), a1);
    assert.ok(!d2.memo.has('citations.folded') && !d2.memo.has('citations.foldedLazy'));
    assert.strictEqual(foldedText(d2), foldText(d2.text));
  });
});
