import * as assert from 'assert';
import { parseDocument } from '../../../../server/src/engine/parse/index';
import type { BulletinDocument, Span } from '../../../../server/src/engine/parse/model';
import { SEED_000, SEED_003, seedText } from '../../../helpers/markers';

/** 1-based "line:column" of an analysis offset, as the seed inventory writes positions. */
function pos(doc: BulletinDocument, offset: number): string {
  const p = doc.source.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

function skipped(doc: BulletinDocument, start: number, end: number): boolean {
  return doc.skips.some(s => s.start <= start && s.end >= end);
}

function assertSkipsSorted(spans: Span[]): void {
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start > spans[i - 1]!.end - 1 && spans[i]!.start >= spans[i - 1]!.end, 'skips overlap or are unsorted');
}

suite('parse: Markdown bulletin (seed 003)', () => {
  const doc = parseDocument('file:///003.md', seedText(SEED_003));

  test('is recognised as Markdown', () => assert.strictEqual(doc.format, 'markdown'));

  test('finds the eleven footnote markers where the inventory puts them', () => {
    const body = doc.footnoteRefs.filter(r => r.insideDefinition === undefined);
    assert.deepStrictEqual(body.map(r => `${r.n}@${pos(doc, r.start)}`), [
      '1@27:240', '2@31:199', '3@31:476', '4@33:107', '5@33:269', '6@33:383', '7@33:983',
      '8@57:316', '9@63:31', '10@63:282', '11@63:420',
    ]);
  });

  test('marks the marker inside definition 8 as inside that definition', () => {
    const inside = doc.footnoteRefs.filter(r => r.insideDefinition !== undefined);
    assert.deepStrictEqual(inside.map(r => [r.n, r.insideDefinition, pos(doc, r.start)]), [[8, 8, '61:163']]);
  });

  test('reads the definitions, one per line, numbered 1 to 11', () => {
    assert.deepStrictEqual(doc.footnoteDefs.map(d => `${d.n}@${d.line + 1}`), [
      '1@29', '2@37', '3@39', '4@41', '5@43', '6@45', '7@47', '8@61', '9@69', '10@71', '11@73',
    ]);
    assert.strictEqual(doc.text.slice(doc.footnoteDefs[0]!.marker.start, doc.footnoteDefs[0]!.marker.end), '<sup>1</sup>');
  });

  test('headings: title, I, 1, 2 (h2 bold), II (h2 bold), III (bold paragraph lead)', () => {
    const hs = doc.headings.map(h => ({ line: h.line + 1, level: h.level, rank: h.rank, style: h.style, label: h.numbering?.raw ?? '', inline: !!h.inline }));
    assert.deepStrictEqual(hs, [
      { line: 3, level: 1, rank: 0, style: 'bold', label: '', inline: false },
      { line: 19, level: 2, rank: 1, style: 'atx', label: 'I', inline: false },
      { line: 21, level: 3, rank: 2, style: 'atx', label: '1', inline: false },
      { line: 53, level: 2, rank: 2, style: 'atx', label: '2', inline: false },
      { line: 77, level: 2, rank: 1, style: 'atx', label: 'II', inline: false },
      { line: 103, level: 2, rank: 1, style: 'bold', label: 'III', inline: true },
    ]);
  });

  test('heading titles carry no Markdown syntax and the title span covers the visible text', () => {
    const h2 = doc.headings.find(h => h.line === 52)!;
    assert.ok(h2.title.startsWith('Về kết quả thực hiện Nghị quyết số 05-NQ/TU'), h2.title);
    assert.ok(!h2.title.includes('*'));
    assert.ok(h2.title.endsWith('sau ngày 15 tháng 9 năm 2021'), h2.title);
    assert.strictEqual(doc.text.slice(h2.titleSpan.start, h2.titleSpan.start + 10), 'Về kết quả');
    assert.strictEqual(doc.text.slice(h2.titleSpan.end - 4, h2.titleSpan.end), '2021');
  });

  test('list items 1–10 with their bold style, and the bullet between 7 and 8', () => {
    const items = doc.listItems.map(li => `${li.line + 1}:${li.numbering?.raw ?? li.bullet}:${li.bold}`);
    assert.deepStrictEqual(items, [
      '81:1:all', '83:2:all', '85:3:all', '87:4:all', '89:5:all', '91:6:number', '93:7:number',
      '95:-:none', '97:8:number', '99:9:number', '101:10:number',
    ]);
  });

  test('the enumeration on line 11 reads (1) then (3)', () => {
    assert.deepStrictEqual(doc.enumLabels.map(e => `${e.raw}@${pos(doc, e.start)}`), ['(1)@11:67', '(3)@11:193']);
  });

  test('separators and ornaments are blocks of their own', () => {
    const kinds = doc.blocks.filter(b => b.kind === 'rule' || b.kind === 'ornament').map(b => `${b.kind}@${b.line + 1}`);
    assert.deepStrictEqual(kinds, ['rule@7', 'rule@59', 'ornament@105', 'ornament@107']);
  });

  test('skips cover Markdown syntax and footnote markers but not words', () => {
    assertSkipsSorted(doc.skips);
    const l19 = doc.lines[18]!;
    assert.ok(skipped(doc, l19.start, l19.start + 3), '"## " is skipped');
    const r = doc.footnoteRefs[0]!;
    assert.ok(skipped(doc, r.start, r.end), '<sup>1</sup> is skipped');
    const l81 = doc.lines[80]!;
    assert.ok(skipped(doc, l81.start, l81.start + 2), 'leading ** is skipped');
    const word = doc.text.indexOf('Kiên trì');
    assert.ok(!doc.skips.some(s => s.start < word + 4 && s.end > word), 'prose is not skipped');
    const em = doc.lines[22]!;
    assert.ok(skipped(doc, em.start, em.start + 1), 'the * of *Hội nghị…* is skipped');
  });
});

