// Protocol test: incremental sync. After many random incremental edits (CRLF, combining marks,
// astral characters, footnote markers), the server's findings equal those of a fresh server
// given the final text in one piece.
import * as assert from 'assert';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TestClient, seed } from './helper';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < offset) { i++; line++; start = i + 1; }
    else if (c === 10 || c === 13) { line++; start = i + 1; }
  }
  return { line, character: offset - start };
}

const PIECES = ['a', ' ', 'phổ', 'thành phố', '\n', '\r\n', 'ho\u0300a', 'Ð', '😀', '<sup>3</sup>', '¹', 'Nghị quyết số 98/2023/QH15', '**', '# ', '1. ', ''];

suite('lsp: incremental sync', () => {
  test('random incremental edits leave the server with exactly the client\'s text', async function () {
    this.timeout(60000);
    const random = rng(20231202);
    let text = seed('markdown').slice(0, 8000);
    const uri = 'file:///virtual/sync.bulletin.md';
    const c = await TestClient.start();
    const ref = await TestClient.start();
    try {
      await c.openAndWait(uri, text);
      let version = 1;
      for (let step = 0; step < 150; step++) {
        const changes: TextDocumentContentChangeEvent[] = [];
        const n = 1 + Math.floor(random() * 3);
        for (let k = 0; k < n; k++) {
          let start = Math.floor(random() * (text.length + 1));
          let end = Math.min(text.length, start + Math.floor(random() * 12));
          // a position never falls between \r and \n
          if (text[start - 1] === '\r' && text[start] === '\n') start--;
          if (text[end - 1] === '\r' && text[end] === '\n') end++;
          const piece = PIECES[Math.floor(random() * PIECES.length)]!;
          changes.push({ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: piece });
          text = text.slice(0, start) + piece + text.slice(end);
        }
        c.change(uri, ++version, changes);
      }
      const mine = await c.waitForDiagnostics(uri, version, 30000);
      const fresh = await ref.openAndWait(uri, text);
      assert.ok(fresh.length > 0, 'the final text has no findings to compare');
      assert.deepStrictEqual(mine, fresh);
    } finally {
      await c.stop();
      await ref.stop();
    }
  });
});
