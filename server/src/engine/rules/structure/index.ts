import type { Rule } from '../rule';
import { rule as headingLevel } from './heading-level';
import { rule as numberingSequence } from './numbering-sequence';
import { rule as enumerationGap } from './enumeration-gap';

/** The structure.* rules, in a fixed order. */
export const structureRules: Rule[] = [headingLevel, numberingSequence, enumerationGap];
