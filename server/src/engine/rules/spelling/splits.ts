// One word that OCR cut in two ("phát tri ển", "thành ph ố"): a space read inside a word. Word by
// word, each half is judged alone and gets a wrong fix ("ển" -> "nền", "ph" -> "phố" leaving "ố");
// read together they are a common syllable that fits its neighbours. One finding covers both
// halves, with the joined word as its fix (never applied without asking).
import type { SpellingModel } from '../../vietnamese/model';
import type { Checker } from '../../vietnamese/checker';
import { applyCase } from '../../vietnamese/orthography';
import { F_BREAK_AFTER, F_BREAK_BEFORE, F_NUM, F_SKIP, F_STRAY, neighbourIds, type TokenList } from './tokens';
import { issueOf, type SpellingIssue } from './analyze';

/** The joined word must be a common syllable (ln count)... */
const MIN_JOINED_LN = 4;
/** ... and read in context at least this much better (nats) than the halves as written. */
const MIN_GAIN = 3;
/** ln P of OCR reading a space inside a word. */
const SPLIT_CHANNEL = -8;

/** `ids`: the lexicon id of each known syllable of the document, -1 for the other tokens. */
export function splitWords(tokens: TokenList, ids: Int32Array, model: SpellingModel, checker: Checker, userWords: ReadonlySet<string>): SpellingIssue[] {
  const out: SpellingIssue[] = [];
  const { flags, start, end } = tokens;
  const n = tokens.length;
  for (let i = 0; i + 1 < n; i++) {
    const fa = flags[i]!, fb = flags[i + 1]!;
    // (two known words, the common case, cost no string)
    if (ids[i]! >= 0 && ids[i + 1]! >= 0) continue;
    if ((fa | fb) & (F_SKIP | F_NUM | F_STRAY) || (fb & F_BREAK_BEFORE) || (fa & F_BREAK_AFTER)) continue;
    // one space between them, on one line
    if (start[i + 1]! !== end[i]! + 1 || tokens.source.charCodeAt(end[i]!) !== 32) continue;
    const a = tokens.lower(i), b = tokens.lower(i + 1);
    const ia = checker.typeInfo(a), ib = checker.typeInfo(b);
    // a half that is no known word, with marks or of two letters or more: the cut is where the
    // damage is ("tri ển", "ph ố"); a lone plain letter is an option or a variable ("p in", "x y")
    const cut = (w: string, info: typeof ia) => !info.known && (info.marks || (!info.valid && w.length >= 2));
    if (!cut(a, ia) && !cut(b, ib)) continue;
    if (userWords.has(a) || userWords.has(b)) continue;
    const joined = model.idOf(a + b);
    if (joined < 0 || model.lnCount[joined]! < MIN_JOINED_LN) continue;
    // (a capital in the second half is a new word: "Ban Chỉ")
    const tb = tokens.text(i + 1);
    if (tb !== b && tb !== tb.toUpperCase()) continue;
    // ... and so is a lone capital between two capitalised words: a name's middle letter (the
    // Hmong "A" of "Vừ A Bằng", "Sùng A Hồ")
    if (tb.length === 1 && tb !== b && i + 2 < n && start[i + 2]! === end[i + 1]! + 1 && /^\p{Lu}\p{Ll}/u.test(tokens.text(i + 2))
      && /^\p{Lu}/u.test(tokens.text(i))) continue;
    const [l, r] = neighbourIds(tokens, i, i + 2, model);
    const together = checker.lnLeft(l, joined) + (r >= 0 ? checker.lnRight(joined, r) : 0) + SPLIT_CHANNEL;
    // (a half that is no lexicon syllable scores as the checker scores an unknown one)
    const unknown = checker.score.lnUnknown;
    const apart = (ia.self >= 0 ? checker.lnLeft(l, ia.self) : unknown)
      + (ib.self >= 0 ? checker.lnLeft(ia.self >= 0 ? ia.self : -1, ib.self) : unknown)
      + (ib.self >= 0 && r >= 0 ? checker.lnRight(ib.self, r) : 0);
    if (together - apart < MIN_GAIN) continue;
    const written = tokens.source.slice(start[i]!, end[i + 1]!);
    const fix = applyCase(model.syllables[joined]!, tokens.text(i) + tb);
    out.push(issueOf({
      bestId: joined, code: 'spelling.invalid-syllable', span: { start: start[i]!, end: end[i + 1]! }, word: written,
      suggestions: [fix], safe: false, severity: 'error', conf: 0,
      message: {
        en: `"${written}" looks like one word cut in two by OCR ("${fix}")`,
        vi: `"${written}" có vẻ là một từ bị OCR tách làm hai ("${fix}")`,
      },
    }));
    i++;
  }
  return out;
}
