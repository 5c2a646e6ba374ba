import * as assert from 'assert';
import { createWorkspaceIndex } from '../../../../server/src/engine/workspace';
import { externalDefinitions } from '../../../../server/src/engine/citations/crossfile';
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
