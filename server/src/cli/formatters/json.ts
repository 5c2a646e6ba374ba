// lint --format json: exactly the contract's version-1 document (no extra keys).
import type { Finding } from '../../engine/index';

export interface JsonDiagnostic {
  range: Finding['range'];
  severity: Finding['severity'];
  code: string;
  source: 'bulletin';
  message: string;
  suggestions: string[];
}

export function toJsonDiagnostic(f: Finding): JsonDiagnostic {
  return {
    range: { start: { line: f.range.start.line, character: f.range.start.character }, end: { line: f.range.end.line, character: f.range.end.character } },
    severity: f.severity,
    code: f.code,
    source: 'bulletin',
    message: f.message,
    suggestions: [...f.suggestions],
  };
}

export function formatJson(files: { path: string; findings: Finding[] }[]): string {
  return JSON.stringify({ version: 1, files: files.map(f => ({ path: f.path, diagnostics: f.findings.map(toJsonDiagnostic) })) }) + '\n';
}
