// reportedAt: the document pass finds "the finding at this token" by token index. It must give
// what the offset-keyed Map it replaced gave: the last finding starting at a token's start, none
// for a token no finding starts at, whatever order the findings come in.
import * as assert from 'assert';
import { TokenList } from '../../../../../server/src/engine/rules/spelling/tokens';
import { reportedAt } from '../../../../../server/src/engine/rules/spelling/analyze';
import type { SpellingIssue } from '../../../../../server/src/engine/rules/spelling/analyze';

function tokensOf(text: string, order?: number[]): TokenList {
  const list = new TokenList(text);
  const spans = [...text.matchAll(/\S+/g)].map(m => [m.index!, m.index! + m[0].length] as const);
  for (const k of order ?? spans.map((_, i) => i)) list.add(spans[k]![0], spans[k]![1], 0, 0);
  return list;
}
const issue = (start: number, end: number) => ({ span: { start, end } }) as unknown as SpellingIssue;
/** What the old code read: a Map from start offset to the last finding index there. */
function byMap(tokens: TokenList, found: SpellingIssue[]): number[] {
  const m = new Map<number, number>();
  found.forEach((x, k) => m.set(x.span.start, k));
  return Array.from({ length: tokens.length }, (_, i) => m.get(tokens.start[i]!) ?? -1);
}

suite('rules/spelling reportedAt', () => {
  const text = 'thành phổ lần thử 24 của Bạn Chấp hành';
  test('each token gets the finding that starts there, the last of several, -1 for none', () => {
    const t = tokensOf(text);
    // findings out of order, two at "phổ", one inside a token (no token starts there)
    const found = [issue(14, 17), issue(6, 9), issue(6, 9), issue(1, 3), issue(29, 33)];
    const at = Array.from(reportedAt(t, found));
    assert.deepStrictEqual(at, [-1, 2, -1, 0, -1, -1, -1, 4, -1]);
    assert.deepStrictEqual(at, byMap(t, found));
  });
  test('tokens out of text order fall back to the same answer', () => {
    const t = tokensOf(text, [1, 0, 2, 3, 4, 5, 6, 7, 8]);
    const found = [issue(6, 9), issue(0, 5)];
    assert.deepStrictEqual(Array.from(reportedAt(t, found)), byMap(t, found));
    assert.deepStrictEqual(Array.from(reportedAt(t, found)), [0, 1, -1, -1, -1, -1, -1, -1, -1]);
  });
  test('no findings, no tokens', () => {
    assert.deepStrictEqual(Array.from(reportedAt(tokensOf(text), [])), new Array(9).fill(-1));
    assert.deepStrictEqual(Array.from(reportedAt(tokensOf(''), [issue(0, 1)])), []);
  });
});
