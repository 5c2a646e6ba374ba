import type { Rule } from '../rule';
import { rule as invalidSyllable } from './invalid-syllable';
import { rule as unknownSyllable } from './unknown-syllable';
import { rule as context } from './context';
import { rule as misreadTerm } from './misread-term';
import { rule as ocrQuality } from './ocr-quality';

/** The spelling.* rules, in a fixed order. */
export const spellingRules: Rule[] = [invalidSyllable, unknownSyllable, context, misreadTerm, ocrQuality];
