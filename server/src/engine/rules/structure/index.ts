import type { Rule } from '../rule';

/** The structure.* rules, in a fixed order. */
export const structureRules: Rule[] = [];
