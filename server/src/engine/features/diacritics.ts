// Restoring the marks of text the user selects (an editor action, not a finding): the words of
// the selection typed without marks, read in context by the same model as the diacritics check.
import type { BulletinDocument } from '../parse/model';
import type { Resources } from '../resources';
import type { Range, TextEdit } from '../types';
import { spellingTokens } from '../rules/spelling/tokens';
import { hasRestorableWord, restoreRange } from '../rules/spelling/diacritics';
import { checkerFor } from '../rules/spelling/analyze';

/** One edit per word of `range` typed without marks whose reading in context has them. */
export function restoreDiacritics(doc: BulletinDocument, resources: Resources, range: Range): TextEdit[] {
  const model = resources.spelling;
  if (!model) return [];
  const src = doc.source;
  const start = src.offsetAt(range.start), end = src.offsetAt(range.end);
  if (!(end > start)) return [];
  return restoreRange(spellingTokens(doc), start, end, model, checkerFor(model))
    .map(r => ({ range: src.rangeOf(r.span.start, r.span.end), newText: r.text }));
}

/** Whether `range` holds a word typed without marks that some syllable writes with them (cheap: no reading). */
export function canRestoreDiacritics(doc: BulletinDocument, resources: Resources, range: Range): boolean {
  const model = resources.spelling;
  if (!model) return false;
  const src = doc.source;
  const start = src.offsetAt(range.start), end = src.offsetAt(range.end);
  return end > start && hasRestorableWord(spellingTokens(doc), start, end, model);
}
