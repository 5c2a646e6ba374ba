// Runs of words written without any Vietnamese diacritic in a bulletin that has them elsewhere:
// "Hoi nghi lan thu 24" typed without a Vietnamese keyboard, or a line an OCR engine read
// without its Vietnamese model. Most such words are valid syllables (the level tone, no vowel
// modifier), so word by word the context check sees only a few of them; read as a run, the
// context model restores the marks (a Viterbi over each word's readings with the same letters)
// and the run is one finding with the restored text as its suggestion.
//
// A document with (almost) no marks at all is read the same way when its words are Vietnamese
// ones stripped of their marks (nearly all of them are some syllable's letters): a draft typed
// without a Vietnamese keyboard, or a scan read by an OCR engine without its Vietnamese model.
// There every word is suspect, so a run may be short, need not hold a word that is no syllable,
// and goes on across a line break inside a paragraph (wrapped lines keep their context); it is
// reported line by line, so that each finding and its fix stay one line long.
import type { SpellingModel } from '../../vietnamese/model';
import type { Checker } from '../../vietnamese/checker';
import { applyCase, skeleton } from '../../vietnamese/orthography';
import { F_ASCII, F_ASCII_LOWER, F_BREAK_AFTER, F_BREAK_BEFORE, F_NUM, F_NUM_FIX, F_SKIP, F_STRAY, F_UPPER_LINE, neighbourIds, type TokenList } from './tokens';
import { cachedIssue, issueOf, type SpellingIssue } from './analyze';
import { detach } from '../../text';

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
/**
 * A document with fewer marked words than that is read as a whole text typed without marks when
 * it has at least this many plain words...
 */
const MIN_BARE_WORDS = 8;
/** ... and this share of them are some Vietnamese syllable's letters (English prose: about a fifth). */
const MIN_BARE_SYLLABLE_SHARE = 0.9;
/** Fewest words in a run of such a document. */
const MIN_RUN_BARE = 2;

/** Findings for runs of unaccented words (spans in the analysis text `text`). */
export function unaccentedRuns(tokens: TokenList, text: string, model: SpellingModel, checker: Checker, userWords: ReadonlySet<string>): SpellingIssue[] {
  const n = tokens.length;
  const { flags, start, end: ends } = tokens;
  // from the tokens' flags, no character read: which words are plain ASCII letters (in running
  // text not all capitals, which is an acronym; on a line in capitals all capitals), and how
  // many words carry a letter beyond ASCII (Vietnamese marks)
  const plain = new Uint8Array(n);
  let checked = 0, marked = 0, candidates = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (f & (F_SKIP | F_NUM | F_STRAY)) continue;
    checked++;
    if (!(f & F_ASCII)) { marked++; continue; }
    const lower = (f & F_ASCII_LOWER) !== 0;
    if ((f & F_UPPER_LINE) ? !lower : (lower || ends[i]! - start[i]! === 1)) { plain[i] = 1; candidates++; }
  }
  if (candidates < MIN_RUN_BARE || checked === 0) return [];
  // the document must be written with marks elsewhere, or be one typed entirely without them:
  // then nearly all its plain words are Vietnamese syllables' letters (not so in English)
  const bare = marked < MIN_MARKED_SHARE * checked;
  if (bare) {
    if (candidates < MIN_BARE_WORDS) return [];
    let syllables = 0;
    for (let i = 0; i < n; i++) if (plain[i] && model.withSkeleton(tokens.lower(i)).length > 0) syllables++;
    if (syllables < MIN_BARE_SYLLABLE_SHARE * candidates) return [];
  } else if (candidates < MIN_RUN) return [];
  const out: SpellingIssue[] = [];
  const plainNumber = (k: number): boolean => (flags[k]! & F_NUM) !== 0 && (flags[k]! & F_NUM_FIX) === 0;
  // spaces only, on one line ("trang cat⏎in ra" is two list entries); in a bare document also
  // one line break inside a paragraph, between lines of the same case
  const joined = (k: number): boolean => {
    if ((flags[k]! & F_BREAK_BEFORE) || (flags[k - 1]! & F_BREAK_AFTER) || start[k]! === ends[k - 1]!) return false;
    let breaks = 0;
    for (let o = ends[k - 1]!; o < start[k]!; o++) {
      const c = text.charCodeAt(o);
      if (c === 10 && bare && breaks === 0 && ((flags[k]! ^ flags[k - 1]!) & F_UPPER_LINE) === 0) { breaks++; continue; }
      if (c === 13 && bare && text.charCodeAt(o + 1) === 10) continue;
      if (c !== 32 && c !== 9 && c !== 0xa0) return false;
    }
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
    // a word hyphenated to the next is a transliterated name ("Xan-va-đoa"), not a run's edge;
    // a name after an English title ("Ms. Nguyen Thi Lan") is written the English way on purpose
    if (words < (bare ? MIN_RUN_BARE : MIN_RUN) || hyphen(text.charCodeAt(start[i]! - 1)) || hyphen(text.charCodeAt(ends[end - 1]!)) || afterEnglishTitle(tokens, text, i)) { i = next; continue; }
    // level-tone words with no modifier are common in accented text too ("cửa sổ cha to ra",
    // "thanh ghi chung"): a short run must hold a word that is no syllable as written (a stop
    // final takes a tone)
    let invalid = 0;
    if (!bare) for (let k = i; k < end; k++) if (plain[k] && !checker.typeInfo(tokens.lower(k)).valid) invalid++;
    if (bare || invalid > 0 || words >= MIN_RUN_ALL_VALID) {
      for (const f of restoreCached(tokens, i, end, model, checker)) out.push(f);
    }
    i = next;
  }
  return out;
}

