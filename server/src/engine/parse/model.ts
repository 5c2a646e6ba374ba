// The document model: one parse per document version. All offsets are ANALYSIS offsets
// (into source.text); use source.rangeOf(start, end) to report.
import type { SourceText } from '../text';
import type { SectionLabel } from './labels';

export type DocFormat = 'markdown' | 'ocr';

export interface Span { start: number; end: number }

export interface Line extends Span {
  /** 0-based line number. `end` excludes the line break. */
  line: number;
}

export type NumberingKind = 'roman' | 'arabic' | 'arabic-multi' | 'letter';

export interface Numbering extends Span {
  kind: NumberingKind;
  /** Raw label as written, e.g. "II", "ỊL" (OCR-damaged), "3", "3.1". */
  raw: string;
  /** Parsed value(s): [2] for "II.", [3, 1] for "3.1.". */
  values: number[];
  /** True when the label was repaired from OCR damage ("ỊL" -> I, "V" kept). */
  repaired?: boolean;
}

/**
 * 'atx' = Markdown `#`; 'bold' = a bold paragraph or a bold label leading a paragraph;
 * 'caps' = an upper-case OCR heading line; 'numbered' = a short OCR line led by a number;
 * 'bullet' = a short OCR line led by `*`/`-` used as a sub-heading ("* Nguyên nhân hạn chế").
 */
export type HeadingStyle = 'atx' | 'bold' | 'caps' | 'numbered' | 'bullet';

export interface Heading extends Span {
  /** Markdown ATX level (1..6) when style is 'atx', else an inferred level. */
  level: number;
  /** Structural rank from the numbering: 0 title, 1 roman, 2 arabic, 3 arabic-multi/task. */
  rank: number;
  style: HeadingStyle;
  numbering?: Numbering;
  /** Heading title text without markup (NFC). */
  title: string;
  /** Span of the visible title (without '#', '**'). */
  titleSpan: Span;
  line: number;
  endLine: number;
  /**
   * True when the numbered label leads a paragraph of prose ("III. Ban Chấp hành … đã thông qua …",
   * `**III.** Ban …`): a section by numbering, but written as a paragraph.
   */
  inline?: boolean;
}

export interface ListItem extends Span {
  numbering?: Numbering;
  bullet?: string;
  line: number;
  endLine: number;
  bold: 'all' | 'number' | 'none';
}

export interface FootnoteRef extends Span {
  /** Footnote number. */
  n: number;
  /** Span of the digits only. */
  numberSpan: Span;
  line: number;
  /** When the marker sits inside a footnote definition: that definition's number. */
  insideDefinition?: number;
  /** How the marker is written: `<sup>N</sup>`, `[^N]`, or OCR digits glued to a word (`tiêu1`). */
  style?: 'sup' | 'bracket' | 'glued';
}

export interface FootnoteDef extends Span {
  n: number;
  /** Span of the leading marker ("<sup>8</sup>" or "8"). */
  marker: Span;
  /** Span of the digits only. */
  numberSpan?: Span;
  line: number;
  endLine: number;
}

/** An inline enumeration label such as "(1)", "(iii)". */
export interface EnumLabel extends Span {
  raw: string;
  kind: 'arabic' | 'roman';
  value: number;
  line: number;
}

export interface Directive extends Span {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Codes or families ("spelling", "citation.unresolved"); empty = everything. */
  codes: string[];
  line: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'rule' | 'footnote-def' | 'comment' | 'code' | 'ornament';

export interface Block extends Span {
  kind: BlockKind;
  line: number;
  endLine: number;
}

export interface BulletinDocument {
  uri: string;
  version: number;
  source: SourceText;
  /** = source.text (analysis text). */
  text: string;
  format: DocFormat;
  lines: Line[];
  blocks: Block[];
  headings: Heading[];
  listItems: ListItem[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  enumLabels: EnumLabel[];
  directives: Directive[];
  /**
   * Sorted, non-overlapping spans that prose checks (spelling) must skip: Markdown syntax
   * characters, HTML tags and comments, code spans, URLs, footnote markers.
   */
  skips: Span[];
  /** HTML comments (`<!-- … -->`), including directives and fixture expectations. */
  comments?: Span[];
  /** Damaged section labels at the start of heading lines and the numerals the sequence reads them as. */
  sectionLabels: SectionLabel[];
  /** Per-document memo for lazily computed artefacts (tokens, citations, ...). */
  memo: Map<string, unknown>;
}

/** Memoise `compute` on the document under `key`. */
export function memo<T>(doc: BulletinDocument, key: string, compute: () => T): T {
  if (doc.memo.has(key)) return doc.memo.get(key) as T;
  const v = compute();
  doc.memo.set(key, v);
  return v;
}
