import type { Rule } from '../rule';

/** The spelling.* rules, in a fixed order. */
export const spellingRules: Rule[] = [];