/** English titles before a name ("Mr.", "Ms", "Dr."), lower case. */
const ENGLISH_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam']);

/** Whether token i follows an English title, with at most its full stop and spaces between. */
function afterEnglishTitle(tokens: TokenList, text: string, i: number): boolean {
  if (i === 0 || !ENGLISH_TITLES.has(tokens.lower(i - 1))) return false;
  let o = tokens.end[i - 1]!;
  if (text.charCodeAt(o) === 46) o++;
  while (o < tokens.start[i]! && (text.charCodeAt(o) === 32 || text.charCodeAt(o) === 0xa0)) o++;
  return o === tokens.start[i]!;
}

/**
 * restore() per run text and neighbours, spans relative to the run's start: a document typed
 * without marks has a run on nearly every line, and an edit changes one of them.
 */
const restoreCache = new WeakMap<SpellingModel, Map<string, SpellingIssue[]>>();
const RESTORE_CACHE_SIZE = 20000;

export function clearRestoreCache(model: SpellingModel): void { restoreCache.delete(model); }

function restoreCached(tokens: TokenList, from: number, to: number, model: SpellingModel, checker: Checker): SpellingIssue[] {
  let cache = restoreCache.get(model);
  if (!cache) restoreCache.set(model, cache = new Map());
  const [left, right] = neighbourIds(tokens, from, to, model);
  const base = tokens.start[from]!;
  const key = `${left} ${right} ${tokens.source.slice(base, tokens.end[to - 1]!)}`;
  let rel = cache.get(key);
  if (!rel) {
    if (cache.size >= RESTORE_CACHE_SIZE) cache.clear();
    rel = restore(tokens, from, to, model, checker, left, right).map(x => cachedIssue(x, base));
    cache.set(detach(key), rel); // (a slice would keep the whole document alive)
  }
  return rel.map(x => issueOf(x, x.span.start + base, x.span.end + base));
}

/** A run's best reading with marks, and the text as written, scored by the context model. */
interface RunReading {
  written: string[];
  /** Lexicon ids of the words as written (-1: unknown), numbers as the counts' "0". */
  bareIds: number[];
  /** The best reading's lexicon ids. */
  path: number[];
  isNum: (k: number) => boolean;
  bestScore: number;
  asWritten: number;
}

/**
 * The best reading of tokens from..to (plain words and numbers) with the marks their letters
 * allow: a Viterbi over each word's commonest readings, between the neighbours left and right.
 * Null when a word has no reading.
 */
function readRun(tokens: TokenList, from: number, to: number, model: SpellingModel, checker: Checker, left: number, right: number): RunReading | null {
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
    // (a word the lexicon does not know scores as the checker scores an unknown syllable)
    asWritten += x < 0 ? checker.score.lnUnknown : checker.lnLeft(p, x);
  }
  if (right >= 0 && bareIds[L - 1]! >= 0) asWritten += checker.lnRight(bareIds[L - 1]!, right);
  return { written, bareIds, path, isNum, bestScore, asWritten };
}

