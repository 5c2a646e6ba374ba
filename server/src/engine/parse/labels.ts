// Section labels at the start of heading lines in capitals, read as one sequence. OCR damages
// them in small type ("HI." for III., "1V." for IV., "TV." for IV., "THÍ:" for III., "1." for
// I.): which numeral a damaged label stands for is decided by the labels around it, all at once
// (decodeLabels, a small Viterbi). The parser reads its headings' labels from the result, and the
// spelling check reports each damaged label with the numeral it stands for, so the outline, the
// structure checks and spelling agree.
import { LABEL_READS, romanReadings, romanValue } from './chars';

/** A damaged section label and the numeral the sequence reads it as. Offsets in the analysis text. */
export interface SectionLabel {
  /** The label as written ("HI", "1V", "THÍ"), from `start` to `end`. */
  raw: string;
  start: number;
  end: number;
  value: number;
}

/**
 * Costs (in arbitrary units, lower is likelier) of the section-label sequence decoder. A sound
 * label is what it says. A damaged one is read as one of its numerals (`read`, plus
 * `laterReading` for each step down romanReadings' order: H is II before it is I) or left alone
 * (`unread`: it may be a word; with a dot, colon or comma after it, less likely); a "1." left
 * alone is a list item (`listItem`, common; `listItemOdd` with a comma or colon after it), and a
 * lone "1" may also be the two strokes of II read as one (`oneForII` more than a reading).
 * Between two labels read as numerals: the next numeral costs nothing, a restart at I (a second
 * bulletin on the page) `restart`, a first label other than I (a page that starts in
 * mid-document) `midStart`, a skip forward `jump`, a step back `back`, a repeat a little less
 * (`repeat`: of "II., II." the second is likelier III. than the first, then II. again). A sound
 * numeral may have lost its last stroke ("II." for III., "I." for II.: the thin I is what small
 * type loses): read so at `lostStroke`, more than a repeat costs, so a lone repeat stays as
 * written (the structure check reports it) and only a sequence that also needs the next step
 * ("II., II., IV.") reads it so. A damaged label may have lost a stroke too ("1L." for III.):
 * one more I than its reading, at `damagedLostStroke` on top. A label of a 1 and letters ("1L",
 * "1Í") or of numeral letters and I look-alikes ("ÍI") is neither a word nor a number, so leaving
 * it alone costs `unreadMixed` more.
 */
const LABEL_COST = { read: 1, laterReading: 0.3, oneForII: 0.6, unread: 2, unreadDotted: 4, listItem: 0.8, listItemOdd: 1.5, restart: 2, midStart: 3, jump: 3, back: 5, repeat: 4.5, lostStroke: 5.5, damagedLostStroke: 3.5, unreadMixed: 2 };

/** States kept per label by decodeLabels (the last numerals read with the cheapest paths). */
const LABEL_BEAM = 16;

/**
 * The best reading of a sequence of section labels (Viterbi over the last numeral read): for
 * each label, the numeral it stands for, or 0 when it is left alone; null options are labels
 * that do not take part (an arabic list number). Ties go to the earlier option.
 */
export function decodeLabels(options: readonly ({ value: number; cost: number }[] | null)[]): number[] {
  const step = (from: number, to: number) => to === from + 1 ? 0 : to === 1 ? LABEL_COST.restart : from === 0 ? LABEL_COST.midStart : to === from ? LABEL_COST.repeat : to < from ? LABEL_COST.back : LABEL_COST.jump;
  // cost of the best path ending with the last numeral read = state
  let best = new Map<number, number>([[0, 0]]);
  const back: Map<number, { from: number; value: number }>[] = [];
  for (const opts of options) {
    const next = new Map<number, number>();
    const how = new Map<number, { from: number; value: number }>();
    if (opts) {
      for (const [from, c] of best) {
        for (const o of opts) {
          const to = o.value === 0 ? from : o.value;
          const cost = c + o.cost + (o.value === 0 ? 0 : step(from, o.value));
          const had = next.get(to);
          if (had === undefined || cost < had) { next.set(to, cost); how.set(to, { from, value: o.value }); }
        }
      }
      // a beam: a document of thousands of labels must not cost thousands of states per label
      best = next.size <= LABEL_BEAM ? next : new Map([...next].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, LABEL_BEAM));
    }
    back.push(how);
  }
  let state = -1, min = Infinity;
  for (const [s, c] of best) if (c < min || (c === min && s < state)) { min = c; state = s; }
  const out = new Array<number>(options.length).fill(0);
  for (let k = options.length - 1; k >= 0; k--) {
    const h = back[k]!.get(state);
    if (!options[k] || !h) continue;
    out[k] = h.value;
    state = h.from;
  }
  return out;
}


