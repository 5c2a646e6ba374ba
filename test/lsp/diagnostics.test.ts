// Protocol tests: diagnostics pushed and pulled for real seed text.
import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { TestClient, positionOf, seed, sleep } from './helper';

const OCR = 'file:///virtual/000.bulletin';
const MD = 'file:///virtual/003.bulletin.md';

function textAt(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = d.range;
  if (start.line === end.line) return lines[start.line]!.slice(start.character, end.character);
  return [lines[start.line]!.slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line]!.slice(0, end.character)].join('\n');
}

/** The spelling finding on "phổ" in "thành phổ lần thử 24" (seed 000, line 9). */
function phoFinding(text: string, ds: Diagnostic[]): Diagnostic | undefined {
  const at = positionOf(text, 'thành phổ lần thử 24');
  return ds.find(d => d.range.start.line === at.line && textAt(text, d) === 'phổ');
}

suite('lsp: diagnostics', () => {
  let c: TestClient;
  setup(async () => { c = await TestClient.start(); });
  teardown(async () => { await c.stop(); });

  test('opening the OCR seed pushes findings with code, source and fix data, and no link that leads nowhere', async () => {
    const text = seed('ocr');
    const ds = await c.openAndWait(OCR, text);
    assert.ok(ds.length > 0, 'no diagnostics on the OCR seed');
    for (const d of ds) {
      assert.strictEqual(d.source, 'bulletin');
      assert.match(String(d.code), /^(spelling|citation|footnote|structure)\.[a-z-]+$/);
      assert.ok(d.severity && d.severity >= 1 && d.severity <= 4);
      // no documentation link: the project has no published home yet, and a link must not lead nowhere
      assert.strictEqual(d.codeDescription, undefined);
      const data = d.data as { suggestions: unknown; safe: unknown };
      assert.ok(Array.isArray(data.suggestions), 'data.suggestions');
      assert.strictEqual(typeof data.safe, 'boolean');
    }
  });

  test('"thành phổ" is reported with "phố" as the first suggestion and the word in data', async () => {
    const text = seed('ocr');
    const ds = await c.openAndWait(OCR, text);
    const d = phoFinding(text, ds);
    assert.ok(d, `no finding on "phổ"; codes: ${[...new Set(ds.map(x => x.code))].join(', ')}`);
    assert.match(String(d.code), /^spelling\./);
    const data = d.data as { suggestions: string[]; word: string };
    assert.strictEqual(data.suggestions[0], 'phố');
    assert.strictEqual(data.word, 'phổ');
  });

  test('an incremental edit that fixes the word removes its finding in the next version', async () => {
    const text = seed('ocr');
    const ds = await c.openAndWait(OCR, text);
    const d = phoFinding(text, ds);
    assert.ok(d, 'no finding on "phổ" to fix');
    const next = c.waitForDiagnostics(OCR, 2);
    c.change(OCR, 2, [{ range: d.range, text: 'phố' }]);
    const after = await next;
    assert.ok(!after.some(x => x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character && x.code === d.code),
      'the finding survived the edit');
    assert.ok(after.length < ds.length, `${after.length} findings after the fix, ${ds.length} before`);
  });

  test('rapid edits are debounced: one publication, for the last version', async () => {
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    const before = c.published.get(OCR)!.length;
    const x = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }];
    c.changeBurst(OCR, [2, 3, 4, 5, 6].map(version => ({ version, changes: x })));
    await c.waitForDiagnostics(OCR, 6);
    await sleep(400);
    const later = c.published.get(OCR)!.slice(before);
    assert.deepStrictEqual(later.map(p => p.version), [6]);
  });

  test('the Markdown seed opened as markdown (auto activation: Vietnamese text) gets the footnote self-reference', async () => {
    const text = seed('markdown');
    const ds = await c.openAndWait('file:///virtual/003.md', text, 'markdown');
    assert.ok(ds.some(d => d.code === 'footnote.self-reference'), `codes: ${[...new Set(ds.map(x => x.code))].join(', ')}`);
  });

  test('diagnostic positions are UTF-16 positions in the original text (CRLF and decomposed diacritics)', async () => {
    const text = seed('ocr').replace(/\n/g, '\r\n').normalize('NFD');
    const ds = await c.openAndWait(OCR, text);
    const lines = text.split('\r\n');
    const at = lines.findIndex(l => l.includes('thành phổ lần thử 24'.normalize('NFD')));
    const d = ds.find(x => x.range.start.line === at && lines[at]!.slice(x.range.start.character, x.range.end.character).normalize('NFC') === 'phổ');
    assert.ok(d, 'no finding on decomposed "phổ" at the right UTF-16 range');
  });
});

suite('lsp: pulled diagnostics', () => {
  let c: TestClient;
  setup(async () => { c = await TestClient.start({ pull: true }); });
  teardown(async () => { await c.stop(); });

  test('textDocument/diagnostic returns the same findings as a push would, and nothing is pushed', async () => {
    const text = seed('ocr');
    c.open(OCR, text);
    const r = await c.pull(OCR);
    assert.strictEqual(r.kind, 'full');
    const items = (r as { items: Diagnostic[] }).items;
    assert.ok(items.length > 0, 'no pulled diagnostics on the OCR seed');
    assert.ok(phoFinding(text, items), 'no pulled finding on "phổ"');
    await sleep(300);
    assert.strictEqual(c.published.get(OCR), undefined, 'diagnostics were pushed to a pull client');
  });

  test('an unchanged document answers a repeated pull with kind "unchanged"', async () => {
    c.open(MD, seed('markdown'));
    const first = await c.pull(MD);
    assert.strictEqual(first.kind, 'full');
    assert.ok(first.resultId);
    const again = await c.pull(MD, first.resultId);
    assert.strictEqual(again.kind, 'unchanged');
    c.change(MD, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    const third = await c.pull(MD, first.resultId);
    assert.strictEqual(third.kind, 'full');
  });

  test('a document that is not open pulls as empty', async () => {
    const r = await c.pull('file:///virtual/never-opened.bulletin');
    assert.deepStrictEqual(r, { kind: 'full', items: [] });
  });
});
