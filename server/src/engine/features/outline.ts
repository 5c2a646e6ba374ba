// Outline (document symbols) and folding ranges built from the document model.
//
// Tree: the title; Roman sections (I., II., III.); their numbered subsections (1., 2., 3.1.);
// numbered tasks (list items) under the heading they follow; a "footnotes" group last.
// Nesting follows the numbering rank, not the Markdown `#` level, so "## **2. …**" still
// nests under "## I." beside "### 1. …" (structure.heading-level reports the level).
import type { Block, BulletinDocument, Heading, ListItem, Numbering, Span } from '../parse/model';
import { memo } from '../parse/model';
import { toRoman } from '../parse/chars';
import type { FoldingRangeData, Locale, OutlineItem, SymbolKindName } from '../types';

const NAME_MAX = 90;

/** Text of [start, end) without the skipped spans (Markdown syntax, markers), whitespace collapsed. */
function visibleText(doc: BulletinDocument, start: number, end: number): string {
  const skips = doc.skips;
  let lo = 0, hi = skips.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (skips[mid]!.end <= start) lo = mid + 1; else hi = mid; }
  let out = '';
  let pos = start;
  for (let k = lo; k < skips.length && skips[k]!.start < end && pos < end; k++) {
    const s = skips[k]!;
    if (s.start > pos) out += doc.text.slice(pos, s.start);
    pos = Math.max(pos, s.end);
  }
  if (pos < end) out += doc.text.slice(pos, end);
  return out.replace(/\s+/g, ' ').trim();
}

function clip(s: string, max = NAME_MAX): string {
  if (s.length <= max) return s;
  let cut = s.lastIndexOf(' ', max - 1);
  if (cut < max / 2) cut = max - 1;
  let e = cut;
  while (e > 0 && /[,;:\s]/.test(s[e - 1]!)) e--;
  return s.slice(0, e) + '…';
}

/** First clause of a task's text: up to the first full stop, semicolon or colon, clipped. */
function firstClause(s: string): string {
  const m = /^[^.;:]{8,}?[.;:](?=\s|$)/.exec(s.slice(0, NAME_MAX + 1));
  return clip(m ? m[0].replace(/[.;:]$/, '') : s);
}

function canonicalLabel(n: Numbering): string {
  if (n.kind === 'roman') return toRoman(n.values[0]!) + '.';
  return n.values.join('.') + '.';
}

function headingName(h: Heading): string {
  const label = h.numbering ? canonicalLabel(h.numbering) + ' ' : '';
  return clip(label + h.title);
}

function kindOf(h: Heading): SymbolKindName {
  if (h.rank === 0) return 'title';
  if (h.rank === 1) return 'section';
  return 'subsection';
}

interface Node { item: OutlineItem; rank: number; start: number }

interface Bounds { blocks: Block[]; closing: number }

/** End offset of the content that starts at `start` and stops before `boundary`. */
function contentEnd(b: Bounds, start: number, boundary: number): number {
  const blocks = b.blocks;
  // last block starting before the boundary
  let lo = 0, hi = blocks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (blocks[mid]!.start < boundary) lo = mid + 1; else hi = mid; }
  let end = start;
  for (let k = lo - 1; k >= 0; k--) {
    const bl = blocks[k]!;
    if (bl.start < start) break;
    if (bl.kind === 'comment') continue;
    end = Math.max(end, bl.end);
    break;
  }
  return end;
}

export function outline(doc: BulletinDocument, locale: Locale = 'en'): OutlineItem[] {
  return memo(doc, `outline.${locale}`, () => build(doc, locale));
}