/**
 * The damaged section labels of a text and the numerals they stand for. `text` is the parser's
 * analysis text with comments masked; `lines` its lines.
 */
export function damagedSectionLabels(text: string, lines: readonly { start: number; end: number }[]): SectionLabel[] {
  // the labels first, in order: a sound one is a value, a damaged one its possible readings
  const labels: { start: number; raw: string; sep: string; value?: number; readings?: string[]; arabic?: boolean }[] = [];
  for (const ln of lines) {
    // cheap test first: a label starts with one of these, after spaces or a Markdown heading mark
    let k = ln.start;
    while (k < ln.end && (text[k] === ' ' || text[k] === '\t' || text[k] === '#')) k++;
    if (k >= ln.end || !LABEL_FIRST.test(text[k]!)) continue;
    const line = text.slice(ln.start, ln.end);
    // arabic labels ("1. TÌNH HÌNH KINH TẾ") only tell a "1." of a numbered list from an "I."
    const a = /^(\s*(?:#{1,6}\s+)?)(\d{1,2})[.)]\s*(\S.*)$/u.exec(line);
    if (a && !/^1+$/.test(a[2]!) && a[3] === a[3]!.toUpperCase() && /\p{Lu}{2}/u.test(a[3]!)) {
      labels.push({ start: ln.start + a[1]!.length, raw: a[2]!, sep: '.', arabic: true });
      continue;
    }
    // "III. NHIỆM VỤ", "I.KẾT QUẢ" (OCR lost the space), "1II NHIỆM VỤ" (and the dot), "THÍ: HẠN
    // CHẾ" (the dot read as a colon or a comma)
    const m = /^(\s*(?:#{1,6}\s+)?)([IVXHUTLENYĨÌÍỈỊl|1]{1,6})([.:,]\s*|\s+)(\S.*)$/u.exec(line);
    if (!m) continue;
    const [, lead, raw, sep, rest] = m as unknown as [string, string, string, string, string];
    // (a bar that opens a row of a table, "| GRDP | % | 8,2 |", is the table's, not an I misread)
    if (raw.includes('|') && rest.includes('|')) continue;
    // the rest of the line is a heading in capitals (a letter or two of OCR debris in lower case
    // at most: "II. KẾT QUẢ THỰC HIỆN s `")
    if (!capitalsLine(rest)) continue;
    const start = ln.start + lead.length;
    const sound = romanValue(raw);
    // a sound numeral counts only with its dot, or the dot read as a colon or a comma ("II, HẠN
    // CHẾ", "II: NHIỆM VỤ", where the sequence may show a III that lost a stroke), or without
    // one when the numeral cannot be a word ("II KẾT QUẢ" counts, "VI PHẠM" does not)
    if (sound !== undefined) { if (/^[.:,]/.test(sep) || !NUMERAL_WORD.test(raw)) labels.push({ start, raw, sep, value: sound }); continue; }
    // ("T M TỈNH ỦY", "T L BAN THƯỜNG VỤ": a signature block's T/M or T/L that lost its slash)
    if (raw === 'T' && /^[ML]\s/.test(rest)) continue;
    // (N and Y, rarer readings, only with a separator: "NHI ĐỒNG" is a word)
    if (!/^[.:,]/.test(sep) && (!/[1HUTEĨÌÍỈỊl|]/u.test(raw) || /[NY]/.test(raw))) continue;
    const readings = romanReadings(raw, LABEL_READS);
    if (readings.length) labels.push({ start, raw, sep, readings });
  }
  // then the sequence, decoded as a whole: each damaged label is read as the numeral that makes
  // the sections follow on best, or left alone when no reading fits
  const choice = decodeLabels(labels.map((lab, k) => {
    if (lab.arabic) return null;
    if (lab.value !== undefined) {
      const more = romanValue(lab.raw + 'I');
      return more === undefined ? [{ value: lab.value, cost: 0 }] : [{ value: lab.value, cost: 0 }, { value: more, cost: LABEL_COST.lostStroke }];
    }
    const one = /^1+$/.test(lab.raw);
    // "1." is a list's first number as often as an "I." OCR misread: never an "I." before "2."
    if (one && (!labels[k + 1] || labels[k + 1]!.arabic)) return null;
    const dotted = /^[.:,]/.test(lab.sep);
    // (a label left alone costs a hair more, so that of two equally good readings of the
    // sequence the one that explains more labels wins)
    return [
      { value: 0, cost: 0.001 + (one ? (lab.sep.startsWith('.') ? LABEL_COST.listItem : LABEL_COST.listItemOdd) : (dotted ? LABEL_COST.unreadDotted : LABEL_COST.unread) + (MIXED_LABEL.test(lab.raw) ? LABEL_COST.unreadMixed : 0)) },
      ...lab.readings!.map((r, i) => ({ value: romanValue(r)!, cost: LABEL_COST.read + LABEL_COST.laterReading * Math.min(i, 2) })),
      // a stroke lost as well ("1L." for III.: three strokes read as two glyphs)
      ...lab.readings!.flatMap(r => {
        const more = romanValue(r + 'I');
        return more === undefined || lab.readings!.includes(r + 'I') ? [] : [{ value: more, cost: LABEL_COST.read + LABEL_COST.damagedLostStroke }];
      }),
      // the two strokes of "II." read as one "1."
      ...(lab.raw === '1' ? [{ value: 2, cost: LABEL_COST.read + LABEL_COST.oneForII }] : []),
    ];
  }));
  const out: SectionLabel[] = [];
  labels.forEach((lab, k) => {
    const v = choice[k]!;
    if (!v || v === lab.value) return;
    const end = lab.start + lab.raw.length;
    out.push({ raw: lab.raw, start: lab.start, end, value: v });
  });
  return out;
}

/** Capitals, with at most two letters in lower case, and four capitals for each of those. */
function capitalsLine(rest: string): boolean {
  let up = 0, low = 0;
  for (const ch of rest) {
    if (ch !== ch.toLowerCase()) up++;
    else if (ch !== ch.toUpperCase()) low++;
  }
  return /\p{Lu}{2}/u.test(rest) && low <= 2 && up >= 4 * low;
}

/**
 * A damaged label that is neither a word nor a number: a 1 and letters ("1L", "1Í", "1V"), or
 * numeral letters with an I look-alike among them ("ÍI", "IỊ", "l|").
 */
const MIXED_LABEL = /^(?:(?=.*1)(?=.*[^1]).+|[IVXĨÌÍỈỊl|]+)$/u;

/**
 * Sound numerals that are also words, which count as a label only with a separator after them
 * ("VI PHẠM", "XI MĂNG"); any other ("II KẾT QUẢ", OCR having lost the dot) counts without one.
 */
const NUMERAL_WORD = /^(?:VI|XI)$/;

/** Characters a label can start with: LABEL_READS' letters, and digits (arabic labels, "1." for I.). */
const LABEL_FIRST = /[IVXHUTLENYĨÌÍỈỊl|\d]/u;
