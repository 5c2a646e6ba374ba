// The citation rows of /work/shared/docs/seed-citation-inventory.md (sections 1 and 2),
// transcribed as test data: the inventory is the specification of recognition and resolution.
// Positions are 1-based line:column, ranges inclusive of the last character (as in the doc).
// `key` is what the mention resolves to inside its own bulletin (null = unresolved); `own` is
// the key its own text names when it is unresolved; `status` is the inventory's resolution.

export type Status = 'resolved' | 'unresolved' | 'forward' | 'named';
export type Form = 'full' | 'short' | 'alias' | 'named';

export interface InventoryRow {
  id: string;
  file: '000' | '003';
  start: [number, number];
  end: [number, number];
  form: Form;
  /** Resolved key; for named laws and Điều lệ the inventory gives a description, not a key: null + status 'named'. */
  key: string | null;
  status: Status;
  own?: string;
  date?: string;
  /** Subject clause range "l:c–l:c" (inclusive), where the inventory's end follows the
   *  syntactic boundaries of citations.md 2.5. (A10, A21, A36 end their subjects at a clause
   *  boundary only a reader can see: "…, dự kiến", "…, tập trung", "… và chỉ đạo của"; not checked.) */
  subject?: string;
}

const r = (id: string, file: '000' | '003', s: string, e: string, form: Form, key: string | null, status: Status, extra: Partial<InventoryRow> = {}): InventoryRow => {
  const [sl, sc] = s.split(':').map(Number) as [number, number];
  const [el, ec] = e.split(':').map(Number) as [number, number];
  return { id, file, start: [sl, sc], end: [el, ec], form, key, status, ...extra };
};

