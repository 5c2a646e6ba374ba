// The document parser: one linear pass over the lines plus one over the characters.
// Understands Markdown bulletins (`#` headings, bold numbered paragraphs, <sup>N</sup> footnotes)
// and raw OCR text (upper-case Roman headings damaged by OCR, numbered items, footnote digits
// glued to words, definition lines led by the number, page numbers).
// All offsets are ANALYSIS offsets (SourceText.text). No regex here can backtrack
// catastrophically: every pattern is anchored (sticky) and bounded.
import { damagedSectionLabels } from './labels';
import { SourceText } from '../text';
import type {
  Block, BlockKind, BulletinDocument, Directive, DocFormat, EnumLabel, FootnoteDef, FootnoteRef,
  Heading, HeadingStyle, Line, ListItem, Numbering, Span,
} from './model';
import {
  capsRatio, isDigit, isLetter, isLower, isLowerRomanChar, isRomanLabelChar, isSpace, isUpper,
  parseLowerRoman, parseRomanLabel, isDamagedLabelChar, isLabelDamageLetter, damagedRomanLabel, romanReadings, LABEL_READS,
} from './chars';

export { isLetter, isUpper, isLower, toRoman, parseRomanLabel } from './chars';

// ---------------------------------------------------------------------------------------------
// Lines, comments, format

/** The lines of `text`, whose line breaks (lineBreaks) are `b`. */
function splitLines(text: string, b: readonly number[]): Line[] {
  const lines: Line[] = [];
  let start = 0, line = 0;
  for (let k = 0; k < b.length; k += 2) {
    lines.push({ start, end: b[k]!, line: line++ });
    start = b[k + 1]!;
  }
  lines.push({ start, end: text.length, line });
  return lines;
}

const DIRECTIVE = /^<!--\s*bulletin-(disable-next-line|disable|enable)(?=[\s>-])([^]*?)-->$/;

/** HTML comment spans (`<!-- … -->`; an unclosed one runs to the end), in text offsets. */
export function findComments(text: string): Span[] {
  const out: Span[] = [];
  let i = text.indexOf('<!--');
  while (i >= 0) {
    const e = text.indexOf('-->', i + 4);
    const end = e < 0 ? text.length : e + 3;
    out.push({ start: i, end });
    i = text.indexOf('<!--', end);
  }
  return out;
}

/** text with comments and the BOM blanked (line breaks kept), so offsets stay identical. */
function maskText(text: string, comments: Span[]): string {
  if (comments.length === 0 && text.charCodeAt(0) !== 0xfeff) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const c of comments) {
    parts.push(text.slice(pos, c.start));
    parts.push(text.slice(c.start, c.end).replace(/[^\r\n]/g, ' '));
    pos = c.end;
  }
  parts.push(text.slice(pos));
  let m = parts.join('');
  if (m.charCodeAt(0) === 0xfeff) m = ' ' + m.slice(1);
  return m;
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SUP_ANY = /<sup>\s*\d{1,3}\s*<\/sup>/i;

function detectFormat(m: string, lines: Line[]): DocFormat {
  let bold = 0;
  for (const l of lines) {
    const s = m.slice(l.start, l.end);
    if (ATX.test(s)) return 'markdown';
    if (SUP_ANY.test(s)) return 'markdown';
    if (/^\[\^\d{1,3}\]:/.test(s)) return 'markdown';
    if (s.includes('**')) bold++;
    if (bold >= 2) return 'markdown';
  }
  return 'ocr';
}

// ---------------------------------------------------------------------------------------------
// Parser state

interface Pending {
  kind: BlockKind;
  first: number; // line index
  last: number;
  heading?: PendingHeading;
  item?: PendingItem;
  def?: PendingDef;
}

interface PendingHeading {
  style: HeadingStyle;
  level: number;
  /** where the label (or the title) starts */
  contentStart: number;
  inline?: boolean;
  /** Label kind detected on the line, if any. */
  labelKind?: 'roman' | 'arabic';
  romanRaw?: string;
  bulletEnd?: number;
}

interface PendingItem { bullet?: string; contentStart: number; markerEnd?: number; boldNumber?: boolean }
interface PendingDef { n: number; marker: Span; numberSpan: Span; style: 'sup' | 'bracket' | 'glued' }

