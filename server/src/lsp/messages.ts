// The server's own user-facing strings (engine findings carry their own). English and Vietnamese.
import type { Locale, Msg } from '../engine/types';

export const M = {
  replaceWith: (s: string): Msg => ({ en: `Replace with '${s}'`, vi: `Thay bằng '${s}'` }),
  deleteText: (): Msg => ({ en: 'Delete', vi: 'Xoá' }),
  addWord: (w: string): Msg => ({ en: `Add '${w}' to workspace words`, vi: `Thêm '${w}' vào danh sách từ của không gian làm việc` }),
  restoreAllMarks: (n: number): Msg => ({ en: `Restore the diacritics on all ${n} lines typed without them`, vi: `Khôi phục dấu cho cả ${n} dòng viết thiếu dấu` }),
  restoreSelection: (): Msg => ({ en: 'Restore the Vietnamese diacritics of the selection', vi: 'Thêm dấu tiếng Việt cho đoạn đã chọn' }),
  fixAll: (): Msg => ({ en: 'Fix all confident errors in this file', vi: 'Sửa mọi lỗi chắc chắn trong tệp này' }),
  nothingToFix: (): Msg => ({ en: 'Bulletin: nothing to fix automatically in this file.', vi: 'Bulletin: không có lỗi nào sửa tự động được trong tệp này.' }),
  wordAdded: (w: string, f: string): Msg => ({ en: `Added '${w}' to ${f}`, vi: `Đã thêm '${w}' vào ${f}` }),
  noFolder: (): Msg => ({ en: 'Bulletin: this document is not in a folder on disk; cannot add a workspace word.', vi: 'Bulletin: tài liệu này không nằm trong thư mục trên đĩa; không thể thêm từ.' }),
  moreProblems: (shown: number, total: number): Msg => ({
    en: `Bulletin: showing the ${shown} most severe of ${total} problems in this file (setting bulletin.maxProblems). Fix All and the command line see all of them.`,
    vi: `Bulletin: đang hiển thị ${shown} lỗi nặng nhất trong ${total} lỗi của tệp này (thiết lập bulletin.maxProblems). Sửa tất cả và dòng lệnh xét mọi lỗi.`,
  }),
  userDataProblem: (m: string): Msg => ({ en: `Bulletin: ${m}`, vi: `Bulletin: ${m}` }),
};

export function t(m: Msg, locale: Locale): string { return locale === 'vi' ? m.vi : m.en; }

export function localeOf(l: unknown): Locale {
  return typeof l === 'string' && /^vi\b/i.test(l) ? 'vi' : 'en';
}
