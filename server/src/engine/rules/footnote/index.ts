import type { Rule } from '../rule';
import { rule as undefinedRule } from './undefined';
import { rule as unused } from './unused';
import { rule as duplicate } from './duplicate';
import { rule as sequence } from './sequence';
import { rule as selfReference } from './self-reference';

/** The footnote.* rules, in a fixed order. */
export const footnoteRules: Rule[] = [undefinedRule, unused, duplicate, sequence, selfReference];
