// Engine data -> LSP data, at the boundary (rust-analyzer's to_proto). Nothing else here.
import {
  CompletionItemKind, DiagnosticSeverity, DocumentHighlightKind, FoldingRangeKind, InsertTextFormat, SymbolKind,
  type CompletionItem, type Diagnostic, type DocumentHighlight, type DocumentSymbol, type FoldingRange,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import type { Finding, FoldingRangeData, OutlineItem, Severity, SymbolKindName } from '../engine/types';
import type { CompletionData, Highlight, WorkspaceSymbolData } from '../engine/features/citations';

export const README_URL = 'https://github.com/bulletin-ls/bulletin-ls';

/** What a bulletin diagnostic carries for stateless code actions. */
export interface DiagnosticData {
  suggestions: string[];
  safe: boolean;
  word?: string;
  [k: string]: unknown;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** README anchor of a code: "footnote.unused" -> #footnoteunused (GitHub drops the dots). */
export function codeHref(code: string): string {
  return `${README_URL}#${code.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

export function toDiagnostic(f: Finding, original: string): Diagnostic {
  const extra = f.data ?? {};
  const word = typeof extra['word'] === 'string' ? (extra['word'] as string)
    : f.code.startsWith('spelling.') ? original.slice(f.offsets.start, f.offsets.end) : undefined;
  const data: DiagnosticData = { ...extra, suggestions: f.suggestions, safe: f.safe === true };
  if (word !== undefined) data.word = word;
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.code,
    codeDescription: { href: codeHref(f.code) },
    source: 'bulletin',
    message: f.message,
    data,
  };
  if (f.related?.length) d.relatedInformation = f.related.map(r => ({ location: r.location, message: r.message }));
  return d;
}

const SYMBOL: Record<SymbolKindName, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.Namespace,
  item: SymbolKind.Field,
  footnotes: SymbolKind.Array,
  footnote: SymbolKind.Key,
  documents: SymbolKind.Package,
  document: SymbolKind.Object,
};

export function toDocumentSymbol(o: OutlineItem): DocumentSymbol {
  const s: DocumentSymbol = {
    name: o.name.trim() || '…',
    kind: SYMBOL[o.kind] ?? SymbolKind.String,
    range: o.range,
    selectionRange: o.selectionRange,
    children: (o.children ?? []).map(toDocumentSymbol),
  };
  if (o.detail) s.detail = o.detail;
  return s;
}

export function toFoldingRange(f: FoldingRangeData): FoldingRange {
  const r: FoldingRange = { startLine: f.startLine, endLine: f.endLine };
  if (f.kind === 'comment') r.kind = FoldingRangeKind.Comment;
  else if (f.kind === 'region') r.kind = FoldingRangeKind.Region;
  return r;
}

export function toHighlight(h: Highlight): DocumentHighlight {
  return { range: h.range, kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

export function toWorkspaceSymbol(s: WorkspaceSymbolData): SymbolInformation {
  const r: SymbolInformation = { name: s.name, kind: SymbolKind.Object, location: s.location };
  if (s.containerName ?? s.detail) r.containerName = s.containerName ?? s.detail;
  return r;
}

export function toCompletion(c: CompletionData, i: number): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: CompletionItemKind.Reference,
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: String(i).padStart(4, '0'),
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
  if (c.filterText) item.filterText = c.filterText;
  if (c.replace) item.textEdit = { range: c.replace, newText: c.insertText };
  else item.insertText = c.insertText;
  return item;
}
