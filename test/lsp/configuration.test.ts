// Protocol tests: workspace/configuration per document, refresh on change, activation, locale.
import * as assert from 'assert';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { TestClient, seed, sleep } from './helper';

const OCR = 'file:///virtual/000.bulletin';

const spelling = (ds: Diagnostic[]) => ds.filter(d => String(d.code).startsWith('spelling.'));

suite('lsp: configuration', () => {
  let c: TestClient;
  teardown(async () => { await c?.stop(); });

  test('settings are requested for the document URI (section "bulletin")', async () => {
    c = await TestClient.start({ settings: new Map() });
    await c.openAndWait(OCR, seed('ocr'));
    assert.ok(c.configRequests.includes(OCR), `requests: ${JSON.stringify(c.configRequests)}`);
  });

  test('bulletin.rules turns a family off for that document only', async () => {
    const other = 'file:///virtual/other.bulletin';
    const settings = new Map<string, unknown>([[OCR, { rules: { spelling: 'off' } }], ['', {}]]);
    c = await TestClient.start({ settings });
    const off = await c.openAndWait(OCR, seed('ocr'));
    const on = await c.openAndWait(other, seed('ocr'));
    assert.ok(spelling(on).length > 0, 'no spelling findings with default settings');
    assert.deepStrictEqual(spelling(off), []);
  });

  test('bulletin.maxProblems shows the most severe findings and a note with the total; fix-all still sees them all', async () => {
    const settings = new Map<string, unknown>([['', {}]]);
    c = await TestClient.start({ settings });
    const all = await c.openAndWait(OCR, seed('ocr'));
    assert.ok(all.length > 40 && all.length <= 1000, `the OCR seed is under the default cap: ${all.length}`);
    assert.ok(all.every(d => d.code !== undefined), 'no note when nothing is capped');
    const rank = (d: Diagnostic) => d.severity ?? 9;
    settings.set('', { maxProblems: 20 });
    const next = c.waitForDiagnostics(OCR);
    c.configurationChanged(null);
    const capped = await next;
    assert.strictEqual(capped.length, 21, 'twenty findings and the note');
    const [note, ...shown] = capped;
    assert.strictEqual(note!.code, undefined);
    assert.strictEqual(note!.severity, DiagnosticSeverity.Information);
    assert.deepStrictEqual(note!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(note!.message), new RegExp(`20 most severe of ${all.length} problems.*bulletin\\.maxProblems`));
    // the most severe: nothing shown is less severe than anything left out, in document order
    const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.code}`;
    const shownKeys = new Set(shown.map(key));
    const left = all.filter(d => !shownKeys.has(key(d)));
    assert.strictEqual(left.length, all.length - 20);
    assert.ok(Math.max(...shown.map(rank)) <= Math.min(...left.map(rank)));
    const pos = shown.map(d => d.range.start.line * 1e6 + d.range.start.character);
    assert.deepStrictEqual(pos, [...pos].sort((a, b) => a - b));
    // fix-all is not capped: it offers as many edits as without the cap
    const fixAll = async () => {
      const acts = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: OCR }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.bulletin'] } }) as { edit?: { changes?: Record<string, unknown[]>; documentChanges?: { edits: unknown[] }[] } }[];
      const e = acts[0]?.edit;
      return (e?.changes?.[OCR]?.length ?? 0) + (e?.documentChanges?.reduce((n, x) => n + x.edits.length, 0) ?? 0);
    };
    const cappedEdits = await fixAll();
    assert.ok(cappedEdits > 20, `fix-all edits under the cap: ${cappedEdits}`);
    settings.set('', { maxProblems: 0 });
    const again = c.waitForDiagnostics(OCR);
    c.configurationChanged(null);
    assert.strictEqual((await again).length, all.length, '0 = no limit');
    assert.strictEqual(await fixAll(), cappedEdits);
  });

  test('didChangeConfiguration: settings are requested again and diagnostics follow the new severity', async () => {
    const settings = new Map<string, unknown>([['', { rules: {} }]]);
    c = await TestClient.start({ settings });
    const before = await c.openAndWait(OCR, seed('ocr'));
    assert.ok(spelling(before).length > 0, 'no spelling findings');
    assert.ok(spelling(before).some(d => d.severity !== DiagnosticSeverity.Error));
    const requests = c.configRequests.length;
    settings.set('', { rules: { spelling: 'error' } });
    const next = c.waitForDiagnostics(OCR);
    c.configurationChanged(null);
    const after = await next;
    assert.ok(c.configRequests.length > requests, 'configuration was not requested again');
    assert.ok(spelling(after).length > 0);
    assert.ok(spelling(after).every(d => d.severity === DiagnosticSeverity.Error));
  });

  test('a pull client is asked to refresh diagnostics after a configuration change', async () => {
    c = await TestClient.start({ pull: true, settings: new Map([['', {}]]) });
    c.open(OCR, seed('ocr'));
    await c.pull(OCR);
    c.configurationChanged(null);
    await c.waitFor('workspace/diagnostic/refresh', () => (c.refreshRequests > 0 ? true : undefined));
  });

  test('bulletin.words accepts a word the spelling checks flag', async () => {
    const settings = new Map<string, unknown>([['', {}]]);
    c = await TestClient.start({ settings });
    const before = await c.openAndWait(OCR, seed('ocr'));
    assert.ok(before.some(d => (d.data as { word?: string })?.word === 'phổ'), 'no finding on "phổ"');
    settings.set('', { words: ['phổ'] });
    const next = c.waitForDiagnostics(OCR);
    c.configurationChanged(null);
    const after = await next;
    assert.ok(!after.some(d => (d.data as { word?: string })?.word === 'phổ'));
  });

  test('a client without workspace/configuration passes settings in didChangeConfiguration', async () => {
    c = await TestClient.start({ noConfiguration: true });
    const before = await c.openAndWait(OCR, seed('ocr'));
    assert.ok(spelling(before).length > 0, 'no spelling findings');
    assert.strictEqual(c.configRequests.length, 0);
    const next = c.waitForDiagnostics(OCR);
    c.configurationChanged({ bulletin: { rules: { spelling: 'off' } } });
    assert.deepStrictEqual(spelling(await next), []);
  });

  test('messages follow the client locale', async () => {
    c = await TestClient.start();
    const en = await c.openAndWait(OCR, seed('ocr'));
    const vi = await TestClient.start({ locale: 'vi' });
    try {
      const vds = await vi.openAndWait(OCR, seed('ocr'));
      assert.strictEqual(vds.length, en.length);
      assert.ok(en.length > 0, 'no findings to compare');
      assert.ok(vds.some((d, i) => d.message !== en[i]!.message), 'Vietnamese messages are identical to English ones');
    } finally {
      await vi.stop();
    }
  });
});

suite('lsp: activation', () => {
  let c: TestClient;
  teardown(async () => { await c?.stop(); });

  const md = 'file:///virtual/notes.md';
  const english = '# Meeting notes\n\nThe committee met on Tuesday and discussed the budget for next year.\nNothing else was decided.\n';

  test('auto: a Vietnamese Markdown file is checked, an English one is not', async () => {
    c = await TestClient.start({ pull: true, settings: new Map([['', { activation: 'auto' }]]) });
    c.open(md, seed('markdown'), 'markdown');
    c.open('file:///virtual/en.md', english + 'Recieve teh documnet.\n', 'markdown');
    const vi = await c.pull(md) as { items: Diagnostic[] };
    const en = await c.pull('file:///virtual/en.md') as { items: Diagnostic[] };
    assert.ok(vi.items.length > 0, 'the Vietnamese Markdown seed was not checked');
    assert.deepStrictEqual(en.items, []);
  });

  test('auto: the OCR seed opened as plain text is checked', async () => {
    c = await TestClient.start({ pull: true, settings: new Map([['', { activation: 'auto' }]]) });
    c.open('file:///virtual/000.txt', seed('ocr'), 'plaintext');
    const r = await c.pull('file:///virtual/000.txt') as { items: Diagnostic[] };
    assert.ok(r.items.length > 0);
  });

  test('bulletinOnly: Markdown is left alone, the bulletin language is still checked', async () => {
    c = await TestClient.start({ pull: true, settings: new Map([['', { activation: 'bulletinOnly' }]]) });
    c.open(md, seed('markdown'), 'markdown');
    c.open(OCR, seed('ocr'), 'bulletin');
    assert.deepStrictEqual((await c.pull(md) as { items: Diagnostic[] }).items, []);
    assert.ok((await c.pull(OCR) as { items: Diagnostic[] }).items.length > 0);
  });

  test('the workspace word list is never checked as a bulletin', async () => {
    c = await TestClient.start({ pull: true, settings: new Map([['', { activation: 'always' }]]) });
    const words = 'file:///virtual/ws/.bulletin/words.txt';
    c.open(words, '# từ của tôi\nphổ\nThủ Thỉêm\nqụỵểt\n', 'plaintext');
    assert.deepStrictEqual((await c.pull(words) as { items: Diagnostic[] }).items, []);
  });

  test('switching activation at run time updates the same document', async () => {
    const settings = new Map<string, unknown>([['', { activation: 'bulletinOnly' }]]);
    c = await TestClient.start({ settings });
    c.open(md, seed('markdown'), 'markdown');
    await sleep(300);
    assert.strictEqual(c.published.get(md), undefined, 'an inactive document got diagnostics');
    settings.set('', { activation: 'always' });
    const next = c.waitForDiagnostics(md);
    c.configurationChanged(null);
    assert.ok((await next).length > 0);
  });
});