/** The findings of a run: none when restoring it does not pay, else one per line it spans. */
function restore(tokens: TokenList, from: number, to: number, model: SpellingModel, checker: Checker, left: number, right: number): SpellingIssue[] {
  const run = readRun(tokens, from, to, model, checker, left, right);
  if (!run) return [];
  const { written, bareIds, path, isNum, bestScore, asWritten } = run;
  const L = to - from;
  const words = written.filter((_, k) => !isNum(k)).length;
  const changed = path.filter((x, k) => x !== bareIds[k]).length;
  if (changed < MIN_CHANGED * words || bestScore - asWritten < MIN_GAIN * changed) return [];
  // the restored run, in the writer's case and spacing, one finding per line (a line on which
  // nothing changes has none)
  const out: SpellingIssue[] = [];
  for (let a = 0; a < L;) {
    let b = a + 1;
    while (b < L && tokens.line[from + b] === tokens.line[from + a]) b++;
    let fixed = '', changes = 0;
    for (let k = a; k < b; k++) {
      const i = from + k;
      if (k > a) fixed += tokens.source.slice(tokens.end[i - 1]!, tokens.start[i]!);
      if (isNum(k)) fixed += written[k]!;
      else { fixed += applyCase(model.syllables[path[k]!]!, written[k]!); if (path[k] !== bareIds[k]) changes++; }
    }
    const start = tokens.start[from + a]!, end = tokens.end[from + b - 1]!;
    const shown = fixed.length > 60 ? fixed.slice(0, 57) + '…' : fixed;
    if (changes > 0) out.push(issueOf({
      bestId: -1, code: 'spelling.context', span: { start, end }, word: tokens.source.slice(start, end),
      suggestions: [fixed], safe: false, severity: 'warning', conf: 0, unaccented: true,
      message: {
        en: `Words written without Vietnamese diacritics: "${shown}"?`,
        vi: `Các từ viết thiếu dấu tiếng Việt: có phải là "${shown}"?`,
      },
    }));
    a = b;
  }
  return out;
}

/**
 * The words of [start, end) (analysis offsets) typed without marks, with the marks the context
 * model reads for them: for a selection the user asks to restore, so no threshold applies. Each
 * stretch of plain words (numbers allowed inside) is read as a whole, with its neighbours in the
 * document as context when nothing separates them; words that carry marks, codes in capitals
 * and words that are no syllable's letters are left as they are. One replacement per changed word.
 */
export function restoreRange(tokens: TokenList, start: number, end: number, model: SpellingModel, checker: Checker): { span: { start: number; end: number }; text: string }[] {
  const n = tokens.length;
  const { flags } = tokens;
  const inRange = (k: number) => tokens.start[k]! >= start && tokens.end[k]! <= end;
  const plainWord = (k: number) => restorableWord(tokens, k, model);
  const out: { span: { start: number; end: number }; text: string }[] = [];
  let i = 0;
  while (i < n && tokens.end[i]! <= start) i++;
  while (i < n && inRange(i)) {
    if (!plainWord(i)) { i++; continue; }
    // a stretch: plain words (and numbers) with no break between them
    let j = i + 1;
    while (j < n && inRange(j) && !(flags[j]! & F_BREAK_BEFORE) && !(flags[j - 1]! & F_BREAK_AFTER) && (plainWord(j) || (flags[j]! & (F_NUM | F_NUM_FIX)) === F_NUM)) j++;
    while (j > i + 1 && !plainWord(j - 1)) j--;
    const [left, right] = neighbourIds(tokens, i, j, model);
    const run = readRun(tokens, i, j, model, checker, left, right);
    if (run) {
      for (let k = 0; k < j - i; k++) {
        if (run.isNum(k) || run.path[k] === run.bareIds[k]) continue;
        const text = applyCase(model.syllables[run.path[k]!]!, run.written[k]!);
        if (text !== run.written[k]) out.push({ span: { start: tokens.start[i + k]!, end: tokens.end[i + k]! }, text });
      }
    }
    i = j;
  }
  return out;
}

/** A word restoreRange may give marks to: ASCII letters that some syllable has (all capitals only on a line in capitals). */
function restorableWord(tokens: TokenList, k: number, model: SpellingModel): boolean {
  const f = tokens.flags[k]!;
  if (f & (F_SKIP | F_NUM | F_STRAY)) return false;
  const w = tokens.text(k);
  if (!/^[A-Za-z]+$/.test(w)) return false;
  if (w.length > 1 && w === w.toUpperCase() && !(f & F_UPPER_LINE)) return false;
  return model.withSkeleton(w.toLowerCase()).length > 0;
}

/**
 * Whether [start, end) holds a word restoreRange could give marks to (a syllable with its
 * letters has marks): cheap, for offering the action before reading anything in context.
 */
export function hasRestorableWord(tokens: TokenList, start: number, end: number, model: SpellingModel): boolean {
  for (let k = 0; k < tokens.length && tokens.start[k]! < end; k++) {
    if (tokens.start[k]! < start || tokens.end[k]! > end || !restorableWord(tokens, k, model)) continue;
    const lower = tokens.text(k).toLowerCase();
    if (model.withSkeleton(lower).some(id => model.syllables[id] !== lower && !model.isPseudo(id))) return true;
  }
  return false;
}
