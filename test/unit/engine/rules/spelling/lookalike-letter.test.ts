// spelling.lookalike-letter: a letter of another alphabet drawn like the right one (Ð for Đ, a
// Cyrillic у in a Latin word) is reported on its word, the fix changes that letter only, fix-all
// applies it, and the other checks read the word as it is meant.
import * as assert from 'assert';
import { lintText, resolveConfig, type Finding, type PartialConfig } from '../../../../../server/src/engine/index';
import { loadDefaultResources } from '../../../../../server/src/engine/resources';
import { fixTwice } from '../../../../helpers/fixfile';
import { SourceText } from '../../../../../server/src/engine/text';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

const resources = loadDefaultResources();
const lint = (text: string, cfg: PartialConfig = {}, uri = 'file:///t.txt'): Finding[] => lintText(uri, text, resolveConfig(cfg), { resources });
const at = (text: string, f: Finding) => text.slice(f.offsets.start, f.offsets.end);
const lookalikes = (text: string, cfg: PartialConfig = {}, uri?: string) =>
  lint(text, cfg, uri).filter(f => f.code === 'spelling.lookalike-letter').map(f => `${at(text, f)} -> ${f.suggestions.join('|')}${f.safe ? '' : ' (offered)'}`);

suite('rules/spelling.lookalike-letter', () => {
  test('seed 000 with OCR\'s Ð for Đ: each word reported, fixed to Đ, and no other finding changes', () => {
    const clean = seedText(SEED_000);
    const lines = clean.split('\n');
    // line 9 (index 8) and line 23 (index 22) as OCR reading Đ as the look-alike eth writes them
    lines[8] = lines[8]!.replace('Đảng', '\u00d0ảng');
    lines[22] = lines[22]!.replace(/Đ/g, '\u00d0');
    const damaged = lines.join('\n');
    assert.deepStrictEqual(lookalikes(damaged), ['\u00d0ảng -> Đảng', '\u00d0ảng -> Đảng', '\u00d0ảng -> Đảng']);
    const f = lint(damaged).find(x => x.code === 'spelling.lookalike-letter')!;
    assert.deepStrictEqual(f.range, { start: { line: 8, character: 14 }, end: { line: 8, character: 18 } });
    assert.strictEqual(f.severity, 'warning');
    assert.strictEqual(f.message, '“\u00d0ảng” is written with “\u00d0” (U+00D0, the Icelandic letter eth) for “Đ”: the letters look the same, but a search for “Đảng” does not find this word');
    assert.match(lint(damaged, { locale: 'vi' }).find(x => x.code === 'spelling.lookalike-letter')!.message, /chữ eth của tiếng Iceland.*tìm “Đảng” sẽ không thấy/);
    // every other finding is the clean seed's, at the same place
    const rest = (t: string) => lint(t).filter(x => x.code !== 'spelling.lookalike-letter').map(x => `${x.code} ${x.range.start.line}:${x.range.start.character} ${x.suggestions[0] ?? ''}`);
    assert.deepStrictEqual(rest(damaged), rest(clean));
  });

  test('a Cyrillic or Greek letter inside a Latin word: reported, and the other checks read the word as meant', () => {
    const text = 'Nghị qu\u0443ết số 26 của Ban \u0422hường vụ Tỉnh ủy về phát triển kinh tế tư nhân.\n';
    assert.deepStrictEqual(lookalikes(text), ['qu\u0443ết -> quyết', '\u0422hường -> Thường']);
    // not "qu" + "ết" (an unknown syllable) nor "hường" -> "thường" (a fix that would write "Тthường")
    assert.deepStrictEqual(lint(text).filter(f => f.code.startsWith('spelling.') && f.code !== 'spelling.lookalike-letter').map(f => at(text, f)), []);
    assert.match(lint(text).find(f => f.code === 'spelling.lookalike-letter')!.message, /“у” \(U\+0443, Cyrillic\) for “y”/);
    // Greek capitals in an acronym
    assert.deepStrictEqual(lookalikes('Ủy ban nhân dân (UB\u039dD) tỉnh.\n'), ['UB\u039dD -> UBND']);
  });

  test('not reported: a word in Cyrillic or Greek alone, an Icelandic name, code, the clean seeds, and the switch', () => {
    assert.deepStrictEqual(lookalikes('Đoàn đại biểu thăm thủ đô Москва và đảo Κρήτη, gặp bà Guðrún Ólafsdóttir.\n'), []);
    assert.deepStrictEqual(lookalikes('# Tiêu đề\n\nLệnh `Q\u00d0` trong mã.\n', {}, 'file:///t.md'), []);
    assert.deepStrictEqual(lookalikes(seedText(SEED_000)), []);
    assert.deepStrictEqual(lookalikes(seedText(SEED_003)), []);
    assert.deepStrictEqual(lookalikes('Quyết định số 12/Q\u00d0-UBND.\n', { rules: { 'spelling.lookalike-letter': 'off' } }), []);
    // a small eth in a Vietnamese syllable is reported, a capital one in a code too
    assert.deepStrictEqual(lookalikes('Quyết định số 12/Q\u00d0-UBND của \u00f0ồng chí.\n'), ['Q\u00d0 -> QĐ', '\u00f0ồng -> đồng']);
  });

  test('SourceText lists the look-alikes it read, at their analysis offsets, and maps them back', () => {
    const s = 'Tho\u0302\u0301ng qu\u0443ết Ðảng';
    const st = new SourceText(s);
    assert.strictEqual(st.text, 'Thống quyết Đảng');
    assert.deepStrictEqual(st.lookalikes, [8, 12]);
    assert.deepStrictEqual(st.lookalikes.map(a => s[st.toOriginal(a)]), ['\u0443', 'Ð']);
    assert.deepStrictEqual(new SourceText('Москва, phố').lookalikes, []);
  });

  test('--fix changes the look-alike letter only (decomposed marks beside it stay), then is idempotent', () => {
    // "Ðảng" with its marks decomposed, CRLF line ends
    const before = 'Ban Chấp hành \u00d0a\u0309ng bộ tỉnh;\r\nQuyết định số 12/Q\u00d0-UBND ngày 5/3/2024 của Ủy ban nhân dân tỉnh.\r\n';
    const r = fixTwice(before, resources);
    assert.strictEqual(r.first.error, undefined);
    assert.strictEqual(r.first.fixed, 2);
    assert.strictEqual(r.after, before.replace(/\u00d0/g, 'Đ'));
    assert.deepStrictEqual(r.first.findings.filter(x => x.code === 'spelling.lookalike-letter'), []);
    assert.strictEqual(r.second.fixed, 0);
    assert.strictEqual(r.afterSecond, r.after);
  });
});