export const INVENTORY: InventoryRow[] = [
  // ---- 000 ----
  r('A01', '000', '19:15', '19:75', 'full', 'NQ 26-NQ/TU', 'resolved', { subject: '20:1–21:4', date: '2020-10-14' }),
  r('A02', '000', '21:43', '22:38', 'full', 'NQ 14-NQ/TU', 'resolved', { subject: '22:40–23:39', date: '2018-11-06' }),
  r('A03', '000', '111:70', '112:10', 'named', 'NAMED NQ-ĐH-TP-XI', 'forward'),
  r('A04', '000', '113:12', '113:66', 'full', 'NQ 31-NQ/TW', 'resolved', { subject: '113:68–115:8', date: '2022-12-30' }),
  r('A05', '000', '115:10', '115:33', 'alias', 'NQ 31-NQ/TW', 'resolved'),
  r('A06', '000', '115:36', '116:12', 'full', 'NQ 98/2023/QH15', 'resolved', { subject: '116:14–117:11', date: '2023-06-24' }),
  r('A07', '000', '117:13', '117:36', 'alias', 'NQ 98/2023/QH15', 'resolved'),
  r('A08', '000', '117:41', '118:23', 'full', 'NĐ 73/2023/NĐ-CP', 'resolved', { subject: '118:25–119:61', date: '2023-09-29' }),
  r('A09', '000', '119:63', '120:3', 'alias', 'NĐ 73/2023/NĐ-CP', 'resolved'),
  r('A10', '000', '140:15', '141:13', 'full', 'NQ 71/NQ-HĐND@2022', 'resolved', { date: '2022-12-09' }),
  r('A11', '000', '167:94', '168:52', 'full', 'NQ 71/NQ-HĐND@2022', 'resolved', { date: '2022-12-09' }),
  r('A12', '000', '220:24', '220:70', 'named', 'NAMED NQ-ĐH-TP-XI', 'named'),
  r('A13', '000', '220:72', '221:22', 'alias', 'NAMED NQ-ĐH-TP-XI', 'resolved'),
  r('A14', '000', '226:80', '227:16', 'named', 'NAMED NQ-ĐH-TP-XI', 'resolved'),
  r('A43', '000', '240:54', '240:65', 'named', null, 'named'),
  r('A15', '000', '251:14', '251:26', 'short', 'NQ 31-NQ/TW', 'resolved'),
  r('A16', '000', '251:31', '251:43', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('A17', '000', '261:59', '262:2', 'named', 'NAMED NQ-ĐH-TP-XI', 'resolved'),
  r('A18', '000', '306:47', '306:59', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('A19', '000', '307:11', '307:40', 'short', null, 'unresolved'),
  r('A20', '000', '324:32', '324:47', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('A21', '000', '384:36', '384:69', 'full', 'CT 26-CT/TW', 'resolved'),
  r('A22', '000', '413:48', '414:47', 'full', 'CTrHĐ 09-CTrHĐ/TU', 'resolved', { subject: '414:49–415:44', date: '2021-11-25' }),
  r('A23', '000', '414:62', '415:44', 'named', 'NAMED NQ-ĐHTQ-XIII', 'named'),
  r('A15b', '000', '431:11', '431:23', 'short', 'NQ 31-NQ/TW', 'resolved'),
  r('A16b', '000', '431:65', '431:77', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('A24', '000', '443:58', '444:54', 'full', 'KL 21-KL/TW', 'resolved', { date: '2021-10-25' }),
  r('A25', '000', '446:10', '447:11', 'full', 'NQ 21-NQ/TW', 'resolved', { date: '2022-06-16' }),
  r('A26', '000', '448:36', '449:29', 'full', 'NQ 28-NQ/TW', 'resolved', { date: '2022-11-17' }),
  r('A27', '000', '451:52', '451:70', 'short', 'NQ 14-NQ/TU', 'resolved'),
  r('A44', '000', '543:51', '543:62', 'named', null, 'named'),
  r('A28', '000', '548:11', '548:47', 'full', 'KL 14-KL/TW', 'resolved'),
  r('A29', '000', '548:52', '548:77', 'short', 'NĐ 73/2023/NĐ-CP', 'resolved'),
  r('A30', '000', '576:1', '576:13', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('A31', '000', '584:37', '584:57', 'full', 'QĐi 131-QĐ/TW', 'resolved', { subject: '585:11–587:54' }),
  r('A32', '000', '584:60', '585:9', 'full', 'QĐi 132-QĐ/TW', 'resolved'),
  r('A33', '000', '589:38', '589:56', 'short', null, 'unresolved', { own: 'QĐi 1374-QĐ/TU' }),
  r('A34', '000', '589:61', '590:5', 'short', null, 'unresolved', { own: 'QĐi 1629-QĐ/TU' }),
  r('A35', '000', '609:63', '610:22', 'full', 'KL 48-KL/TW', 'resolved'),
  r('A36', '000', '610:25', '611:25', 'full', 'NQ 33/2023/UBTVQH15', 'resolved', { date: '2023-07-12' }),
  r('A37', '000', '614:54', '615:33', 'named', null, 'named'),
  r('A38', '000', '622:60', '622:81', 'short', 'NQ 14-NQ/TU', 'resolved'),
  r('A39', '000', '623:1', '623:21', 'short', null, 'unresolved', { own: 'KL 306-KL/TU' }),
  r('A40', '000', '627:38', '628:40', 'full', 'NQ 1111/NQ-UBTVQH14', 'resolved', { subject: '628:42–629:68', date: '2020-12-09' }),
  r('A41', '000', '630:1', '630:56', 'full', 'NQ 131/2020/QH14', 'resolved', { date: '2020-11-16' }),
  r('A42', '000', '652:64', '653:63', 'named', 'NAMED NQ-ĐH-TP-XI', 'named'),
  // ---- 003 ----
  r('B01', '003', '11:238', '11:334', 'full', 'NQ 05-NQ/TU', 'resolved', { subject: '11:336–11:437', date: '2021-09-15' }),
  r('B02', '003', '15:722', '15:760', 'full', 'NQ 98/2023/QH15', 'resolved'),
  r('B03', '003', '19:80', '19:114', 'short', 'NQ 05-NQ/TU', 'resolved'),
  r('B04', '003', '23:515', '23:579', 'full', 'NQ 24-NQ/TW', 'resolved', { subject: '23:581–23:694', date: '2022-10-07' }),
  r('B05', '003', '23:697', '23:761', 'full', 'NQ 31-NQ/TW', 'resolved', { subject: '23:763–23:856', date: '2022-12-30' }),
  r('B06', '003', '23:859', '23:920', 'full', 'KL 14-KL/TW', 'resolved', { subject: '23:922–23:1001', date: '2021-09-22' }),
  r('B07', '003', '23:1006', '23:1044', 'full', 'NQ 98/2023/QH15', 'resolved', { subject: '23:1046–23:1123' }),
  r('B08', '003', '31:27', '31:52', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('B09', '003', '51:90', '51:176', 'full', 'NQ 71/NQ-HĐND@2022', 'resolved', { date: '2022-12-09' }),
  r('B10', '003', '53:30', '53:64', 'short', 'NQ 05-NQ/TU', 'resolved', { subject: '53:66–53:196' }),
  r('B11', '003', '87:75', '87:100', 'short', 'NQ 98/2023/QH15', 'resolved'),
  r('B12', '003', '97:55', '97:75', 'named', 'NAMED NQ-ĐH-TP-XI', 'named'),
  r('B13', '003', '103:89', '103:111', 'full', 'QĐ 217-QĐ/TW', 'resolved', { date: '2013-12-12' }),
  r('B14', '003', '103:116', '103:181', 'full', 'QĐ 218-QĐ/TW', 'resolved', { subject: '103:183–103:428', date: '2013-12-12' }),
  r('B15', '003', '109:416', '109:436', 'named', 'NAMED NQ-ĐH-TP-XI', 'named'),
];

/**
 * Inventory rows this engine does not recognise, on purpose: unnumbered plans and programmes
 * ("Chương trình làm việc …", "Đề án …", "Kế hoạch …") are recorded by the inventory "for
 * completeness" and are never diagnosed; recognising them would risk false positives on
 * generic prose (citations.md 2.10). B17 is a bare anaphoric "Nghị quyết" (no mention).
 */
export const NOT_RECOGNISED = ['A48', 'A45', 'A46', 'A47', 'B16', 'B17', 'B18', 'B19', 'B20', 'B21'];

/** Section 4 of the inventory: places that must not be read as citations (line:column). */
export const NOT_CITATIONS: { file: '000' | '003'; at: string; text: string }[] = [
  { file: '000', at: '238:60', text: 'nghị quyết' },
  { file: '000', at: '240:22', text: 'nghị quyết' },
  { file: '000', at: '321:64', text: 'nghị quyết' },
  { file: '000', at: '327:47', text: 'Đại hội XIII' },
  { file: '000', at: '425:80', text: 'Nghị' },
  { file: '000', at: '438:5', text: 'nghị quyết' },
  { file: '000', at: '470:62', text: 'Nghỉ quyết' },
  { file: '000', at: '482:61', text: 'kết luân' },
  { file: '000', at: '521:34', text: 'kết luận' },
  { file: '000', at: '302:45', text: 'sổ 1' },
  { file: '000', at: '310:38', text: 'sổ 1' },
  { file: '000', at: '60:4', text: 'sổ kết quả' },
  { file: '003', at: '39:14', text: 'Metro số 1' },
  { file: '003', at: '55:825', text: 'đề an sinh' },
  { file: '003', at: '97:272', text: 'kết luận' },
];
