import * as assert from 'assert';
import { parseDocument } from '../../../../server/src/engine/parse/index';
import { foldingRanges, outline } from '../../../../server/src/engine/features/outline';
import type { OutlineItem, Range } from '../../../../server/src/engine/types';
import { SEED_000, SEED_003, seedText } from '../../../helpers/markers';

function shape(items: OutlineItem[]): unknown[] {
  return items.map(i => i.children.length ? [i.kind, i.name.split(' ')[0], shape(i.children)] : [i.kind, i.name.split(' ')[0]]);
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkRanges(items: OutlineItem[], parent?: OutlineItem): void {
  for (const it of items) {
    assert.ok(contains(it.range, it.selectionRange), `${it.name}: selectionRange inside range`);
    if (parent && parent.kind !== 'footnotes') assert.ok(contains(parent.range, it.range), `${it.name} inside ${parent.name}`);
    checkRanges(it.children, it);
  }
}

suite('outline', () => {
  test('seed 003: title, I (1, 2), II (tasks 1–10), III, footnotes 1–11', () => {
    const doc = parseDocument('003', seedText(SEED_003));
    const items = outline(doc);
    assert.deepStrictEqual(shape(items), [
      ['title', 'THÔNG'],
      ['section', 'I.', [['subsection', '1.'], ['subsection', '2.']]],
      ['section', 'II.', ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.'].map(n => ['item', n])],
      ['section', 'III.'],
      ['footnotes', 'Footnotes', Array.from({ length: 11 }, (_, k) => ['footnote', `${k + 1}.`])],
    ]);
    checkRanges(items);
  });

  test('seed 003: "## **2. …**" nests under I by its number, and section ranges cover their text', () => {
    const doc = parseDocument('003', seedText(SEED_003));
    const [, secI, secII] = outline(doc);
    const sub2 = secI!.children[1]!;
    assert.ok(sub2.name.startsWith('2. Về kết quả thực hiện Nghị quyết số 05-NQ/TU'), sub2.name);
    assert.deepStrictEqual([secI!.range.start.line, secI!.range.end.line], [18, 74]);
    assert.deepStrictEqual([sub2.range.start.line, sub2.range.end.line], [52, 74]);
    // selection = the heading text without ## and **
    assert.deepStrictEqual(sub2.selectionRange.start, { line: 52, character: 5 });
    assert.deepStrictEqual([secII!.range.start.line, secII!.range.end.line], [76, 100]);
    assert.strictEqual(secII!.children[2]!.name, '3. Tìm giải pháp hỗ trợ xuất khẩu');
  });

  test('seed 000: OCR sections with the repaired numeral, 3.1/3.2 under 3, tasks under their heading', () => {
    const doc = parseDocument('000', seedText(SEED_000));
    const items = outline(doc);
    const top = items.map(i => `${i.kind}:${i.name.split(' ')[0]}`);
    assert.deepStrictEqual(top, ['title:THÔNG', 'section:I.', 'section:II.', 'section:III.', 'footnotes:Footnotes']);
    const secI = items[1]!;
    assert.strictEqual(secI.detail, 'written "ỊL"');
    assert.ok(secI.name.startsWith('I. VỀ TÌNH HỈNH KINH TẾ - XÃ HỘI'));
    assert.deepStrictEqual(secI.children.map(c => c.name.split(' ')[0]), ['1.', '2.', '3.', '3.']);
    assert.deepStrictEqual(secI.children[2]!.children.map(c => c.name), ['3.1. Nguyên nhân khách quan', '3.2. Nguyên nhăn chủ quan']);
    assert.strictEqual(secI.children[3]!.children.length, 11);
    const secII = items[2]!;
    assert.deepStrictEqual(secII.children.map(c => c.name.split(' ')[0]), ['1.', '2.', '3.']);
    assert.strictEqual(secII.children[1]!.children[0]!.name, 'Nguyên nhân hạn chế');
    assert.strictEqual(secII.children[2]!.children.length, 10);
    checkRanges(items);
  });

  test('a section number OCR damaged in small type ("HI.", "TV.") is a section with the numeral it stands for', () => {
    const doc = parseDocument('hi', 'BÁO CÁO\n\nI. KẾT QUẢ\n\nNội dung.\n\nII. HẠN CHẾ\n\nNội dung.\n\nHI. NHIỆM VỤ\n\nNội dung.\n\nTV. KIẾN NGHỊ\n\nNội dung.\n');
    const items = outline(doc);
    assert.deepStrictEqual(items.filter(i => i.kind === 'section').map(i => i.name), ['I. KẾT QUẢ', 'II. HẠN CHẾ', 'III. NHIỆM VỤ', 'IV. KIẾN NGHỊ']);
    assert.deepStrictEqual(items.filter(i => i.kind === 'section').map(i => i.detail ?? ''), ['', '', 'written "HI"', 'written "TV"']);
    // a line that only looks like one is not a section: no dot, or no letter of a numeral
    const plain = outline(parseDocument('plain', 'BÁO CÁO\n\nI. KẾT QUẢ\n\nHE THỐNG MỚI\n\nTH. ĐẶC BIỆT\n\nII. HẠN CHẾ\n'));
    assert.deepStrictEqual(plain.filter(i => i.kind === 'section').map(i => i.name), ['I. KẾT QUẢ', 'II. HẠN CHẾ']);
    checkRanges(items);
  });

  test('a run of damaged section numbers is read as the sequence they make together', () => {
    // "1." before "1I." is I.; "1H" starts a section although OCR lost the full stop before it
    const doc = parseDocument('run', 'BÁO CÁO\n\n1. KẾT QUẢ\n\nNội dung.\n\n1I. HẠN CHẾ\n\nNội dung còn dở\n1H NHỮNG KHÓ KHĂN\n\nTV. KIẾN NGHỊ\n\nV. TỔ CHỨC\n');
    const sections = outline(doc).filter(i => i.kind === 'section');
    assert.deepStrictEqual(sections.map(i => i.name), ['I. KẾT QUẢ', 'II. HẠN CHẾ', 'III. NHỮNG KHÓ KHĂN', 'IV. KIẾN NGHỊ', 'V. TỔ CHỨC']);
    assert.deepStrictEqual(sections.map(i => i.detail ?? ''), ['written "1"', 'written "1I"', 'written "1H"', 'written "TV"', '']);
    checkRanges(outline(doc));
  });

  test('Vietnamese label for the footnote group', () => {
    const doc = parseDocument('003', seedText(SEED_003));
    assert.strictEqual(outline(doc, 'vi').at(-1)!.name, 'Chú thích');
  });

  test('a document without structure has an empty outline', () => {
    assert.deepStrictEqual(outline(parseDocument('x', 'Chỉ một đoạn văn.\n')), []);
  });
});

suite('folding ranges', () => {
  test('seed 003: sections, the footnote group 2–7 and 9–11, and the item with its bullet', () => {
    const doc = parseDocument('003', seedText(SEED_003));
    const f = foldingRanges(doc);
    const has = (s: number, e: number, kind?: string) => f.some(r => r.startLine === s && r.endLine === e && r.kind === kind);
    assert.ok(has(18, 74), 'section I');
    assert.ok(has(52, 74), 'subsection 2');
    assert.ok(has(76, 100), 'section II');
    assert.ok(has(36, 46, 'region'), 'footnotes 2–7');
    assert.ok(has(68, 72, 'region'), 'footnotes 9–11');
    for (let i = 1; i < f.length; i++) assert.ok(f[i]!.startLine > f[i - 1]!.startLine, 'one range per start line, sorted');
  });

  test('seed 000: long paragraphs and multi-line footnotes fold', () => {
    const doc = parseDocument('000', seedText(SEED_000));
    const f = foldingRanges(doc);
    assert.ok(f.some(r => r.startLine === 166 && r.endLine === 173 && r.kind === 'region'), 'footnotes 1–3');
    assert.ok(f.some(r => r.startLine === 44 && r.endLine === 57), 'the long opening paragraph of section I');
    assert.ok(f.every(r => r.endLine > r.startLine));
  });

  test('multi-line comments fold as comments', () => {
    const doc = parseDocument('c', '# T\n\n<!--\nghi chú\nnhiều dòng\n-->\n\nVăn bản.\n');
    assert.ok(foldingRanges(doc).some(r => r.startLine === 2 && r.endLine === 5 && r.kind === 'comment'));
  });
});
