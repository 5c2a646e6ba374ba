// looksVietnamese decides whether a Markdown/plain-text file is a bulletin (bulletin.activation = auto).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { looksVietnamese } from '../../../server/src/engine/language';

const root = path.resolve(__dirname, '../../../..');
const seed = (name: string) => fs.readFileSync(path.join(root, 'seeds', name), 'utf8');

suite('engine/language: looksVietnamese', () => {
  test('both seeds read as Vietnamese (OCR text and Markdown)', () => {
    assert.strictEqual(looksVietnamese(seed('000_a564b550e16160e0.txt')), true);
    assert.strictEqual(looksVietnamese(seed('003_ac34d902066b54a2.txt')), true);
  });

  test('decomposed (NFD) Vietnamese and upper-case headings still read as Vietnamese', () => {
    assert.strictEqual(looksVietnamese(seed('003_ac34d902066b54a2.txt').normalize('NFD')), true);
    assert.strictEqual(looksVietnamese('KẾT QUẢ HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ LẦN THỨ 24'), true);
  });

  test('English, French and Spanish prose, code and empty text do not', () => {
    assert.strictEqual(looksVietnamese(''), false);
    assert.strictEqual(looksVietnamese('# Release notes\n\nThe server now supports pull diagnostics and cancellation.\n'), false);
    assert.strictEqual(looksVietnamese("L'été dernier, nous sommes allés à la plage près de Nice où il a fait très chaud."), false);
    assert.strictEqual(looksVietnamese('El café está en la esquina; allí también venden pan y leche a buen precio.'), false);
    assert.strictEqual(looksVietnamese('const x = require("fs");\nfunction main() { return 0; }\n'), false);
  });

  test('only the first 4 KB are looked at', () => {
    const english = 'The committee met and agreed on the plan. '.repeat(200);
    assert.strictEqual(looksVietnamese(english + seed('000_a564b550e16160e0.txt')), false);
    assert.strictEqual(looksVietnamese(seed('000_a564b550e16160e0.txt').slice(0, 3000) + english), true);
  });
});
