// Runs of words written without any Vietnamese diacritic in a bulletin that has them elsewhere:
// "Hoi nghi lan thu 24" typed without a Vietnamese keyboard, or a line an OCR engine read
// without its Vietnamese model. Most such words are valid syllables (the level tone, no vowel
// modifier), so word by word the context check sees only a few of them; read as a run, the
// context model restores the marks (a Viterbi over each word's readings with the same letters)
// and the run is one finding with the restored text as its suggestion.
import type { SpellingModel } from '../../vietnamese/model';
import type { Checker } from '../../vietnamese/checker';
import { applyCase, skeleton } from '../../vietnamese/orthography';
import { F_BREAK_AFTER, F_BREAK_BEFORE, F_NUM, F_NUM_FIX, F_SKIP, F_STRAY, F_UPPER_LINE, type TokenList } from './tokens';
import type { SpellingIssue } from './analyze';

/** Fewest words in a run... */
const MIN_RUN = 3;
/** ... and in one whose words are all syllables as written (no stop final without its tone). */
const MIN_RUN_ALL_VALID = 6;
/** Readings per word considered (the commonest with the word's letters). */
const MAX_READINGS = 12;
/** Share of a run's words the restored reading must change... */
const MIN_CHANGED = 0.5;
/** ... and the context score it must gain per changed word (nats) over the text as written. */
const MIN_GAIN = 2;
/** Share of a document's checked words that must carry marks for bare runs to be suspect. */
const MIN_MARKED_SHARE = 0.2;
/** Score of a word the lexicon does not know (as written), per word. */
const UNKNOWN_LN = -17;

/** Findings for runs of unaccented words (spans in the analysis text `text`). */
export function unaccentedRuns(tokens: TokenList, text: string, model: SpellingModel, checker: Checker, userWords: ReadonlySet<string>): SpellingIssue[] {
  const n = tokens.length;
  const { flags, start, end: ends } = tokens;
  // one pass over the code units, no string made: which words are plain ASCII letters (in
  // running text not all capitals, which is an acronym; on a line in capitals all capitals), and
  // how many words carry a letter beyond ASCII (Vietnamese marks)
  const plain = new Uint8Array(n);
  let checked = 0, marked = 0, candidates = 0;
  for (let i = 0; i < n; i++) {
    if (flags[i]! & (F_SKIP | F_NUM | F_STRAY)) continue;
    checked++;
    let ascii = true, lower = false;
    for (let o = start[i]!; o < ends[i]!; o++) {
      const c = text.charCodeAt(o);
      if (c >= 0x61 && c <= 0x7a) lower = true;
      else if (!(c >= 0x41 && c <= 0x5a)) { ascii = false; break; }
    }
    if (!ascii) { marked++; continue; }
    if ((flags[i]! & F_UPPER_LINE) ? !lower : (lower || ends[i]! - start[i]! === 1)) { plain[i] = 1; candidates++; }
  }
  // the document must be written with marks elsewhere: a text with none is not Vietnamese
  // typed this way, or not Vietnamese at all
  if (candidates < MIN_RUN || checked === 0 || marked < MIN_MARKED_SHARE * checked) return [];
  const out: SpellingIssue[] = [];
  const plainNumber = (k: number): boolean => (flags[k]! & F_NUM) !== 0 && (flags[k]! & F_NUM_FIX) === 0;
  // (on one line, spaces only: "trang cat⏎in ra" is two list entries)
  const joined = (k: number): boolean => {
    if ((flags[k]! & F_BREAK_BEFORE) || (flags[k - 1]! & F_BREAK_AFTER) || start[k]! === ends[k - 1]!) return false;
    for (let o = ends[k - 1]!; o < start[k]!; o++) { const c = text.charCodeAt(o); if (c !== 32 && c !== 9 && c !== 0xa0) return false; }
    return true;
  };
  const hyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
  let i = 0;
  while (i < n) {
    if (!plain[i]) { i++; continue; }
    // a run: plain words one after another; a number inside it ("lan thu 24 Ban") stays as it is
    let j = i + 1;
    let end = i + 1;
    while (j < n && joined(j) && (plain[j] || plainNumber(j))) { j++; if (plain[j - 1]) end = j; }
    // every word must be one some syllable has with its marks ("hoi", and "chap", "quyet",
    // which are no syllables without them): the run ends before the first that is not
    for (let k = i; k < end; k++) {
      if (!plain[k]) continue;
      const lw = tokens.lower(k);
      if (userWords.has(lw) || model.withSkeleton(lw).length === 0) { plain[k] = 0; end = k; while (end > i && !plain[end - 1]) end--; break; }
    }
    const next = Math.max(end, i + 1);
    let words = 0;
    for (let k = i; k < end; k++) if (plain[k]) words++;
    // a word hyphenated to the next is a transliterated name ("Xan-va-đoa"), not a run's edge
    if (words < MIN_RUN || hyphen(text.charCodeAt(start[i]! - 1)) || hyphen(text.charCodeAt(ends[end - 1]!))) { i = next; continue; }
    // level-tone words with no modifier are common in accented text too ("cửa sổ cha to ra",
    // "thanh ghi chung"): a short run must hold a word that is no syllable as written (a stop
    // final takes a tone)
    let invalid = 0;
    for (let k = i; k < end; k++) if (plain[k] && !checker.typeInfo(tokens.lower(k)).valid) invalid++;
    if (invalid > 0 || words >= MIN_RUN_ALL_VALID) {
      const f = restore(tokens, i, end, model, checker);
      if (f) out.push(f);
    }
    i = next;
  }
  return out;
}

