import * as assert from 'assert';
import { createWorkspaceIndex } from '../../../../server/src/engine/workspace';
import { externalDefinitions, externalDefinitionsTop } from '../../../../server/src/engine/citations/crossfile';
import { lintText, resolveConfig, ruleByCode } from '../../../../server/src/engine/index';
import { noResources } from '../../../../server/src/engine/resources';
import { summarisedWorkspace } from '../../../../server/src/cli/workspace';

// Three bulletins define Nghị quyết 24; a fourth cites it by its short form. Which definitions
// the short form finds, and in which order, must not depend on which bulletin was analysed first
// (one thread, worker threads fed with summaries, or a server after any history of edits).
const texts = [
  { uri: 'file:///c.md', text: 'Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị.' },
  { uri: 'file:///a.md', text: 'Thực hiện Nghị quyết số 24-NQ/TW của Bộ Chính trị.' },
  { uri: 'file:///b.md', text: 'Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị về phát triển.' },
  { uri: 'file:///q.md', text: 'Theo Nghị quyết 24 của Bộ Chính trị.' },
];

suite('workspace index: cross-file definitions in a canonical order', () => {
  test('whichever bulletin asks first, and with summaries from another thread, the same definitions in the same order', () => {
    const results: string[] = [];
    for (const first of texts.map(t => t.uri)) {
      const ws = createWorkspaceIndex();
      for (const t of texts) ws.update(t.uri, t.text, 1);
      // the first query comes from `first` (which is left out of that flush)
      const asker = ws.file(first)!.citations().mentions[0]!;
      externalDefinitions(ws, first, asker);
      const m = ws.file('file:///q.md')!.citations().mentions[0]!;
      results.push(JSON.stringify(externalDefinitions(ws, 'file:///q.md', m).map(e => [e.file.uri, e.mention.span.start, !!e.mention.date])));
    }
    const main = createWorkspaceIndex();
    for (const t of texts) main.update(t.uri, t.text, 1);
    const worker = summarisedWorkspace(texts, main.summaries());
    const m = main.file('file:///q.md')!.citations().mentions[0]!;
    results.push(JSON.stringify(externalDefinitions(worker, 'file:///q.md', m).map(e => [e.file.uri, e.mention.span.start, !!e.mention.date])));
    assert.strictEqual(new Set(results).size, 1, results.join('\n'));
    assert.deepStrictEqual(JSON.parse(results[0]!).map((x: unknown[]) => x[0]), ['file:///b.md', 'file:///c.md', 'file:///a.md'], 'dated definitions first, then by URI');
  });
});

suite('workspace index: cross-file definitions of a settled index', () => {
  const shape = (xs: { file: { uri: string }; mention: { span: { start: number }; date?: unknown } }[]) => xs.map(e => [e.file.uri, e.mention.span.start, !!e.mention.date]);

  test('once nothing waits to be analysed, look-ups come from a cache that gives the same definitions in the same order, and an edit refreshes it', () => {
    const ws = createWorkspaceIndex();
    for (const t of texts) ws.update(t.uri, t.text, 1);
    const m = ws.file('file:///q.md')!.citations().mentions[0]!;
    const live = shape(externalDefinitions(ws, 'file:///q.md', m));
    ws.prepare(() => true);
    assert.ok(ws.definitionsUnder(m), 'settled: the cache answers');
    assert.deepStrictEqual(shape(externalDefinitions(ws, 'file:///q.md', m)), live);
    assert.deepStrictEqual(shape(externalDefinitionsTop(ws, 'file:///q.md', m, 2)), live.slice(0, 2));
    // b.md no longer dates it: it falls behind c.md, after the edit is analysed
    ws.update('file:///b.md', 'Nghị quyết số 24-NQ/TW của Bộ Chính trị về phát triển.', 2);
    assert.strictEqual(ws.definitionsUnder(m), undefined, 'b.md waits to be analysed: no cached answer');
    ws.prepare(() => true);
    assert.deepStrictEqual(externalDefinitions(ws, 'file:///q.md', m).map(e => e.file.uri), ['file:///c.md', 'file:///a.md', 'file:///b.md']);
  });

  test('the bulletin being edited is served from the cache while only it waits; an edit elsewhere drops only the lists it is part of', () => {
    const other = { uri: 'file:///z.md', text: 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.' };
    const ws = createWorkspaceIndex();
    for (const t of [...texts, other]) ws.update(t.uri, t.text, 1);
    ws.prepare(() => true);
    const m = ws.file('file:///q.md')!.citations().mentions[0]!;
    const before = ws.definitionsUnder(m, 'file:///q.md');
    assert.ok(before, 'settled: the cache answers');
    const expected = shape(externalDefinitions(ws, 'file:///q.md', m));
    // a keystroke in q.md: only q.md waits, and its own definitions are never wanted
    ws.update('file:///q.md', 'Theo Nghị quyết 24 của Bộ Chính trị, các cấp.', 2);
    assert.strictEqual(ws.definitionsUnder(m), undefined, 'asked for another bulletin: q.md must be analysed first');
    assert.strictEqual(ws.definitionsUnder(m, 'file:///q.md'), before, 'the same list, not rebuilt');
    assert.deepStrictEqual(shape(externalDefinitions(ws, 'file:///q.md', m)), expected);
    // a bulletin that defines something else changes: the list is kept
    ws.update(other.uri, other.text.replace('15/5/2016', '16/5/2016'), 2);
    ws.prepare(() => true);
    assert.strictEqual(ws.definitionsUnder(m, 'file:///q.md'), before, 'z.md has no part in it');
    // one that defines Nghị quyết 24 changes: the list is made again, in the new order
    ws.update('file:///c.md', 'Nghị quyết số 24-NQ/TW của Bộ Chính trị.', 2);
    ws.prepare(() => true);
    assert.notStrictEqual(ws.definitionsUnder(m, 'file:///q.md'), before);
    assert.deepStrictEqual(externalDefinitions(ws, 'file:///q.md', m).map(e => e.file.uri), ['file:///b.md', 'file:///a.md', 'file:///c.md']);
  });

  test('a short citation defined in many other bulletins names the first ten of them, in order', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ uri: `file:///f${String(i).padStart(2, '0')}.md`, text: `Nghị quyết số 24-NQ/TW${i % 2 ? ' ngày 07/10/2022' : ''} của Bộ Chính trị.` }));
    const q = { uri: 'file:///q.md', text: 'Theo Nghị quyết 24 của Bộ Chính trị, các cấp ủy triển khai.' };
    const all = [...many, q];
    for (const settled of [false, true]) {
      const ws = createWorkspaceIndex();
      for (const t of all) ws.update(t.uri, t.text, 1);
      if (settled) ws.prepare(() => true);
      const f = lintText(q.uri, q.text, resolveConfig({}), { resources: noResources, workspace: ws, only: [ruleByCode('citation.unresolved')!] });
      assert.strictEqual(f.length, 1, JSON.stringify(f));
      const elsewhere = (f[0]!.data as { elsewhere: { uri: string }[] }).elsewhere.map(e => e.uri);
      // the dated ones (odd numbers) first, then the others, each by URI
      assert.deepStrictEqual(elsewhere, ['f01', 'f03', 'f05', 'f07', 'f09', 'f11', 'f13', 'f00', 'f02', 'f04'].map(n => `file:///${n}.md`), `settled: ${settled}`);
      assert.match(f[0]!.message, /f01\.md/);
    }
  });
});
