// spelling.invisible-character: a soft hyphen or zero-width character inside a word is reported on
// the word, the fix takes it out and changes nothing else, fix-all applies it, and the other
// checks read the word whole.
import * as assert from 'assert';
import { lintText, resolveConfig, type Finding, type PartialConfig } from '../../../../../server/src/engine/index';
import { loadDefaultResources } from '../../../../../server/src/engine/resources';
import { fixTwice } from '../../../../helpers/fixfile';
import { SourceText } from '../../../../../server/src/engine/text';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

const resources = loadDefaultResources();
const lint = (text: string, cfg: PartialConfig = {}, uri = 'file:///t.txt'): Finding[] => lintText(uri, text, resolveConfig(cfg), { resources });
const at = (text: string, f: Finding) => text.slice(f.offsets.start, f.offsets.end);
const show = (s: string) => s.replace(/\u00ad/g, '<SHY>').replace(/\u200b/g, '<ZWSP>').replace(/\u200d/g, '<ZWJ>');
const invisible = (text: string, cfg: PartialConfig = {}, uri?: string) =>
  lint(text, cfg, uri).filter(f => f.code === 'spelling.invisible-character').map(f => `${show(at(text, f))} -> ${f.suggestions.join('|')}${f.safe ? '' : ' (offered)'}`);

suite('rules/spelling.invisible-character', () => {
  test('seed 000 with invisible characters copied into words: each word reported once, and every other finding as on the clean seed', () => {
    const clean = seedText(SEED_000);
    const lines = clean.split('\n');
    // line 9 (index 8): "thành phổ" with a zero-width space in "phổ"; line 11 (index 10): a soft
    // hyphen in its last word, "tham dự" (after every other finding of the line)
    lines[8] = lines[8]!.replace('thành phổ', 'thành ph\u200bổ');
    lines[10] = lines[10]!.replace('tham dự ', 'tham d\u00adự ');
    const damaged = lines.join('\n');
    assert.deepStrictEqual(invisible(damaged), ['ph<ZWSP>ổ -> phổ', 'd<SHY>ự -> dự']);
    const f = lint(damaged).find(x => x.code === 'spelling.invisible-character')!;
    assert.deepStrictEqual(f.range, { start: { line: 8, character: 28 }, end: { line: 8, character: 32 } });
    assert.strictEqual(f.message, '“phổ” has a zero-width space (U+200B) inside it: it looks whole, but a search for “phổ” does not find it');
    assert.match(lint(damaged, { locale: 'vi' }).find(x => x.code === 'spelling.invisible-character')!.message, /khoảng trắng độ rộng 0 \(U\+200B\).*tìm “phổ” sẽ không thấy/);
    // "phổ" is still read whole in its context: the context finding is the clean seed's, on the same word
    const rest = (t: string) => lint(t).filter(x => x.code !== 'spelling.invisible-character').map(x => `${x.code} ${x.range.start.line}:${x.range.start.character} ${x.suggestions[0] ?? ''}`);
    const restClean = rest(clean);
    assert.deepStrictEqual(rest(damaged).filter(x => !x.startsWith('spelling.context 8:')), restClean.filter(x => !x.startsWith('spelling.context 8:')));
    const phổ = lint(damaged).find(x => x.code === 'spelling.context' && x.range.start.line === 8 && x.suggestions[0] === 'phố');
    assert.ok(phổ, 'the context finding on "phổ" is gone');
    assert.strictEqual(show(at(damaged, phổ)), 'ph<ZWSP>ổ');
  });

  test('not reported: between words, at a word\'s edge, in code, on the clean seeds, and with the switch off', () => {
    assert.deepStrictEqual(invisible('Đảng bộ\u200b thành phố\u200b. \u200bKinh tế\n'), []);
    assert.deepStrictEqual(invisible('# Tiêu đề\n\nLệnh `ph\u200bố` trong mã.\n', {}, 'file:///t.md'), []);
    assert.deepStrictEqual(invisible(seedText(SEED_000)), []);
    assert.deepStrictEqual(invisible(seedText(SEED_003)), []);
    assert.deepStrictEqual(invisible('Kinh t\u200dế xã hội.\n', { rules: { 'spelling.invisible-character': 'off' } }), []);
    assert.deepStrictEqual(invisible('Kinh t\u200d\u200dế xã hội.\n'), ['t<ZWJ><ZWJ>ế -> tế']);
  });

  test('SourceText leaves invisible characters out of the analysis text and maps a word with one back whole', () => {
    const s = 'thành ph\u200bố qu\u00adyết';
    const st = new SourceText(s);
    assert.strictEqual(st.text, 'thành phố quyết');
    assert.deepStrictEqual(st.hidden, [8, 12]);
    // "phố" (analysis 6..9) covers "ph\u200bố" (original 6..10)
    assert.strictEqual(st.toOriginal(6), 6);
    assert.strictEqual(st.toOriginal(9), 10);
    assert.strictEqual(s.slice(st.toOriginal(10), st.toOriginal(15)), 'qu\u00adyết');
  });

  test('--fix takes the character out and nothing else (CRLF and decomposed marks stay), then is idempotent', () => {
    const before = 'Ban Chấp hành Đảng bộ tho\u0302\u0301ng ph\u200bố;\r\nNghị quy\u00adết số 26-NQ/TU ngày 5/3/2024 của Ban Thường vụ Tỉnh ủy.\u200b\r\n';
    // (the zero-width space after the full stop is at no word's edge to fix: it stays)
    const want = 'Ban Chấp hành Đảng bộ tho\u0302\u0301ng phố;\r\nNghị quyết số 26-NQ/TU ngày 5/3/2024 của Ban Thường vụ Tỉnh ủy.\u200b\r\n';
    const r = fixTwice(before, resources);
    assert.strictEqual(r.first.error, undefined);
    assert.strictEqual(r.after, want);
    assert.deepStrictEqual(r.first.findings.filter(x => x.code === 'spelling.invisible-character'), []);
    assert.strictEqual(r.second.fixed, 0);
    assert.strictEqual(r.afterSecond, want);
  });
});
