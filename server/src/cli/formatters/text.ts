// Text format: one line per finding, then one summary line. Both are stable (scripts grep them).
//
//   path:line:col: severity code message          (1-based line and column, UTF-16 columns)
//   ✖ 12 problems (3 errors, 9 warnings, 0 infos, 0 hints) in 2 files
//   ✔ 0 problems (0 errors, 0 warnings, 0 infos, 0 hints) in 2 files
//
// The summary always has this shape (singular "problem", "error", ... for a count of 1), and when
// some files could not be read it ends with "; N file(s) could not be checked". Regex:
//   ^[✖✔] (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) infos?, (\d+) hints?\) in (\d+) files?(; (\d+) files? could not be checked)?$
// It is in English whatever --lang says, so scripts can parse it; finding messages follow --lang.
import type { Finding, Severity } from '../../engine/index';

export interface Counts { error: number; warning: number; information: number; hint: number }

export function countFindings(findings: Iterable<Finding>, into: Counts = { error: 0, warning: 0, information: 0, hint: 0 }): Counts {
  for (const f of findings) into[f.severity]++;
  return into;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const isSpace = (c: string): boolean => /\s/.test(c);

/** Replace every whitespace run that holds a line break by one space (a plain scan: no regex backtracking). */
export function foldLines(s: string): string {
  if (!s.includes('\n') && !s.includes('\r')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!isSpace(s[i]!)) { out += s[i++]; continue; }
    let j = i;
    let br = false;
    while (j < s.length && isSpace(s[j]!)) { if (s[j] === '\n' || s[j] === '\r') br = true; j++; }
    out += br ? ' ' : s.slice(i, j);
    i = j;
  }
  return out;
}

/** One finding line. Line breaks in messages are folded so each finding stays on one line. */
export function findingLine(path: string, f: Finding, color: boolean): string {
  const pos = `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}:`;
  const message = foldLines(f.message);
  if (!color) return `${pos} ${f.severity} ${f.code} ${message}`;
  return `${pos} ${COLORS[f.severity]}${f.severity}${RESET} ${DIM}${f.code}${RESET} ${message}`;
}

export function summaryLine(c: Counts, files: number, failed: number, color: boolean): string {
  const total = c.error + c.warning + c.information + c.hint;
  const mark = total > 0 || failed > 0 ? '✖' : '✔';
  let s = `${mark} ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ` +
    `${plural(c.information, 'info')}, ${plural(c.hint, 'hint')}) in ${plural(files, 'file')}`;
  if (failed > 0) s += `; ${plural(failed, 'file')} could not be checked`;
  if (!color) return s;
  const col = c.error > 0 || failed > 0 ? COLORS.error : total > 0 ? COLORS.warning : '\x1b[32m';
  return `${BOLD}${col}${s}${RESET}`;
}
