import type { Rule } from '../rule';

/** The footnote.* rules, in a fixed order. */
export const footnoteRules: Rule[] = [];
