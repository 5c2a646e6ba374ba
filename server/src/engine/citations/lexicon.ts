// Data tables of citations.md: document type words and codes, issuer bodies and their codes.
// Keep them data: 2025 reorganisations change codes, and new ones are added here only.
import { looksAlike } from '../lookalike';

export interface TypeWord {
  /** Folded words, e.g. ["nghi", "quyet"]. */
  words: string[];
  /** Canonical Vietnamese name. */
  name: string;
  /** Key prefix (inventory convention: QĐi for Quy định, QĐ for Quyết định). */
  code: string;
  /** Type codes the symbol may carry with this type word (Party and State). */
  codes: string[];
}

export const TYPE_WORDS: TypeWord[] = [
  { words: ['chuong', 'trinh', 'hanh', 'dong'], name: 'Chương trình hành động', code: 'CTrHĐ', codes: ['CTrHĐ', 'CTr'] },
  { words: ['thong', 'bao', 'ket', 'luan'], name: 'Thông báo kết luận', code: 'TB', codes: ['TB'] },
  { words: ['thong', 'tu', 'lien', 'tich'], name: 'Thông tư liên tịch', code: 'TTLT', codes: ['TTLT'] },
  { words: ['nghi', 'quyet', 'lien', 'tich'], name: 'Nghị quyết liên tịch', code: 'NQLT', codes: ['NQLT'] },
  { words: ['chuong', 'trinh'], name: 'Chương trình', code: 'CTr', codes: ['CTr'] },
  { words: ['nghi', 'quyet'], name: 'Nghị quyết', code: 'NQ', codes: ['NQ'] },
  { words: ['nghi', 'dinh'], name: 'Nghị định', code: 'NĐ', codes: ['NĐ'] },
  { words: ['ket', 'luan'], name: 'Kết luận', code: 'KL', codes: ['KL'] },
  { words: ['quyet', 'dinh'], name: 'Quyết định', code: 'QĐ', codes: ['QĐ'] },
  { words: ['quy', 'dinh'], name: 'Quy định', code: 'QĐi', codes: ['QĐ', 'QĐi', 'QyĐ'] },
  { words: ['qui', 'dinh'], name: 'Quy định', code: 'QĐi', codes: ['QĐ', 'QĐi', 'QyĐ'] },
  { words: ['chi', 'thi'], name: 'Chỉ thị', code: 'CT', codes: ['CT'] },
  { words: ['thong', 'bao'], name: 'Thông báo', code: 'TB', codes: ['TB'] },
  { words: ['huong', 'dan'], name: 'Hướng dẫn', code: 'HD', codes: ['HD'] },
  { words: ['quy', 'che'], name: 'Quy chế', code: 'QC', codes: ['QC'] },
  { words: ['thong', 'tri'], name: 'Thông tri', code: 'TT', codes: ['TT'] },
  { words: ['thong', 'tu'], name: 'Thông tư', code: 'TT', codes: ['TT'] },
  { words: ['ke', 'hoach'], name: 'Kế hoạch', code: 'KH', codes: ['KH'] },
  { words: ['de', 'an'], name: 'Đề án', code: 'ĐA', codes: ['ĐA'] },
  { words: ['bao', 'cao'], name: 'Báo cáo', code: 'BC', codes: ['BC'] },
  { words: ['to', 'trinh'], name: 'Tờ trình', code: 'TTr', codes: ['TTr'] },
  { words: ['cong', 'van'], name: 'Công văn', code: 'CV', codes: ['CV'] },
  { words: ['phap', 'lenh'], name: 'Pháp lệnh', code: 'PL', codes: [] },
  { words: ['luat'], name: 'Luật', code: 'Luật', codes: [] },
];

/**
 * Type-word code -> canonical name (for codes met without a type word). Without a prototype, so
 * that a look-up by a string of the text or of a catalogue ("constructor") finds nothing.
 */
export const TYPE_NAME_BY_CODE: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  NQ: 'Nghị quyết', NĐ: 'Nghị định', KL: 'Kết luận', QĐ: 'Quyết định', QĐi: 'Quy định', QyĐ: 'Quy định',
  CT: 'Chỉ thị', CTr: 'Chương trình', CTrHĐ: 'Chương trình hành động', TB: 'Thông báo', HD: 'Hướng dẫn',
  QC: 'Quy chế', TT: 'Thông tư', KH: 'Kế hoạch', ĐA: 'Đề án', BC: 'Báo cáo', TTr: 'Tờ trình', CV: 'Công văn',
  TTLT: 'Thông tư liên tịch', NQLT: 'Nghị quyết liên tịch', PL: 'Pháp lệnh', Luật: 'Luật', L: 'Lệnh',
});

