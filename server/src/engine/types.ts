// Plain data shared by the engine, the LSP glue and the CLI.
// Positions are LSP positions: 0-based line, 0-based UTF-16 code unit, in the
// user's ORIGINAL text (before any normalisation).

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Location { uri: string; range: Range }
export interface TextEdit { range: Range; newText: string }

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

export type Locale = 'en' | 'vi';

/** A bilingual user-facing message. */
export interface Msg { en: string; vi: string }

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  source: 'bulletin';
  /** Replacements for `range`, best first. The first is what a quick fix applies. */
  suggestions: string[];
  /** True when `suggestions[0]` may be applied without asking (fix-all, `--fix`). */
  safe?: boolean;
  /** Offsets of `range` in the original text (UTF-16), for hosts that edit text. */
  offsets: { start: number; end: number };
  /** Extra rule-specific data, JSON-serialisable. */
  data?: Record<string, unknown>;
  /** Related places (e.g. the other mention in a conflict). */
  related?: { location: Location; message: string }[];
}

export interface CancellationLike { readonly isCancellationRequested: boolean }

export type SymbolKindName =
  | 'title' | 'section' | 'subsection' | 'item' | 'footnotes' | 'footnote' | 'documents' | 'document';

export interface OutlineItem {
  name: string;
  kind: SymbolKindName;
  detail?: string;
  range: Range;
  selectionRange: Range;
  children: OutlineItem[];
}

export interface FoldingRangeData { startLine: number; endLine: number; kind?: 'comment' | 'region' }
