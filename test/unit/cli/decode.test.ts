import * as assert from 'assert';
import { decode, encode, DecodeError, firstInvalidUtf8, MAX_FILE_BYTES } from '../../../server/src/cli/decode';

const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

suite('cli decoding', () => {
  test('UTF-8 without BOM round-trips byte for byte', () => {
    const bytes = Buffer.from('Thành phố\r\nHà Nội\n', 'utf8');
    const d = decode(bytes);
    assert.deepStrictEqual({ encoding: d.encoding, bom: d.bom }, { encoding: 'utf-8', bom: false });
    assert.strictEqual(d.text, 'Thành phố\r\nHà Nội\n');
    assert.deepStrictEqual(Buffer.from(encode(d, d.text)), bytes);
  });

  test('a UTF-8 BOM is stripped for analysis and written back', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Đảng\n', 'utf8')]);
    const d = decode(bytes);
    assert.strictEqual(d.text, 'Đảng\n');
    assert.strictEqual(d.bom, true);
    assert.deepStrictEqual(Buffer.from(encode(d, d.text)), bytes);
  });

  test('UTF-16 LE and BE with a BOM are read and written back the same way', () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const le = Buffer.from('Nghị quyết\r\n', 'utf16le');
      if (enc === 'utf-16be') le.swap16();
      const bytes = Buffer.concat([Buffer.from(enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
      const d = decode(bytes);
      assert.strictEqual(d.encoding, enc);
      assert.strictEqual(d.text, 'Nghị quyết\r\n');
      assert.deepStrictEqual(Buffer.from(encode(d, d.text)), bytes);
    }
  });

  test('NUL bytes mean binary', () => {
    assert.throws(() => decode(b(0x41, 0x00, 0x42)), (e: Error) => e instanceof DecodeError && /binary file \(NUL byte at offset 1\)/.test(e.message));
  });

  test('invalid UTF-8 is refused with the byte offset (never replaced by U+FFFD)', () => {
    const cases: [Uint8Array, number][] = [
      [b(0x61, 0xff), 1],
      [b(0x61, 0x62, 0xc3), 2],              // truncated sequence
      [b(0xc0, 0xaf), 0],                    // overlong
      [b(0xed, 0xa0, 0x80), 0],              // surrogate
      [b(0x61, 0xe1, 0xba, 0xa3, 0x80), 4],  // stray continuation after a valid "ả"
    ];
    for (const [bytes, at] of cases) {
      assert.strictEqual(firstInvalidUtf8(bytes), at, Buffer.from(bytes).toString('hex'));
      assert.throws(() => decode(bytes), (e: Error) => e instanceof DecodeError && e.message.startsWith(`invalid UTF-8 at byte ${at}`));
    }
    assert.strictEqual(firstInvalidUtf8(Buffer.from('hợp lệ 😀', 'utf8')), Buffer.byteLength('hợp lệ 😀'));
  });

  test('too large is refused before decoding', () => {
    assert.throws(() => decode(new Uint8Array(MAX_FILE_BYTES + 1)), /file too large/);
  });

  test('an empty file is an empty text', () => {
    assert.deepStrictEqual(decode(new Uint8Array()), { text: '', encoding: 'utf-8', bom: false });
  });
});
