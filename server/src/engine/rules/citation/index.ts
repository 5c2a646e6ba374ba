import type { Rule } from '../rule';
import { rule as unresolved } from './unresolved';
import { rule as malformed } from './malformed';
import { rule as conflict } from './conflict';
import { rule as invalidDate } from './invalid-date';

/** The citation.* rules, in a fixed order. */
export const citationRules: Rule[] = [unresolved, malformed, conflict, invalidDate];
