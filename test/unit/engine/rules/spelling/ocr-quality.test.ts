// spelling.ocr-quality: one finding at the top of a text whose Vietnamese words are damaged in
// large numbers (OCR without its Vietnamese model), and none on ordinary OCR, clean text, text
// typed without marks or English.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText, resolveConfig, type Finding, type PartialConfig } from '../../../../../server/src/engine/index';
import { loadDefaultResources } from '../../../../../server/src/engine/resources';
import { SEED_000, SEED_003, repoRoot, seedText } from '../../../../helpers/markers';

const resources = loadDefaultResources();
const quality = (text: string, cfg: PartialConfig = {}): Finding[] =>
  lintText('file:///t.txt', text, resolveConfig(cfg), { resources }).filter(f => f.code === 'spelling.ocr-quality');
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

suite('rules/spelling.ocr-quality', () => {
  test('OCR read with the English model: one warning on the first line, naming the share and the fix', () => {
    const text = fs.readFileSync(path.join(repoRoot(), 'test/fixtures/ocr/english-model.txt'), 'utf8');
    const f = quality(text);
    assert.strictEqual(f.length, 1);
    assert.deepStrictEqual(f[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'THONG BAO'.length } });
    assert.strictEqual(f[0]!.severity, 'warning');
    assert.match(f[0]!.message, /About 2\d% of this text's Vietnamese words are damaged .*-l vie/);
    assert.match(quality(text, { locale: 'vi' })[0]!.message, /bị hỏng/);
    // a setting turns it off
    assert.deepStrictEqual(quality(text, { rules: { 'spelling.ocr-quality': 'off' } }), []);
  });

  test('ordinary OCR, clean text, text typed without marks and English: nothing', () => {
    const s0 = seedText(SEED_000), s3 = seedText(SEED_003);
    assert.deepStrictEqual(quality(s0), [], 'seed 000 (raw OCR with the Vietnamese model: about 2% damaged)');
    assert.deepStrictEqual(quality(s3), []);
    assert.deepStrictEqual(quality(strip(s3)), [], 'typed without marks: the diacritics check speaks');
    const english = 'The committee met on Monday to review the plan for the second half of the year and agreed on new tasks. '.repeat(20);
    assert.deepStrictEqual(quality(english), []);
    // too short to tell
    assert.deepStrictEqual(quality('Thye hign Quy ché lam viée cia Ban Chip hinh Bang b6 tinh khéa XVI.\n'), []);
  });
});
