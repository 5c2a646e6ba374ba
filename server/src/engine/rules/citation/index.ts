import type { Rule } from '../rule';

/** The citation.* rules, in a fixed order. */
export const citationRules: Rule[] = [];
