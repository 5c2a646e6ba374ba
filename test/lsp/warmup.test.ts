// Protocol tests: the idle warm-up after the first slow check (server.ts, "JIT warm-up"). It
// must be invisible to the client: nothing published, nothing changed, and the user's first
// edit is never kept waiting by it.
import * as assert from 'assert';
import { TestClient, positionOf, seed, sleep } from './helper';
import { WARM_STEPS } from '../../server/src/lsp/server';

const OCR = 'file:///virtual/000.bulletin';
const WARM_DONE = new RegExp(`^warm-up: ${WARM_STEPS} idle re-checks of 000\\.bulletin in \\d+ ms \\(\\d+ ms wall\\)$`);

suite('lsp: warm-up after the first open', () => {
  let c: TestClient;
  setup(async () => { c = await TestClient.start(); });
  teardown(async () => { await c.stop(); });

  test('runs its re-checks once the first bulletin is open, and publishes nothing', async function () {
    this.timeout(60000);
    const text = seed('ocr');
    const first = await c.openAndWait(OCR, text);
    const line = await c.waitFor('the warm-up to finish', () => c.logs.find(l => l.startsWith('warm-up:')), 30000);
    assert.match(line, WARM_DONE);
    await sleep(200);
    // the edited copies it checked never reach the client
    assert.strictEqual(c.published.get(OCR)!.length, 1, 'only the diagnostics of the open are published');
    assert.deepStrictEqual([...c.published.keys()], [OCR]);
    assert.ok(first.length > 500, 'the OCR seed has its findings');
    // a second document does not start another warm-up
    const md = 'file:///virtual/003.bulletin.md';
    await c.openAndWait(md, seed('markdown'));
    await sleep(500);
    assert.strictEqual(c.logs.filter(l => l.startsWith('warm-up:')).length, 1);
  });

  test('stops at the first edit, which gets its own findings', async function () {
    this.timeout(60000);
    const text = seed('ocr');
    await c.openAndWait(OCR, text);
    // type right away: "thành phố" becomes "thành phốx", a new finding on that word
    const at = positionOf(text, 'thành phổ lần thử 24');
    const pos = { line: at.line, character: at.character + 'thành phổ'.length };
    const after = c.waitForDiagnostics(OCR, 2);
    c.change(OCR, 2, [{ range: { start: pos, end: pos }, text: 'x' }]);
    const ds = await after;
    assert.ok(ds.some(d => d.range.start.line === pos.line && d.range.end.character === pos.character + 1), 'the edited word is reported');
    const line = await c.waitFor('the warm-up to stop', () => c.logs.find(l => l.startsWith('warm-up:')), 30000);
    assert.match(line, /^warm-up: \d idle re-checks? of 000\.bulletin in \d+ ms \(\d+ ms wall\); stopped: a document was edited, opened or closed$/);
  });

  test('a start-up warm-up checks a made-up bulletin before any document is open, and publishes nothing', async function () {
    this.timeout(30000);
    const line = await c.waitFor('the start-up warm-up', () => c.logs.find(l => l.startsWith('start-up warm-up')), 20000);
    assert.match(line, /^start-up warm-up in \d+ ms$/);
    await sleep(200);
    assert.deepStrictEqual([...c.published.keys()], [], 'the sample\'s findings never reach the client');
    // the first document opened after it is checked as usual
    const ds = await c.openAndWait(OCR, seed('ocr'));
    assert.ok(ds.length > 500, 'seed 000 has its findings');
    assert.deepStrictEqual([...c.published.keys()], [OCR]);
    assert.strictEqual(c.logs.filter(l => l.startsWith('start-up warm-up')).length, 1);
  });

  test('no start-up warm-up when a bulletin is opened as the server starts (its own check warms it)', async function () {
    this.timeout(30000);
    await c.openAndWait(OCR, seed('ocr'));
    await sleep(600);
    assert.deepStrictEqual(c.logs.filter(l => l.startsWith('start-up warm-up')), []);
  });

  test('a small document is checked fast enough not to need one', async function () {
    this.timeout(30000);
    await c.openAndWait('file:///virtual/small.bulletin', 'Thông báo nhanh kết quả Hội nghị lần thứ 24 của Ban Chấp hành Đảng bộ thành phố.\n');
    await sleep(500);
    assert.deepStrictEqual(c.logs.filter(l => l.startsWith('warm-up:')), []);
  });
});
