import type { Rule } from '../rule';
import { rule as invalidSyllable } from './invalid-syllable';
import { rule as unknownSyllable } from './unknown-syllable';
import { rule as context } from './context';
import { rule as misreadTerm } from './misread-term';
import { rule as ocrQuality } from './ocr-quality';
import { rule as lookalikeLetter } from './lookalike-letter';
import { rule as invisibleCharacter } from './invisible-character';

/** The spelling.* rules, in a fixed order. */
export const spellingRules: Rule[] = [invalidSyllable, unknownSyllable, context, misreadTerm, lookalikeLetter, invisibleCharacter, ocrQuality];
