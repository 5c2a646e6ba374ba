// The explicit registry of every check. Docs, settings and tests are checked against it.
import type { Rule } from './rule';
import { spellingRules } from './spelling/index';
import { citationRules } from './citation/index';
import { footnoteRules } from './footnote/index';
import { structureRules } from './structure/index';

export const rules: readonly Rule[] = [...spellingRules, ...citationRules, ...footnoteRules, ...structureRules];

export function ruleByCode(code: string): Rule | undefined {
  return rules.find(r => r.code === code);
}
