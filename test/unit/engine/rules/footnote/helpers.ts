import { lint, parseDocument, resolveConfig } from '../../../../../server/src/engine/index';
import type { Rule } from '../../../../../server/src/engine/rules/rule';
import type { Finding } from '../../../../../server/src/engine/types';

/** Findings of one rule on a text, as "line:col code" strings (1-based, like an editor shows). */
export function run(rule: Rule, text: string, locale: 'en' | 'vi' = 'en'): Finding[] {
  return lint(parseDocument('file:///test.md', text), resolveConfig({ locale }), { only: [rule] });
}

export function where(fs: Finding[]): string[] {
  return fs.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
}
