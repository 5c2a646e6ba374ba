// Direct tests of the four citation checks: severities (citations.md 2.9), spans and quick
// fixes, bilingual messages, cross-bulletin hints, and the expected findings on both seeds.
import * as assert from 'assert';
import { lint, parseDocument, resolveConfig } from '../../../../../server/src/engine/index';
import type { Rule } from '../../../../../server/src/engine/rules/rule';
import type { Finding } from '../../../../../server/src/engine/types';
import { rule as unresolved } from '../../../../../server/src/engine/rules/citation/unresolved';
import { rule as malformed } from '../../../../../server/src/engine/rules/citation/malformed';
import { rule as conflict } from '../../../../../server/src/engine/rules/citation/conflict';
import { rule as invalidDate } from '../../../../../server/src/engine/rules/citation/invalid-date';
import { citationRules } from '../../../../../server/src/engine/rules/citation/index';
import { rules } from '../../../../../server/src/engine/rules/index';
import { createWorkspaceIndex } from '../../../../../server/src/engine/workspace';
import { noResources } from '../../../../../server/src/engine/resources';
import { parseCatalogue } from '../../../../../server/src/engine/citations/catalogue';
import { analyzeCitations } from '../../../../../server/src/engine/citations/resolve';
import { SEED_000, SEED_003, seedText } from '../../../../helpers/markers';

const HEAD = 'Ngày 02 tháng 12 năm 2023, Hội nghị Ban Chấp hành Đảng bộ thành phố đã họp.\n\n';

