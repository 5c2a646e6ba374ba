// Applying fixes: shared by CLI --fix and the source.fixAll.bulletin code action.
import type { Finding } from './types';

export interface AppliedFix { start: number; end: number; newText: string; code: string }

/**
 * Edits (original offsets) for the findings' first suggestions, non-overlapping, in order.
 * With onlySafe, only findings marked safe are used. A finding whose replacement equals the
 * current text is skipped, so a second run changes nothing.
 */
export function fixEdits(original: string, findings: readonly Finding[], onlySafe = true): AppliedFix[] {
  const cands = findings
    .filter(f => f.suggestions.length > 0 && (!onlySafe || f.safe))
    .map(f => ({ start: f.offsets.start, end: f.offsets.end, newText: f.suggestions[0]!, code: f.code }))
    .filter(e => e.start >= 0 && e.end >= e.start && e.end <= original.length && original.slice(e.start, e.end) !== e.newText)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: AppliedFix[] = [];
  let lastEnd = -1;
  for (const e of cands) {
    if (e.start < lastEnd || (e.start === lastEnd && e.end === e.start && out.length && out[out.length - 1]!.end === e.start)) continue;
    out.push(e);
    lastEnd = e.end;
  }
  return out;
}

export function applyEdits(original: string, edits: readonly AppliedFix[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += original.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + original.slice(pos);
}