export const PARTY_TYPES = ['NQ', 'QĐi', 'QĐ', 'CTrHĐ', 'CTr', 'CT', 'KL', 'QC', 'TTr', 'TT', 'HD', 'TB', 'TC', 'BC', 'KH',
  'ĐA', 'PA', 'DA', 'BB', 'CV', 'GGT', 'GCN', 'GĐĐ', 'GNP', 'GM', 'PG', 'PC', 'BS'];
export const STATE_TYPES = ['NĐ', 'NQLT', 'NQ', 'QĐ', 'TTLT', 'TT', 'CT', 'L', 'QyĐ', 'QC', 'TB', 'TC', 'HD', 'CTr', 'KH',
  'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ', 'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB'];

const PARTY_TYPE_SET = new Set(PARTY_TYPES);
const STATE_TYPE_SET = new Set(STATE_TYPES);

/** Party issuer codes (levels and staff bodies) known to exist. */
export const PARTY_ISSUERS = new Set(['TW', 'TU', 'HU', 'ĐU', 'CB', 'ĐH', 'VPTW', 'BTCTW', 'BTGTW', 'BDVTW', 'UBKTTW', 'BNCTW',
  'BKTTW', 'BĐNTW', 'VPTU', 'BTCTU', 'BTGTU', 'UBKTTU', 'BDVTU', 'VPHU', 'BTCHU', 'BTGHU', 'UBKTHU', 'ĐUK', 'ĐUQSTW', 'ĐUCA']);

/** Level codes a Party issuer is written with (the last two letters of a staff body code). */
export function partyLevel(issuer: string): string {
  if (issuer === 'CB' || issuer === 'ĐH') return issuer;
  if (issuer.startsWith('ĐU')) return 'ĐU';
  const tail = issuer.slice(-2);
  return tail === 'TW' || tail === 'TU' || tail === 'HU' ? tail : issuer;
}

/**
 * A code as written -> its canonical form with diacritics, if the written form differs only by
 * a lost Đ (QD -> QĐ, HDND -> HĐND) or the look-alike Ð. Returns null when nothing to repair.
 */
export function repairDiacritics(code: string, valid: (c: string) => boolean): string | null {
  const c = code.replace(/Ð/g, 'Đ');
  if (valid(c)) return c === code ? null : c;
  if (!c.includes('D')) return null;
  // try every D -> Đ (codes are short: at most 2^3 variants in practice)
  const idx: number[] = [];
  for (let i = 0; i < c.length; i++) if (c[i] === 'D') idx.push(i);
  if (idx.length > 4) return null;
  for (let mask = 1; mask < 1 << idx.length; mask++) {
    const chars = c.split('');
    idx.forEach((p, k) => { if (mask & (1 << k)) chars[p] = 'Đ'; });
    const cand = chars.join('');
    if (valid(cand)) return cand;
  }
  return null;
}

export const isPartyType = (c: string): boolean => PARTY_TYPE_SET.has(c);

/** `written` is another code of the same length with look-alike letters in place of `code`'s ("KI" for KL, "TV" for TU). */
export function isLookalikeCode(written: string, code: string): boolean {
  const a = [...written], b = [...code];
  if (written === code || a.length !== b.length) return false;
  return a.every((ch, k) => looksAlike(ch, b[k]!));
}
export const isStateType = (c: string): boolean => STATE_TYPE_SET.has(c);

const STATE_ISSUERS = new Set(['CP', 'TTg', 'CTN', 'VPCP', 'HĐND', 'UBND', 'NHNN', 'TTCP', 'TANDTC', 'HĐTP', 'VKSTC', 'VKSNDTC',
  'KTNN', 'BTC', 'BYT', 'BGDĐT', 'BNV', 'BCA', 'BQP', 'BTP', 'BCT', 'BXD', 'BKHCN', 'BTNMT', 'BNNPTNT', 'BNNMT', 'BLĐTBXH',
  'BKHĐT', 'BGTVT', 'BTTTT', 'BVHTTDL', 'BNG', 'UBTVQH', 'QH', 'ĐCTUBTWMTTQVN', 'MTTQVN']);

/** The ministries' codes (B…) among STATE_ISSUERS. */
const MINISTRY_CODES = new Set([...STATE_ISSUERS].filter(c => c.length >= 3 && c[0] === 'B'));

