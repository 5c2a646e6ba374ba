// Bytes on disk <-> the text the engine analyses.
//
// - UTF-8 is decoded strictly: an invalid byte sequence is an error for that file, never a
//   silent U+FFFD (which --fix would then write back, destroying the user's bytes).
// - A byte-order mark is stripped before analysis and put back on write. Positions therefore
//   EXCLUDE the BOM, which is what LSP clients do: VS Code decodes the file without its BOM, so
//   line 0, character 0 is the first real character. CLI and editor report the same positions.
// - UTF-16 files are accepted when they start with a BOM (FF FE / FE FF) and written back the same way.
// - CRLF / CR / LF are kept as they are (the engine reports positions in the text as on disk).
// - NUL bytes mean binary (after a UTF-16 BOM check, since UTF-16 text is full of NULs).

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

/** Files larger than this are refused (a bulletin is tens of kilobytes; 20 MB is an archive dump). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class DecodeError extends Error {}

/** The refusal of an input over MAX_FILE_BYTES: a file of known size, or a stream cut off at the limit. */
export function tooLarge(size?: number): DecodeError {
  return new DecodeError(size === undefined
    ? `input too large (more than ${MAX_FILE_BYTES / 1048576} MB)`
    : `file too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(bytes.length);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decode16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decode16(bytes, 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(`binary file (NUL byte at offset ${nul}), not a text bulletin`);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new DecodeError(`invalid UTF-8 at byte ${firstInvalidUtf8(body) + (bom ? 3 : 0)} (only UTF-8 or UTF-16 with a BOM is read)`);
  }
  return { text, encoding: 'utf-8', bom };
}

function decode16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) throw new DecodeError(`invalid ${enc.toUpperCase()} (odd number of bytes)`);
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new DecodeError(`invalid ${enc.toUpperCase()} (unpaired surrogate)`);
  }
  if (text.includes('\u0000')) throw new DecodeError('binary file (NUL character), not a text bulletin');
  return { text, encoding: enc, bom: true };
}

export function encode(d: Decoded, text: string): Uint8Array {
  if (d.encoding === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const le = Buffer.from(text, 'utf16le');
  if (d.encoding === 'utf-16be') le.swap16();
  const bom = d.encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom), le]);
}

/** Byte offset of the first invalid UTF-8 sequence (bytes.length when valid). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let need: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
