// Engine data -> LSP data, at the boundary (rust-analyzer's to_proto). Nothing else here.
import {
  CompletionItemKind, DiagnosticSeverity, DocumentHighlightKind, FoldingRangeKind, InsertTextFormat, SymbolKind,
  type CompletionItem, type Diagnostic, type DocumentHighlight, type DocumentSymbol, type FoldingRange,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import type { Finding, FoldingRangeData, OutlineItem, Severity, SymbolKindName } from '../engine/types';
import type { CompletionData, Highlight, WorkspaceSymbolData } from '../engine/features/citations';

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

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The findings an editor shows when at most `max` may be shown (0 = no limit): the most severe,
 * the earliest first among equals, returned in document order. Fix-all works on all of them.
 */
export function capFindings(findings: readonly Finding[], max: number): readonly Finding[] {
  if (!(max > 0) || findings.length <= max) return findings;
  const idx = findings.map((_, i) => i)
    .sort((a, b) => (RANK[findings[a]!.severity] ?? 9) - (RANK[findings[b]!.severity] ?? 9) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
  return idx.map(i => findings[i]!);
}

/** The note at the top of a document whose problems were capped (no code: no rule made it). */
export function cappedNote(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'bulletin', message };
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

/**
 * Minimal edits turning `before` into `after`: one edit per changed line when the line structure
 * is unchanged (fixes replace words), else one edit over the changed span.
 */
export function diffEdits(before: string, after: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] {
  const a = before.split(/(\r\n|\r|\n)/), b = after.split(/(\r\n|\r|\n)/);
  const sameShape = a.length === b.length && a.every((x, i) => i % 2 === 0 || x === b[i]);
  if (sameShape) {
    const out = [];
    for (let i = 0, line = 0; i < a.length; i += 2, line++) {
      const x = a[i]!, y = b[i]!;
      if (x === y) continue;
      let p = 0;
      while (p < x.length && p < y.length && x.charCodeAt(p) === y.charCodeAt(p)) p++;
      let q = 0;
      while (q < x.length - p && q < y.length - p && x.charCodeAt(x.length - 1 - q) === y.charCodeAt(y.length - 1 - q)) q++;
      out.push({ range: { start: { line, character: p }, end: { line, character: x.length - q } }, newText: y.slice(p, y.length - q) });
    }
    return out;
  }
  let p = 0;
  while (p < before.length && p < after.length && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const pos = (off: number) => {
    const head = before.slice(0, off);
    const parts = head.split(/\r\n|\r|\n/);
    return { line: parts.length - 1, character: parts[parts.length - 1]!.length };
  };
  return [{ range: { start: pos(p), end: pos(before.length - q) }, newText: after.slice(p, after.length - q) }];
}
