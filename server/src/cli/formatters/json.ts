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

/** Diagnostics per piece: a file with a million findings is never one string either. */
const BATCH = 1000;

/**
 * The JSON document in pieces (per file, and per BATCH diagnostics within a file), whose
 * concatenation is exactly JSON.stringify(document) + "\n": written piece by piece, an archive's
 * output never has to exist as one string (for 100 OCR bulletins that string was most of the
 * CLI's peak memory).
 */
export function* formatJsonChunks(files: { path: string; findings: Finding[] }[]): Generator<string> {
  yield JSON_HEAD;
  for (let i = 0; i < files.length; i++) yield* jsonFileChunks(files[i]!, i === 0);
  yield JSON_TAIL;
}

/** The document's opening and closing pieces, around the files' pieces (streamed output). */
export const JSON_HEAD = '{"version":1,"files":[';
export const JSON_TAIL = ']}\n';

/** One file's pieces of the document (`first`: no comma before it). */
export function* jsonFileChunks(f: { path: string; findings: Finding[] }, first: boolean): Generator<string> {
  const head = (first ? '' : ',') + '{"path":' + JSON.stringify(f.path) + ',"diagnostics":[';
  if (f.findings.length === 0) { yield head + ']}'; return; }
  for (let k = 0; k < f.findings.length; k += BATCH) {
    const part = f.findings.slice(k, k + BATCH).map(d => JSON.stringify(toJsonDiagnostic(d))).join(',');
    yield (k === 0 ? head : ',') + part + (k + BATCH >= f.findings.length ? ']}' : '');
  }
}

export function formatJson(files: { path: string; findings: Finding[] }[]): string {
  return [...formatJsonChunks(files)].join('');
}