function build(doc: BulletinDocument, locale: Locale): OutlineItem[] {
  const src = doc.source;
  const range = (s: Span) => src.rangeOf(s.start, s.end);
  const blocks = doc.blocks.filter(b => b.kind !== 'comment');
  // The closing ornament (`* * *`) ends the last section.
  const closingBlock = blocks.find(b => b.kind === 'ornament' && doc.text.slice(b.start, b.end).includes('*'));
  const closing = closingBlock ? closingBlock.start : doc.text.length;
  const bounds: Bounds = { blocks, closing };

  type Entry = { kind: 'h'; h: Heading; start: number } | { kind: 'li'; li: ListItem; start: number };
  const entries: Entry[] = [
    ...doc.headings.map(h => ({ kind: 'h' as const, h, start: h.start })),
    ...doc.listItems.filter(li => li.numbering).map(li => ({ kind: 'li' as const, li, start: li.start })),
  ].sort((a, b) => a.start - b.start);

  const roots: OutlineItem[] = [];
  const stack: Node[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind === 'h') {
      const h = e.h;
      // section end: next heading of the same or a higher rank (title counts), or the closing ornament
      let boundary = h.start < closing ? closing : doc.text.length;
      for (let j = i + 1; j < entries.length; j++) {
        const o = entries[j]!;
        if (o.kind === 'h' && (o.h.rank <= h.rank || (h.rank === 0))) { boundary = Math.min(boundary, o.start); break; }
      }
      const end = h.rank === 0 ? h.end : Math.max(h.end, contentEnd(bounds, h.start, boundary));
      const selStart = h.numbering ? Math.min(h.numbering.start, h.titleSpan.start) : h.titleSpan.start;
      const selEnd = Math.max(h.titleSpan.end, h.numbering?.end ?? 0, selStart);
      const item: OutlineItem = {
        name: headingName(h) || (h.numbering ? canonicalLabel(h.numbering) : '—'),
        kind: kindOf(h),
        range: range({ start: h.start, end }),
        selectionRange: range({ start: Math.max(h.start, selStart), end: Math.min(end, selEnd) }),
        children: [],
      };
      if (h.numbering?.repaired) item.detail = locale === 'vi' ? `viết là "${h.numbering.raw}"` : `written "${h.numbering.raw}"`;
      if (h.rank === 0) { stack.length = 0; roots.push(item); continue; }
      while (stack.length && stack[stack.length - 1]!.rank >= h.rank) stack.pop();
      const parent = stack[stack.length - 1];
      (parent ? parent.item.children : roots).push(item);
      stack.push({ item, rank: h.rank, start: h.start });
      continue;
    }
    const li = e.li;
    let boundary = li.start < closing ? closing : doc.text.length;
    for (let j = i + 1; j < entries.length; j++) { boundary = Math.min(boundary, entries[j]!.start); break; }
    const end = Math.max(li.end, contentEnd(bounds, li.start, boundary));
    const n = li.numbering!;
    const text = visibleText(doc, n.end, li.end);
    const clause = firstClause(text);
    // selection: the label and the clause as written
    const clauseEnd = locateClauseEnd(doc, n.end, li.end, clause.replace(/…$/, ''));
    const item: OutlineItem = {
      name: `${canonicalLabel(n)} ${clause}`.trim(),
      kind: 'item',
      range: range({ start: li.start, end }),
      selectionRange: range({ start: n.start, end: Math.min(end, Math.max(n.end, clauseEnd)) }),
      children: [],
    };
    while (stack.length && stack[stack.length - 1]!.rank >= 4) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.item.children : roots).push(item);
  }

  if (doc.footnoteDefs.length) {
    const defs = doc.footnoteDefs;
    const children: OutlineItem[] = defs.map(d => ({
      name: clip(`${d.n}. ${visibleText(doc, d.marker.end, d.end)}`, 70),
      kind: 'footnote' as const,
      range: range(d),
      selectionRange: range(d.marker),
      children: [],
    }));
    const first = defs[0]!, last = defs[defs.length - 1]!;
    roots.push({
      name: locale === 'vi' ? 'Chú thích' : 'Footnotes',
      kind: 'footnotes',
      detail: String(defs.length),
      range: range({ start: first.start, end: Math.max(...defs.map(d => d.end), last.end) }),
      selectionRange: range(first.marker),
      children,
    });
  }
  return roots;
}

/** Offset where the visible clause ends on the line (best effort; falls back to the line end). */
function locateClauseEnd(doc: BulletinDocument, from: number, lineEnd: number, clause: string): number {
  const words = clause.split(' ').filter(Boolean);
  const lastWord = words[words.length - 1];
  if (!lastWord) return from;
  let pos = from;
  for (const w of words) {
    const at = doc.text.indexOf(w, pos);
    if (at < 0 || at >= lineEnd) return lineEnd;
    pos = at + w.length;
  }
  return pos;
}

/** Folding: sections and items, footnote groups and long footnotes, long paragraphs, comments, code. */
export function foldingRanges(doc: BulletinDocument): FoldingRangeData[] {
  const out: FoldingRangeData[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeData['kind']): void => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const walk = (items: OutlineItem[]): void => {
    for (const it of items) {
      if (it.kind !== 'footnotes' && it.kind !== 'footnote' && it.kind !== 'documents' && it.kind !== 'document') add(it.range.start.line, it.range.end.line);
      walk(it.children);
    }
  };
  walk(outline(doc));
  // footnote groups: definitions separated only by blank lines
  const defs = doc.footnoteDefs;
  for (let i = 0; i < defs.length;) {
    let j = i;
    while (j + 1 < defs.length && onlyBlankBetween(doc, defs[j]!.endLine, defs[j + 1]!.line)) j++;
    const s = doc.source.positionAt(defs[i]!.start).line, e = doc.source.positionAt(defs[j]!.end).line;
    add(s, e, 'region');
    for (let k = i; k <= j; k++) add(doc.source.positionAt(defs[k]!.start).line, doc.source.positionAt(defs[k]!.end).line);
    i = j + 1;
  }
  for (const b of doc.blocks) {
    const s = doc.source.positionAt(b.start).line, e = doc.source.positionAt(b.end).line;
    if (b.kind === 'comment') add(s, e, 'comment');
    else if (b.kind === 'code') add(s, e);
    else if (b.kind === 'paragraph' && e - s >= 3) add(s, e);
  }
  // one range per start line (the widest), sorted
  const best = new Map<number, FoldingRangeData>();
  for (const r of out) {
    const o = best.get(r.startLine);
    if (!o || r.endLine > o.endLine) best.set(r.startLine, r);
  }
  return [...best.values()].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}

function onlyBlankBetween(doc: BulletinDocument, fromLine: number, toLine: number): boolean {
  for (let l = fromLine + 1; l < toLine; l++) {
    const ln = doc.lines[l]!;
    if (doc.text.slice(ln.start, ln.end).trim() !== '') return false;
  }
  return true;
}
