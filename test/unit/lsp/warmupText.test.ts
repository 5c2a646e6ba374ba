// The server's start-up warm-up text (server/src/lsp/warmupText.ts) must keep exercising the
// checks a real OCR bulletin exercises, or the warm-up stops warming what the first open runs.
import * as assert from 'assert';
import { lintText, resolveConfig } from '../../../server/src/engine/index';
import { loadDefaultResources } from '../../../server/src/engine/resources';
import { WARMUP_TEXT } from '../../../server/src/lsp/warmupText';

suite('lsp: start-up warm-up text', () => {
  test('has findings of every spelling grade, a merged word and a footnote that resolves', () => {
    const fs_ = lintText('bulletin-warmup:sample', WARMUP_TEXT, resolveConfig({}), { resources: loadDefaultResources() });
    const codes = new Set(fs_.map(f => f.code));
    for (const c of ['spelling.context', 'spelling.unknown-syllable', 'spelling.invalid-syllable']) assert.ok(codes.has(c), `no ${c}: ${[...codes].join(', ')}`);
    const at = (s: string) => fs_.find(f => WARMUP_TEXT.slice(f.offsets.start, f.offsets.end) === s);
    assert.strictEqual(at('vềhạnchế')?.suggestions[0], 'về hạn chế');
    assert.strictEqual(at('THỬ')?.suggestions[0], 'THỨ');
    // the citations and the footnote are well formed: no citation or footnote finding
    assert.deepStrictEqual(fs_.filter(f => /^(citation|footnote)\./.test(f.code)).map(f => f.code), []);
    assert.ok(WARMUP_TEXT.length > 1500 && WARMUP_TEXT.length < 4000, `${WARMUP_TEXT.length} characters`);
  });
});