const MD_DEF = /^ {0,3}<sup>\s*(\d{1,3})\s*<\/sup>/iy;
const MD_DEF_BRACKET = /^ {0,3}\[\^(\d{1,3})\]:/y;
const MD_BULLET = /^ {0,3}([-+*])[ \t]+(?=\S)/;
const MD_ORDERED = /^ {0,3}(\d{1,2})[.)][ \t]+(?=\S)/;
const MD_BOLD_NUM = /^ {0,3}\*\*(\d{1,2})\.\*\*[ \t]*/;
const MD_BOLD_ALL = /^ {0,3}\*\*(\d{1,2})\.[ \t]+/;
const MD_BOLD_ROMAN = /^ {0,3}\*\*([IVX]{1,5})\.\*\*[ \t]+/;
const MD_BOLD_ROMAN_ALL = /^ {0,3}\*\*([IVX]{1,5})\.[ \t]+/;
const MD_ROMAN_LEAD = /^ {0,3}([IVX]{1,5})\.[ \t]+(?=\p{Lu})/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE_LINE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const STAR_RULE = /^ {0,3}(?:\*[ \t]*){3,}$/;
const ORNAMENT = /^[ \t]*(?:\\?[*•·~][ \t]*)+$/;
const PAGE_NUMBER = /^[ \t]*\d{1,3}[ \t]*$/;
const OCR_ARABIC = /^[ \t]{0,4}(\d{1,2}(?:\.\d{1,2}){0,3})\.(?=[ \t])/;
const OCR_DEF = /^[ \t]{0,3}(\d{1,2})[ \t]+(?=\p{Lu}|\()/u;
const OCR_BULLET = /^[ \t]{0,3}([*•-])[ \t]+(?=\S)/;
const TERMINAL = /[.!?:;…”"')\]]$/;

export function parseDocument(uri: string, original: string, version = 0): BulletinDocument {
  const source = new SourceText(original);
  const text = source.text;
  const lines = splitLines(text, source.breaks);
  const comments = findComments(text);
  const m = maskText(text, comments);
  const format = detectFormat(m, lines);
  // damaged section labels, read from the sequence of all labels ("HI." as III. after "II.")
  const sectionLabels = damagedSectionLabels(m, lines);
  const sectionLabelAt = new Map(sectionLabels.map(x => [x.start, x]));
  /** The line's damaged section label as romanAtLineStart describes a label (end: after its dot). */
  const decodedAtLineStart = (L: Line, ind: number): { raw: string; end: number; dotted: boolean } | undefined => {
    const dl = sectionLabelAt.get(L.start + ind);
    return dl ? { raw: dl.raw, end: dl.end - L.start + (/[.:,]/.test(m[dl.end] ?? '') ? 1 : 0), dotted: true } : undefined;
  };

  const lineText = (i: number): string => m.slice(lines[i]!.start, lines[i]!.end);
  const isBlank = (i: number): boolean => lineText(i).trim() === '';

  const skips: Span[] = [];
  const addSkip = (start: number, end: number): void => { if (end > start) skips.push({ start, end }); };
  if (text.charCodeAt(0) === 0xfeff) addSkip(0, 1);
  for (const c of comments) addSkip(c.start, c.end);

  // Directives from comments.
  const directives: Directive[] = [];
  for (const c of comments) {
    const raw = text.slice(c.start, c.end);
    const d = DIRECTIVE.exec(raw);
    if (!d) continue;
    const codes = d[2]!.split(/[\s,]+/).map(s => s.trim()).filter(Boolean);
    directives.push({ kind: d[1] as Directive['kind'], codes, start: c.start, end: c.end, line: source.positionAt(c.start).line });
  }

  // OCR: glued footnote-digit candidates, needed to accept definition lines.
  const gluedCands = format === 'ocr' ? findGluedRefs(m) : [];
  const gluedNumbers = new Set(gluedCands.map(g => g.n));

  const blocksP: Pending[] = [];
  let cur: Pending | undefined;
  const close = (): void => { if (cur) { blocksP.push(cur); cur = undefined; } };
  /** Opens a footnote definition when line `i` is led by superscript digits ("¹ Theo …"); its number, else 0. */
  const openSuperDef = (i: number, L: Line, s: string): number => {
    const sdef = superDefAt(s);
    if (!sdef) return 0;
    close();
    const ms = L.start + sdef.start, me = L.start + sdef.end;
    cur = { kind: 'footnote-def', first: i, last: i, def: { n: sdef.n, marker: { start: ms, end: me }, numberSpan: { start: ms, end: me }, style: 'sup' } };
    addSkip(ms, me);
    return sdef.n;
  };

  const n = lines.length;
  let inFence: { ch: string; len: number; first: number } | undefined;
  let lastDefN: number | undefined; // OCR: number of the definition group being read
  let seenContent = false; // for the OCR title block
  let titleDone = false;
  // OCR: typical line width (a numbered heading is clearly shorter than a wrapped line), and the
  // value of the last numbered item since the last heading (an item "2." follows item "1.").
  const width = format === 'ocr' ? typicalWidth(m, lines) : 80;
  const headingMax = Math.min(72, Math.round(width * 0.82));
  let lastItemValue: number | undefined;

  for (let i = 0; i < n; i++) {
    const s = lineText(i);
    const L = lines[i]!;

    // ---- fenced code (Markdown) ----
    if (format === 'markdown') {
      if (inFence) {
        const f = FENCE.exec(s);
        if (f && f[1]![0] === inFence.ch && f[1]!.length >= inFence.len && s.trim() === f[1]) {
          blocksP.push({ kind: 'code', first: inFence.first, last: i });
          addSkip(lines[inFence.first]!.start, L.end);
          inFence = undefined;
        }
        continue;
      }
      const f = FENCE.exec(s);
      if (f) { close(); inFence = { ch: f[1]![0]!, len: f[1]!.length, first: i }; continue; }
    }

    if (s.trim() === '') {
      // A line holding only a comment is a comment block.
      const orig = text.slice(L.start, L.end).trim();
      if (orig.startsWith('<!--')) {
        close();
        const ci = lowerBound(comments, L.start);
        const c = ci < comments.length && comments[ci]!.start >= L.start && comments[ci]!.start <= L.end ? comments[ci] : undefined;
        if (c) {
          const endLine = lineOfOffset(lines, c.end, i);
          blocksP.push({ kind: 'comment', first: i, last: endLine });
          i = Math.max(i, endLine);
          continue;
        }
      }
      // OCR page-break joining: a block that stops mid-sentence continues after blank lines
      // and a page number when the next text starts in lower case.
      if (format === 'ocr' && cur && (cur.kind === 'paragraph' || cur.kind === 'list-item' || cur.kind === 'footnote-def' || (cur.kind === 'heading' && cur.heading?.style === 'numbered'))) {
        const j = continuationAfterBreak(i);
        if (j > 0 && cur.kind !== 'heading') {
          for (let k = i; k < j; k++) if (PAGE_NUMBER.test(lineText(k))) addSkip(lines[k]!.start + leadingSpace(lineText(k)), lines[k]!.end);
          cur.last = j;
          i = j;
          continue;
        }
      }
      close();
      if (format === 'ocr' && lastDefN !== undefined) lastDefN = undefined;
      continue;
    }

    const ind = leadingSpace(s);

    // ---- Markdown line classification ----
    if (format === 'markdown') {
      // Most lines start with a letter, and no construct below starts with one but the Roman
      // labels I, V, X: such a line is prose (a paragraph or its continuation).
      const c0 = s[ind];
      if (c0 !== 'I' && c0 !== 'V' && c0 !== 'X' && isLetter(c0)) {
        if (cur && (cur.kind === 'paragraph' || cur.kind === 'list-item' || cur.kind === 'footnote-def')) { cur.last = i; continue; }
        close();
        cur = { kind: 'paragraph', first: i, last: i };
        continue;
      }
      const atx = ATX.exec(s);
      if (atx) {
        close();
        const hashes = atx[1]!;
        const hs = L.start + s.indexOf('#');
        let ce = hs + hashes.length;
        while (ce < L.end && isSpace(m[ce])) ce++;
        addSkip(hs, ce);
        // closing #s
        let te = L.end;
        while (te > ce && isSpace(m[te - 1])) te--;
        let h = te;
        while (h > ce && m[h - 1] === '#') h--;
        if (h < te && (h === ce || isSpace(m[h - 1]))) addSkip(h, te);
        blocksP.push({ kind: 'heading', first: i, last: i, heading: { style: 'atx', level: hashes.length, contentStart: ce } });
        continue;
      }
      if (RULE_LINE.test(s) || STAR_RULE.test(s)) {
        close();
        blocksP.push({ kind: 'rule', first: i, last: i });
        addSkip(L.start + ind, L.end);
        continue;
      }
      if (ORNAMENT.test(s)) {
        close();
        blocksP.push({ kind: 'ornament', first: i, last: i });
        addSkip(L.start + ind, L.end);
        continue;
      }
      if (openSuperDef(i, L, s)) continue;
      MD_DEF.lastIndex = 0; MD_DEF_BRACKET.lastIndex = 0;
      const def = MD_DEF.exec(s) ?? MD_DEF_BRACKET.exec(s);
      if (def) {
        close();
        const ms = L.start + ind;
        const me = L.start + def[0].length;
        const ds = L.start + s.indexOf(def[1]!, ind);
        cur = { kind: 'footnote-def', first: i, last: i, def: { n: Number(def[1]), marker: { start: ms, end: me }, numberSpan: { start: ds, end: ds + def[1]!.length }, style: def[0].includes('<') ? 'sup' : 'bracket' } };
        addSkip(ms, me);
        continue;
      }
      let mm: RegExpExecArray | null;
      // A short, wholly bold numbered line on its own is a heading written without '#'
      // ("**II. VỀ PHƯƠNG HƯỚNG**", "**1. Về tình hình kinh tế**").
      if ((MD_BOLD_ALL.test(s) || MD_BOLD_ROMAN_ALL.test(s)) && boldHeadingLine(s) && (i + 1 >= n || isBlank(i + 1))) {
        close();
        const roman = MD_BOLD_ROMAN_ALL.test(s);
        blocksP.push({ kind: 'heading', first: i, last: i, heading: { style: 'bold', level: roman ? 2 : 3, contentStart: L.start + ind, labelKind: roman ? 'roman' : 'arabic' } });
        continue;
      }
      if ((mm = MD_BOLD_ROMAN.exec(s) ?? MD_BOLD_ROMAN_ALL.exec(s) ?? MD_ROMAN_LEAD.exec(s))) {
        close();
        cur = { kind: 'paragraph', first: i, last: i, heading: { style: mm[0].includes('*') ? 'bold' : 'numbered', level: 2, contentStart: L.start + ind, inline: true, labelKind: 'roman' } };
        continue;
      }
      if ((mm = MD_BOLD_NUM.exec(s))) {
        close();
        cur = { kind: 'list-item', first: i, last: i, item: { contentStart: L.start + ind, boldNumber: true } };
        continue;
      }
      if ((mm = MD_BOLD_ALL.exec(s))) {
        close();
        cur = { kind: 'list-item', first: i, last: i, item: { contentStart: L.start + ind } };
        continue;
      }
      if ((mm = MD_ORDERED.exec(s))) {
        close();
        cur = { kind: 'list-item', first: i, last: i, item: { contentStart: L.start + ind } };
        continue;
      }
      if ((mm = MD_BULLET.exec(s))) {
        close();
        const bs = L.start + ind;
        addSkip(bs, L.start + mm[0].length);
        cur = { kind: 'list-item', first: i, last: i, item: { bullet: mm[1], contentStart: L.start + mm[0].length, markerEnd: L.start + mm[0].length } };
        continue;
      }
      // paragraph (or continuation)
      if (cur && (cur.kind === 'paragraph' || cur.kind === 'list-item' || cur.kind === 'footnote-def')) { cur.last = i; continue; }
      close();
      cur = { kind: 'paragraph', first: i, last: i };
      continue;
    }

    // ---- OCR line classification ----
    const prevText = i > 0 ? lineText(i - 1).trim() : '';
    const prevEndsSentence = prevText === '' || TERMINAL.test(prevText) || (cur?.kind === 'heading');
    const continuing = !!cur && (cur.kind === 'paragraph' || cur.kind === 'list-item' || cur.kind === 'footnote-def');

    if (PAGE_NUMBER.test(s) && (i === 0 || isBlank(i - 1)) && (i + 1 >= n || isBlank(i + 1))) {
      close();
      blocksP.push({ kind: 'ornament', first: i, last: i });
      addSkip(L.start + ind, L.end);
      continue;
    }
    if (ORNAMENT.test(s) || RULE_LINE.test(s)) {
      close();
      blocksP.push({ kind: RULE_LINE.test(s) ? 'rule' : 'ornament', first: i, last: i });
      addSkip(L.start + ind, L.end);
      continue;
    }

    // footnote definition line led by superscript digits: "¹ Theo Nghị quyết …"
    const superN = openSuperDef(i, L, s);
    if (superN) { lastDefN = superN; seenContent = true; titleDone = true; continue; }
    // footnote definition line: "1 Trong 21 chỉ tiêu …"
    const defm = OCR_DEF.exec(s);
    if (defm) {
      const dn = Number(defm[1]);
      const inGroup = cur?.kind === 'footnote-def' || (lastDefN !== undefined);
      // a definition line starts after a blank line, a finished sentence or another definition
      const atBoundary = prevEndsSentence || cur?.kind === 'footnote-def';
      if (atBoundary && (gluedNumbers.has(dn) || (inGroup && dn === (lastDefN ?? cur?.def?.n ?? 0) + 1))) {
        close();
        const ds = L.start + ind;
        const de = ds + defm[1]!.length;
        cur = { kind: 'footnote-def', first: i, last: i, def: { n: dn, marker: { start: ds, end: de }, numberSpan: { start: ds, end: de }, style: 'glued' } };
        addSkip(ds, de);
        lastDefN = dn;
        seenContent = true; titleDone = true;
        continue;
      }
    }

    // Roman heading: "II. VỀ CÔNG TÁC …", " ỊL VỀ TÌNH HÌNH …", or "III. Ban Chấp hành …" (inline).
    // (a damaged label the sequence reads as a section starts a heading even where the line
    // before runs on: OCR often loses the full stop before a heading)
    const decoded = decodedAtLineStart(L, ind);
    // ... and a numeral with a heading in capitals after it starts one whatever the line before:
    // an unfinished line there is a subtitle or a title without a full stop ("Tình hình kinh tế -
    // xã hội quý I năm 2025" above "I. TÌNH HÌNH CHUNG"), not a sentence running on
    const capsHeading = !decoded && continuing && !prevEndsSentence ? romanAtLineStart(s, ind) : null;
    const capsRest = capsHeading ? capsRatio(s.slice(capsHeading.end)) : null;
    if (prevEndsSentence || !continuing || decoded || (capsRest && capsRest.ratio >= 0.6 && capsRest.letters >= 4)) {
      const rh = decoded ?? romanAtLineStart(s, ind);
      if (rh) {
        const rest = s.slice(rh.end);
        const caps = capsRatio(rest);
        if (caps.ratio >= 0.6 && caps.letters >= 4) {
          close();
          cur = { kind: 'heading', first: i, last: i, heading: { style: 'caps', level: 2, contentStart: L.start + ind, labelKind: 'roman', romanRaw: rh.raw } };
          // multi-line caps heading
          while (i + 1 < n && !isBlank(i + 1)) {
            const nx = lineText(i + 1);
            const c2 = capsRatio(nx);
            if (c2.ratio >= 0.6 && c2.letters >= 3 && !romanAtLineStart(nx, leadingSpace(nx)) && !decodedAtLineStart(lines[i + 1]!, leadingSpace(nx)) && !OCR_ARABIC.test(nx)) { i++; cur.last = i; } else break;
          }
          close();
          seenContent = true; titleDone = true; lastItemValue = undefined;
          continue;
        }
        if (rh.dotted && isUpper(rest.trimStart()[0])) {
          close();
          cur = { kind: 'paragraph', first: i, last: i, heading: { style: 'numbered', level: 2, contentStart: L.start + ind, inline: true, labelKind: 'roman', romanRaw: rh.raw } };
          seenContent = true; titleDone = true;
          continue;
        }
      }
    }

    // Arabic numbering: "1. Một số kết quả …" (heading) or "1. Tiếp tục …" (item).
    const am = OCR_ARABIC.exec(s);
    if (am && (prevEndsSentence || !continuing)) {
      close();
      const content = stripTrailing(s.slice(am[0].length));
      const nextIdx = i + 1 < n ? i + 1 : -1;
      const nextText = nextIdx >= 0 ? lineText(nextIdx).trim() : '';
      const nextLower = isLower(nextText[0]);
      const shortLine = s.trim().length <= headingMax;
      const endsOpen = /[,;\-–]$/.test(content.trim());
      const value = Number(am[1]!.split('.')[0]);
      const multi = am[1]!.includes('.');
      const continuesItems = !multi && lastItemValue !== undefined && value === lastItemValue + 1;
      if (shortLine && !endsOpen && !nextLower && !continuesItems) {
        blocksP.push({ kind: 'heading', first: i, last: i, heading: { style: 'numbered', level: 3, contentStart: L.start + ind, labelKind: 'arabic' } });
        lastItemValue = undefined;
      } else {
        cur = { kind: 'list-item', first: i, last: i, item: { contentStart: L.start + ind } };
        if (!multi) lastItemValue = value;
      }
      seenContent = true; titleDone = true;
      continue;
    }

    // "* Nguyên nhân hạn chế": a bullet used as a sub-heading, or a bullet item.
    const bm = OCR_BULLET.exec(s);
    if (bm && (prevEndsSentence || !continuing)) {
      close();
      const content = stripTrailing(s.slice(bm[0].length)).trim();
      const nextText = i + 1 < n ? lineText(i + 1).trim() : '';
      const bs = L.start + ind;
      addSkip(bs, L.start + bm[0].length);
      if (content.length <= 60 && !TERMINAL.test(content) && !/[,;]$/.test(content) && !isLower(nextText[0]) && isUpper(content[0])) {
        blocksP.push({ kind: 'heading', first: i, last: i, heading: { style: 'bullet', level: 4, contentStart: L.start + bm[0].length, bulletEnd: L.start + bm[0].length } });
      } else {
        cur = { kind: 'list-item', first: i, last: i, item: { bullet: bm[1], contentStart: L.start + bm[0].length, markerEnd: L.start + bm[0].length } };
      }
      seenContent = true; titleDone = true;
      continue;
    }

    // Title block: upper-case lines before any prose.
    if (!titleDone && !seenContent) {
      const c = capsRatio(s);
      if (c.ratio >= 0.8 && c.letters >= 4) {
        if (cur?.kind === 'heading' && cur.heading?.style === 'caps' && !cur.heading.labelKind) { cur.last = i; continue; }
        close();
        // title lines separated by single blank lines are merged afterwards
        cur = { kind: 'heading', first: i, last: i, heading: { style: 'caps', level: 1, contentStart: L.start + ind } };
        continue;
      }
      titleDone = true;
    }

    if (continuing) { cur!.last = i; continue; }
    close();
    seenContent = true; titleDone = true;
    cur = { kind: 'paragraph', first: i, last: i };
  }
  close();
  if (inFence) { blocksP.push({ kind: 'code', first: inFence.first, last: n - 1 }); addSkip(lines[inFence.first]!.start, lines[n - 1]!.end); }

  // OCR: merge the title lines (caps headings without label before any prose) into one heading.
  mergeTitle(blocksP, format, p => {
    for (let k = p.first; k <= p.last; k++) {
      const t = lineText(k).trim();
      if (t && !/^\*\*[^*].*\*\*$/.test(t)) return false;
    }
    return true;
  });
  for (const p of blocksP) if (p.heading && p.heading.contentStart < 0) p.heading.contentStart = lines[p.first]!.start;

  function continuationAfterBreak(i: number): number {
    const prev = lineText(i - 1).trim();
    if (!prev || TERMINAL.test(prev)) return -1;
    let j = i;
    let seen = 0;
    while (j < n && seen < 8 && (isBlank(j) || PAGE_NUMBER.test(lineText(j)))) { j++; seen++; }
    if (j >= n || seen >= 8) return -1;
    const t = lineText(j).trim();
    let page = false;
    for (let k = i; k < j; k++) if (PAGE_NUMBER.test(lineText(k))) page = true;
    if (!isLower(t[0]) && !(page && isLetter(t[0]))) return -1;
    if (OCR_ARABIC.test(lineText(j)) || OCR_DEF.test(lineText(j))) return -1;
    return j;
  }

  // ---- inline scan (refs, tags, code spans, URLs, emphasis, enumeration labels) ----
  const inline = scanInline(m, lines, blocksP, format, addSkip);

  // ---- blocks and structures ----
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const listItems: ListItem[] = [];
  const footnoteDefs: FootnoteDef[] = [];
  const skipsSorted = (): Span[] => normaliseSkips(skips);
  let skipList = skipsSorted();

  const trimEnd = (e: number, s0: number): number => { while (e > s0 && (isSpace(m[e - 1]) || m[e - 1] === '\r')) e--; return e; };
  const blockSpan = (p: Pending): Span => {
    const s0 = lines[p.first]!.start;
    let st = s0;
    while (st < lines[p.first]!.end && isSpace(m[st])) st++;
    return { start: st, end: trimEnd(lines[p.last]!.end, st) };
  };

  let prevRoman = 0;
  for (const p of blocksP) {
    const span = blockSpan(p);
    blocks.push({ kind: p.kind, start: span.start, end: span.end, line: p.first, endLine: p.last });
    if (p.heading) {
      const h = buildHeading(p, span);
      if (h) {
        if (h.numbering?.kind === 'roman') prevRoman = h.numbering.values[0]!;
        headings.push(h);
      }
    } else if (p.item) {
      listItems.push(buildItem(p, span));
    } else if (p.def) {
      footnoteDefs.push({ n: p.def.n, marker: p.def.marker, numberSpan: p.def.numberSpan, start: span.start, end: span.end, line: p.first, endLine: p.last });
    }
  }

  function visibleRange(start: number, end: number): { chars: string[]; offs: number[] } {
    const chars: string[] = [];
    const offs: number[] = [];
    let k = lowerBound(skipList, start);
    for (let o = start; o < end; o++) {
      while (k < skipList.length && skipList[k]!.end <= o) k++;
      if (k < skipList.length && skipList[k]!.start <= o) { o = skipList[k]!.end - 1; continue; }
      const ch = m[o]!;
      if (ch === '\n' || ch === '\r') { if (chars.length && chars[chars.length - 1] !== ' ') { chars.push(' '); offs.push(o); } continue; }
      chars.push(ch); offs.push(o);
    }
    return { chars, offs };
  }

  function labelAt(vis: { chars: string[]; offs: number[] }, p: Pending): { numbering?: Numbering; after: number } {
    const { chars, offs } = vis;
    let k = 0;
    while (k < chars.length && isSpace(chars[k])) k++;
    // a damaged label read from the sequence of all labels (parse/labels.ts)
    const dl = k < chars.length ? sectionLabelAt.get(offs[k]!) : undefined;
    if (dl && offs[k + dl.raw.length - 1] === dl.end - 1) {
      let j = k + dl.raw.length;
      if (chars[j] === '.' || chars[j] === ':' || chars[j] === ',') j++;
      return { numbering: { kind: 'roman', raw: dl.raw, values: [dl.value], start: dl.start, end: offs[j - 1]! + 1, repaired: true }, after: j };
    }
    // arabic / arabic-multi
    if (isDigit(chars[k])) {
      let j = k;
      const values: number[] = [];
      let raw = '';
      for (;;) {
        let d = '';
        while (j < chars.length && isDigit(chars[j]) && d.length < 3) d += chars[j++];
        if (!d) break;
        values.push(Number(d)); raw += d;
        if (chars[j] === '.' || chars[j] === ')') {
          raw += chars[j]; j++;
          if (isDigit(chars[j])) continue;
        }
        break;
      }
      if (values.length && raw.endsWith('.') || (values.length && raw.endsWith(')'))) {
        const label = raw.replace(/[.)]$/, '');
        return {
          numbering: { kind: values.length > 1 ? 'arabic-multi' : 'arabic', raw: label, values, start: offs[k]!, end: offs[j - 1]! + 1 },
          after: j,
        };
      }
      return { after: k };
    }
    if (p.heading?.labelKind === 'roman' || isRomanLabelChar(chars[k] ?? '')) {
      // a line found to start with a Roman label may carry one damaged in small type ("HI." for
      // III.), read only as the numeral the sequence expects
      const damaged = p.heading?.labelKind === 'roman';
      const labelChar = damaged ? isDamagedLabelChar : isRomanLabelChar;
      let j = k;
      let raw = '';
      while (j < chars.length && labelChar(chars[j]!) && raw.length < 6) raw += chars[j++];
      const dotted = chars[j] === '.';
      if (raw && (dotted || isSpace(chars[j]) || j === chars.length)) {
        const r = parseRomanLabel(raw, prevRoman + 1) ?? (damaged && dotted ? damagedRomanLabel(raw, prevRoman + 1) : undefined);
        if (r && (dotted || r.lIsDot || p.heading?.style === 'caps')) {
          const end = dotted ? j + 1 : j;
          const n0: Numbering = { kind: 'roman', raw, values: [r.value], start: offs[k]!, end: offs[end - 1]! + 1 };
          if (r.repaired) n0.repaired = true;
          return { numbering: n0, after: end };
        }
      }
    }
    return { after: k };
  }

  function buildHeading(p: Pending, span: Span): Heading | undefined {
    const ph = p.heading!;
    const titleEnd = p.heading!.inline ? lines[p.first]!.end : span.end;
    const vis = visibleRange(ph.contentStart, titleEnd);
    const lab = ph.style === 'bullet' ? { after: 0 } as { numbering?: Numbering; after: number } : labelAt(vis, p);
    let a = lab.after;
    while (a < vis.chars.length && (isSpace(vis.chars[a]) || vis.chars[a] === '.' || vis.chars[a] === ':' || vis.chars[a] === ',')) a++;
    let b = vis.chars.length;
    while (b > a && isSpace(vis.chars[b - 1])) b--;
    let title = vis.chars.slice(a, b).join('').replace(/\s+/g, ' ');
    let tStart = a < b ? vis.offs[a]! : (lab.numbering?.end ?? span.start);
    let tEnd = a < b ? vis.offs[b - 1]! + 1 : tStart;
    if (ph.inline) {
      // an inline section: the title is the first clause of the paragraph, kept short
      const cut = firstClause(title);
      if (cut < title.length) {
        title = title.slice(0, cut).trimEnd() + '…';
        let cnt = 0, o = a;
        while (o < b && cnt < cut) { o++; cnt++; }
        tEnd = vis.offs[Math.max(a, o - 1)]! + 1;
      }
    }
    if (ph.labelKind === 'roman' && !lab.numbering && ph.inline) return undefined;
    const numbering = lab.numbering;
    let rank: number;
    if (!numbering) rank = ph.style === 'bullet' ? 3 : ph.level === 1 ? 0 : Math.min(3, ph.level - 1);
    else rank = numbering.kind === 'roman' ? 1 : numbering.kind === 'arabic' ? 2 : 3;
    const level = ph.style === 'atx' ? ph.level : rank + 1;
    const h: Heading = {
      start: span.start, end: ph.inline ? trimEnd(lines[p.first]!.end, span.start) : span.end,
      level, rank, style: ph.style, title, titleSpan: { start: tStart, end: tEnd },
      line: p.first, endLine: ph.inline ? p.first : p.last,
    };
    if (numbering) h.numbering = numbering;
    if (ph.inline) h.inline = true;
    return h;
  }

  function buildItem(p: Pending, span: Span): ListItem {
    const pi = p.item!;
    const first = lines[p.first]!;
    let bold: ListItem['bold'] = 'none';
    const raw = m.slice(first.start, first.end).trimStart();
    if (raw.startsWith('**')) {
      bold = pi.boldNumber ? 'number' : 'all';
    }
    const li: ListItem = { start: span.start, end: span.end, line: p.first, endLine: p.last, bold };
    if (pi.bullet) li.bullet = pi.bullet;
    else {
      const vis = visibleRange(pi.contentStart, first.end);
      const lab = labelAt(vis, p);
      if (lab.numbering) li.numbering = lab.numbering;
    }
    return li;
  }

  // Numbering labels are list/heading markers: prose checks skip them.
  for (const h of headings) if (h.numbering) addSkip(h.numbering.start, h.numbering.end);
  for (const li of listItems) if (li.numbering) addSkip(li.numbering.start, li.numbering.end);

  // ---- footnote refs ----
  const footnoteRefs: FootnoteRef[] = [];
  const defNumbers = new Set(footnoteDefs.map(d => d.n));
  const maxDef = footnoteDefs.reduce((a, d) => Math.max(a, d.n), 0);
  const defMarkerStarts = new Set(footnoteDefs.map(d => d.marker.start));
  const lineIdx = (o: number): number => lineOfOffset(lines, o, 0);
  for (const r of inline.refs) {
    if (defMarkerStarts.has(r.start)) continue;
    footnoteRefs.push({ ...r, line: lineIdx(r.start) });
  }
  // Without any definition line, glued digits still count when they read 1, 2, 3 … in order
  // (at least two): the definitions were lost, which footnote.undefined then reports.
  const chain = new Set<number>();
  if (footnoteDefs.length === 0) {
    let next = 1;
    for (const g of gluedCands) if (g.n === next) { chain.add(g.start); next++; }
    if (chain.size < 2) chain.clear();
  }
  for (const g of gluedCands) {
    if (!(defNumbers.has(g.n) || (footnoteDefs.length > 0 && g.n <= maxDef + 1) || chain.has(g.start))) continue;
    footnoteRefs.push({ n: g.n, start: g.start, end: g.end, numberSpan: { start: g.start, end: g.end }, line: lineIdx(g.start), style: 'glued' });
    addSkip(g.start, g.end);
  }
  footnoteRefs.sort((a, b) => a.start - b.start);
  // refs and definitions are both in document order and definitions do not overlap: one sweep
  let di = 0;
  for (const r of footnoteRefs) {
    while (di < footnoteDefs.length && footnoteDefs[di]!.end <= r.start) di++;
    const d = footnoteDefs[di];
    if (d && r.start >= d.marker.end && r.start < d.end) r.insideDefinition = d.n;
  }

  skipList = normaliseSkips(skips);

  return {
    uri, version, source, text, format, lines, blocks, headings, listItems,
    footnoteRefs, footnoteDefs, enumLabels: inline.enums.map(e => ({ ...e, line: lineIdx(e.start) })),
    directives, skips: skipList, comments, sectionLabels, memo: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function leadingSpace(s: string): number {
  let k = 0;
  while (k < s.length && isSpace(s[k])) k++;
  return k;
}

/** Median length of the non-blank lines that look like wrapped prose (>= 40 chars). */
function typicalWidth(m: string, lines: Line[]): number {
  const lens: number[] = [];
  for (const l of lines) {
    const len = m.slice(l.start, l.end).trim().length;
    if (len >= 40) lens.push(len);
  }
  if (lens.length < 5) return 80;
  lens.sort((a, b) => a - b);
  return Math.max(50, lens[lens.length >> 1]!);
}

/** A line that is bold from start to end, short, and not a finished sentence. */
function boldHeadingLine(s: string): boolean {
  const t = s.trim();
  if (t.length > 124 || !t.startsWith('**') || !t.endsWith('**') || t.length < 6) return false;
  const inner = t.slice(2, -2).trim();
  if (inner.includes('**')) return false;
  const last = inner[inner.length - 1];
  return last !== '.' && last !== ';' && last !== ',';
}

function stripTrailing(s: string): string {
  let e = s.length;
  while (e > 0 && isSpace(s[e - 1])) e--;
  return s.slice(0, e);
}

/** Length of the first clause of an inline section's text (to the first sentence end or ~60 chars). */
function firstClause(t: string): number {
  const max = 60;
  for (let i = 0; i < t.length && i < max; i++) if (t[i] === '.' || t[i] === ':' || t[i] === ';') return i + 1;
  if (t.length <= max) return t.length;
  let cut = t.lastIndexOf(' ', max);
  if (cut < 20) cut = max;
  return cut;
}

function lineOfOffset(lines: Line[], o: number, from: number): number {
  let lo = from, hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= o) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function lowerBound(spans: Span[], o: number): number {
  let lo = 0, hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= o) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Sort and merge overlapping or touching spans. */
export function normaliseSkips(spans: Span[]): Span[] {
  const s = spans.filter(x => x.end > x.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) { if (x.end > last.end) last.end = x.end; }
    else out.push({ start: x.start, end: x.end });
  }
  return out;
}

const ROMAN_START = new Set(['I', 'V', 'X', 'Ị', 'Ì', 'Í', 'Ỉ', 'Ĩ', '|']);

function romanAtLineStart(s: string, ind: number): { raw: string; end: number; dotted: boolean } | undefined {
  let j = ind;
  let raw = '';
  // L (a numeral's letter, and one OCR writes for I) and the letters small type makes of an I
  // ("HI.", "TV.")
  while (j < s.length && raw.length < 6 && (ROMAN_START.has(s[j]!) || s[j] === 'L' || isLabelDamageLetter(s[j]!))) raw += s[j++];
  if (!raw) return undefined;
  const dotted = s[j] === '.';
  if (!dotted && !isSpace(s[j])) return undefined;
  // a damaged label ("HI.", "TV.") only with its dot and with a letter that is a numeral's: the
  // numeral it stands for is decided later, from the sequence (labelAt)
  const r = parseRomanLabel(raw) ?? (dotted && [...raw].some(c => ROMAN_START.has(c)) && romanReadings(raw, LABEL_READS).length ? { lIsDot: false } : undefined);
  if (!r) return undefined;
  const end = dotted ? j + 1 : j;
  if (!isSpace(s[end])) return undefined;
  return { raw, end, dotted: dotted || r.lIsDot };
}

function mergeTitle(blocks: Pending[], format: DocFormat, boldOnly?: (p: Pending) => boolean): void {
  // Markdown: a leading bold-only paragraph becomes the title heading.
  // OCR: consecutive caps lines (already headings with level 1, no label) are merged.
  if (format === 'markdown') {
    const first = blocks.find(b => b.kind !== 'comment' && b.kind !== 'rule' && b.kind !== 'ornament');
    if (first && first.kind === 'paragraph' && !first.heading && boldOnly && boldOnly(first)) {
      first.kind = 'heading';
      first.heading = { style: 'bold', level: 1, contentStart: -1 };
    }
    return;
  }
  for (let k = 0; k + 1 < blocks.length; k++) {
    const a = blocks[k]!, b = blocks[k + 1]!;
    if (a.kind === 'heading' && b.kind === 'heading' && a.heading?.level === 1 && b.heading?.level === 1 && !a.heading.labelKind && !b.heading.labelKind && a.heading.style === 'caps' && b.heading.style === 'caps' && b.first - a.last <= 2) {
      a.last = b.last;
      blocks.splice(k + 1, 1);
      k--;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Inline scanning

interface RawRef { n: number; start: number; end: number; numberSpan: Span; style: 'sup' | 'bracket' | 'glued' }
interface RawEnum { raw: string; kind: 'arabic' | 'roman'; value: number; start: number; end: number }

const SUP = /<sup>\s*(\d{1,3})\s*<\/sup>/iy;
const BRACKET_REF = /\[\^(\d{1,3})\]/y;
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,200})?\/?>/y;
const URL = /(?:https?:\/\/|www\.)[^\s<>"“”]{1,500}/y;
const ENUM = /\((\d{1,2}|[ivxỉìíịĩl]{1,5})\)/y;

/**
 * Where an inline construct scanInline looks at can start: superscript digits and a few ASCII
 * characters, besides "http" and "www." (searched for rather than read character by character:
 * the scan runs over the whole document on every re-check).
 */
const NEXT_INLINE = /[<[`\\*_\](\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/g;

/**
 * The first match of `find` at or after offset i (`find(i)`, -1 for none, read as the text's
 * length), remembered until i passes it or goes back before the offset it was searched from.
 */
function nextMatch(text: string, find: (from: number) => number): (i: number) => number {
  let from = Infinity, at = -1;
  return (i: number) => {
    if (from > i || at < i) { from = i; at = find(i); if (at < 0) at = text.length; }
    return at;
  };
}

/** ASCII characters that can start an inline construct scanInline looks at. */
const INLINE_START = new Uint8Array(128);
for (const c of '<[`hw\\*_](') INLINE_START[c.charCodeAt(0)] = 1;

function scanInline(m: string, lines: Line[], blocks: Pending[], format: DocFormat, addSkip: (s: number, e: number) => void): { refs: RawRef[]; enums: RawEnum[] } {
  const refs: RawRef[] = [];
  const enums: RawEnum[] = [];
  const md = format === 'markdown';
  // the next such character, "http" and "www." (blocks come in document order, so each search
  // runs over the text about once)
  const nextChar = nextMatch(m, i => { NEXT_INLINE.lastIndex = i; return NEXT_INLINE.exec(m)?.index ?? -1; });
  const nextHttp = nextMatch(m, i => m.indexOf('http', i)), nextWww = nextMatch(m, i => m.indexOf('www.', i));
  for (const b of blocks) {
    if (b.kind === 'code' || b.kind === 'comment' || b.kind === 'rule' || b.kind === 'ornament') continue;
    const start = lines[b.first]!.start;
    const end = lines[b.last]!.end;
    for (let i = start; i < end; i++) {
      // every construct below starts with one of a few characters, "http" or "www.": jump to
      // the next one
      const j = Math.min(nextChar(i), nextHttp(i), nextWww(i));
      if (j >= end) break;
      i = j;
      const code = m.charCodeAt(i);
      if (code >= 128 && superDigit(code) >= 0) {
        // superscript digits after a word or its punctuation: a footnote mark ("chỉ tiêu¹"),
        // unless an exponent of a unit (m², km³)
        const { n, end: k } = superNumberAt(m, i, end);
        const before = m[i - 1];
        if (n > 0 && before !== undefined && !/\s/.test(before) && !(k - i === 1 && (n === 2 || n === 3) && isUnitBefore(m, i))) {
          refs.push({ n, start: i, end: k, numberSpan: { start: i, end: k }, style: 'sup' });
          addSkip(i, k);
        }
        i = k - 1;
        continue;
      }
      if (code >= 128 || INLINE_START[code] === 0) continue;
      const ch = m[i]!;
      if (ch === '<') {
        SUP.lastIndex = i;
        const s = SUP.exec(m);
        if (s) {
          const ds = m.indexOf(s[1]!, i + 5);
          // m<sup>2</sup>, km<sup>2</sup>, m<sup>3</sup>: an exponent of a unit, not a footnote
          if ((s[1] === '2' || s[1] === '3') && isUnitBefore(m, i)) { addSkip(i, i + s[0].length); i += s[0].length - 1; continue; }
          refs.push({ n: Number(s[1]), start: i, end: i + s[0].length, numberSpan: { start: ds, end: ds + s[1]!.length }, style: 'sup' });
          addSkip(i, i + s[0].length);
          i += s[0].length - 1;
          continue;
        }
        TAG.lastIndex = i;
        const t = TAG.exec(m);
        if (t) { addSkip(i, i + t[0].length); i += t[0].length - 1; }
        continue;
      }
      if (ch === '[' && m[i + 1] === '^') {
        BRACKET_REF.lastIndex = i;
        const r = BRACKET_REF.exec(m);
        if (r && m[i + r[0].length] !== ':') {
          refs.push({ n: Number(r[1]), start: i, end: i + r[0].length, numberSpan: { start: i + 2, end: i + 2 + r[1]!.length }, style: 'bracket' });
          addSkip(i, i + r[0].length);
          i += r[0].length - 1;
        }
        continue;
      }
      if (ch === '`' && md) {
        let k = i;
        while (m[k] === '`') k++;
        const run = k - i;
        // a code span closes on its own line: in OCR text a stray backtick must not silence the
        // lines up to the next one (a scan is often one long paragraph)
        const close = findRun(m, k, lineEndOf(m, k, end), run);
        if (close >= 0) { addSkip(i, close + run); i = close + run - 1; }
        else i = k - 1;
        continue;
      }
      if (((ch === 'h' && m.startsWith('http', i)) || (ch === 'w' && m.startsWith('www.', i))) && (i === start || !isLetter(m[i - 1]))) {
        URL.lastIndex = i;
        const u = URL.exec(m);
        if (u) {
          let e = i + u[0].length;
          while (e > i && /[.,;:!?)\]]/.test(m[e - 1]!)) e--;
          addSkip(i, e);
          i = e - 1;
          continue;
        }
      }
      if (md && ch === '\\' && i + 1 < end && /[!-/:-@[-`{-~]/.test(m[i + 1]!)) { addSkip(i, i + 2); i++; continue; }
      if (md && ch === '*') { let k = i; while (m[k] === '*') k++; addSkip(i, k); i = k - 1; continue; }
      if (md && ch === '_') {
        let k = i; while (m[k] === '_') k++;
        if (!isLetter(m[i - 1]) || !isLetter(m[k])) addSkip(i, k);
        i = k - 1; continue;
      }
      if (md && ch === ']' && m[i + 1] === '(') {
        const close = m.indexOf(')', i + 2);
        if (close > 0 && close < lineEndOf(m, i + 2, end)) {
          addSkip(i, close + 1);
          const open = m.lastIndexOf('[', i);
          if (open >= start) addSkip(open, open + 1);
          i = close;
        }
        continue;
      }
      if (ch === '(' && (i === start || !isLetter(m[i - 1]) && !isDigit(m[i - 1]))) {
        ENUM.lastIndex = i;
        const e = ENUM.exec(m);
        if (e) {
          const raw = e[1]!;
          const after = m[i + e[0].length];
          if (after === undefined || isSpace(after) || after === '\n' || after === '\r' || /[.,;:]/.test(after)) {
            if (isDigit(raw[0])) enums.push({ raw: e[0], kind: 'arabic', value: Number(raw), start: i, end: i + e[0].length });
            else if ([...raw].every(isLowerRomanChar)) {
              const r = parseLowerRoman(raw);
              if (r) enums.push({ raw: e[0], kind: 'roman', value: r.value, start: i, end: i + e[0].length });
            }
          }
          i += e[0].length - 1;
        }
        continue;
      }
    }
  }
  refs.sort((a, b) => a.start - b.start);
  enums.sort((a, b) => a.start - b.start);
  return { refs, enums };
}

const UNITS = new Set(['m', 'km', 'cm', 'mm', 'dm', 'hm']);

function isUnitBefore(m: string, i: number): boolean {
  let k = i;
  while (k > 0 && isLetter(m[k - 1]) && i - k < 3) k--;
  return (k === 0 || !isLetter(m[k - 1])) && UNITS.has(m.slice(k, i));
}

/** Value of a superscript digit (¹ ² ³ ⁰ ⁴-⁹, as text copied from a word processor or a PDF writes a
 * footnote mark), -1 for any other code unit. */
function superDigit(c: number): number {
  if (c === 0xb9) return 1;
  if (c === 0xb2) return 2;
  if (c === 0xb3) return 3;
  if (c === 0x2070) return 0;
  if (c >= 0x2074 && c <= 0x2079) return c - 0x2070;
  return -1;
}

/** A footnote definition led by superscript digits ("¹ Theo Nghị quyết …"): its number and the
 * marker's length, after at most three spaces of indentation; null when the line is not one. */
function superDefAt(s: string): { n: number; start: number; end: number } | null {
  let k = 0;
  while (k < s.length && k < 3 && (s[k] === ' ' || s[k] === '\t')) k++;
  const { n, end } = superNumberAt(s, k, s.length);
  if (end === k || n === 0) return null;
  let e = end;
  while (e < s.length && (s[e] === ' ' || s[e] === '\t')) e++;
  return e < s.length ? { n, start: k, end } : null;
}

/** The number written in superscript digits from `from` (at most three, before `limit`) and where they end. */
function superNumberAt(s: string, from: number, limit: number): { n: number; end: number } {
  let k = from, n = 0;
  while (k < limit && k - from < 3 && superDigit(s.charCodeAt(k)) >= 0) n = 10 * n + superDigit(s.charCodeAt(k++));
  return { n, end: k };
}

/** Offset of the first line break at or after `from`, or `end`. */
function lineEndOf(m: string, from: number, end: number): number {
  for (let k = from; k < end; k++) { const c = m.charCodeAt(k); if (c === 10 || c === 13) return k; }
  return end;
}

function findRun(m: string, from: number, end: number, run: number): number {
  for (let k = from; k < end; k++) {
    if (m[k] !== '`') continue;
    let j = k;
    while (m[j] === '`') j++;
    if (j - k === run) return k;
    k = j - 1;
  }
  return -1;
}

/**
 * OCR footnote markers: 1–2 digits glued to the end of a lower-case word ("chỉ tiêu1",
 * "không đạt2", "báo cáo3."). Rejects tokens with capitals (QH15, T3, COVID-19), short Latin
 * unit symbols (m2, km2) and decimals (tiêu1,5).
 */
function findGluedRefs(m: string): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  for (let i = 1; i < m.length; i++) {
    // (char codes first: m[i] makes a new string for every character beyond Latin-1)
    const c = m.charCodeAt(i);
    if (c < 48 || c > 57 || !isLower(m[i - 1])) continue;
    let j = i;
    while (j < m.length && isDigit(m[j])) j++;
    const digits = j - i;
    const after = m[j];
    const ok = digits <= 2 && (after === undefined || isSpace(after) || after === '\n' || after === '\r' ||
      ((after === '.' || after === ',' || after === ';' || after === ':' || after === ')' || after === '”' || after === '"') && !isDigit(m[j + 1])));
    if (ok) {
      let k = i;
      while (k > 0 && isLetter(m[k - 1])) k--;
      const word = m.slice(k, i);
      let upper = false, ascii = true;
      for (const c of word) { if (isUpper(c)) upper = true; if (c.charCodeAt(0) > 127) ascii = false; }
      const num = Number(m.slice(i, j));
      if (!upper && !(ascii && word.length <= 2) && !(k > 0 && (isDigit(m[k - 1]) || m[k - 1] === '-' || m[k - 1] === '/')) && num > 0) {
        out.push({ n: num, start: i, end: j });
      }
    }
    i = j;
  }
  return out;
}