/** A code without its trailing digits (UBTVQH14 -> UBTVQH). Linear, no regex. */
export function stripDigits(code: string): string {
  let e = code.length;
  while (e > 0 && code.charCodeAt(e - 1) >= 48 && code.charCodeAt(e - 1) <= 57) e--;
  return code.slice(0, e);
}

/**
 * A State issuer group is known (legislature digits stripped). A province's departments (Sở) sign
 * with their ministry's letters, S for B: "1875/SKHĐT-TH" is the Sở Kế hoạch và Đầu tư's,
 * "1146/SNV-NCC" the Sở Nội vụ's.
 */
export function isKnownStateIssuer(code: string): boolean {
  const c = stripDigits(code);
  return STATE_ISSUERS.has(c) || (c.length >= 3 && c[0] === 'S' && MINISTRY_CODES.has('B' + c.slice(1)));
}

// ---------- issuer bodies ----------

/** Folded words, name and issuer code of the ministries and ministry-level bodies (STATE_ISSUERS). */
const MINISTRIES: [string, string, string][] = [
  ['bo quoc phong', 'Bộ Quốc phòng', 'BQP'], ['bo cong an', 'Bộ Công an', 'BCA'], ['bo ngoai giao', 'Bộ Ngoại giao', 'BNG'],
  ['bo noi vu', 'Bộ Nội vụ', 'BNV'], ['bo tu phap', 'Bộ Tư pháp', 'BTP'], ['bo ke hoach va dau tu', 'Bộ Kế hoạch và Đầu tư', 'BKHĐT'],
  ['bo tai chinh', 'Bộ Tài chính', 'BTC'], ['bo cong thuong', 'Bộ Công Thương', 'BCT'],
  ['bo nong nghiep va phat trien nong thon', 'Bộ Nông nghiệp và Phát triển nông thôn', 'BNNPTNT'],
  ['bo nong nghiep va moi truong', 'Bộ Nông nghiệp và Môi trường', 'BNNMT'], ['bo giao thong van tai', 'Bộ Giao thông vận tải', 'BGTVT'],
  ['bo xay dung', 'Bộ Xây dựng', 'BXD'], ['bo tai nguyen va moi truong', 'Bộ Tài nguyên và Môi trường', 'BTNMT'],
  ['bo thong tin va truyen thong', 'Bộ Thông tin và Truyền thông', 'BTTTT'], ['bo lao dong', 'Bộ Lao động - Thương binh và Xã hội', 'BLĐTBXH'],
  ['bo van hoa', 'Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL'], ['bo khoa hoc va cong nghe', 'Bộ Khoa học và Công nghệ', 'BKHCN'],
  ['bo giao duc va dao tao', 'Bộ Giáo dục và Đào tạo', 'BGDĐT'], ['bo y te', 'Bộ Y tế', 'BYT'],
  ['ngan hang nha nuoc viet nam', 'Ngân hàng Nhà nước Việt Nam', 'NHNN'], ['ngan hang nha nuoc', 'Ngân hàng Nhà nước', 'NHNN'],
  ['thanh tra chinh phu', 'Thanh tra Chính phủ', 'TTCP'], ['van phong chinh phu', 'Văn phòng Chính phủ', 'VPCP'],
  ['kiem toan nha nuoc', 'Kiểm toán Nhà nước', 'KTNN'],
];

export interface IssuerBody {
  /** Folded word pattern; '#' = a number, '*' = any one word (an ordinal such as "tam"). */
  words: string[];
  /** Canonical name for the hover card. */
  name: string;
  /** Body id: same id = same body. */
  body: string;
  /** 'party' or 'state'. */
  order: 'party' | 'state';
  /** Issuer codes (party level code or state issuer group) this body issues under. */
  codes: string[];
  /** Optional locality words that may follow and belong to the phrase. */
  tail?: string[][];
  /**
   * The body and codes a locality in the tail makes it ("Ban Chấp hành Đảng bộ huyện" is the
   * Huyện ủy, numbering under HU; "... Đảng bộ xã" a commune's Đảng ủy, ĐU), keyed by the
   * locality's folded words; a tail not listed keeps `body` and `codes`.
   */
  tailBodies?: Record<string, { body: string; codes: string[] }>;
}

const LOCAL = [['thanh', 'pho'], ['tinh'], ['quan'], ['huyen'], ['thi', 'xa'], ['xa'], ['phuong'], ['dac', 'khu']];
/**
 * A party committee's executive by its locality (citations.md 1.2: HU for a district, a town or
 * a city under a province, TU for a province or a centrally run city, ĐU for a commune's).
 */