suite('parse: OCR text (seed 000)', () => {
  const doc = parseDocument('file:///000.txt', seedText(SEED_000));

  test('is recognised as OCR text', () => assert.strictEqual(doc.format, 'ocr'));

  test('finds the three glued footnote digits and nothing else', () => {
    assert.deepStrictEqual(doc.footnoteRefs.map(r => `${r.n}@${pos(doc, r.start)}:${r.style}`), ['1@164:55:glued', '2@164:74:glued', '3@165:74:glued']);
  });

  test('reads definitions 1–3 with their continuation lines, not the date line 22 or the page number 7', () => {
    assert.deepStrictEqual(doc.footnoteDefs.map(d => `${d.n}@${d.line + 1}-${d.endLine + 1}`), ['1@167-168', '2@169-171', '3@172-174']);
  });

  test('repairs the OCR-damaged numeral "ỊL" as section I', () => {
    const h = doc.headings.find(x => x.line === 41)!;
    assert.strictEqual(h.style, 'caps');
    assert.deepStrictEqual([h.numbering?.kind, h.numbering?.raw, h.numbering?.values, h.numbering?.repaired], ['roman', 'ỊL', [1], true]);
    assert.strictEqual(h.endLine, 42, 'the heading continues on the next upper-case line');
    assert.ok(h.title.endsWith('NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2024'), h.title);
  });

  test('headings: title, I, 1, 2, 3, 3.1, 3.2, 3 (repeated), II, 1, 2, * sub-heading, 3, III', () => {
    assert.deepStrictEqual(doc.headings.map(h => `${h.line + 1}:${h.numbering ? h.numbering.values.join('.') : h.style}:r${h.rank}`), [
      '1:caps:r0', '42:1:r1', '60:1:r2', '144:2:r2', '175:3:r2', '177:3.1:r3', '195:3.2:r3', '217:3:r2',
      '391:2:r1', '410:1:r2', '461:2:r2', '511:bullet:r3', '537:3:r2', '626:3:r1',
    ]);
  });

  test('the title merges the three upper-case lines', () => {
    assert.strictEqual(doc.headings[0]!.title, 'THÔNG BẢO NHANH KẾT QUẢ HỘI NGHỊ BAN CHẤP HÀNH ĐẲNG BỘ THÀNH PHÓ LẦN THỨ 24 (KHÓA XI)');
  });

  test('numbered tasks are list items, not headings (1–11 and 1–10)', () => {
    const values = doc.listItems.map(li => li.numbering?.values[0]);
    assert.deepStrictEqual(values, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepStrictEqual([doc.listItems[0]!.line + 1, doc.listItems[11]!.line + 1], [238, 538]);
  });

  test('a paragraph cut by a page break continues after the page number', () => {
    const item3 = doc.listItems.find(li => li.line === 260)!;
    assert.strictEqual(item3.endLine + 1, 276);
    const seven = doc.lines[268]!;
    assert.ok(skipped(doc, seven.start, seven.end), 'the page number is skipped');
  });

  test('enumerations, including the OCR-damaged (ỉii)', () => {
    const roman = doc.enumLabels.filter(e => e.kind === 'roman').map(e => `${e.raw}=${e.value}`);
    assert.deepStrictEqual(roman, ['(i)=1', '(ii)=2', '(ỉii)=3', '(iv)=4', '(v)=5']);
    assert.strictEqual(doc.enumLabels.filter(e => e.kind === 'arabic').length, 4 + 7 + 5 + 4 + 4);
  });

  test('QH15, T3, COVID-19 and the date continuation "11 năm 2018" are not footnotes', () => {
    for (const needle of ['QH15', 'T3', 'COVĨD-19', '\n11 năm 2018']) {
      const at = doc.text.indexOf(needle);
      assert.ok(at >= 0, needle);
      assert.ok(!doc.footnoteRefs.some(r => r.start >= at && r.start < at + needle.length), needle);
      assert.ok(!doc.footnoteDefs.some(d => d.start >= at && d.start < at + needle.length), needle);
    }
  });

  test('the stray "V" before the closing paragraph is not a section', () => {
    assert.ok(!doc.headings.some(h => h.line === 639));
  });
});

suite('parse: OCR section headings after an unfinished line', () => {
  // The line before the first section is a subtitle without a full stop; it used to swallow
  // "I. TÌNH HÌNH CHUNG" and "1. Về kinh tế" into its paragraph, and the structure check then
  // said "2." skips "1." and "II." skips "I.".
  const text = ['BÁO CÁO', 'Tình hình kinh tế - xã hội quý I năm 2025', 'I. TÌNH HÌNH CHUNG', '1. Về kinh tế',
    'Tổng sản phẩm tăng 7,85%.', '2. Về xã hội', 'Giải quyết việc làm cho 12.500 lao động.', 'II. NHIỆM VỤ', 'Tập trung tháo gỡ khó khăn.', ''].join('\n');
  test('a Roman numeral with a heading in capitals starts a section whatever the line before', () => {
    const doc = parseDocument('file:///r.txt', text);
    assert.deepStrictEqual(doc.headings.map(h => `${h.line + 1}:${h.numbering ? h.numbering.values.join('.') : h.style}:r${h.rank}`),
      ['1:caps:r0', '3:1:r1', '4:1:r2', '6:2:r2', '8:2:r1']);
  });
  test('a sentence running on to a line that opens with a Roman numeral in lower case stays one paragraph', () => {
    const doc = parseDocument('file:///r.txt', 'BÁO CÁO\n\nKết quả thực hiện trong quý\nI. năm nay đạt khá, vượt kế hoạch đề ra.\n');
    assert.deepStrictEqual(doc.headings.map(h => h.line + 1), [1]);
  });
});

suite('parse: a table row is no damaged section label', () => {
  // "| GRDP | % | 8,2 |" was read as section "I" with its bar misread, and reported
  const table = '# THÔNG BÁO\n\n**I. KẾT QUẢ**\n\n| Chỉ tiêu | Đơn vị | Kết quả |\n| :--- | :---: | ---: |\n| GRDP | % | 8,2 |\n';
  test('in Markdown and in plain text', () => {
    for (const uri of ['file:///t.md', 'file:///t.txt']) assert.deepStrictEqual(parseDocument(uri, table).sectionLabels, [], uri);
  });
  test('a bar alone before a heading in capitals is still read as a misread I', () => {
    const doc = parseDocument('file:///t.txt', 'BÁO CÁO\n\n| KẾT QUẢ THỰC HIỆN\n\nNội dung.\n\nII. NHIỆM VỤ\n\nNội dung.\n');
    assert.deepStrictEqual(doc.sectionLabels.map(l => [l.raw, l.value]), [['|', 1]]);
  });
});

suite('parse: encodings and directives', () => {
  test('CRLF, BOM and NFD give the same structure and correct original positions', () => {
    const md = '# Tiêu đề\n\n## I. PHẦN MỘT\n\nVăn bản có chú thích<sup>1</sup>.\n\n<sup>1</sup> Chú thích.\n';
    const base = parseDocument('a', md);
    const variant = parseDocument('b', '\ufeff' + md.normalize('NFD').replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(variant.headings.map(h => [h.line, h.rank, h.title]), base.headings.map(h => [h.line, h.rank, h.title.normalize('NFC')]));
    assert.deepStrictEqual(variant.footnoteRefs.map(r => r.n), [1]);
    assert.deepStrictEqual(variant.footnoteDefs.map(d => d.n), [1]);
    const r = variant.footnoteRefs[0]!;
    const range = variant.source.rangeOf(r.start, r.end);
    assert.strictEqual(range.start.line, 4);
    // in NFD "Văn bản có chú thích" holds 5 extra combining marks before the marker
    const lineText = variant.source.original.split('\r\n')[4]!;
    assert.strictEqual(lineText.slice(range.start.character, range.end.character), '<sup>1</sup>');
    assert.ok(variant.skips[0]!.start === 0 && variant.skips[0]!.end >= 1, 'the BOM is skipped');
  });

  test('a short wholly bold numbered line is a heading; a bold numbered paragraph is an item', () => {
    const doc = parseDocument('b', '**I. VỀ TÌNH HÌNH**\n\n**1. Về kinh tế**\n\nVăn bản.\n\n**2. Tiếp tục hỗ trợ doanh nghiệp.**\n');
    assert.deepStrictEqual(doc.headings.map(h => [h.line, h.style, h.rank, h.title, !!h.inline]), [[0, 'bold', 1, 'VỀ TÌNH HÌNH', false], [2, 'bold', 2, 'Về kinh tế', false]]);
    assert.deepStrictEqual(doc.listItems.map(l => [l.line, l.bold, l.numbering?.raw]), [[6, 'all', '2']]);
  });

  test('unit exponents (m<sup>2</sup>, km<sup>2</sup>) are not footnote markers', () => {
    const doc = parseDocument('u', '# T\n\nDiện tích 500 m<sup>2</sup> và 3 km<sup>2</sup>, kho 20 m<sup>3</sup>; chú thích<sup>2</sup>.\n');
    assert.deepStrictEqual(doc.footnoteRefs.map(r => r.n), [2]);
    assert.ok(doc.text.slice(doc.footnoteRefs[0]!.start - 8, doc.footnoteRefs[0]!.start) === 'chú thích'.slice(-8));
  });

  test('Markdown [^N] footnotes are read like <sup>N</sup>', () => {
    const doc = parseDocument('f', '# T\n\nMột[^1] và hai[^2].\n\n[^1]: Một.\n[^2]: Hai.\n');
    assert.deepStrictEqual(doc.footnoteRefs.map(r => [r.n, r.style, r.line]), [[1, 'bracket', 2], [2, 'bracket', 2]]);
    assert.deepStrictEqual(doc.footnoteDefs.map(d => [d.n, d.line, doc.text.slice(d.marker.start, d.marker.end)]), [[1, 4, '[^1]:'], [2, 5, '[^2]:']]);
  });

  test('OCR: a number at the start of a line in mid-sentence is not a definition', () => {
    const doc = parseDocument('o', 'Có chỉ tiêu1 chưa đạt vào ngày\n1 Tháng Giêng năm sau.\n\n1 Trong 21 chỉ tiêu.\n');
    assert.deepStrictEqual(doc.footnoteDefs.map(d => d.line), [3]);
  });

  test('reads disable, enable and disable-next-line directives with their codes', () => {
    const doc = parseDocument('d', 'a\n<!-- bulletin-disable footnote.unused, spelling -->\nb\n<!-- bulletin-enable -->\n<!-- bulletin-disable-next-line structure -->\nc\n');
    assert.deepStrictEqual(doc.directives.map(d => [d.kind, d.codes, d.line]), [
      ['disable', ['footnote.unused', 'spelling'], 1], ['enable', [], 3], ['disable-next-line', ['structure'], 4],
    ]);
    assert.ok(doc.blocks.filter(b => b.kind === 'comment').length === 3);
  });

  test('comments, code spans, URLs and HTML tags are skipped', () => {
    const t = 'Xem `mã nguồn` tại https://example.org/a_b, <br> và <!-- ghi chú --> hết.';
    const doc = parseDocument('e', '# T\n\n' + t + '\n');
    const base = doc.lines[2]!.start;
    for (const s of ['`mã nguồn`', 'https://example.org/a_b', '<br>', '<!-- ghi chú -->']) {
      const at = base + t.indexOf(s);
      assert.ok(skipped(doc, at, at + s.length), s);
    }
    const end = base + t.indexOf(', <br>');
    assert.ok(!skipped(doc, end, end + 1), 'the comma after the URL is prose');
  });

  test('is linear: 20 times the text takes about 20 times as long, not 400', function () {
    this.timeout(30000);
    const seed = seedText(SEED_000);
    const time = (t: string): number => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) { const t0 = process.hrtime.bigint(); parseDocument('big', t); best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6); }
      return best;
    };
    const small = time(seed.repeat(2));
    const big = time(seed.repeat(40));
    assert.ok(big < small * 20 * 4, `2x: ${small.toFixed(1)} ms, 40x: ${big.toFixed(1)} ms`);
  });

  test('pathological inputs do not hang', function () {
    this.timeout(30000);
    const inputs = ['<'.repeat(50000), '<!--'.repeat(20000), '('.repeat(50000) + 'i', '*'.repeat(50000), '`'.repeat(30001), 'https://' + 'a'.repeat(100000), ('a1 ').repeat(30000),
      '<!-- x -->\n'.repeat(20000), '(1) '.repeat(20000), ('chỉ tiêu1 ').repeat(20000) + '\n\n' + '1 Trong.\n'.repeat(5000), '# I. A\n'.repeat(20000), '<sup>1</sup>'.repeat(20000) + '\n\n' + '<sup>1</sup> A\n\n'.repeat(5000)];
    for (const s of inputs) {
      const t0 = Date.now();
      parseDocument('p', s);
      assert.ok(Date.now() - t0 < 2000, s.slice(0, 10));
    }
  });
});

