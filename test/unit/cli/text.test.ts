import * as assert from 'assert';
import { findingLine, foldLines, summaryLine } from '../../../server/src/cli/formatters/text';
import type { Finding } from '../../../server/src/engine/index';

const f = (message: string): Finding => ({
  code: 'footnote.undefined', severity: 'warning', message, source: 'bulletin', suggestions: [],
  range: { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } }, offsets: { start: 0, end: 0 },
});

suite('cli text format', () => {
  test('finding line: path:line:col: severity code message, 1-based', () => {
    assert.strictEqual(findingLine('a/b.md', f('Footnote 3 is never defined.'), false), 'a/b.md:5:10: warning footnote.undefined Footnote 3 is never defined.');
  });
  test('colours wrap only the severity and the code', () => {
    assert.strictEqual(findingLine('x.md', f('m'), true), 'x.md:5:10: \x1b[33mwarning\x1b[0m \x1b[2mfootnote.undefined\x1b[0m m');
  });
  test('line breaks in messages are folded into one space; other spacing is kept', () => {
    const cases: [string, string][] = [
      ['a\nb', 'a b'], ['a  \r\n\t b', 'a b'], ['a  b', 'a  b'], ['a\n\n\nb\nc', 'a b c'], ['\nx', ' x'], ['x\n', 'x '], ['plain', 'plain'],
    ];
    for (const [inp, want] of cases) assert.strictEqual(foldLines(inp), want, JSON.stringify(inp));
    assert.strictEqual(findingLine('x.md', f('two\nlines'), false).split('\n').length, 1);
  });
  test('folding is linear on long whitespace runs', () => {
    const s = 'a' + ' \t'.repeat(200000) + 'b';
    const t0 = Date.now();
    assert.strictEqual(foldLines(s + '\n'), s + ' ');
    assert.ok(Date.now() - t0 < 1000);
  });
  test('summary: stable shape with singular and plural', () => {
    const z = { error: 0, warning: 0, information: 0, hint: 0 };
    assert.strictEqual(summaryLine(z, 2, 0, false), '✔ 0 problems (0 errors, 0 warnings, 0 infos, 0 hints) in 2 files');
    assert.strictEqual(summaryLine({ error: 1, warning: 0, information: 1, hint: 0 }, 1, 0, false), '✖ 2 problems (1 error, 0 warnings, 1 info, 0 hints) in 1 file');
    assert.strictEqual(summaryLine({ error: 3, warning: 9, information: 0, hint: 0 }, 2, 0, false), '✖ 12 problems (3 errors, 9 warnings, 0 infos, 0 hints) in 2 files');
    assert.strictEqual(summaryLine(z, 1, 1, false), '✖ 0 problems (0 errors, 0 warnings, 0 infos, 0 hints) in 1 file; 1 file could not be checked');
    assert.strictEqual(summaryLine(z, 0, 3, false), '✖ 0 problems (0 errors, 0 warnings, 0 infos, 0 hints) in 0 files; 3 files could not be checked');
  });
});
