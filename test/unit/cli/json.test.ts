import * as assert from 'assert';
import { formatJson, formatJsonChunks, toJsonDiagnostic } from '../../../server/src/cli/formatters/json';
import type { Finding } from '../../../server/src/engine/index';

const f = (message: string, line: number, extra: Partial<Finding> = {}): Finding => ({
  code: 'spelling.context', severity: 'error', message, source: 'bulletin', suggestions: ['phố', 'phó'],
  range: { start: { line, character: 9 }, end: { line, character: 12 } }, offsets: { start: 0, end: 0 },
  safe: true, data: { word: 'phổ' }, ...extra,
});

suite('cli json format', () => {
  test('written in pieces, the output is exactly the one-string contract document', () => {
    const cases: { path: string; findings: Finding[] }[][] = [
      [],
      [{ path: 'a.md', findings: [] }],
      [{ path: 'seeds/000 "x".txt', findings: [f('"phổ" is probably "phố" here', 3), f('tab\tand\nnewline, \u2028 and \\', 7)] }, { path: 'b.md', findings: [] }, { path: 'c/đ.md', findings: [f('m', 0)] }],
      // more findings than one piece holds: 1000, 1001 and 2500
      [{ path: 'a.md', findings: Array.from({ length: 1000 }, (_, i) => f(`m${i}`, i)) }, { path: 'b.md', findings: Array.from({ length: 1001 }, (_, i) => f(`n${i}`, i)) }],
      [{ path: 'big.md', findings: Array.from({ length: 2500 }, (_, i) => f(`x${i}`, i)) }, { path: 'e.md', findings: [] }],
    ];
    for (const files of cases) {
      const whole = JSON.stringify({ version: 1, files: files.map(x => ({ path: x.path, diagnostics: x.findings.map(toJsonDiagnostic) })) }) + '\n';
      const pieces = [...formatJsonChunks(files)];
      assert.strictEqual(pieces.join(''), whole);
      assert.strictEqual(formatJson(files), whole);
      const expected = 2 + files.reduce((n, x) => n + Math.max(1, Math.ceil(x.findings.length / 1000)), 0);
      assert.strictEqual(pieces.length, expected, 'one piece per file and per 1000 diagnostics, plus the opening and the closing');
      JSON.parse(pieces.join(''));
    }
  });
  test('a diagnostic carries exactly the contract keys (no safe flag, no data, no offsets)', () => {
    const out = JSON.parse(formatJson([{ path: 'a.md', findings: [f('m', 1)] }]));
    assert.deepStrictEqual(Object.keys(out.files[0].diagnostics[0]), ['range', 'severity', 'code', 'source', 'message', 'suggestions']);
  });
});