suite('parse: inline constructs found by search, block after block', () => {
  test('each block finds its own constructs, whatever the previous block\'s search ran ahead to', () => {
    // the search for the next construct, "http" or "www." runs past a block's end; the next
    // blocks must still find theirs (a code block and an HTML comment between them are skipped)
    const text = [
      '# Tiêu đề',
      '',
      'Đoạn một có **chữ đậm** và chỉ tiêu<sup>1</sup>.',
      '',
      'Đoạn hai không có gì.',
      '',
      '```',
      'mã http://code.example (1)',
      '```',
      '',
      '<!-- http://comment.example -->',
      '',
      'Xem www.hcmcpv.org.vn và https://example.vn/a_b, mục (2) và (iv); ghi chú[^2].',
      '',
      '[^2]: Ghi chú.',
    ].join('\n');
    const doc = parseDocument('file:///inline.md', text);
    const at = (s: string, from = 0) => text.indexOf(s, from);
    assert.ok(skipped(doc, at('**'), at('**') + 2));
    assert.deepStrictEqual(doc.footnoteRefs.map(r => r.n), [1, 2]);
    assert.ok(skipped(doc, at('www.hcmcpv'), at('www.hcmcpv') + 'www.hcmcpv.org.vn'.length));
    assert.ok(skipped(doc, at('https://'), at('https://') + 'https://example.vn/a_b'.length));
    assert.deepStrictEqual(doc.enumLabels.map(e => e.raw), ['(2)', '(iv)']);
    // "xhttp" inside a word is no address
    const glued = parseDocument('file:///g.md', 'Chữ xhttp://a.b ở đây.');
    assert.ok(!glued.skips.some(s => glued.text.slice(s.start, s.end).includes('http')));
  });
});