const PARTY_LOCAL = {
  tail: LOCAL,
  tailBodies: {
    'thanh pho': { body: 'TU', codes: ['TU', 'HU'] }, tinh: { body: 'TU', codes: ['TU'] },
    quan: { body: 'HU', codes: ['HU'] }, huyen: { body: 'HU', codes: ['HU'] }, 'thi xa': { body: 'HU', codes: ['HU'] },
    xa: { body: 'ĐU', codes: ['ĐU'] }, phuong: { body: 'ĐU', codes: ['ĐU'] }, 'dac khu': { body: 'ĐU', codes: ['ĐU'] },
  },
};

export const ISSUERS: IssuerBody[] = [
  { words: ['hoi', 'nghi', 'lan', 'thu', '*', 'ban', 'chap', 'hanh', 'trung', 'uong', 'dang'], name: 'Hội nghị Ban Chấp hành Trung ương', body: 'HNTW', order: 'party', codes: ['TW'] },
  { words: ['hoi', 'nghi', 'lan', 'thu', '*', 'ban', 'chap', 'hanh', 'trung', 'uong'], name: 'Hội nghị Ban Chấp hành Trung ương', body: 'HNTW', order: 'party', codes: ['TW'] },
  { words: ['hoi', 'nghi', 'trung', 'uong', '#'], name: 'Hội nghị Trung ương', body: 'HNTW', order: 'party', codes: ['TW'] },
  { words: ['ban', 'chap', 'hanh', 'trung', 'uong', 'dang'], name: 'Ban Chấp hành Trung ương Đảng', body: 'BCHTW', order: 'party', codes: ['TW'] },
  { words: ['ban', 'chap', 'hanh', 'trung', 'uong'], name: 'Ban Chấp hành Trung ương', body: 'BCHTW', order: 'party', codes: ['TW'] },
  { words: ['bo', 'chinh', 'tri'], name: 'Bộ Chính trị', body: 'BCT', order: 'party', codes: ['TW'] },
  { words: ['ban', 'bi', 'thu'], name: 'Ban Bí thư', body: 'BBT', order: 'party', codes: ['TW'] },
  { words: ['van', 'phong', 'trung', 'uong', 'dang'], name: 'Văn phòng Trung ương Đảng', body: 'VPTW', order: 'party', codes: ['VPTW'] },
  { words: ['ban', 'to', 'chuc', 'trung', 'uong'], name: 'Ban Tổ chức Trung ương', body: 'BTCTW', order: 'party', codes: ['BTCTW'] },
  { words: ['ban', 'tuyen', 'giao', 'trung', 'uong'], name: 'Ban Tuyên giáo Trung ương', body: 'BTGTW', order: 'party', codes: ['BTGTW'] },
  { words: ['hoi', 'nghi', 'lan', 'thu', '*', 'ban', 'chap', 'hanh', 'dang', 'bo'], name: 'Hội nghị Ban Chấp hành Đảng bộ', body: 'TU', order: 'party', codes: ['TU'], ...PARTY_LOCAL },
  { words: ['hoi', 'nghi', 'ban', 'chap', 'hanh', 'dang', 'bo'], name: 'Hội nghị Ban Chấp hành Đảng bộ', body: 'TU', order: 'party', codes: ['TU'], ...PARTY_LOCAL },
  { words: ['ban', 'chap', 'hanh', 'dang', 'bo'], name: 'Ban Chấp hành Đảng bộ', body: 'TU', order: 'party', codes: ['TU'], ...PARTY_LOCAL },
  { words: ['ban', 'thuong', 'vu', 'thanh', 'uy'], name: 'Ban Thường vụ Thành ủy', body: 'BTVTU', order: 'party', codes: ['TU'] },
  { words: ['ban', 'thuong', 'vu', 'tinh', 'uy'], name: 'Ban Thường vụ Tỉnh ủy', body: 'BTVTU', order: 'party', codes: ['TU'] },
  { words: ['thuong', 'truc', 'thanh', 'uy'], name: 'Thường trực Thành ủy', body: 'TTTU', order: 'party', codes: ['TU'] },
  { words: ['thuong', 'truc', 'tinh', 'uy'], name: 'Thường trực Tỉnh ủy', body: 'TTTU', order: 'party', codes: ['TU'] },
  { words: ['hoi', 'nghi', 'thanh', 'uy'], name: 'Hội nghị Thành ủy', body: 'TU', order: 'party', codes: ['TU'] },
  { words: ['thanh', 'uy'], name: 'Thành ủy', body: 'TU', order: 'party', codes: ['TU', 'HU'] },
  { words: ['tinh', 'uy'], name: 'Tỉnh ủy', body: 'TU', order: 'party', codes: ['TU'] },
  { words: ['ban', 'thuong', 'vu', 'huyen', 'uy'], name: 'Ban Thường vụ Huyện ủy', body: 'HU', order: 'party', codes: ['HU'] },
  { words: ['ban', 'thuong', 'vu', 'quan', 'uy'], name: 'Ban Thường vụ Quận ủy', body: 'HU', order: 'party', codes: ['HU'] },
  { words: ['huyen', 'uy'], name: 'Huyện ủy', body: 'HU', order: 'party', codes: ['HU'] },
  { words: ['quan', 'uy'], name: 'Quận ủy', body: 'HU', order: 'party', codes: ['HU'] },
  { words: ['thi', 'uy'], name: 'Thị ủy', body: 'HU', order: 'party', codes: ['HU'] },
  { words: ['ban', 'thuong', 'vu', 'dang', 'uy'], name: 'Ban Thường vụ Đảng ủy', body: 'ĐU', order: 'party', codes: ['ĐU'] },
  { words: ['dang', 'uy'], name: 'Đảng ủy', body: 'ĐU', order: 'party', codes: ['ĐU'] },
  { words: ['uy', 'ban', 'thuong', 'vu', 'quoc', 'hoi'], name: 'Ủy ban Thường vụ Quốc hội', body: 'UBTVQH', order: 'state', codes: ['UBTVQH'] },
  { words: ['quoc', 'hoi'], name: 'Quốc hội', body: 'QH', order: 'state', codes: ['QH'] },
  { words: ['thu', 'tuong', 'chinh', 'phu'], name: 'Thủ tướng Chính phủ', body: 'TTg', order: 'state', codes: ['TTg'] },
  { words: ['chinh', 'phu'], name: 'Chính phủ', body: 'CP', order: 'state', codes: ['CP'] },
  { words: ['chu', 'tich', 'nuoc'], name: 'Chủ tịch nước', body: 'CTN', order: 'state', codes: ['CTN'] },
  { words: ['hoi', 'dong', 'nhan', 'dan'], name: 'Hội đồng nhân dân', body: 'HĐND', order: 'state', codes: ['HĐND'], tail: LOCAL },
  { words: ['uy', 'ban', 'nhan', 'dan'], name: 'Ủy ban nhân dân', body: 'UBND', order: 'state', codes: ['UBND'], tail: LOCAL },
  { words: ['trung', 'uong'], name: 'Trung ương', body: 'BCHTW', order: 'party', codes: ['TW'] },
  // the ministries and the other bodies whose circulars and decisions bulletins cite ("Thông tư
  // số 01/2023/TT-BNV của Bộ Nội vụ"); a name with punctuation in it is matched up to there
  ...MINISTRIES.map(([words, name, code]) => ({ words: words.split(' '), name, body: code, order: 'state' as const, codes: [code] })),
];

