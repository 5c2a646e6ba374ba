// SourceText: the analysis text is the user's text in NFC with Ð/ð read as Đ/đ and a Cyrillic or
// Greek look-alike beside a Latin letter read as that Latin letter, invisible characters (soft
// hyphen, zero-width space and joiners) left out, and every analysis offset maps back to the
// user's text (decomposed marks, surrogate pairs, CRLF).
import * as assert from 'assert';
import fc from 'fast-check';
import { lineBreaks, sentenceEndsBefore, SourceText } from '../../../server/src/engine/text';
import { parseDocument } from '../../../server/src/engine/parse/index';

const PIECES = [
  'a', 'e', 'o', 'u', 'y', 'A', 'D', ' ', '\n', '\r\n', '\t', 'đ', 'Đ', 'ệ', 'Thành', 'phố',
  '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b', '\u1dc0', '\u20d0',
  '\u00d0', '\u00f0', '\u212b', '\u2126', '\ud83d\ude00', '\ufeff', 'ho\u0300a', 'Tho\u0302\u0301ng',
  // units NFC changes only beside others (a mark of another script after its letter, Hangul
  // jamo), or on their own (U+0340, U+0958, U+FB1D: singletons and excluded compositions)
  '\u0627', '\u0655', '\u0915', '\u093c', '\u0340', '\u0958', '\ufb1d', 'Ω', 'Å', '\u1100', '\u1161', '\u11a8', '\uac00',
  // Cyrillic and Greek look-alikes of Latin letters (е composes with U+0300 as Cyrillic ѐ), and
  // a Cyrillic letter that looks like no Latin one
  'у', 'Т', 'е', 'ο', 'Д', 'qu\u0443\u00ea\u0301t',
  // invisible characters the analysis text leaves out (soft hyphen, zero-width space and joiner)
  '\u00ad', '\u200b', '\u200d', 'ph\u200bố',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map(a => a.join(''));
const LOOKALIKE: Record<string, string> = { 'у': 'y', 'Т': 'T', 'е': 'e', 'ο': 'o' };
// a Latin letter of these pieces, and what may stand between it and a look-alike (marks, jamo)
const LATIN = '[A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff]';
const ATTACHED = '[\\p{M}\\u1161-\\u1175\\u11a8-\\u11c2\\u00ad\\u200b-\\u200d\\u2060]*';
const BESIDE_LATIN = new RegExp(`(?<=${LATIN}${ATTACHED})[уТеο]|[уТеο](?=${ATTACHED}${LATIN})`, 'gu');
const HIDDEN = /[\u00ad\u200b-\u200d\u2060]/g;
const expected = (s: string) => s.replace(BESIDE_LATIN, c => LOOKALIKE[c]!).replace(HIDDEN, '').normalize('NFC').replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111');
/** What a piece of a text may read as, whatever stands beside it. */
const readings = (s: string) => expected(s) + expected(s.replace(/[уТеο]/g, c => LOOKALIKE[c]!));

suite('engine/text: SourceText', () => {
  test('line breaks: LF, CRLF and a lone CR, found as a character-by-character walk finds them', () => {
    const reference = (t: string) => {
      const out: number[] = [];
      for (let i = 0; i < t.length; i++) {
        if (t[i] === '\r') { const two = t[i + 1] === '\n'; out.push(i, i + (two ? 2 : 1)); if (two) i++; } else if (t[i] === '\n') out.push(i, i + 1);
      }
      return out;
    };
    fc.assert(fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'phố', '\n\r', '\r\r'), { maxLength: 30 }), parts => {
      const t = parts.join('');
      assert.deepStrictEqual(lineBreaks(t), reference(t));
      // each line of the document model ends where a break starts, and positions count the same lines
      const doc = parseDocument('file:///l.txt', t);
      assert.strictEqual(doc.source.positionAt(t.length).line, reference(t).length / 2);
    }), { numRuns: 2000 });
  });
  test('the analysis text is NFC with Ð read as Đ and look-alikes beside Latin letters read as Latin; offsets map back in order, ends to ends', () => {
    fc.assert(fc.property(text, s => {
      const st = new SourceText(s);
      assert.strictEqual(st.text, expected(s));
      // (an invisible character before the first unit read is left out: offset 0 is that unit's)
      if (!/^[\u00ad\u200b-\u200d\u2060]/.test(s)) assert.strictEqual(st.toOriginal(0), 0);
      assert.strictEqual(st.toOriginal(st.text.length), s.length);
      for (let k = 1; k <= st.text.length; k++) assert.ok(st.toOriginal(k) >= st.toOriginal(k - 1));
      // each analysis character comes from the original cluster its offset points at
      for (let k = 0; k < st.text.length; k++) {
        const o = st.toOriginal(k);
        let k2 = k + 1;
        while (k2 < st.text.length && st.toOriginal(k2) === o) k2++;
        assert.ok(readings(s.slice(o, st.toOriginal(k2))).includes(st.text[k]!), `${JSON.stringify(s)} @${k}`);
      }
    }), { numRuns: 500 });
  });

  test('offsets map both ways exactly as a map of every analysis unit does, asked in any order', () => {
    // the map as stop 44 kept it: one original offset per analysis unit (and one for the end)
    const unitMap = (s: string): number[] => {
      if (!/[\u0300-\u036f\u00d0\u00f0\u00ad\u200b-\u200d\u2060\u0370-\u03ff\u0400-\u052f]/.test(s) && s === s.normalize('NFC')) return [...Array(s.length + 1).keys()];
      const map: number[] = [];
      let i = 0;
      const n = s.length;
      // (a look-alike is read before NFC, and reads as one unit: the clusters are the original's)
      const read = s.replace(BESIDE_LATIN, c => LOOKALIKE[c]!);
      const combining = (c: number) => (c >= 0x1161 && c <= 0x1175) || (c >= 0x11a8 && c <= 0x11c2) || /\p{M}/u.test(String.fromCharCode(c))
        || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
      const stable = (c: number) => !(c === 0xd0 || c === 0xf0 || (c >= 0xd800 && c <= 0xdfff) || combining(c) || String.fromCharCode(c).normalize('NFC') !== String.fromCharCode(c));
      while (i < n) {
        const c = s.charCodeAt(i);
        if (stable(c) && !(i + 1 < n && combining(s.charCodeAt(i + 1)))) { map.push(i++); continue; }
        let j = i + 1;
        if (c >= 0xd800 && c <= 0xdbff && j < n && s.charCodeAt(j) >= 0xdc00 && s.charCodeAt(j) <= 0xdfff) j++;
        while (j < n && combining(s.charCodeAt(j))) j++;
        for (let k = 0; k < read.slice(i, j).replace(HIDDEN, '').normalize('NFC').length; k++) map.push(i);
        i = j;
      }
      map.push(n);
      return map;
    };
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 40 }), (s, qs) => {
      const st = new SourceText(s);
      const map = unitMap(s);
      assert.strictEqual(map.length, st.text.length + 1);
      for (const q of [...qs, ...map.keys()]) {
        const a = q % (map.length + 2);
        assert.strictEqual(st.toOriginal(a), a < map.length ? map[a] : s.length, `${JSON.stringify(s)} toOriginal(${a})`);
      }
      for (let o = -1; o <= s.length + 1; o++) {
        let a = 0;
        while (a < map.length - 1 && map[a]! < o) a++;
        assert.strictEqual(st.fromOriginal(o), a, `${JSON.stringify(s)} fromOriginal(${o})`);
      }
    }), { numRuns: 1000 });
  });

  test('positions are the same whatever order they are asked in (the last line found is only a hint)', () => {
    const reference = (t: string, off: number) => {
      let line = 0, start = 0;
      for (let k = 0; k < lineBreaks(t).length; k += 2) if (lineBreaks(t)[k + 1]! <= off) { line++; start = lineBreaks(t)[k + 1]!; }
      return line + ':' + (off - start);
    };
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'phố', ' ', '\n', '\r\n', '\n\n'), { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 30 }), (parts, qs) => {
      const t = parts.join('');
      const st = new SourceText(t);
      for (const q of qs) {
        const off = q % (t.length + 1);
        const p = st.positionAtOriginal(off);
        // (an offset between \r and \n is clamped to the line's end, as before)
        if (t[off - 1] === '\r' && t[off] === '\n') continue;
        assert.strictEqual(p.line + ':' + p.character, reference(t, off), `${JSON.stringify(t)} @${off}`);
      }
    }), { numRuns: 1000 });
  });

  test('the analysis text\'s line breaks are shared with whoever asks, and are lineBreaks of it', () => {
    fc.assert(fc.property(text, s => {
      const st = new SourceText(s);
      assert.deepStrictEqual(st.breaks, lineBreaks(st.text));
      assert.strictEqual(st.breaks, st.breaks);
    }), { numRuns: 300 });
  });

  test('a line ends a sentence when its last word is Latin letters, a small one last, and a full stop (as a regular expression says)', () => {
    // the rule as first written (5b19ef4), with a regular expression: the table-driven one must agree
    const LAST_WORD = /^[(“"‘]?[\p{Script=Latin}\p{M}]*(?:(?=\p{Ll})\p{Script=Latin}|\p{M})[)\]"”’»]?[.!?…]$/u;
    const reference = (line: string, next: string): boolean => {
      if (!/^\p{Lu}/u.test(next)) return false;
      const t = line.replace(/[ \t\r\u00a0]+$/, '');
      if (t.length < 2 || !/[.!?…]$/.test(t)) return false;
      return LAST_WORD.test(t.slice(t.search(/[^ \t\r\u00a0]*$/)));
    };
    const parts = ['a', 'ệ', 'ß', 'A', 'Đ', 'Ω', 'π', 'ж', '\u0301', '(', '“', '"', ')', '”', '»', '.', '!', '?', '…', '1', '/', ' ', '\t', 'ǅ', 'ª'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), fc.constantFrom('Hội', 'hội', 'Đảng', 'Ωmega', '1.', ' Ban'), (ws, next) => {
      const line = ws.join('');
      const text = `${line}\n${next}`;
      const first = line.length + 1 + (next.length - next.trimStart().length);
      assert.strictEqual(sentenceEndsBefore(text, 0, line.length, first), reference(line, next.trimStart()), JSON.stringify(text));
    }), { numRuns: 3000 });
  });

  test('a decomposed syllable maps to the start of its cluster and back', () => {
    const s = 'Tha\u0300nh pho\u0302\u0301 \u00d0a\u0300 Na\u0306\u0303ng';
    const st = new SourceText(s);
    assert.strictEqual(st.text, 'Thành phố Đà Nẵng');
    assert.strictEqual(st.toOriginal(st.text.indexOf('phố')), s.indexOf('pho'));
    assert.strictEqual(st.toOriginal(st.text.indexOf('ố')), s.indexOf('o\u0302'));
    assert.strictEqual(st.fromOriginal(s.indexOf('Na')), st.text.indexOf('Nẵng'));
    assert.strictEqual(st.toOriginal(st.text.length), s.length);
  });
});
