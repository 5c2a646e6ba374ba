import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chunkSpans, clearCitationCache, recognizeChunked } from '../../../../server/src/engine/citations/chunks';
import { recognizeWithProblems } from '../../../../server/src/engine/citations/recognize';
import { foldText } from '../../../../server/src/engine/citations/fold';
import { analyzeCitations } from '../../../../server/src/engine/citations/resolve';
import { findComments, parseDocument } from '../../../../server/src/engine/parse/index';
import { SourceText } from '../../../../server/src/engine/text';
import { repoRoot } from '../../../helpers/markers';

function texts(): { name: string; text: string }[] {
  const root = repoRoot();
  const out: { name: string; text: string }[] = [];
  const seeds = path.join(root, 'seeds');
  for (const f of fs.readdirSync(seeds)) if (/^\d{3}_.*\.txt$/.test(f)) out.push({ name: f, text: fs.readFileSync(path.join(seeds, f), 'utf8') });
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(e.name)) out.push({ name: path.relative(root, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(root, 'test', 'fixtures'));
  return out;
}

suite('citations: recognition paragraph by paragraph (chunks + cache)', () => {
  test('chunks cover every non-blank line and only white space lies between them', () => {
    const t = '\n  \nA b\nc d\n \t\r\n\nE\r\nF\n\n';
    const spans = chunkSpans(t);
    assert.deepStrictEqual(spans.map(s => t.slice(s.start, s.end)), ['A b\nc d', 'E\r\nF']);
  });

  test('a chunk is also cut before a line that opens a sentence after one that ended one, when both are long enough', () => {
    const pad = 'các cấp ủy đảng quán triệt và triển khai thực hiện '.repeat(6);
    const first = `Thực hiện Nghị quyết số 26-NQ/TU của Tỉnh ủy, ${pad}nghiêm túc.`;
    const rest = `Hội nghị thống nhất ${pad}\nNghị quyết số 12-NQ/TW.\nngày 5/3/2024 và TP.\nHồ Chí Minh`;
    const t = `${first}\n${rest}`;
    assert.deepStrictEqual(chunkSpans(t).map(s => t.slice(s.start, s.end)), [first, rest]);
    // two short sentences on two lines stay one chunk
    const u = 'Hội nghị thống nhất.\nBan Thường vụ chỉ đạo.';
    assert.deepStrictEqual(chunkSpans(u).map(s => u.slice(s.start, s.end)), [u]);
  });

  test('chunked recognition equals one scan of the whole text on the seeds and every fixture, cold and cached', () => {
    const all = texts();
    // and on each of them without its blank lines, as OCR that read a page as one block writes it
    for (const x of [...all]) all.push({ name: `${x.name} (no blank line)`, text: x.text.replace(/\n(?:[ \t\r]*\n)+/g, '\n') });
    assert.ok(all.length >= 10, 'seeds and fixtures found');
    for (const pass of ['cold', 'cached']) {
      if (pass === 'cold') clearCitationCache();
      for (const { name, text } of all) {
        const t = new SourceText(text).text;
        const skips = findComments(t);
        const whole = recognizeWithProblems(t, foldText(t), { skips });
        const chunked = recognizeChunked(t, skips);
        assert.deepStrictEqual(chunked.mentions, whole.mentions, `${name} (${pass}): mentions`);
        assert.deepStrictEqual(chunked.badSymbols, whole.badSymbols, `${name} (${pass}): bad symbols`);
        assert.strictEqual(chunked.folded, foldText(t), `${name} (${pass}): folded text`);
      }
    }
  });

  test('an edit re-analysed from the cache gives what a fresh analysis gives, and cached results are never mutated', () => {
    const seed = texts()[0]!.text;
    const lines = seed.split('\n');
    clearCitationCache();
    const first = analyzeCitations(parseDocument('file:///a.md', seed));
    assert.ok(first.mentions.length > 5, 'the seed has citations');
    for (let k = 0; k < 20; k++) {
      const at = (k * 7919) % lines.length;
      const edited = [...lines.slice(0, at), lines[at] + (k % 2 ? ' Nghị quyết số 12-NQ/TW' : 'x'), ...lines.slice(at + 1)].join('\n');
      const warm = analyzeCitations(parseDocument('file:///a.md', edited, k + 2));
      clearCitationCache();
      const cold = analyzeCitations(parseDocument('file:///a.md', edited, k + 2));
      assert.deepStrictEqual(warm.mentions, cold.mentions, `edit ${k}`);
      assert.deepStrictEqual([...warm.documents.entries()], [...cold.documents.entries()], `edit ${k}: documents`);
    }
    clearCitationCache();
    const again = analyzeCitations(parseDocument('file:///a.md', seed, 99));
    assert.deepStrictEqual(again.mentions, analyzeCitations(parseDocument('file:///a.md', seed, 100)).mentions);
    assert.deepStrictEqual(again.mentions, first.mentions);
  });
});