/** Roman numerals used for khóa / congresses. */
export function romanValue(s: string): number | null {
  const r = s.toUpperCase();
  if (!/^[IVXL]{1,7}$/.test(r)) return null;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const a = v[r[i]!]!, b = i + 1 < r.length ? v[r[i + 1]!]! : 0;
    total += a < b ? -a : a;
  }
  return total > 0 ? total : null;
}

/** Start dates of the National Assembly terms (legislature k). */
export const QH_TERMS: { k: number; from: string }[] = [
  { k: 11, from: '2002-07-01' }, { k: 12, from: '2007-07-01' }, { k: 13, from: '2011-07-01' },
  { k: 14, from: '2016-07-01' }, { k: 15, from: '2021-07-01' }, { k: 16, from: '2026-04-01' },
];

/** Legislature in office on an ISO date. */
export function legislatureOn(iso: string): number | null {
  let k: number | null = null;
  for (const t of QH_TERMS) if (iso >= t.from) k = t.k;
  return k;
}

/** Years a legislature term covers (inclusive). */
export function legislatureYears(k: number): [number, number] | null {
  const i = QH_TERMS.findIndex(t => t.k === k);
  if (i < 0) return null;
  const from = Number(QH_TERMS[i]!.from.slice(0, 4));
  const next = QH_TERMS[i + 1];
  return [from, next ? Number(next.from.slice(0, 4)) : from + 5];
}

/** Central Party terms (khóa) by start date. */
export const PARTY_TERMS: { k: number; from: string }[] = [
  { k: 10, from: '2006-04-25' }, { k: 11, from: '2011-01-19' }, { k: 12, from: '2016-01-28' },
  { k: 13, from: '2021-02-01' }, { k: 14, from: '2026-01-23' },
];