function restore(tokens: TokenList, from: number, to: number, model: SpellingModel, checker: Checker): SpellingIssue | null {
  const { flags } = tokens;
  const L = to - from;
  const written = Array.from({ length: L }, (_, k) => tokens.text(from + k));
  const bareIds = written.map(w => model.idOf(w.toLowerCase()));
  // readings of each word: lexicon syllables with its letters, commonest first
  const isNum = (k: number) => (flags[from + k]! & F_NUM) !== 0;
  const num = model.idOf('0');
  const readings = written.map((w, k) => {
    // a number is itself (the counts' pseudo-syllable "0")
    if (isNum(k)) return num >= 0 ? [num] : [];
    const ids = [...model.withSkeleton(skeleton(w.toLowerCase()))].filter(id => !model.isPseudo(id));
    return ids.sort((a, b) => model.lnCount[b]! - model.lnCount[a]! || a - b).slice(0, MAX_READINGS);
  });
  if (readings.some(r => r.length === 0)) return null;
  for (let k = 0; k < L; k++) if (isNum(k)) bareIds[k] = num;
  // neighbours of the run, when nothing separates them from it
  const left = from > 0 && !(flags[from]! & F_BREAK_BEFORE) ? model.idOf(tokens.lower(from - 1)) : -1;
  const right = to < tokens.length && !(flags[to - 1]! & F_BREAK_AFTER) ? model.idOf(tokens.lower(to)) : -1;
  // Viterbi over the readings: ln P(x_k | x_k-1), and the right neighbour after the last
  let score = readings[0]!.map(x => checker.lnLeft(left, x));
  const back: Int32Array[] = [];
  for (let k = 1; k < L; k++) {
    const prev = readings[k - 1]!, cur = readings[k]!;
    const next = new Array<number>(cur.length).fill(-Infinity);
    const b = new Int32Array(cur.length);
    for (let c = 0; c < cur.length; c++) {
      for (let p = 0; p < prev.length; p++) {
        const v = score[p]! + checker.lnLeft(prev[p]!, cur[c]!);
        if (v > next[c]!) { next[c] = v; b[c] = p; }
      }
    }
    back.push(b);
    score = next;
  }
  const last = readings[L - 1]!;
  let best = -1, bestScore = -Infinity;
  for (let c = 0; c < last.length; c++) {
    const v = score[c]! + (right >= 0 ? checker.lnRight(last[c]!, right) : 0);
    if (v > bestScore) { bestScore = v; best = c; }
  }
  const path = new Array<number>(L);
  for (let k = L - 1, c = best; k >= 0; k--) { path[k] = readings[k]![c]!; if (k > 0) c = back[k - 1]![c]!; }
  // the text as written, scored the same way
  let asWritten = 0;
  for (let k = 0; k < L; k++) {
    const x = bareIds[k]!, p = k === 0 ? left : bareIds[k - 1]!;
    asWritten += x < 0 ? UNKNOWN_LN : checker.lnLeft(p, x);
  }
  if (right >= 0 && bareIds[L - 1]! >= 0) asWritten += checker.lnRight(bareIds[L - 1]!, right);
  const words = written.filter((_, k) => !isNum(k)).length;
  const changed = path.filter((x, k) => x !== bareIds[k]).length;
  if (changed < MIN_CHANGED * words || bestScore - asWritten < MIN_GAIN * changed) return null;
  // the restored run, in the writer's case and spacing
  const start = tokens.start[from]!, end = tokens.end[to - 1]!;
  let fixed = '';
  for (let k = 0; k < L; k++) {
    const i = from + k;
    if (k > 0) fixed += tokens.source.slice(tokens.end[i - 1]!, tokens.start[i]!);
    fixed += isNum(k) ? written[k]! : applyCase(model.syllables[path[k]!]!, written[k]!);
  }
  const shown = fixed.length > 60 ? fixed.slice(0, 57) + '…' : fixed;
  return {
    bestId: -1, code: 'spelling.context', span: { start, end }, word: tokens.source.slice(start, end),
    suggestions: [fixed], safe: false, severity: 'warning', conf: 0,
    message: {
      en: `Words written without Vietnamese diacritics: "${shown}"?`,
      vi: `Các từ viết thiếu dấu tiếng Việt: có phải là "${shown}"?`,
    },
  };
}
