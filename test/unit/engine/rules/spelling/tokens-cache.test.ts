// The paragraph-cached tokenizer (what the checks use) must give exactly the tokens of one pass
// over the whole text, whatever the line endings, blank lines, skipped spans and edits: every
// spelling decision depends on these flags (context breaks, sentence starts, capital lines).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { clearTokenCache, F_ASCII, F_ASCII_LOWER, F_ITEM_START, F_SKIP, F_SPECK, F_STRAY, paragraphStarts, segmentStarts, tokenCacheChars, tokenList, tokenListCached, type TokenList } from '../../../../../server/src/engine/rules/spelling/tokens';
import { parseDocument } from '../../../../../server/src/engine/parse/index';
import { repoRoot } from '../../../../helpers/markers';

const seeds = ['000_a564b550e16160e0.txt', '003_ac34d902066b54a2.txt'].map(f => fs.readFileSync(path.join(repoRoot(), 'seeds', f), 'utf8'));

function diff(a: TokenList, b: TokenList): string {
  if (a.length !== b.length) return `token count ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a.start[i] !== b.start[i] || a.end[i] !== b.end[i] || a.flags[i] !== b.flags[i] || a.line[i] !== b.line[i] || a.numFix.get(i) !== b.numFix.get(i)) {
      return `token ${i} "${a.text(i)}": start ${a.start[i]}/${b.start[i]} flags ${a.flags[i]}/${b.flags[i]} line ${a.line[i]}/${b.line[i]}`;
    }
  }
  return '';
}

suite('rules/spelling tokens: paragraph cache', () => {
  test('each token says whether it is plain ASCII letters, with a lower-case one, whether cached or not', () => {
    const text = 'Hoi nghi lan thu 24 HDND tỉnh Ðà Nẵng\n\nKHOA XI hội nghị x';
    const expect = (list: TokenList) => {
      const got: string[] = [];
      for (let i = 0; i < list.length; i++) got.push(`${list.text(i)}:${list.flags[i]! & F_ASCII ? 'A' : '-'}${list.flags[i]! & F_ASCII_LOWER ? 'l' : '-'}`);
      return got.join(' ');
    };
    const want = 'Hoi:Al nghi:Al lan:Al thu:Al 24:-- HDND:A- tỉnh:-- Ðà:-- Nẵng:-- KHOA:A- XI:A- hội:-- nghị:-- x:Al';
    clearTokenCache();
    assert.strictEqual(expect(tokenList(text)), want);
    assert.strictEqual(expect(tokenListCached(text)), want);
    assert.strictEqual(expect(tokenListCached(text)), want);
  });

  test('the line after a heading in capitals opens a sentence, whether cached or not', () => {
    // "Phãn" (for "Phấn") was read as a name inside a sentence, which only a strong reading may fix
    const text = 'cùng sinh sống trên địa bàn.\nII. MỤC TIÊU CHỦ YẾU ĐẾN NĂM 2030\nPhãn đấu tổng lượt khách du lịch\nđạt 6,5 triệu lượt Khách quốc tế.\n';
    const starts = (list: TokenList) => {
      const got: string[] = [];
      for (let i = 0; i < list.length; i++) if (list.token(i).sentenceStart) got.push(list.text(i));
      return got.join(' ');
    };
    clearTokenCache();
    assert.strictEqual(starts(tokenList(text)), 'cùng II MỤC Phãn');
    assert.strictEqual(starts(tokenListCached(text)), 'cùng II MỤC Phãn');
  });

  test('a speck of the scan is marked as one, and no plain-ASCII word is (the flags have their own bits)', () => {
    const text = 'Nhà dột nát. ề\nHoi nghi lan thu HDND tỉnh x';
    const specks = (list: TokenList) => {
      const got: string[] = [];
      for (let i = 0; i < list.length; i++) {
        const f = list.flags[i]!, t = list.token(i);
        if (f & F_SPECK || t.speck) got.push(`${list.text(i).trim()}:${f & F_STRAY ? 'stray' : 'word'}`);
      }
      return got.join(' ');
    };
    clearTokenCache();
    assert.strictEqual(specks(tokenList(text)), 'ề:stray');
    assert.strictEqual(specks(tokenListCached(text)), 'ề:stray');
  });

  test('the seeds tokenize the same with and without the cache, cold and warm', () => {
    clearTokenCache();
    for (const s of seeds) {
      const doc = parseDocument('file:///s.bulletin', s);
      const ref = tokenList(doc.text, doc.skips);
      assert.ok(ref.length > 1000);
      assert.strictEqual(diff(ref, tokenListCached(doc.text, doc.skips)), '', 'cold');
      assert.strictEqual(diff(ref, tokenListCached(doc.text, doc.skips)), '', 'warm');
    }
  });

  test('random excerpts, line endings, blank lines, skips and edits: the same tokens', () => {
    let seed = 20261202;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed % n; };
    const inserts = ['\n\n', 'a', '\r\n\r\n', ' ', 'XI', '\n', ' \n \n', 'khóa\n\nXI ', 'KHÓA\n\n- XI HỘI NGHỊ BAN\n', '2I', 'HĐND'];
    let cases = 0;
    for (let t = 0; t < 60; t++) {
      const s0 = seeds[rnd(2)]!;
      const cut = rnd(s0.length);
      const s = s0.slice(cut, cut + 1000 + rnd(12000));
      for (let v of [s, s.replace(/\n/g, '\r\n'), s.replace(/\n/g, '\r'), s.replace(/\n\n/g, '\n \n\n'), 'XI khóa\n\nXI. ' + s]) {
        for (let e = 0; e < 3; e++) { const p = rnd(v.length + 1); v = v.slice(0, p) + inserts[rnd(inserts.length)] + v.slice(p); }
        const doc = parseDocument('file:///r.bulletin', v);
        // the document's own skips, none, and random ones (sorted, disjoint, some across paragraphs)
        const random: { start: number; end: number }[] = [];
        for (let k = rnd(v.length + 1); k < v.length && random.length < 8; k += 1 + rnd(3000)) {
          const end = Math.min(v.length, k + 1 + rnd(400));
          random.push({ start: k, end });
          k = end;
        }
        for (const skips of [doc.skips, [], random]) {
          const ref = tokenList(doc.text, skips);
          assert.strictEqual(diff(ref, tokenListCached(doc.text, skips)), '', `case ${t}: ${JSON.stringify(v.slice(0, 60))}`);
          cases++;
        }
      }
    }
    assert.strictEqual(cases, 60 * 5 * 3);
  });

  test('OCR text with no blank line is cut before each line that opens a sentence, and tokenizes as one pass does', () => {
    // tesseract reading a page as one block writes no blank line: the seeds without theirs
    for (const s of seeds) {
      for (const v of [s.replace(/\n(?:[ \t\r]*\n)+/g, '\n'), s.replace(/\n(?:[ \t\r]*\n)+/g, '\n').replace(/\n/g, '\r\n')]) {
        assert.strictEqual(paragraphStarts(v).starts.length, 1);
        const doc = parseDocument('file:///n.bulletin', v);
        clearTokenCache();
        const ref = tokenList(doc.text, doc.skips);
        assert.strictEqual(diff(ref, tokenListCached(doc.text, doc.skips)), '', 'cold');
        assert.strictEqual(diff(ref, tokenListCached(doc.text, doc.skips)), '', 'warm');
      }
    }
    const ocr = seeds[0]!.replace(/\n(?:[ \t\r]*\n)+/g, '\n');
    const { starts, lines } = segmentStarts(ocr);
    assert.ok(starts.length > 20, `seed 000 without blank lines is cut in ${starts.length} pieces`);
    // each piece starts a line that opens a sentence (a capital), after a line that ended one
    const all = ocr.split('\n');
    for (let k = 1; k < starts.length; k++) {
      assert.strictEqual(ocr.lastIndexOf('\n', starts[k]! - 1) + 1, starts[k], 'a piece starts a line');
      assert.match(all[lines[k]!]!, /^\s*\p{Lu}/u);
      assert.match(all[lines[k]! - 1]!, /\p{Ll}[)"”’»]?[.!?…]\s*$/u);
    }
    // an edit re-tokenizes the piece it touched, not the whole text
    clearTokenCache();
    tokenListCached(ocr);
    const before = tokenCacheChars();
    const at = ocr.indexOf('thành phổ');
    assert.ok(at > 0);
    const edited = ocr.slice(0, at) + 'x' + ocr.slice(at);
    assert.strictEqual(diff(tokenList(edited), tokenListCached(edited)), '');
    const added = tokenCacheChars() - before;
    assert.ok(added > 0 && added < 2000, `an edit added ${added} characters to the cache (the text has ${ocr.length})`);
  });

  test('a piece is cut only where a line ends a sentence with a word and the next opens one', () => {
    // (with enough text on both sides: shorter pieces stay together, below)
    const side = 'các đồng chí thảo luận các nội dung '.repeat(8);
    const cuts = (text: string) => segmentStarts(side + text + ' ' + side).starts.length - 1;
    assert.strictEqual(cuts('Hội nghị đã thảo luận.\nHội nghị thống nhất.'), 1);
    assert.strictEqual(cuts('Hội nghị đã thảo luận (dự thảo).\n  Ban Thường vụ chỉ đạo.'), 1);
    assert.strictEqual(cuts('Hội nghị đã thảo luận!\r\nBan Thường vụ chỉ đạo.'), 1);
    // not after an abbreviation or a number or a code, nor before a small letter
    assert.strictEqual(cuts('Ủy ban nhân dân TP.\nHồ Chí Minh chỉ đạo.'), 0);
    assert.strictEqual(cuts('tăng 12,5% so với năm 2024.\nHội nghị thống nhất.'), 0);
    assert.strictEqual(cuts('nhân số radian với 180/π.\nĐể áp dụng định dạng.'), 0);
    assert.strictEqual(cuts('Hội nghị đã thảo luận.\nhội nghị thống nhất.'), 0);
    assert.strictEqual(cuts('Hội nghị đã thảo luận và\nBan Thường vụ chỉ đạo.'), 0);
    // a blank line is a paragraph's start, never a cut as well
    assert.deepStrictEqual(segmentStarts('Hội nghị đã thảo luận.\n\nHội nghị thống nhất.'), paragraphStarts('Hội nghị đã thảo luận.\n\nHội nghị thống nhất.'));
  });

  test('pieces too short to be worth their own look-up stay with their neighbours, and an edit moves no cut far from it', () => {
    // 3,000 one-line sentences: cut at every line, each edit would look up 3,000 pieces
    const short = 'Hội nghị thống nhất.\nBan Thường vụ chỉ đạo.\n'.repeat(1500);
    assert.strictEqual(segmentStarts(short).starts.length, 1);
    assert.strictEqual(diff(tokenList(short), tokenListCached(short)), '');
    // long sentences are cut at every line; a short one between them takes its neighbours with it
    const long = (k: number) => `Đồng chí ${k} phát biểu ${'về các nội dung của hội nghị '.repeat(10)}rất kỹ.\n`;
    const text = long(1) + long(2) + 'Hội nghị thống nhất.\n' + long(3) + long(4);
    const lineOf = (t: string) => segmentStarts(t).lines;
    assert.deepStrictEqual(lineOf(text), [0, 1, 4]);
    // an edit in the last piece leaves the cuts before it where they were
    assert.deepStrictEqual(lineOf(text.replace('Đồng chí 4', 'Đồng chí 4 và 5')), [0, 1, 4]);
  });

  test('paragraph starts: after every run of two or more line breaks with only spaces between, on any line ending', () => {
    // the reference reads every character; paragraphStarts skips each line with a word on it
    const reference = (text: string) => {
      const starts = [0], lines = [0];
      let blank = 0, line = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (c === '\n' || c === '\r') {
          if (c === '\r' && text[i + 1] === '\n') i++;
          line++; blank++;
          if (blank >= 2 && i + 1 < text.length) { starts.push(i + 1); lines.push(line); }
        } else if (!/[ \t\u00a0\u3000\u2000-\u200b]/.test(c)) blank = 0;
      }
      return { starts, lines };
    };
    let seed = 7;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed % n; };
    const parts = ['\n', '\r\n', '\r', ' ', '\u00a0', '\t', 'a', 'khóa XI', '\n\n', '\r\r', ' \n', 'x\r'];
    for (let t = 0; t < 2000; t++) {
      let v = '';
      for (let k = rnd(40); k > 0; k--) v += parts[rnd(parts.length)];
      assert.deepStrictEqual(paragraphStarts(v), reference(v), JSON.stringify(v));
    }
    for (const s of seeds) for (const v of [s, s.replace(/\n/g, '\r\n'), s.replace(/\n/g, '\r')]) assert.deepStrictEqual(paragraphStarts(v), reference(v));
  });

  test('a word before a blank line is no context for a Roman numeral after it', () => {
    clearTokenCache();
    for (const text of ['KHÓA\n\n- XI HỘI NGHỊ BAN CHẤP HÀNH', 'Hội nghị khóa\n\n- XI HỘI NGHỊ BAN CHẤP HÀNH']) {
      const ref = tokenList(text);
      const xi = [...Array(ref.length).keys()].find(i => ref.text(i) === 'XI')!;
      assert.strictEqual(ref.flags[xi]! & F_SKIP, 0, 'XI is checked like the other words of its capital line');
      assert.strictEqual(diff(ref, tokenListCached(text)), '');
    }
    // on the same line, "KHÓA XI" keeps its numeral
    const same = tokenList('HỘI NGHỊ KHÓA XI BAN CHẤP');
    const xi = [...Array(same.length).keys()].find(i => same.text(i) === 'XI')!;
    assert.notStrictEqual(same.flags[xi]! & F_SKIP, 0);
  });

  test('a paragraph edited in a long document: only the offsets after it move', () => {
    const para = seeds[0]!.split(/\n\n/).find(p => p.length > 300)!;
    const long = seeds[0]! + '\n\n' + seeds[1]!;
    const at = long.indexOf(para) + 10;
    const edited = long.slice(0, at) + 'xyz ' + long.slice(at);
    const ref = tokenList(edited);
    tokenListCached(long);
    assert.strictEqual(diff(ref, tokenListCached(edited)), '');
  });

  test('the first word after a list item\'s marker at a line\'s start opens the item', () => {
    const text = '1. Đẩy mạnh. Đây là\n2, Củng cố\n- Tăng cường\na) Nâng cao\n~ Thực hiện\nIII. NHIỆM VỤ\nCác cấp - Đây\n12.500 tỷ\n3.Về\n';
    const tl = tokenList(text);
    const items = [...Array(tl.length).keys()].filter(i => tl.flags[i]! & F_ITEM_START).map(i => tl.text(i));
    // not a sentence start inside the line ("Đây là"), a dash inside a line, a number that is an
    // amount, or a word glued to its marker
    assert.deepStrictEqual(items, ['Đẩy', 'Củng', 'Tăng', 'Nâng', 'Thực', 'NHIỆM']);
    assert.strictEqual(diff(tl, tokenListCached(text)), '');
  });
});