function run(rule: Rule | readonly Rule[], text: string, opts: { locale?: 'en' | 'vi'; bulletinDate?: string } = {}, extra: Parameters<typeof lint>[2] = {}): Finding[] {
  const config = resolveConfig({ locale: opts.locale ?? 'en', citations: opts.bulletinDate ? { bulletinDate: opts.bulletinDate } : {} });
  return lint(parseDocument('file:///t.md', text), config, { only: Array.isArray(rule) ? rule : [rule as Rule], ...extra });
}
const covered = (text: string, f: Finding): string => text.slice(f.offsets.start, f.offsets.end);
const brief = (text: string, fs: Finding[]): string[] => fs.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${covered(text, f)}`);

suite('citation rules', () => {
  test('registered once each, in rules/citation/index.ts, in the global registry', () => {
    assert.deepStrictEqual(citationRules.map(r => r.code), ['citation.unresolved', 'citation.malformed', 'citation.conflict', 'citation.invalid-date']);
    for (const r of citationRules) assert.strictEqual(rules.filter(x => x.code === r.code).length, 1);
  });

  suite('citation.unresolved', () => {
    test('bare number without a full citation: error; symbol only: warning; undated identified symbol: information', () => {
      const text = HEAD + 'Theo Nghị quyết 24 của Bộ Chính trị.\n\nThực hiện Quy định 1374-QĐ/TU.\n\nQuán triệt Chỉ thị số 26-CT/TW của Ban Bí thư.\n';
      assert.deepStrictEqual(brief(text, run(unresolved, text)), [
        '3:6 error citation.unresolved Nghị quyết 24 của Bộ Chính trị',
        '5:11 warning citation.unresolved Quy định 1374-QĐ/TU',
        '7:12 information citation.unresolved Chỉ thị số 26-CT/TW của Ban Bí thư',
      ]);
    });

    test('the number of a form to fill in ("Mẫu số 01/BC-UBND") is no document cited', () => {
      const text = HEAD + 'Các đơn vị báo cáo theo Mẫu số 01/BC-UBND, lập biểu mẫu số 02/TB-UBND và gửi về Sở Nội vụ.\n\nThực hiện Báo cáo số 01/BC-UBND.\n';
      assert.deepStrictEqual(brief(text, run(unresolved, text)), ['5:11 warning citation.unresolved Báo cáo số 01/BC-UBND']);
    });

    test('a short form before its full citation is a hint; after it, nothing', () => {
      const text = HEAD + 'Theo Nghị quyết 98 đã nêu.\n\nNghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội về thí điểm (viết tắt là Nghị quyết 98).\n\nNghị quyết 98 tiếp tục.\n';
      const fs = run(unresolved, text);
      assert.deepStrictEqual(brief(text, fs), ['3:6 hint citation.unresolved Nghị quyết 98']);
      assert.match(fs[0]!.message, /before its full citation \(line 5\)/);
    });

    test('two documents fit a short form: reported as ambiguous, not dropped', () => {
      const text = HEAD + 'Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII) và Nghị quyết số 21-NQ/TU ngày 01/3/2021 của Thành ủy.\n\nTheo Nghị quyết 21, thành phố triển khai.\n';
      const fs = run(unresolved, text);
      assert.deepStrictEqual(brief(text, fs), ['5:6 warning citation.unresolved Nghị quyết 21']);
      assert.match(fs[0]!.message, /ambiguous.*NQ 21-NQ\/TW.*NQ 21-NQ\/TU/);
    });

    test('the issuer narrows a bare number: "Nghị quyết 21 của Thành ủy" resolves', () => {
      const text = HEAD + 'Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 và Nghị quyết số 21-NQ/TU ngày 01/3/2021 của Thành ủy.\n\nTheo Nghị quyết 21 của Thành ủy, thành phố triển khai.\n';
      assert.deepStrictEqual(run(unresolved, text), []);
    });

    test('another bulletin that cites the document in full is named, and its full form is offered', () => {
      const ws = createWorkspaceIndex();
      ws.update('file:///w/003.txt', seedText(SEED_003), 1);
      const text = HEAD + 'Theo Nghị quyết 24 của Bộ Chính trị.\n';
      const fs = run(unresolved, text, {}, { workspace: ws });
      assert.strictEqual(fs.length, 1);
      assert.strictEqual(fs[0]!.severity, 'error');
      assert.match(fs[0]!.message, /003\.txt cites NQ 24-NQ\/TW in full \(line 23\)/);
      assert.deepStrictEqual(fs[0]!.suggestions, ['Nghị quyết số 24-NQ/TW ngày 7/10/2022 của Bộ Chính trị']);
      assert.ok(!fs[0]!.safe);
      assert.strictEqual(fs[0]!.related?.[0]?.location.uri, 'file:///w/003.txt');
    });

    test('the user catalogue is a source: a catalogued document is not unresolved', () => {
      const cat = parseCatalogue(JSON.stringify([{ number: '1374-QĐ/TU', type: 'Quy định', date: '2023-03-01', issuer: 'Ban Thường vụ Thành ủy' }]));
      const text = HEAD + 'Thực hiện Quy định 1374-QĐ/TU.\n';
      assert.strictEqual(run(unresolved, text).length, 1);
      assert.deepStrictEqual(run(unresolved, text, {}, { resources: { ...noResources, documents: cat.documents } }), []);
    });

    test('messages are bilingual', () => {
      const text = HEAD + 'Theo Nghị quyết 24 của Bộ Chính trị.\n';
      assert.match(run(unresolved, text, { locale: 'vi' })[0]!.message, /không chỉ tới văn bản nào/);
    });
  });

  suite('citation.malformed', () => {
    test('QD -> QĐ: the span is exactly "QD", the fix is safe', () => {
      const text = HEAD + 'Các Quy định số 131-QD/TW, 132-QD/TW của Bộ Chính trị.\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => [covered(text, f), f.suggestions[0], f.safe, f.severity]), [['QD', 'QĐ', true, 'warning'], ['QD', 'QĐ', true, 'warning']]);
    });

    test('a province\'s department signs a công văn with its ministry\'s letters, S for B: no malformed symbol', () => {
      const text = HEAD + 'Thực hiện Công văn số 1875/SKHĐT-TH ngày 14/11/2023 của Sở Kế hoạch và Đầu tư và Công văn số 1146/SNV-NCC ngày 02/10/2023 của Sở Nội vụ.\n';
      assert.deepStrictEqual(run(malformed, text).map(f => covered(text, f)), []);
      const syms = analyzeCitations(parseDocument('file:///t.md', text)).mentions.filter(m => m.symbol).map(m => m.symbol!.canonical);
      assert.deepStrictEqual(syms, ['1875/SKHĐT-TH', '1146/SNV-NCC']);
      // no ministry behind the letters: still unknown
      const odd = HEAD + 'Công văn số 1875/SQXZ-TH ngày 14/11/2023.\n';
      assert.strictEqual(run(malformed, odd).length, 1);
    });

    test('TƯ -> TU (TW as the alternative); safe only when the intent is clear', () => {
      const text = HEAD + 'Quy định 1374-QĐ/TƯ.\n\nNghị quyết số 14-NQ/TU ngày 06/11/2018 của Ban Thường vụ Thành ủy; Nghị quyết sổ 14-NQ/TƯ.\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => [covered(text, f), f.suggestions, !!f.safe]), [['TƯ', ['TU', 'TW'], false], ['TƯ', ['TU', 'TW'], true]]);
    });

    test('HDND -> HĐND, ND -> NĐ; the legislature number is suggested from the date', () => {
      const text = HEAD + 'Nghị quyết số 71/NQ-HDND ngày 09/12/2022 của Hội đồng nhân dân thành phố; Nghị định số 73/2023/ND-CP ngày 29/9/2023 của Chính phủ; Nghị quyết số 1111/NQ-UBTVQH ngày\n09/12/2020 của Ủy ban Thường vụ Quốc hội.\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => [covered(text, f), f.suggestions[0]]), [['HDND', 'HĐND'], ['ND', 'NĐ'], ['UBTVQH', 'UBTVQH14']]);
      assert.match(fs[2]!.message, /legislature number/);
    });

    test("the bulletin's own number (\"Số ...\" opening its line) is no citation, but a code OCR stripped of its Đ is restored and a misread separator suggested", () => {
      const text = 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG LÂM\n\nSố 58/NQ-HDND, Quảng Lâm, ngày 11 tháng 12 năm 2025\n\nSố: 07/QD-UBND\n\n' + HEAD.trim() + '\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => [covered(text, f), f.severity, f.suggestions[0], !!f.safe]), [
        ['58/NQ-HDND', 'warning', '58/NQ-HĐND', true],
        ['07/QD-UBND', 'warning', '07/QĐ-UBND', true]]);
      assert.match(fs[0]!.message, /own number/);
      // a separator OCR read as another mark: put back when one reading parses, only suggested
      const seps = 'HUYỆN ỦY THẠCH PHONG\nSố 118:TB/HU. Thạch Phong, ngày 9 tháng 7 năm 2024\n\nHUYỆN ỦY THẠCH PHÚ\nSố 218-TB.HU, Thạch Phú, ngày 24 tháng 6 năm 2025\n\n' + HEAD.trim() + '\n';
      assert.deepStrictEqual(run(malformed, seps).map(f => [covered(seps, f), f.suggestions[0], !!f.safe]), [
        ['118:TB/HU', '118-TB/HU', false],
        ['218-TB.HU', '218-TB/HU', false]]);
      // written right, or a number whose problem is no lost mark: nothing (it cites nothing either)
      const quiet = 'Số 58/NQ-HĐND, Quảng Lâm, ngày 11 tháng 12 năm 2025\n\nSố 12-TB/TƯ\n\nSố 3.000 hộ dân đã thoát nghèo.\n\nSố 187-CTrrTU, Lâm Viên\n\n' + HEAD.trim() + '\n';
      assert.deepStrictEqual(run([unresolved, malformed, conflict], quiet).map(f => covered(quiet, f)), []);
    });

    test('a title in capitals over the own number ("THÔNG BÁO" then "Số 12-TB/TU") cites nothing', () => {
      const text = 'THÔNG BÁO\nSố 58/NQ-HDND, Quảng Lâm, ngày 11 tháng 12 năm 2025\n\n# NGHỊ QUYẾT\nSố 12/NQ-HĐND\n\n' + HEAD.trim() + '\n';
      // (before: "THÔNG BÁO Số 58/NQ-HĐND" was a citation, unresolved, its type word against NQ)
      assert.deepStrictEqual(run([unresolved, malformed, conflict], text).map(f => [f.code, covered(text, f)]), [['citation.malformed', '58/NQ-HDND']]);
      // a citation wrapped before its "số" still cites
      const wrapped = HEAD + 'Thực hiện Nghị quyết\nsố 26-NQ/TU ngày 14/10/2020 của Thành ủy; Nghị quyết 26-NQ/TU đạt kết quả.\n';
      assert.deepStrictEqual(run([unresolved, malformed, conflict], wrapped).map(f => f.code), []);
      assert.strictEqual(analyzeCitations(parseDocument('file:///w.md', wrapped)).mentions.length, 2);
    });

    test('Party symbol written with State separators (217/QĐ-TW) is an error', () => {
      const text = HEAD + 'Quyết định số 217/QĐ-TW ngày 12/12/2013 của Bộ Chính trị.\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => [covered(text, f), f.severity, f.suggestions[0]]), [['217/QĐ-TW', 'error', '217-QĐ/TW']]);
    });

    test('a number with separators that is no symbol (unknown type code) is an error; dates and ranges are not', () => {
      const text = HEAD + 'Nghị quyết số 26-NQQ/TU ngày 14/10/2020 của Thành ủy; Kế hoạch 2021-2025; Nghị quyết 12/2023 của Hội đồng.\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => `${f.severity} ${covered(text, f)}`), ['error 26-NQQ/TU']);
    });

    test('codes OCR misread: the type word\'s own code, a stray mark, the issuer named after it; others get no guess', () => {
      const text = HEAD + 'Thực hiện Kết luận số 19-KI/TU ngày 05/3/2022 của Ban Thường vụ Tỉnh ủy, Chỉ thị số 05-CI/TU của Tỉnh ủy, Nghị quyết số 27-NQ/TỤ; Nghị quyết số 26-NQQ/TU và Kết luận số 21-XY/TU.\n'
        + '\nNghị quyết số 15-NQ/TV của Tỉnh ủy; Nghị quyết số 16-NQ/XY của Tỉnh ủy.\n';
      const fs = run(malformed, text);
      assert.deepStrictEqual(fs.map(f => [covered(text, f), f.suggestions, !!f.safe, f.severity]), [
        ['19-KI/TU', ['19-KL/TU'], false, 'error'], ['05-CI/TU', ['05-CT/TU'], false, 'error'], ['27-NQ/TỤ', ['27-NQ/TU'], false, 'error'],
        ['26-NQQ/TU', [], false, 'error'], ['21-XY/TU', [], false, 'error'], ['TV', ['TU'], false, 'warning'], ['XY', [], false, 'hint']]);
      assert.match(fs[0]!.message, /misread by OCR/);
      // an unknown issuer code is not also a conflict with the issuer named after it
      assert.deepStrictEqual(run(conflict, text).map(f => f.message), []);
    });

    test('an issuer named after a list of symbols belongs to those whose codes are its own', () => {
      const text = HEAD + 'Thực hiện Quyết định số 31-QĐ/TW, Nghị quyết số 15-NQ/TU của Tỉnh ủy về phát triển kinh tế; Nghị quyết số 28-NQ/TU và Kết luận số 15-KL/TW của Thành ủy.\n';
      // the first list: no conflict (31-QĐ/TW is not the Tỉnh ủy's); the second: 15-KL/TW is not the Thành ủy's
      assert.deepStrictEqual(run(conflict, text).map(f => covered(text, f)), ['Thành ủy']);
    });

    test('"ngày ngày": a hint whose fix deletes the duplicate', () => {
      const text = HEAD + 'Nghị quyết số 71/NQ-HĐND ngày ngày 09/12/2022 của Hội đồng nhân dân thành phố.\n';
      const fs = run(malformed, text);
      assert.strictEqual(fs.length, 1);
      assert.strictEqual(fs[0]!.severity, 'hint');
      assert.strictEqual(covered(text, fs[0]!), 'ngày ');
      assert.deepStrictEqual(fs[0]!.suggestions, ['']);
    });

    test('both QĐ and QĐi are accepted after "Quy định"; correct symbols are silent', () => {
      const text = HEAD + 'Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương; Quy định số 66-QĐ/TW ngày 06/02/2017 của Ban Bí thư; Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội.\n';
      assert.deepStrictEqual(run([malformed, conflict], text), []);
    });
  });

  suite('citation.conflict', () => {
    test('same document, two dates', () => {
      const text = HEAD + 'Nghị quyết số 31-NQ/TW ngày 30/12/2022 của Bộ Chính trị.\n\nNghị quyết số 31-NQ/TW ngày 15/12/2022 của Bộ Chính trị.\n';
      const fs = run(conflict, text);
      assert.deepStrictEqual(brief(text, fs), ['5:29 error citation.conflict 15/12/2022']);
      assert.match(fs[0]!.message, /dated 15\/12\/2022 here but 30\/12\/2022 on line 3/);
    });

    test('"Ban Chấp hành Đảng bộ" with its locality: a district\'s issues under HU, a commune\'s under ĐU, a province\'s under TU', () => {
      const ok = HEAD + 'Nghị quyết số 21-NQ/HU ngày 15/12/2022 của Ban Chấp hành Đảng bộ huyện; Nghị quyết số 05-NQ/ĐU ngày 10/1/2023 của Ban Chấp hành Đảng bộ xã; '
        + 'Nghị quyết số 07-NQ/TU ngày 12/3/2021 của Ban Chấp hành Đảng bộ tỉnh; Nghị quyết số 09-NQ/HU ngày 12/3/2021 của Ban Chấp hành Đảng bộ thị xã.\n';
      assert.deepStrictEqual(brief(ok, run(conflict, ok)), []);
      const bad = HEAD + 'Nghị quyết số 21-NQ/TU ngày 15/12/2022 của Ban Chấp hành Đảng bộ huyện; Nghị quyết số 05-NQ/HU ngày 10/1/2023 của Ban Chấp hành Đảng bộ tỉnh.\n';
      assert.deepStrictEqual(brief(bad, run(conflict, bad)).map(s => s.replace(/^\S+ /, '')),
        ['error citation.conflict Ban Chấp hành Đảng bộ huyện', 'error citation.conflict Ban Chấp hành Đảng bộ tỉnh']);
    });

    test('issuer phrase vs issuer code: NQ/TW "của Thành ủy", NĐ-CP "của Quốc hội"', () => {
      const text = HEAD + 'Nghị quyết số 31-NQ/TW ngày 30/12/2022 của Thành ủy; Nghị định số 73/2023/NĐ-CP ngày 29/9/2023 của Quốc hội.\n';
      assert.deepStrictEqual(brief(text, run(conflict, text)).map(s => s.replace(/^\S+ /, '')), ['error citation.conflict Thành ủy', 'error citation.conflict Quốc hội']);
    });

    test('a ministry is an issuer: its circular is identified by it, and another ministry conflicts with the code', () => {
      const text = HEAD + 'Thực hiện Thông tư số 01/2023/TT-BNV của Bộ Nội vụ; Thông tư số 05/2024/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội.\n\nQuyết định số 12/2024/QĐ-BYT của Bộ Tài chính.\n';
      // (the first two name their issuer: no "not cited in full" warning)
      assert.deepStrictEqual(brief(text, run(unresolved, text)), []);
      assert.deepStrictEqual(run(conflict, text).map(f => covered(text, f)), ['Bộ Tài chính']);
    });

    test('type word vs type code', () => {
      const text = HEAD + 'Nghị quyết số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị.\n';
      const fs = run(conflict, text);
      assert.deepStrictEqual(fs.map(f => covered(text, f)), ['KL']);
    });

    test('Bộ Chính trị vs Hội nghị Trung ương for one /TW number conflicts; Thành ủy vs its Ban Thường vụ does not', () => {
      const text = HEAD + 'Nghị quyết số 28-NQ/TW ngày 17/11/2022 của Hội nghị Trung ương 6; Nghị quyết số 28-NQ/TW của Bộ Chính trị.\n\nNghị quyết số 14-NQ/TU ngày 06/11/2018 của Ban Thường vụ Thành ủy; Nghị quyết số 14-NQ/TU của Thành ủy.\n';
      assert.deepStrictEqual(run(conflict, text).map(f => covered(text, f)), ['Bộ Chính trị']);
    });
  });

  suite('citation.invalid-date', () => {
    test('impossible dates (31/4, 29/2 in a common year) are errors', () => {
      const text = HEAD + 'Nghị quyết số 05-NQ/TU ngày 31/4/2021 của Thành ủy; Kết luận số 06-KL/TU ngày 29 tháng 2 năm 2023 của Thành ủy; Kết luận số 07-KL/TU ngày 29/2/2020 của Thành ủy.\n';
      assert.deepStrictEqual(run(invalidDate, text).map(f => `${f.severity} ${covered(text, f)}`), ['error 31/4/2021', 'error 29 tháng 2 năm 2023']);
    });

    test('date year vs symbol year: error', () => {
      const text = HEAD + 'Nghị định số 73/2023/NĐ-CP ngày 29/9/2022 của Chính phủ.\n';
      const fs = run(invalidDate, text);
      assert.deepStrictEqual(fs.map(f => f.severity), ['error']);
      assert.match(fs[0]!.message, /2022.*73\/2023\/NĐ-CP.*2023/);
    });

    test('a date after coordinated citations is not given to a member whose own symbol rules it out (another year or issuer)', () => {
      // the Government's decree of 2024 is not of the Politburo regulation's day, nor is the province's decision
      const text = HEAD + 'Thực hiện Nghị định số 147/2024/NĐ-CP, Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị.\n\n'
        + 'Theo Nghị định số 88/2023/NĐ-CP ngày 15/7/2023 của Chính phủ; Nghị định số 88/2023/NĐ-CP và Quyết định số 42/2023/QĐ-UBND ngày 20/9/2023 của Ủy ban nhân dân tỉnh.\n';
      assert.deepStrictEqual(run([invalidDate, conflict], text).map(f => `${f.code} ${covered(text, f)}`), []);
      const analysed = analyzeCitations(parseDocument('file:///t.md', text));
      const decree = analysed.mentions.find(m => m.symbol?.canonical === '147/2024/NĐ-CP')!;
      const rule = analysed.mentions.find(m => m.symbol?.canonical === '124-QĐ/TW')!;
      assert.strictEqual(decree.date, undefined);
      assert.strictEqual(rule.date?.iso, '2023-10-04');
      // members of one series still share it (citations.md 2.5: "217-QĐ/TW và … 218-QĐ/TW ngày 12 tháng 12 năm 2013")
      const shared = HEAD + 'Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị; Nghị định số 73/2023/NĐ-CP, 74/2023/NĐ-CP ngày 29/9/2022 của Chính phủ.\n';
      assert.deepStrictEqual(analyzeCitations(parseDocument('file:///s.md', shared)).mentions.filter(m => m.symbol).map(m => `${m.symbol!.canonical} ${m.date?.iso}`),
        ['217-QĐ/TW 2013-12-12', '218-QĐ/TW 2013-12-12', '73/2023/NĐ-CP undefined', '74/2023/NĐ-CP 2022-09-29']);
      assert.deepStrictEqual(run(invalidDate, shared).map(f => `${f.severity} ${covered(shared, f)}`), ['error 29/9/2022']);
    });

    test('after the bulletin date found in the text, or the configured one: warning', () => {
      const text = HEAD + 'Nghị quyết số 05-NQ/TU ngày 15/01/2024 của Thành ủy.\n';
      assert.deepStrictEqual(run(invalidDate, text).map(f => f.severity), ['warning']);
      assert.deepStrictEqual(run(invalidDate, text, { bulletinDate: '2024-06-01' }), []);
      const noHead = 'Nghị quyết số 05-NQ/TU ngày 15/01/2024 của Thành ủy.\n';
      assert.deepStrictEqual(run(invalidDate, noHead), []);
      assert.deepStrictEqual(run(invalidDate, noHead, { bulletinDate: '2023-12-02' }).map(f => f.severity), ['warning']);
    });

    test('the bulletin date: the meeting\'s, with words between the date and "Hội nghị", else the place-and-date line; never a cited document\'s date', () => {
      const cite = 'Thực hiện Kết luận số 19-KL/TU ngày 15/6/2024 của Ban Thường vụ Tỉnh ủy.\n';
      const dated = (head: string) => run(invalidDate, head + cite).map(f => f.message);
      // a meeting on 20/7/2024: the conclusion of 15/6/2024 is before it, fine; a meeting on 10/6/2024: after it
      assert.deepStrictEqual(dated('Ngày 20/7/2024, tại Hội trường Tỉnh ủy, Ban Chấp hành Đảng bộ tỉnh tổ chức\nHội nghị lần thứ 15.\n\n'), []);
      assert.deepStrictEqual(dated('Ngày 10 tháng 6 năm 2024, Tỉnh ủy tổ chức Hội nghị lần thứ 15.\n\n'), ['“15/6/2024” is after the bulletin\'s own date (10/6/2024)']);
      assert.deepStrictEqual(dated('*Hà Lâm, ngày 10 tháng 6 năm 2024*\n\nTHÔNG BÁO\n\n'), ['“15/6/2024” is after the bulletin\'s own date (10/6/2024)']);
      // a blank line or a full stop between a date and "Hội nghị": not the meeting's date
      assert.deepStrictEqual(dated('Ngày 10 tháng 6 năm 2024 là ngày đẹp.\n\nHội nghị lần thứ 15.\n\n'), []);
      assert.deepStrictEqual(dated('Ngày 10 tháng 6 năm 2024\n\nHội nghị lần thứ 15.\n\n'), []);
      // a cited document's date before "Hội nghị" (seed 003: "Nghị quyết 05-NQ/TU ngày 15 tháng 9 năm 2021 Hội nghị lần
      // thứ tám …") is not the bulletin's: the place-and-date line below it is
      const text = 'Nghị quyết 05-NQ/TU ngày 15 tháng 9 năm 2021 Hội nghị lần thứ tám Ban Chấp hành Đảng bộ thành phố.\n\n' + cite;
      assert.deepStrictEqual(run(invalidDate, text), []);
    });

    test('a cited date in a year after the bulletin\'s: the latest year a digit away that fits, as the suggestion', () => {
      const text = 'Ngày 20 tháng 7 năm 2024, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị.\n\nThực hiện Quy định số 69-QĐ/TW ngày 06 tháng 7 năm 2032 của Bộ Chính trị; Kết luận số 21-KL/TW ngày 25/10/2034 của Ban Chấp hành Trung ương; Chỉ thị số 05-CT/TU ngày 01/8/2024 của Tỉnh ủy.\n';
      const fs = run(invalidDate, text);
      assert.deepStrictEqual(fs.map(f => `${covered(text, f)} ${JSON.stringify(f.suggestions)}`), [
        '06 tháng 7 năm 2032 ["06 tháng 7 năm 2022"]',
        // 25/10/2024 is after 20/7/2024 too: 2014 is the latest year that fits
        '25/10/2034 ["25/10/2014"]',
        // the same year, a later day: no year to offer
        '01/8/2024 []',
      ]);
      assert.match(fs[0]!.message, /after the bulletin's own date \(20\/7\/2024\); 2022 was probably meant/);
      const vi = run(invalidDate, text, { locale: 'vi' });
      assert.match(vi[0]!.message, /sau ngày của chính bản tin \(20\/7\/2024\); có lẽ là năm 2022/);
    });

    test('"N năm thực hiện" must fit the document year and the bulletin year (hint)', () => {
      const text = HEAD + 'Báo cáo sơ kết 03 năm thực hiện Nghị quyết số 26-NQ/TU ngày 14/10/2020 của Thành ủy; tổng kết 10 năm thực hiện Nghị quyết số 27-NQ/TU ngày 01/3/2020 của Thành ủy.\n';
      assert.deepStrictEqual(run(invalidDate, text).map(f => `${f.severity} ${covered(text, f)}`), ['hint 10 năm']);
    });

    test('QHk term and Party khóa vs the date: warnings', () => {
      const text = HEAD + 'Nghị quyết số 29/2020/QH15 ngày 10/3/2020 của Quốc hội; Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị Trung ương 4 (khóa XII).\n';
      assert.deepStrictEqual(run(invalidDate, text).map(f => `${f.severity} ${covered(text, f)}`), ['warning 10/3/2020', 'warning 25/10/2021']);
    });

    test('an undated QH symbol whose year is outside the term: the year, with the one year of the term a digit away', () => {
      // OCR read 2022 as 2032 in "13/2022/QH15"; no date to check it by
      const text = HEAD + 'Triển khai Nghị quyết số 13/2032/QH15 của Quốc hội về chính sách tài khóa; Luật số 43/2019/QH15; Nghị quyết số 98/2023/QH15 của Quốc hội.\n';
      const fs = run(invalidDate, text);
      assert.deepStrictEqual(fs.map(f => `${f.severity} ${covered(text, f)} ${JSON.stringify(f.suggestions)}`), ['warning 2032 ["2022"]', 'warning 2019 []']);
      assert.match(fs[0]!.message, /outside the term of the 15th National Assembly \(2021–2026\)/);
    });
  });

  suite('on the seeds', () => {
    test('003 (clean) has no citation error or warning; only the "ngày ngày" hint', () => {
      const text = seedText(SEED_003);
      const fs = run(citationRules, text);
      assert.deepStrictEqual(brief(text, fs), ['51:120 hint citation.malformed ngày ']);
    });

    test('000: the anomalies of citations.md 2.9, and nothing else', () => {
      const text = seedText(SEED_000);
      assert.deepStrictEqual(brief(text, run(citationRules, text)), [
        '111:70 hint citation.unresolved Nghị quyết \nĐại hội XI',
        '307:11 error citation.unresolved Nghị quyết 24 của Bộ Chính trị',
        '384:36 information citation.unresolved Chỉ thị số 26-CT/TW của Ban Bí thư',
        '548:11 information citation.unresolved Kết luận số 14-KL/TW của Bộ Chính tri',
        '584:37 information citation.unresolved Quy định sổ 131-QD/TW',
        '584:53 warning citation.malformed QD',
        '584:60 information citation.unresolved 132-QD/TW của Bộ \nChính trị',
        '584:64 warning citation.malformed QD',
        '589:38 warning citation.unresolved Quy định 1374-QĐ/TƯ',
        '589:55 warning citation.malformed TƯ',
        '589:61 warning citation.unresolved Quy định 1629- \nQĐ/TU',
        '609:63 information citation.unresolved Kết luận số 48- \nKL/TW cua Bộ Chính trị',
        '622:80 warning citation.malformed TƯ',
        '623:1 warning citation.unresolved Kết luận sổ 306-KL/TU',
        '627:60 warning citation.malformed UBTVQH',
      ]);
    });
  });
});
