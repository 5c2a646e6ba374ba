import * as assert from 'assert';
import { rule } from '../../../../../server/src/engine/rules/structure/numbering-sequence';
import { run, where } from '../footnote/helpers';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

suite('structure.numbering-sequence', () => {
  test('flags seed 000\'s second section "3." under I. (line 217), suggesting "4."', () => {
    const fs = run(rule, seedText(SEED_000));
    assert.deepStrictEqual(where(fs), ['217:1']);
    assert.deepStrictEqual(fs[0]!.suggestions, ['4.']);
    assert.match(fs[0]!.message, /"3\." repeats the previous one; expected "4\."/);
    assert.ok(!fs[0]!.safe);
  });

  test('the numbered tasks 1–11 and 1–10 that restart under each heading are not flagged', () => {
    const text = seedText(SEED_000);
    const fs = run(rule, text);
    assert.ok(!fs.some(f => f.range.start.line + 1 >= 238), 'nothing from the task lists');
  });

  test('is silent on seed 003 (I, 1, 2, II, items 1–10 around a bullet, III)', () => {
    assert.deepStrictEqual(run(rule, seedText(SEED_003)), []);
  });

  test('flags a skipped Roman section and a backwards subsection', () => {
    const fs = run(rule, '# T\n\n## I. MỘT\n\n### 1. A\n\n### 3. B\n\n### 2. C\n\n## III. BA\n');
    assert.deepStrictEqual(fs.map(f => `${f.range.start.line + 1}:${f.suggestions[0]}`), ['7:2.', '9:4.', '11:II.']);
    assert.match(fs[0]!.message, /skips "2\."/);
    assert.match(fs[1]!.message, /goes backwards/);
  });

  test('a section number OCR damaged in small type counts as the one the sequence expects', () => {
    // "HI." and "TV." (spelling reports them as III and IV) keep their place in the sequence, so
    // the sections after them are not said to skip a number
    const text = 'BÁO CÁO\n\nI. KẾT QUẢ\n\nNội dung.\n\nII. HẠN CHẾ\n\nNội dung.\n\nHI. NHIỆM VỤ\n\nNội dung.\n\nTV. KIẾN NGHỊ\n\nNội dung.\n\nV. TỔ CHỨC\n';
    assert.deepStrictEqual(run(rule, text), []);
    // "HI." between I. and IV. is one number short either way: read as III. (H for II, as the
    // spelling check reports it), it is the one said to skip II.
    const skipped = 'BÁO CÁO\n\nI. KẾT QUẢ\n\nNội dung.\n\nHI. HẠN CHẾ\n\nNội dung.\n\nIV. NHIỆM VỤ\n';
    assert.deepStrictEqual(run(rule, skipped).map(f => `${f.range.start.line + 1}:${f.suggestions[0]}`), ['7:II.']);
    assert.strictEqual(run(rule, skipped)[0]!.message, 'Section "III." (written "HI.") skips "II.".');
    // a run of damaged labels with no sound one among them, the "1." of the first read as I.
    // (OCR lost the full stop before "1H"): no section is said to skip or repeat a number
    const run4 = 'BÁO CÁO\n\n1. KẾT QUẢ\n\nNội dung.\n\n1I. HẠN CHẾ\n\nNội dung còn dở\n1H NHỮNG KHÓ KHĂN\n\nTV. KIẾN NGHỊ\n\nV. TỔ CHỨC\n';
    assert.deepStrictEqual(run(rule, run4), []);
    // "II." between II. and IV. lost its last stroke: spelling reports it as III., so the
    // sequence neither repeats nor skips; a lone repeat is reported here
    const lost = 'BÁO CÁO\n\nI. KẾT QUẢ\n\nII. HẠN CHẾ\n\nII. NHIỆM VỤ\n\nIV. KIẾN NGHỊ\n';
    assert.deepStrictEqual(run(rule, lost), []);
    const repeat = 'BÁO CÁO\n\nI. KẾT QUẢ\n\nII. HẠN CHẾ\n\nII. NHIỆM VỤ\n';
    assert.deepStrictEqual(run(rule, repeat).map(f => `${f.range.start.line + 1}:${f.suggestions[0]}`), ['7:III.']);
  });

  test('subsection numbers n.m follow their parent section', () => {
    const text = 'I. MỘT PHẦN LỚN\n\n1. Nguyên nhân\n\n1.1. Khách quan\nVăn bản.\n\n2.2. Chủ quan\nVăn bản.\n';
    const fs = run(rule, text);
    assert.deepStrictEqual(where(fs), ['8:1']);
    assert.deepStrictEqual(fs[0]!.suggestions, ['1.2.']);
  });

  test('flags a repeated item number in a list', () => {
    const fs = run(rule, '## I. A\n\n1. Một việc.\n\n2. Hai việc.\n\n2. Lại hai.\n');
    assert.deepStrictEqual(where(fs), ['7:1']);
  });
});
