// Restoring the marks of a selection (an editor action): the words typed without marks in the
// selected range, read in context; everything else is left as written.
import * as assert from 'assert';
import { parseDocument, restoreDiacritics } from '../../../../server/src/engine/index';
import { loadDefaultResources, noResources } from '../../../../server/src/engine/resources';
import type { Range } from '../../../../server/src/engine/types';

const resources = loadDefaultResources();

function restored(text: string, range: Range): string {
  const doc = parseDocument('file:///t.txt', text);
  const edits = restoreDiacritics(doc, resources, range)
    .map(e => ({ start: doc.source.offsetAtPosition(e.range.start), end: doc.source.offsetAtPosition(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

suite('features: restore the diacritics of a selection', () => {
  test('the selected words typed without marks get them, read in context; the rest stays', () => {
    const text = 'Hội nghị đã thảo luận. Hoi nghi da thong qua Nghi quyet ve phat trien kinh te.\n';
    const all = { start: { line: 0, character: 0 }, end: { line: 0, character: text.length - 1 } };
    assert.strictEqual(restored(text, all), 'Hội nghị đã thảo luận. Hội nghị đã thông qua Nghị quyết về phát triển kinh tế.\n');
    // only what is selected: "Hoi nghi da" (the first 11 characters of the second sentence)
    const part = { start: { line: 0, character: 23 }, end: { line: 0, character: 34 } };
    assert.strictEqual(restored(text, part), 'Hội nghị đã thảo luận. Hội nghị đã thong qua Nghi quyet ve phat trien kinh te.\n');
  });

  test('two words the diacritics check leaves alone are restored when the user asks', () => {
    // a run of two level-tone words in accented text is no finding, but a selection is a request
    const text = 'Các đồng chí đã thao luan sôi nổi.\n';
    const range = { start: { line: 0, character: 16 }, end: { line: 0, character: 26 } };
    assert.strictEqual(restored(text, range), 'Các đồng chí đã thảo luận sôi nổi.\n');
  });

  test('acronyms, English words, numbers, code and words with marks are left as written', () => {
    const text = 'Hoi nghi UBND online 2024 `ma nguon` ve kinh te.\n';
    const all = { start: { line: 0, character: 0 }, end: { line: 0, character: text.length - 1 } };
    assert.strictEqual(restored(text, all), 'Hội nghị UBND online 2024 `ma nguon` về kinh tế.\n');
  });

  test('lines in capitals keep their case; an empty selection or no model changes nothing', () => {
    const text = 'KET QUA HOI NGHI BAN CHAP HANH\n';
    const all = { start: { line: 0, character: 0 }, end: { line: 0, character: 30 } };
    assert.strictEqual(restored(text, all), 'KẾT QUẢ HỘI NGHỊ BAN CHẤP HÀNH\n');
    assert.deepStrictEqual(restoreDiacritics(parseDocument('file:///t.txt', text), resources, { start: all.start, end: all.start }), []);
    assert.deepStrictEqual(restoreDiacritics(parseDocument('file:///t.txt', text), noResources, all), []);
  });
});
