// spelling.misread-term: a term outside the Vietnamese lexicon written once, where OCR could
// have made it from a term the same document writes at least four times.
import * as assert from 'assert';
import { lintText, resolveConfig, type Finding, type PartialConfig } from '../../../../../server/src/engine/index';
import { loadDefaultResources } from '../../../../../server/src/engine/resources';
import { spellingRules } from '../../../../../server/src/engine/rules/spelling/index';
import { ocrDistance, allowedDistance, plainLower } from '../../../../../server/src/engine/rules/spelling/terms';

const resources = loadDefaultResources();
function terms(text: string, cfg: PartialConfig = {}): Finding[] {
  return lintText('file:///t.md', text, resolveConfig(cfg), { resources, only: spellingRules }).filter(f => f.code === 'spelling.misread-term');
}
const shown = (text: string, cfg: PartialConfig = {}) => terms(text, cfg).map(f => `${text.slice(f.offsets.start, f.offsets.end)} -> ${f.suggestions[0]}`);

// four correct "LibreOffice" in Vietnamese help text
const HELP = [
  'Mở LibreOffice và chọn Công cụ, Tùy chọn để thay đổi thiết lập.',
  'Trong LibreOffice, bảng tính được lưu theo định dạng mở.',
  'Bạn có thể cài thêm phần mở rộng cho LibreOffice từ trang web.',
  'Tài liệu này áp dụng cho LibreOffice phiên bản mới nhất.',
].join('\n') + '\n';

suite('rules/spelling misread-term', () => {
  test('a misreading of a term the document repeats is reported with the term as its fix', () => {
    const text = HELP + 'Nhấn phím F1 để mở trợ giúp của LibreOtfice khi cần.\n';
    const fs_ = terms(text);
    assert.deepStrictEqual(shown(text), ['LibreOtfice -> LibreOffice']);
    assert.strictEqual(fs_[0]!.severity, 'warning');
    assert.strictEqual(fs_[0]!.range.start.line, 4);
    assert.strictEqual(fs_[0]!.range.start.character, text.split('\n')[4]!.indexOf('LibreOtfice'));
    assert.match(fs_[0]!.message, /LibreOffice.*4 times/);
    // never applied by fix-all: a name may be right
    assert.ok(!fs_[0]!.safe);
    // OCR adds marks to Latin letters too
    assert.deepStrictEqual(shown(HELP + 'Nhấn phím F1 để mở trợ giúp của LibreÓffice khi cần.\n'), ['LibreÓffice -> LibreOffice']);
    assert.deepStrictEqual(shown(HELP + 'Nhấn phím F1 để mở trợ giúp của LíbreOflice khi cần.\n'), ['LíbreOflice -> LibreOffice']);
    // a misreading in capitals gets the term in capitals
    assert.deepStrictEqual(shown(HELP + 'HƯỚNG DẪN SỬ DỤNG LIBREOFFLCE CHO NGƯỜI MỚI\n'), ['LIBREOFFLCE -> LIBREOFFICE']);
  });

  test('the messages follow the display language', () => {
    const text = HELP + 'Nhấn phím F1 để mở trợ giúp của LibreOtfice khi cần.\n';
    const vi = lintText('file:///t.md', text, resolveConfig({ locale: 'vi' }), { resources, only: spellingRules }).find(f => f.code === 'spelling.misread-term');
    assert.match(vi!.message, /bị nhận dạng sai.*4 lần/);
  });

  test('not a misreading: a term written fewer than four times, word forms, other cases, user words', () => {
    const three = HELP.split('\n').slice(0, 3).join('\n') + '\n';
    assert.deepStrictEqual(shown(three + 'Nhấn phím F1 để mở trợ giúp của LibreOtfice khi cần.\n'), []);
    // "options" beside "option", "Office" inside "LibreOffice": word forms, not damage
    const opt = 'Chọn option này để bật. Mỗi option có một mô tả. Đặt option trong tệp. Xem option mặc định.\n';
    assert.deepStrictEqual(shown(opt + 'Danh sách các options được liệt kê bên dưới.\n'), []);
    // the same letters in another case
    assert.deepStrictEqual(shown(HELP + 'Mở LIBREOFFICE từ trình đơn chính của máy.\n'), []);
    // the user's word
    assert.deepStrictEqual(shown(HELP + 'Nhấn phím F1 để mở trợ giúp của LibreOtfice khi cần.\n', { words: ['LibreOtfice'] }), []);
    // a Vietnamese syllable is the syllable checks' business, never a term ("Thu" beside "Thủ")
    const viet = 'Thành phố Thủ Đức. Thành phố Thủ Đức. Thành phố Thủ Đức. Thành phố Thủ Đức. Thành phố Thu Đức.\n';
    assert.deepStrictEqual(shown(viet), []);
  });

  test('English text is left alone: its rare words are other words ("some" / "same")', () => {
    const en = ['The same file is read twice. The same rule applies.', 'Use the same name and the same path.', 'Some users prefer the other mode.'].join('\n') + '\n';
    assert.deepStrictEqual(shown(en), []);
    // and in a Vietnamese document, a line with no Vietnamese on it is not judged either
    assert.deepStrictEqual(shown(HELP + 'See the LibreOtfice manual.\n'), []);
  });

  test('disable comments silence it like any spelling check', () => {
    const text = HELP + '<!-- bulletin-disable-next-line -->\nNhấn phím F1 để mở trợ giúp của LibreOtfice khi cần.\n';
    assert.deepStrictEqual(shown(text), []);
  });

  test('the OCR distance: look-alike letters and letter groups are cheap, other edits dear', () => {
    assert.strictEqual(ocrDistance('libreotfice', 'libreoffice', 3), 1); // t / f
    assert.strictEqual(ocrDistance('makelile', 'makefile', 3), 1); // l / f
    assert.strictEqual(ocrDistance('tirle', 'title', 1), 1); // r / t
    assert.strictEqual(ocrDistance('modern', 'modem', 2), 1); // rn / m
    assert.ok(ocrDistance('defines', 'defined', 2) > 2, 'd / s is no look-alike');
    assert.ok(ocrDistance('table', 'cable', 1) > 1, 't / c is no look-alike');
    assert.strictEqual(allowedDistance(4), 1);
    assert.strictEqual(allowedDistance(6), 2);
    assert.strictEqual(allowedDistance(11), 3);
    assert.strictEqual(plainLower('LábrcOllice'), 'labrcollice');
  });

  test('pairs far apart in letters are skipped before the distance table, and none within reach is', () => {
    // "Staff" read as "Stall": a group confusion (ll / ff) that changes four letter counts at
    // distance 1, the most one unit can change; the check must still compare them
    assert.strictEqual(ocrDistance('stall', 'staff', 1), 1);
    const staff = 'Mở Staff để xem. Trong Staff có bảng. Bạn dùng Staff mỗi ngày. Tài liệu về Staff ở đây.\n';
    assert.deepStrictEqual(shown(staff + 'Nhấn phím F1 để mở trợ giúp của Stall khi cần.\n'), ['Stall -> Staff']);
  });
});
