// One pass over a document's tokens that decides every spelling finding; the three rules
// (invalid-syllable, unknown-syllable, context) each report their share. Memoised per document
// and configuration, so running the three rules costs one pass.
import type { BulletinDocument, Span } from '../../parse/model';
import type { EngineConfig } from '../../config';
import type { Msg } from '../../types';
import type { Candidate, SpellingModel } from '../../vietnamese/model';
import type { RuleContext } from '../rule';
import { Checker, CLAUSE_START, SENTENCE_START, type Decision } from '../../vietnamese/checker';
import { isEnglishWord } from '../../vietnamese/englishWords';
import { clearForeignMemo, foreignRepair, isKnownForeign } from '../../vietnamese/foreign';
import {
  applyCase, canonical, caseShape, hasVietnameseMarks, newStyle, skeleton, transliterationShape,
} from '../../vietnamese/orthography';
import { LABEL_READS, romanReadings, toRoman } from '../../parse/chars';
import { clearRestoreCache, unaccentedRuns } from './diacritics';
import { splitWords } from './splits';
import { addBlockTerms, blockTerms, emptyDocTerms, misreadTerms, ROMAN, type BlockTerms, type DocTerms } from './terms';
import { clearTokenCache, gluedLetters, spellingTokens, TokenList, F_ATTACHED, F_BREAK_BEFORE, F_COMMA_AFTER, F_HYPHENED, F_ITEM_START, F_NUM, F_SENTENCE_START, F_SKIP, F_UPPER_LINE, ROMAN_CONTEXT, type Token } from './tokens';
import { CAPITAL_LOOKALIKES, unmarkedCapitals } from '../../lookalike';
import { detach } from '../../text';
import { dateExists, isYear, yearRepairs } from '../../years';

export type SpellingCode = 'spelling.invalid-syllable' | 'spelling.unknown-syllable' | 'spelling.context' | 'spelling.misread-term';

export interface SpellingIssue {
  code: SpellingCode;
  span: Span;
  word: string;
  suggestions: string[];
  safe: boolean;
  severity: 'error' | 'warning';
  message: Msg;
  conf: number;
  /** Lexicon id of the best replacement, -1 when none. */
  bestId: number;
  /** Set on a run of words typed without diacritics (diacritics.ts): the fix restores them. */
  unaccented?: true;
  /** Set on a foreign word repaired from the register's table (foreignIssue). */
  foreign?: true;
  /**
   * A misread-word finding's letter change to its first suggestion ("ể>ế"), made once with its
   * block: adaptedReadings counts them.
   */
  change?: string;
  /**
   * Set on a conditional finding (analyzeRange's pass 6), reported only when the document's other
   * findings make its change often enough (adaptedReadings).
   */
  conditional?: true;
}

/**
 * Every issue the checks pass on has this one shape: the same properties, optional ones included,
 * in the same order, and a span that is a plain { start, end } (not the token it was made from).
 * V8 then gives them all one hidden class, so the document pass, the finding index and the report
 * read them with monomorphic code. Issues of a dozen shapes (each maker's property order, tokens
 * as spans, spread copies) made those functions deoptimise ("wrong map") during the first
 * re-checks after a bulletin was opened, and kept them polymorphic after.
 */
export function issueOf(x: SpellingIssue, start = x.span.start, end = x.span.end): SpellingIssue {
  return {
    code: x.code, span: { start, end }, word: x.word, suggestions: x.suggestions, safe: x.safe,
    severity: x.severity, message: x.message, conf: x.conf, bestId: x.bestId,
    unaccented: x.unaccented, foreign: x.foreign, change: x.change, conditional: x.conditional,
  };
}

/**
 * An issue as a cache keeps it across versions of a document: its span moved by `-base` (relative
 * to its block) and its strings copies (see detach): the word and the messages made from it are
 * slices and concatenations of the document's text, which would keep that version alive.
 */
export function cachedIssue(x: SpellingIssue, base: number): SpellingIssue {
  return issueOf({
    ...x, word: detach(x.word), suggestions: x.suggestions.map(detach), message: { en: detach(x.message.en), vi: detach(x.message.vi) },
  }, x.span.start - base, x.span.end - base);
}

/** Internal thresholds (natural-log margins). Tuned on synthetic OCR and clean text, not the dev set. */
export const tuning = {
  /**
   * A context finding in a heading in capitals is dropped when the document writes the word with
   * the same neighbour as a name in running text (withoutHeadingNames; false = off)...
   */
  upperLineNames: true,
  /** ... unless the reading with that neighbour is counted this often in clean text ("Ban Nội": 2,048). */
  headingReadingMax: 500,
  /**
   * The left context of a list item's first word (F_ITEM_START): 0 none, 1 a clause start, 2 a
   * sentence start like any other (experiments).
   */
  itemLeft: 1,
  /** A capitalised word written this often with one neighbour, never its reading, is a name (0: off). */
  nameRepeats: 3,
  /** ... and one the document writes as a name this often, with any neighbours, and its reading never (Infinity: off). */
  nameSyllableRepeats: 5,
  /**
   * ... unless the reading with that neighbour is one of the register's commonest phrases, which
   * no name imitates and OCR may misread the same way every time ("Ủy ban Kiếm tra" in one font)
   */
  nameReadingMax: 3000,
  /**
   * A plain-letter non-syllable at a clause's edge is read with other letters too when the
   * reading forms a pair this common with its one neighbour ("siao thông" -> giao, ", ihu nhập" ->
   * thu): tesseract's letter slips are as common there as lost marks, and a pair this common is no
   * English word's accident (English words keep the stricter rule).
   */
  edgeLetterPair: 1000,
  /** Two neighbours read together (pass 4): margin of the both-changed reading over the text. */
  jointMargin: 3.5,
  /**
   * ... considered only where each alone is within this margin of being called wrong (a bound
   * for speed: "kiểm tra, giảm sắt" has no left neighbour, and "giảm" alone is 4.7 from a change
   * though "giám sát" is one of the register's commonest pairs; "trong đồ cổ các" for "trong đó
   * có các": "đồ" alone is 9 from a change). 6 until stop 29: 10 found two more pairs in the
   * tuning and held-out sets, none on any clean text, at no measurable cost on warm fresh text
   * (about 3% on a cold run of the seeds: fewer candidates are pruned); more than 10 found
   * nothing more.
   */
  jointPrune: 10,
  /** ... and over the best reading that changes only one of them. */
  jointOverSingle: 1.5,
  /**
   * ... of which at most this many may look like a name (capitalised inside a sentence), each
   * asking this much more margin: OCR damages names of bodies too ("Đài Phát thanh và Truyện
   * hinh" for "Truyền hình"), and a capital alone made pass 4 pass them by until stop 29.
   */
  jointNames: 1,
  jointNameMargin: 4,
  /**
   * Three neighbours read together (pass 5): margin of the all-changed reading over the text
   * (each within jointPrune of a change alone; over the best reading that changes fewer by
   * jointOverSingle), with this many candidates of each (Infinity = off).
   */
  tripleMargin: 4,
  tripleCandidates: 4,
  /** ... and only where both written pairs are counted fewer times than this. */
  triplePairMax: 5,
  /** ... with this many candidates of each. */
  jointCandidates: 6,
  /**
   * ... and, where the written pair is counted fewer times than jointPhraseWritten, any further
   * candidate of one word that makes a pair counted this often with the other word or one of its
   * first candidates: a phrase damaged in both words can need a reading far down one word's list
   * ("Bàn Chân hành": "chấp" is the 16th candidate of "chân", and "Ban Chấp" one of the
   * register's commonest pairs). Infinity = off.
   */
  jointPhrase: 300,
  jointPhraseWritten: 50,
  /**
   * Capitalised words read together into a pair counted this often are the name of a body
   * ("Ban Chấp hành", "Ủy ban Kiểm tra"), not a person's or place's name: no name margin, and
   * both may be capitalised (Infinity = names always count).
   */
  jointNamePair: 1000,
  /** A reported word's joint readings also take its first suggestions (0 = none). */
  jointSuggestions: 3,
  /**
   * A word that opens a sentence or clause is weighed by how often the register's start with it
   * (instead of its plain frequency) in a document whose own openings the register's explain
   * better than plain frequency, by at least this many nats on average (Infinity = never)...
   */
  startMinEvidence: -0.6,
  /** ... over at least this many openings of known words. */
  startMinCount: 10,
  /** Pass 2 also judges again a word two places from a fixed one (its outer triple changed). */
  rejudgeSecond: true,
  /** Minimum score margin of the best candidate over the observed syllable (context). */
  contextMargin: 1.5,
  /**
   * A scan misreads the same marks again and again (its font, its print): a known word whose
   * reading falls short of the context margin by at most adaptSlack is still reported when the
   * document's other findings make the same letter change ("ô>ổ", "d>đ") at least adaptMin
   * times, and no finding stands beside it (0 = off). 1 until stop 47: 1.5 (a reading that at
   * least leads the written word) found one more error on tune7 and three on tune8, in the
   * holdouts' fonts, with no false alarm on any set; 2 to 3.5 found nothing more.
   */
  adaptSlack: 1.5,
  adaptMin: 8,
  /**
   * ... made in at least this many different words besides the near miss's own: a scan's glyph
   * confusion spoils many words ("tô chức", "đôi mới", "ôn định"), while a checker's repeated
   * slip on clean text is one pair again and again ("gói" read "gọi" in a software catalogue).
   */
  adaptWords: 4,
  /**
   * A scan that loses percent signs loses them again and again (one font, one size): a number
   * that reads as a percentage with its sign damaged in a way the words around it do not settle
   * ("84,79%" for 84,7%, "86,490 diện tích" for 86,4%) is reported when the document's other
   * findings repair a percent sign at least pctHabitMin times, in at least pctHabitWords other
   * numbers (0 = off). Clean text and scans that keep their signs have none of those findings.
   */
  pctHabitMin: 3,
  pctHabitWords: 2,
  /** Extra margin for a capitalised word inside a sentence (probably a name). */
  nameMargin: 1,
  /** The document pass counts no pair whose word has a finding reading it otherwise (0: counts every pair). */
  docSkipReported: 1,
  /** ... and for one alone between two words in lower case ("phong Lục tốt"). */
  loneNameMargin: 0,
  /** Inside a run of capitalised words: the association (nats) the fix needs with a neighbour... */
  nameSideMargin: 2,
  /** ... or the count (weighted) of the phrase it makes with the two words on one side. */
  namePhrase: 1000,
  /** A written word whose pairs with its neighbours are all counted this often (weighted)... */
  attestedPair: 30,
  /** ... needs this much more margin to be called wrong. */
  attestedMargin: 1,
  /** Two spellings of one phrase: the written pair at least this share of the reading's. */
  variantRatio: 0.1,
  /** Posterior needed for a fix to be applied without asking. */
  safeConf: 0.9,
  /** Confidence for a context finding to be an error rather than a warning. */
  errorConf: 0.9,
  /** Document error-rate estimate: (bad + ratePriorBad) / (checked + ratePriorN), times rateScale. */
  ratePriorBad: 0.5,
  ratePriorN: 50,
  rateScale: 3,
  minErr: 0.001,
  maxErr: 0.08,
  /** The error probability the channel costs are calibrated for. */
  baseErr: 0.05,
  /** Skip scoring the candidates of a known word that provably cannot matter (same findings, faster). */
  pruneCandidates: true,
  /** Weight of the document's own pairs in each link's probability (docPairIssues); 0 = off. */
  docWeight: 0.2,
  /**
   * The document pass calls a word wrong at this margin (instead of contextMargin) when the
   * document writes its reading with these neighbours docStrong times or more: a bulletin that
   * writes "đẩy mạnh" five times is evidence beyond what the mixture of its pairs weighs.
   */
  docStrong: 5,
  docMargin: 1.2,
  /** A reading's pair with a neighbour must occur this often elsewhere in the document. */
  docMinPair: 2,
  /** ... and this many times as often as the written pairs occur elsewhere. */
  docOwnRatio: 3,
  /**
   * The written pair's other occurrences are no evidence for it either (docPairIssues' judge):
   * OCR repeats a misreading ("chỉnh quyền" twice beside eleven "chính quyền"), and two such
   * occurrences then vouched for each other.
   */
  docGroup: true,
  /** Two neighbours read together as a pair the document writes (the same letters, other marks) this often. */
  docPairMin: 3,
  /** ... and that pair this many times as often as the written one (besides this occurrence, plus one). */
  docPairRatio: 2,
  /** OCR junk between two Vietnamese words: its reading's commoner pair with a neighbour must occur this often. */
  junkPair: 200,
  /** ... and a capitalised one in mid-sentence (names are written so): this often. */
  capJunkPair: 1000,
  /** A marked letter alone at a line's edge is a speck unless its syllable is at least this common (ln unigram). */
  speckLnUni: -12.5,
  /** Readings with other letters: how many of a word's first such candidates (0 = none)... */
  docLetterCands: 8,
  /** ... and the least likely OCR edit (channel, nats) among them. */
  docLetterChannel: -12,
  /**
   * Readings two letters away that the document itself calls for (docPairIssues' farReading):
   * the document writes the reading with the neighbour at least this often (Infinity = off)...
   */
  docFarMin: 5,
  /** ... clean text this often ... */
  docFarClean: 300,
  /** ... and the written pair fewer times than this in clean text. */
  docFarSelf: 10,
  /** ... with OCR edits at least this likely (channel, nats). */
  docFarChannel: -16,
  /**
   * Larger documents (about 300 KB) skip the pass: it is not incremental, and on a 1 MB
   * document it would add 25-40 ms to every re-lint for a handful of findings.
   */
  docMaxTokens: 60000,
  /**
   * ln P of OCR losing the space between two syllables ("vềhạnchế"): a token that splits into
   * two known syllables is read as two words only when that scores better than its best
   * one-syllable reading ("niước" is "nước", not "ni ước").
   */
  mergeChannel: -8,
  /**
   * A fragment (lower-case letters, no vowel: "tr", "tng") is reported only when its reading
   * and a neighbour form a pair counted at least this often (weighted) in clean text.
   */
  fragmentPair: 50,
  /**
   * A plain-letter word that is no syllable, at a clause's edge with one neighbour ("các cap,"):
   * reported only when its reading and that neighbour form a pair counted at least this often.
   */
  edgePair: 500,
};

/**
 * Lower-case consonants without a vowel: what OCR leaves of a syllable whose vowel it lost or
 * misread ("đầu tr công" for "tư", "tng cường" for "tăng", "nh trạng" for "tình"). No
 * Vietnamese word looks like this, but units ("5 km") and abbreviations ("tr. 5") do.
 */
const FRAGMENT = /^[bcdđghklmnpqrstvx]{2,4}$/;

/** A capital with a Vietnamese mark (tone, or the modifier of Ă Â Ê Ô Ơ Ư), Đ aside. */
const MARKED_CAPITAL = /^[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]$/;

/** Capitals OCR reads for small letters at the end of a word ("kếU" for kết, "íL" for ít). */
const MISREAD_CAPITALS = 'IJLU';

const checkers = new WeakMap<SpellingModel, Checker>();
export function checkerFor(model: SpellingModel): Checker {
  let c = checkers.get(model);
  if (!c) { c = new Checker(model); checkers.set(model, c); }
  return c;
}

const memoKey = new WeakMap<EngineConfig, string>();
let keySeq = 0;

/** All spelling issues of a document (memoised per document and config object). */
export function spellingIssues(doc: BulletinDocument, config: EngineConfig, model: SpellingModel | null): SpellingIssue[] {
  if (!model) return [];
  let k = memoKey.get(config);
  if (!k) { k = 'spelling.issues.' + keySeq++; memoKey.set(config, k); }
  const cached = doc.memo.get(k) as SpellingIssue[] | undefined;
  if (cached) return cached;
  const tokens = spellingTokens(doc);
  const termEv = emptyDocTerms();
  const ev: SpellingStats & { ids?: Int32Array } = { bad: 0, seen: 0, marked: 0 };
  let issues = analyzeCached(tokens, config, model, termEv, ev);
  const ids = ev.ids!;
  doc.memo.set(k + '.stats', { bad: ev.bad, seen: ev.seen, marked: ev.marked } satisfies SpellingStats);
  // a damaged label, a word cut in two, and a run of words without diacritics, is one finding,
  // whatever the word checks made of its words
  issues = overriding(issues, headingLabelIssues(doc, envOf(config).userWords));
  issues = overriding(issues, splitWords(tokens, ids, model, checkerFor(model), envOf(config).userWords));
  issues = overriding(issues, unaccentedRuns(tokens, doc.text, model, checkerFor(model), envOf(config).userWords));
  // a foreign word the document writes right elsewhere is its misread term: the document's own
  // evidence ("which this document writes 4 times") says more than the foreign-word table
  const terms = termIssues(tokens, termEv, issues.filter(x => !x.foreign), envOf(config).userWords);
  if (terms.length) issues = overriding(issues, terms);
  doc.memo.set(k, issues);
  return issues;
}

/** The error-rate quantum of a document's damage counts (the q of its block decisions; tests). */
export function rateQuantum(stats: SpellingStats): number { return quantiseRate(stats.bad, stats.seen).q; }

/** The context-free damage counts of a document's words (computed with its spelling issues). */
export function spellingStats(doc: BulletinDocument, config: EngineConfig, model: SpellingModel | null): SpellingStats | undefined {
  if (!model) return undefined;
  spellingIssues(doc, config, model);
  return doc.memo.get(memoKey.get(config)! + '.stats') as SpellingStats | undefined;
}

/** `issues` with `over` in place of every issue one of them overlaps, sorted by start. */
function overriding(issues: SpellingIssue[], over: SpellingIssue[]): SpellingIssue[] {
  if (!over.length) return issues;
  // x overlaps one of `over` when the largest end among those starting before x ends is after
  // x's start (a run-per-line document has thousands of both)
  const o = [...over].sort((a, b) => a.span.start - b.span.start);
  const maxEnd: number[] = [];
  for (const y of o) maxEnd.push(Math.max(y.span.end, maxEnd.length ? maxEnd[maxEnd.length - 1]! : -Infinity));
  const covered = (x: SpellingIssue): boolean => {
    let lo = 0, hi = o.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (o[mid]!.span.start < x.span.end) lo = mid + 1; else hi = mid; }
    return lo > 0 && maxEnd[lo - 1]! > x.span.start;
  };
  return [...issues.filter(x => !covered(x)), ...o].sort((a, b) => a.span.start - b.span.start);
}

/**
 * spelling.misread-term findings (see terms.ts): words no other spelling finding covers. The
 * issues are sorted by start.
 */
function termIssues(tokens: TokenList, ev: DocTerms, issues: readonly SpellingIssue[], userWords: Set<string>): SpellingIssue[] {
  const starts = issues.map(x => x.span.start);
  const reported = (s: number, e: number): boolean => {
    // the last issue starting before e overlaps [s, e) if it ends after s (issues do not nest)
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid]! < e) lo = mid + 1; else hi = mid; }
    for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (issues[k]!.span.end > s) return true;
    return false;
  };
  return misreadTerms(tokens, ev, reported, w => userWords.has(w)).map(t => {
    const term = t.word === t.word.toUpperCase() && t.term !== t.term.toUpperCase() ? t.term.toUpperCase() : t.term;
    return issueOf({
      code: 'spelling.misread-term', span: t.span, word: t.word, suggestions: [term], safe: false, severity: 'warning', conf: 0, bestId: -1,
      message: {
        en: `"${t.word}" looks like a misreading of "${term}", which this document writes ${t.count} times`,
        vi: `"${t.word}" có vẻ là "${term}" bị nhận dạng sai (văn bản này viết "${term}" ${t.count} lần)`,
      },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Incremental analysis. A token's decision depends only on the tokens up to the nearest context
// breaks on either side (punctuation, blank lines, skipped text) and on the document's error-rate
// estimate. So the token list is cut into blocks at breaks, and each block's findings are cached
// (LRU) under a key made of the block's tokens (text, relative position, flags) and the quantised
// error rate. An edit to one paragraph of a large bulletin re-decides only that paragraph.

/**
 * One cached block: its share of the document's error-rate evidence, and its findings (spans
 * relative to the block's first token) for each quantised error rate seen so far.
 */
interface BlockEntry {
  bad: number; seen: number; marked: number; byQ: Map<number, SpellingIssue[]>;
  /** Lexicon id of each known syllable of the block, -1 for the other tokens (docPairIssues). */
  ids: Int32Array;
  /** The block's evidence for spelling.misread-term, made on first use. */
  terms?: BlockTerms;
  /** The shape of its tokens (blockShape: two hashes of positions and flags, and how many). */
  h1: number; h2: number; len: number;
  /** Another block of the same text tokenized otherwise (at most MAX_SHAPES in all). */
  alt?: BlockEntry;
}
/** Shapes kept per block text: the same words with a skip span moved, or a break flag changed. */
const MAX_SHAPES = 4;

class Lru<V> {
  private readonly map = new Map<string, V>();
  private weight = 0;
  constructor(private readonly maxWeight: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) { this.map.delete(k); this.map.set(k, v); }
    return v;
  }
  /** Replace the value of a key already held (its weight stays), else set(). */
  put(k: string, v: V): void {
    if (this.map.has(k)) this.map.set(k, v); else this.set(k, v);
  }
  set(k: string, v: V): void {
    if (this.map.has(k)) return;
    this.map.set(k, v);
    this.weight += k.length + 64;
    if (this.weight > this.maxWeight) {
      for (const key of this.map.keys()) {
        this.map.delete(key);
        this.weight -= key.length + 64;
        if (this.weight <= this.maxWeight * 0.75) break;
      }
    }
  }
  get size(): number { return this.map.size; }
  clear(): void { this.map.clear(); this.weight = 0; }
}

/** Block caches per model and configuration signature (words, threshold, suggestions). */
const blockCaches = new WeakMap<SpellingModel, Map<string, Lru<BlockEntry>>>();
const envs = new WeakMap<EngineConfig, { sig: string; userWords: Set<string> }>();
/** About 8 M characters of keys (16 MB) per configuration: several large bulletins. */
const BLOCK_CACHE_WEIGHT = 8_000_000;
/** Blocks end at a context break once they hold this many tokens (or at a line change). */
const BLOCK_TOKENS = 48;

function envOf(config: EngineConfig) {
  let e = envs.get(config);
  if (!e) {
    const userWords = userWordSet(config);
    e = { sig: [config.spelling.contextThreshold, config.spelling.maxSuggestions, ...[...userWords].sort()].join('\u0001'), userWords };
    envs.set(config, e);
  }
  return e;
}

function blockCache(model: SpellingModel, sig: string): Lru<BlockEntry> {
  let m = blockCaches.get(model);
  if (!m) { m = new Map(); blockCaches.set(model, m); }
  let c = m.get(sig);
  if (!c) {
    if (m.size >= 8) m.clear();
    c = new Lru<BlockEntry>(BLOCK_CACHE_WEIGHT);
    m.set(sig, c);
  }
  return c;
}

/** Drop every cached spelling decision (tests, benchmarks). */
export function clearSpellingCaches(model: SpellingModel): void {
  blockCaches.delete(model);
  docMemos.delete(model);
  farChannelMemos.delete(model);
  checkerFor(model).clearCache();
  clearRestoreCache(model);
  clearTokenCache();
  clearForeignMemo();
}

/**
 * The cache key of a block is the analysis text from its first token's start to its last token's
 * end: a slice of the document, hashed where it lies (a key that put a prefix before it made a
 * new string of every block, the whole document copied at each re-check). The same text
 * tokenized differently (a skip span moved) is told apart by the shape of its tokens: two hashes
 * of their relative positions and flags, and their number, kept in the entry and compared on
 * every hit. No string is made per token.
 */
const shape = { h1: 0, h2: 0 };
function blockShape(tokens: TokenList, from: number, to: number): void {
  const { start, end, flags } = tokens;
  const base = start[from]!;
  let h1 = 0x811c9dc5 | 0, h2 = 0x9747b28c | 0;
  for (let i = from; i < to; i++) {
    // (the flags mixed in on their own: they take more bits than a shift beside the position leaves)
    const x = (start[i]! - base) * 64 + (end[i]! - start[i]!), f = flags[i]!;
    h1 = Math.imul(Math.imul(h1 ^ x, 0x01000193) ^ f, 0x01000193);
    h2 = Math.imul(h2 ^ (x >>> 7) ^ (i - from) ^ (f << 11), 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  shape.h1 = h1; shape.h2 = h2;
}

/**
 * How damaged a text looks, context-free: of its `seen` words (syllables, or words with marks),
 * `bad` are no syllable or unknown with marks, `marked` carry marks.
 */
export interface SpellingStats { bad: number; seen: number; marked: number }

/** A token list cut into blocks (from, to pairs), their cache entries and the error-rate evidence. */
interface BlockPass { bounds: number[]; entries: BlockEntry[]; bad: number; seen: number; marked: number }

/** Pass 1 of analyzeCached: the blocks, their cache entries and the document's error-rate evidence. */
function blockPass(tokens: TokenList, config: EngineConfig, model: SpellingModel, termsOut?: DocTerms): BlockPass {
  const env = envOf(config);
  const checker = checkerFor(model);
  const cache = blockCache(model, env.sig);
  const n = tokens.length;
  const { flags, line } = tokens;
  const bounds: number[] = [];
  const entries: BlockEntry[] = [];
  let bad = 0, seen = 0, marked = 0;
  let from = 0;
  while (from < n) {
    let to = from + 1;
    // blocks end at a context break, at a line change or once long enough (never between two
    // numbers: a year range "2015 - 3020" is judged as a whole; never after a word's comma: a
    // list's one-word item is judged with the items beside it, "sở, bạn, ngành")
    while (to < n && !((flags[to]! & F_BREAK_BEFORE) && !(flags[to]! & flags[to - 1]! & F_NUM) && !(flags[to - 1]! & F_COMMA_AFTER) && (to - from >= BLOCK_TOKENS || line[to] !== line[to - 1]))) to++;
    const key = tokens.source.slice(tokens.start[from]!, tokens.end[to - 1]!);
    blockShape(tokens, from, to);
    const head = cache.get(key);
    let e = head, shapes = 0;
    while (e && !(e.h1 === shape.h1 && e.h2 === shape.h2 && e.len === to - from)) { e = e.alt; shapes++; }
    if (!e) {
      const ids = new Int32Array(to - from);
      const st = rateEvidence(tokens, from, to, checker, ids);
      e = { bad: st.bad, seen: st.seen, marked: st.marked, byQ: new Map(), ids, h1: shape.h1, h2: shape.h2, len: to - from };
      // (the newest shape first; past MAX_SHAPES the older ones are dropped)
      if (head && shapes < MAX_SHAPES) e.alt = head;
      if (head) cache.put(key, e); else cache.set(detach(key), e); // (a slice would keep the whole document alive)
    }
    bad += e.bad; seen += e.seen; marked += e.marked;
    if (termsOut) addBlockTerms(termsOut, (e.terms ??= blockTerms(tokens, from, to, checker, e.ids)), tokens, from);
    bounds.push(from, to);
    entries.push(e);
    from = to;
  }
  return { bounds, entries, bad, seen, marked };
}

/** The lexicon id of every known syllable of the document (-1 for the other tokens), from its blocks. */
function passIds(n: number, pass: BlockPass): Int32Array {
  const allIds = new Int32Array(n);
  for (let b = 0; b < pass.entries.length; b++) allIds.set(pass.entries[b]!.ids, pass.bounds[2 * b]!);
  return allIds;
}

/** Block decisions made so far (analyzeRange calls of analyzeCached and prefetchNeighbourRates; tests). */
export const blockDecisions = { count: 0 };

/**
 * A block decision's cache key: the document's error-rate quantum q, and whether openings are
 * weighed by the register's (registerStarts): a block's findings depend on both.
 */
function blockKey(q: number, starts: boolean): number { return 2 * q + (starts ? 1 : 0); }

/** Decides block b of a pass at its cache key (blockKey) unless it is, and returns its findings. */
function decideBlock(tokens: TokenList, config: EngineConfig, model: SpellingModel, pass: BlockPass, b: number, key: number): { rel: SpellingIssue[] } | { abs: SpellingIssue[] } {
  const e = pass.entries[b]!, from = pass.bounds[2 * b]!, to = pass.bounds[2 * b + 1]!;
  const rel = e.byQ.get(key);
  if (rel) return { rel };
  const base = tokens.start[from]!;
  blockDecisions.count++;
  const abs = analyzeRange(tokens.slice(from, to), config, envOf(config).userWords, model, (key >> 1) * DELTA_STEP, (key & 1) === 1);
  e.byQ.set(key, abs.map(x => cachedIssue(x, base)));
  return { abs };
}

/** A document's prefetch in progress: its pass, the keys still to decide and the next block. */
interface Prefetch { pass: BlockPass; keys: number[]; k: number; b: number }

/**
 * Decides, ahead of need, every block of a document at the error rates one quantum below and
 * above its own. An edit that moves the document's rate across a quantum (typing letters into
 * words raises it, fixing errors lowers it) otherwise has every block decided again while the
 * user waits: 72-106 ms against a 10-12 ms median at 60 KB. Makes at most `maxBlocks` decisions
 * and returns false while some remain (call again, with the same document version), true when
 * none do. The decisions are the ones analyzeCached would make at those rates (the same function,
 * arguments and cache), so no finding depends on whether this ran. Clamped rates are skipped.
 */
export function prefetchNeighbourRates(doc: BulletinDocument, config: EngineConfig, model: SpellingModel, maxBlocks: number): boolean {
  const memo = 'spelling.prefetch.' + envOf(config).sig;
  let p = doc.memo.get(memo) as Prefetch | null | undefined;
  if (p === null) return true;
  const tokens = spellingTokens(doc);
  if (!p) {
    const pass = blockPass(tokens, config, model);
    const { q } = quantiseRate(pass.bad, pass.seen);
    const starts = registerStarts(tokens, passIds(tokens.length, pass), checkerFor(model));
    const keys = [q + 1, q - 1].filter(x => x >= quantumOf(tuning.minErr) && x <= quantumOf(tuning.maxErr)).map(x => blockKey(x, starts));
    p = { pass, keys, k: 0, b: 0 };
    doc.memo.set(memo, p);
  }
  let made = 0;
  while (p.k < p.keys.length) {
    while (p.b < p.pass.entries.length) {
      if (made >= maxBlocks) return false;
      // (a block already decided at that rate costs a look-up, not a decision)
      if ('abs' in decideBlock(tokens, config, model, p.pass, p.b, p.keys[p.k]!)) made++;
      p.b++;
    }
    p.k++; p.b = 0;
  }
  doc.memo.set(memo, null);
  return true;
}

/** Spelling issues of a token list with per-block caching (same result as analyze()). */
export function analyzeCached(tokens: TokenList, config: EngineConfig, model: SpellingModel, termsOut?: DocTerms, statsOut?: SpellingStats & { ids?: Int32Array }): SpellingIssue[] {
  const env = envOf(config);
  const checker = checkerFor(model);
  const n = tokens.length;
  // pass 1: the blocks, their cache entries and the document's error-rate evidence
  const pass = blockPass(tokens, config, model, termsOut);
  const { bounds, entries, bad, seen, marked } = pass;
  if (statsOut) { statsOut.bad = bad; statsOut.seen = seen; statsOut.marked = marked; }
  // pass 2: findings per block at the document's error rate
  const { q } = quantiseRate(bad, seen);
  const delta = q * DELTA_STEP;
  // the lexicon id of every known syllable of the document (-1 for the other tokens)
  const allIds = passIds(n, pass);
  const starts = registerStarts(tokens, allIds, checker);
  const key = blockKey(q, starts);
  const out: SpellingIssue[] = [];
  for (let b = 0; b < entries.length; b++) {
    const base = tokens.start[bounds[2 * b]!]!;
    const r = decideBlock(tokens, config, model, pass, b, key);
    if ('abs' in r) for (const x of r.abs) out.push(x);
    else for (const x of r.rel) out.push(issueOf(x, x.span.start + base, x.span.end + base));
  }
  if (statsOut) statsOut.ids = allIds;
  // the blocks' conditional findings, confirmed or dropped by the document's own misreadings
  const decided = adaptedReadings(out);
  let all = decided;
  if (tuning.docWeight > 0 && n <= tuning.docMaxTokens) {
    const { added, replaced } = docPairIssues(tokens, allIds, decided, config, env.userWords, model, delta);
    for (const [k, x] of replaced) decided[k] = x;
    if (added.length) all = [...decided, ...added].sort((a, b) => a.span.start - b.span.start);
  }
  const named = tuning.nameRepeats > 0 ? withoutRepeatedNames(tokens, allIds, all, model) : all;
  const headed = tuning.upperLineNames ? withoutCapsNameWords(tokens, withoutHeadingNames(tokens, allIds, named, model)) : named;
  return documentSpellings(tokens, allIds, withoutPauseReadings(tokens, headed, model), model);
}

/**
 * The document passes' findings whose reading never ends a clause (NEVER_BEFORE_PAUSE), on a
 * word before punctuation that ends one: dropped, as the block pass drops its own ("quản lý cát,
 * sỏi" in a bulletin that writes "các" everywhere is still sand).
 */
function withoutPauseReadings(tokens: TokenList, issues: SpellingIssue[], model: SpellingModel): SpellingIssue[] {
  const { flags } = tokens;
  const n = tokens.length;
  const tok = findingTokens(tokens, issues);
  let drop: Set<SpellingIssue> | null = null;
  for (let j = 0; j < issues.length; j++) {
    const x = issues[j]!, k = tok[j]!;
    if (k < 0 || x.code !== 'spelling.context' || x.bestId < 0 || !NEVER_BEFORE_PAUSE.has(model.syllables[x.bestId]!)) continue;
    // (punctuation right after the word: a comma, a full stop, a colon or semicolon, ! or ?,
    // at a line's end too: "Thời gian vá:"; or the text's end)
    if ((flags[k]! & F_COMMA_AFTER) || k + 1 === n || PAUSE_AFTER.test(tokens.source.slice(tokens.end[k]!, tokens.end[k]! + 2))) (drop ??= new Set()).add(x);
  }
  return drop ? issues.filter(x => !drop!.has(x)) : issues;
}

/** What ends a clause right after a word: a comma, a full stop, a colon, a semicolon, ! or ?, maybe after a closing bracket or quote. */
const PAUSE_AFTER = /^[)”’"]?[,.;:!?]/;

/** The findings withoutCapsNameWords may drop: what a name's syllable is taken for. */
const CAPS_NAME_CODES = new Set(['spelling.invalid-syllable', 'spelling.unknown-syllable', 'spelling.context']);

/**
 * Names in a heading in capitals, by their letters. The syllables of minority-language place
 * names are no Vietnamese syllables or unknown ones ("HUYỆN ỦY SÌN HỒ", "SỐP CỘP", "CHƯ PĂH",
 * "ĐẠ TẺH", "GIỒNG TRÔM"), and in running text, capitalised, they pass as names; in capitals
 * nothing tells them from damage. A finding on a word of a line in capitals is dropped when the
 * running text writes it with the same neighbour, both words capitalised and neither reported
 * there ("huyện Sìn Hồ"): the heading spells the document's own name, letter for letter. A heading
 * OCR damaged keeps its findings: the pair as written is nowhere else (withoutHeadingNames does
 * the same for context findings by their readings). Costs a pass over the tokens only when a
 * heading in capitals has a finding.
 */
function withoutCapsNameWords(tokens: TokenList, issues: SpellingIssue[]): SpellingIssue[] {
  const { flags, start, end } = tokens;
  const n = tokens.length;
  const at: number[] = [], of: SpellingIssue[] = [];
  /** Tokens with a finding (a running-text occurrence with one is no evidence). */
  const reported = new Uint8Array(n);
  const tok = findingTokens(tokens, issues);
  for (let j = 0; j < issues.length; j++) {
    const x = issues[j]!, k = tok[j]!;
    if (k < 0) continue;
    reported[k] = 1;
    if ((flags[k]! & F_UPPER_LINE) && CAPS_NAME_CODES.has(x.code)) { at.push(k); of.push(x); }
  }
  if (!at.length) return issues;
  const joinedAt = (i: number) => i > 0 && i < n && !(flags[i]! & F_BREAK_BEFORE) && tokens.line[i] === tokens.line[i - 1];
  const lower = (i: number) => tokens.text(i).toLowerCase();
  // the pairs the findings ask about (lower case, "a b"), and their second words
  const asked = new Set<string>(), seconds = new Set<string>();
  // (the second words' lengths: most tokens are ruled out by theirs, before any string is made;
  // a bit per length up to 31, and longer ones all let through)
  let lengths = 0;
  const ask = (a: number, b: number) => { const s2 = lower(b); asked.add(lower(a) + ' ' + s2); seconds.add(s2); lengths |= 1 << Math.min(s2.length, 31); };
  for (const i of at) {
    if (joinedAt(i)) ask(i - 1, i);
    if (joinedAt(i + 1)) ask(i, i + 1);
  }
  const named = new Set<string>();
  // (a walk over every token of the document on each re-check: the tests that read no string
  // come first, cheapest first)
  for (let i = 1; i < n; i++) {
    if ((flags[i]! & F_UPPER_LINE) || !(lengths & (1 << Math.min(end[i]! - start[i]!, 31))) || reported[i] || reported[i - 1] || !joinedAt(i)) continue;
    if (!startsUpper(tokens, i) || !startsUpper(tokens, i - 1)) continue;
    const b = lower(i);
    if (!seconds.has(b)) continue;
    const key = lower(i - 1) + ' ' + b;
    if (asked.has(key)) named.add(key);
  }
  if (!named.size) return issues;
  const drop = new Set<SpellingIssue>();
  for (let j = 0; j < at.length; j++) {
    const i = at[j]!;
    if ((joinedAt(i) && named.has(lower(i - 1) + ' ' + lower(i))) || (joinedAt(i + 1) && named.has(lower(i) + ' ' + lower(i + 1)))) drop.add(of[j]!);
  }
  return drop.size ? issues.filter(x => !drop.has(x)) : issues;
}

/**
 * The document's own spelling of a word written two accepted ways ("hằng năm" / "hàng năm",
 * DUAL_SPELLINGS): a finding whose first suggestion is one of them, where the document writes the
 * other more often before the same next word, offers the document's first ("hãng tháng" in a
 * bulletin that writes "hằng tháng" is "hằng tháng", whichever the counts prefer). Both are right;
 * the document's is what its author wants. (Written twice or more, the pair is the document pass's evidence
 * already, docPairIssues.) Costs a pass over the tokens only when a finding asks.
 */
function documentSpellings(tokens: TokenList, ids: Int32Array, issues: SpellingIssue[], model: SpellingModel): SpellingIssue[] {
  const { flags } = tokens;
  const n = tokens.length, S = model.size;
  // the findings that ask: issue index, its first suggestion's id, the other spelling's, the next word's
  const asks: { j: number; a: number; b: number; r: number; other: string }[] = [];
  let tok: Int32Array | null = null;
  for (let j = 0; j < issues.length; j++) {
    const x = issues[j]!, s0 = x.suggestions[0]?.toLowerCase();
    const other = s0 === undefined ? undefined : DUAL_SPELLINGS.get(s0);
    if (other === undefined) continue;
    const k = (tok ??= findingTokens(tokens, issues))[j]!;
    if (k < 0 || k + 1 >= n || flags[k + 1]! & F_BREAK_BEFORE || ids[k + 1]! < 0) continue;
    const a = model.idOf(s0!), b = model.idOf(other);
    if (a >= 0 && b >= 0) asks.push({ j, a, b, r: ids[k + 1]!, other });
  }
  if (!asks.length || S * S >= 0x7fffffff) return issues;
  const counts = new Map<number, number>();
  for (const q of asks) { counts.set(q.a * S + q.r, 0); counts.set(q.b * S + q.r, 0); }
  for (let i = 1; i < n; i++) {
    if (!linkedAt(flags, ids, i)) continue;
    const key = ids[i - 1]! * S + ids[i]!, c = counts.get(key);
    if (c !== undefined) counts.set(key, c + 1);
  }
  const out = issues.slice();
  for (const q of asks) {
    if (counts.get(q.b * S + q.r)! <= counts.get(q.a * S + q.r)!) continue;
    const x = out[q.j]!;
    const first = applyCase(q.other, x.word);
    const suggestions = [first, ...x.suggestions.filter(z => z.toLowerCase() !== q.other)];
    const message = x.code === 'spelling.context' || x.bestId >= 0 ? wordMessage(x.code, x.word, first) : x.message;
    out[q.j] = { ...issueOf(x), bestId: q.b, suggestions, message };
  }
  return out;
}

/**
 * The index of the token each finding starts on (`issues` sorted by start), -1 for a finding that
 * starts on none: one walk of the two lists in step, for the passes that look findings up by
 * their words.
 */
function findingTokens(tokens: TokenList, issues: readonly SpellingIssue[]): Int32Array {
  const { start } = tokens;
  const n = tokens.length;
  const out = new Int32Array(issues.length);
  let k = 0;
  for (let j = 0; j < issues.length; j++) {
    const s = issues[j]!.span.start;
    while (k < n && start[k]! < s) k++;
    out[j] = k < n && start[k] === s ? k : -1;
  }
  return out;
}

/** Tokens i - 1 and i are two known syllables read together (nothing breaks the context between them). */
function linkedAt(flags: Int32Array, ids: Int32Array, i: number): boolean {
  return i > 0 && !(flags[i]! & F_BREAK_BEFORE) && ids[i - 1]! >= 0 && ids[i]! >= 0;
}

/**
 * The context findings (with a reading) that start a lexicon word and pass `keep`, and that
 * word's token index, in document order (`issues` is sorted).
 */
function contextFindingsAt(tokens: TokenList, ids: Int32Array, issues: readonly SpellingIssue[], keep: (x: SpellingIssue, k: number) => boolean): { at: number[]; of: SpellingIssue[] } {
  const at: number[] = [], of: SpellingIssue[] = [];
  const tok = findingTokens(tokens, issues);
  for (let j = 0; j < issues.length; j++) {
    const x = issues[j]!, k = tok[j]!;
    if (x.code !== 'spelling.context' || x.bestId < 0) continue;
    if (k >= 0 && ids[k]! >= 0 && keep(x, k)) { at.push(k); of.push(x); }
  }
  return { at, of };
}

/**
 * The second syllable of each pair withoutRepeatedNames or withoutHeadingNames counts (one buffer
 * for both, which run one after the other; each clears what it marked).
 */
let nameWant: Uint8Array | null = null;

/**
 * The document's own names. An invented-looking place name ("tỉnh Quảng Lâm", "xã Phú Lâm") is
 * one letter from a famous one ("Quảng Nam"), and the counts of clean text pull it there. When
 * the document writes the capitalised word with the same neighbour nameRepeats times or more, and
 * never the reading with that neighbour, and writes the word more often than its reading, it is
 * the document's name: OCR damage is rarely that consistent (a misread "Bạn Chấp hành" sits among
 * correct "Ban Chấp hành", which the document pass reads), except on the register's commonest
 * phrases (nameReadingMax). Context findings on capitalised words only, never a list item's first
 * word; the others stay. Only the pairs and words those findings ask about are counted, in one
 * pass that reads an array per token (this runs on every re-check of a large bulletin).
 */
function withoutRepeatedNames(tokens: TokenList, ids: Int32Array, issues: SpellingIssue[], model: SpellingModel): SpellingIssue[] {
  const { flags } = tokens;
  const n = tokens.length, S = model.size;
  if (S * S >= 0x7fffffff) return issues;
  const linked = (i: number) => i < n && linkedAt(flags, ids, i);
  // the candidates: capitalised words with a context finding, by token index
  const { at, of } = contextFindingsAt(tokens, ids, issues, x => x.word[0] !== x.word[0]!.toLowerCase());
  if (!at.length) return issues;
  // the pairs they ask about: the written ones and the readings', each side
  const want = nameWant && nameWant.length >= S ? nameWant : (nameWant = new Uint8Array(S));
  // (pair keys a * S + b; want[] bit 1: second of an asked pair, bit 2: a word whose count is
  // asked)
  // (the asked pairs in a table of their own, sized for them: the walk below looks up the pair
  // ending at every occurrence of every asked second word, common words included; a word's own
  // count and its count capitalised as a name by lexicon id)
  const counts = askedCounts;
  counts.reset(4 * at.length);
  const ownN = new Int32Array(S), capN = new Int32Array(S);
  const ask = (a: number, b: number) => { counts.ask(a * S + b); want[b]! |= 1; };
  const askWord = (x: number) => { if (x >= 0) want[x]! |= 2; };
  for (let j = 0; j < at.length; j++) {
    const i = at[j]!, w = ids[i]!, y = of[j]!.bestId;
    askWord(w); askWord(y);
    if (linked(i)) { ask(ids[i - 1]!, w); ask(ids[i - 1]!, y); }
    if (linked(i + 1)) { ask(w, ids[i + 1]!); ask(y, ids[i + 1]!); }
  }
  // (and how often each asked word is capitalised inside a sentence, as a name is: capOwn)
  for (let i = 0; i < n; i++) {
    const b = ids[i]!;
    if (b < 0) continue;
    const f = want[b]!;
    if (f === 0) continue;
    if (f & 2) {
      ownN[b]!++;
      // (the first letter looked at before a string is made: most occurrences are in lower case)
      if (startsUpper(tokens, i) && isNameLikeAt(tokens.text(i), flags[i]!)) capN[b]!++;
    }
    if (!(f & 1) || i === 0 || (flags[i]! & F_BREAK_BEFORE) || ids[i - 1]! < 0) continue;
    counts.bump(ids[i - 1]! * S + b);
  }
  // (want[] back to zeros: every word marked above is a finding's, its reading or a neighbour)
  for (let j = 0; j < at.length; j++) {
    const i = at[j]!, y = of[j]!.bestId;
    want[ids[i]!] = 0;
    if (y >= 0) want[y] = 0;
    if (linked(i + 1)) want[ids[i + 1]!] = 0;
  }
  const cnt = (a: number, b: number) => counts.get(a * S + b);
  const own = (x: number) => (x < 0 ? 0 : ownN[x]!);
  const capOwn = (x: number) => (x < 0 ? 0 : capN[x]!);
  const drop = new Set<SpellingIssue>();
  for (let j = 0; j < at.length; j++) {
    const i = at[j]!, w = ids[i]!, y = of[j]!.bestId;
    const l = linked(i) ? ids[i - 1]! : -1, r = linked(i + 1) ? ids[i + 1]! : -1;
    const side = (a: number, b: number, ya: number, yb: number) => cnt(a, b) >= tuning.nameRepeats && cnt(ya, yb) === 0;
    const name = ((l >= 0 && side(l, w, l, y)) || (r >= 0 && side(w, r, y, r)))
      && !(l >= 0 && model.pair(l, y) >= tuning.nameReadingMax) && !(r >= 0 && model.pair(y, r) >= tuning.nameReadingMax)
      // ... and the document writes the word more often than its reading: a name is the
      // document's own word ("Lâm" 14 times, "Nam" 6 in tune5), while a misread repeated with one
      // neighbour ("Lãnh đạo Đẳng") sits among many more of its reading ("Đảng")
      && own(y) < own(w)
      // ... and not where any word is capitalised by its place (a list item's first word)
      && !(flags[i]! & F_ITEM_START);
    // ... or the document writes the word as a name (capitalised inside a sentence) often, with
    // whatever neighbours, and its reading never so: a syllable of its names ("Thạnh" in "Phú
    // Thạnh", "Long Thạnh", "Đức Thạnh"; "Thanh" nowhere capitalised)
    // (a word rarer than its reading in clean text: "Tỉnh", "Chi" are capitalised in bodies'
    // names, "Tỉnh ủy", "Chi bộ", and their misreadings are not names)
    const syllable = capOwn(w) >= tuning.nameSyllableRepeats && capOwn(y) === 0 && model.lnUniArr[w]! < model.lnUniArr[y]!
      && !(l >= 0 && model.pair(l, y) >= tuning.nameReadingMax) && !(r >= 0 && model.pair(y, r) >= tuning.nameReadingMax)
      && !(flags[i]! & F_ITEM_START);
    if (name || syllable) drop.add(of[j]!);
  }
  return drop.size ? issues.filter(x => !drop.has(x)) : issues;
}

/**
 * Names in a heading in capitals. A line in capitals has no case to tell a name by, and an
 * invented place name is a letter from a common word ("ĐẢNG BỘ TỈNH HÀ NGUYÊN" read as "VÀ"). A
 * context finding on such a line is dropped when the document writes the word with the same
 * neighbour, both capitalised as a name is, in running text ("tỉnh Hà Nguyên"), and never its
 * reading with that neighbour: the heading spells the document's own name. A heading OCR damaged
 * ("HUYỆN LỎNG SƠN" where the text writes "Lạng Sơn") keeps its finding: the pair as written is
 * nowhere else. Only the pairs the findings ask about are counted, in one pass over the tokens.
 */
function withoutHeadingNames(tokens: TokenList, ids: Int32Array, issues: SpellingIssue[], model: SpellingModel): SpellingIssue[] {
  const { flags } = tokens;
  const n = tokens.length, S = model.size;
  if (S * S >= 0x7fffffff) return issues;
  const linked = (i: number) => i < n && linkedAt(flags, ids, i);
  const { at, of } = contextFindingsAt(tokens, ids, issues, (_, k) => (flags[k]! & F_UPPER_LINE) !== 0);
  if (!at.length) return issues;
  // pair keys a * S + b: the written pairs (counted where both words are capitalised as names in
  // running text) and the readings' (counted anywhere); `second` marks the second words of all of
  // them (nameWant, cleared below), so that most tokens cost one array read
  const named = new Map<number, number>(), read = new Map<number, number>();
  const second = nameWant && nameWant.length >= S ? nameWant : (nameWant = new Uint8Array(S));
  const ask = (m: Map<number, number>, a: number, b: number) => { m.set(a * S + b, 0); second[b] = 1; };
  for (let j = 0; j < at.length; j++) {
    const i = at[j]!, w = ids[i]!, y = of[j]!.bestId;
    if (linked(i)) { ask(named, ids[i - 1]!, w); ask(read, ids[i - 1]!, y); }
    if (linked(i + 1)) { ask(named, w, ids[i + 1]!); ask(read, y, ids[i + 1]!); }
  }
  for (let i = 1; i < n; i++) {
    const b = ids[i]!;
    if (b < 0 || second[b] === 0 || !linkedAt(flags, ids, i)) continue;
    const key = ids[i - 1]! * S + ids[i]!;
    const r = read.get(key);
    if (r !== undefined) read.set(key, r + 1);
    const c = named.get(key);
    if (c === undefined || (flags[i]! & F_UPPER_LINE) || !startsUpper(tokens, i - 1) || !startsUpper(tokens, i)) continue;
    if (!isNameLikeAt(tokens.text(i), flags[i]!)) continue;
    named.set(key, c + 1);
  }
  for (const m of [named, read]) for (const key of m.keys()) second[key % S] = 0;
  const drop = new Set<SpellingIssue>();
  for (let j = 0; j < at.length; j++) {
    const i = at[j]!, w = ids[i]!, y = of[j]!.bestId;
    // (never where the reading is one of the register's common pairs: OCR repeats a misread of
    // "Ban Nội chính" in the text as consistently as in the heading)
    const side = (a: number, b: number, ya: number, yb: number) => (named.get(a * S + b) ?? 0) >= 1 && (read.get(ya * S + yb) ?? 0) === 0
      && model.pair(ya, yb) < tuning.headingReadingMax;
    if ((linked(i) && side(ids[i - 1]!, w, ids[i - 1]!, y)) || (linked(i + 1) && side(w, ids[i + 1]!, y, ids[i + 1]!))) drop.add(of[j]!);
  }
  return drop.size ? issues.filter(x => !drop.has(x)) : issues;
}

/**
 * A lexicon syllable's first docLetterCands candidates with other letters (another skeleton)
 * whose OCR edit is at least docLetterChannel likely. Worked out per syllable on first use: the
 * whole lexicon's took about 30 ms and much garbage on a process's first lint, for the few
 * syllables a document asks about. Kept in flat arrays: syllable x's are ids[at[x]] to
 * ids[at[x] + len[x] - 1], their channels in ch (at[x] = -1 until worked out); the document pass
 * reads them for a thousand words per re-check, and an object and two typed arrays per syllable
 * were three dependent loads, each a likely cache miss.
 */
interface LetterTable { at: Int32Array; len: Int32Array; ids: Int32Array; ch: Float64Array; used: number; cands: number; channel: number }
const letterCache = new WeakMap<SpellingModel, LetterTable>();
/** The model's letter candidates: look the table up once per pass, then index it per word (letterCandidatesAt). */
function letterTableOf(model: SpellingModel): LetterTable {
  let v = letterCache.get(model);
  // (the settings, compared as numbers: a key string was garbage)
  if (!v || v.cands !== tuning.docLetterCands || v.channel !== tuning.docLetterChannel) {
    v = {
      at: new Int32Array(model.size).fill(-1), len: new Int32Array(model.size), ids: new Int32Array(1024), ch: new Float64Array(1024), used: 0,
      cands: tuning.docLetterCands, channel: tuning.docLetterChannel,
    };
    letterCache.set(model, v);
  }
  return v;
}
/** Where syllable x's letter candidates start in t.ids and t.ch (worked out on first use: the arrays may grow, so read them after). */
function letterCandidatesAt(model: SpellingModel, t: LetterTable, x: number): number {
  const at = t.at[x]!;
  if (at >= 0) return at;
  const ids: number[] = [], ch: number[] = [];
  if (tuning.docLetterCands > 0 && !model.isPseudo(x)) {
    const sx = model.skeletonOf(x);
    let seen = 0;
    for (const c of model.candidates(model.syllables[x]!)) {
      if (seen >= tuning.docLetterCands) break;
      if (model.skeletonOf(c.id) === sx) continue;
      seen++;
      if (c.channel >= tuning.docLetterChannel) { ids.push(c.id); ch.push(c.channel); }
    }
  }
  if (t.used + ids.length > t.ids.length) {
    const cap = Math.max(2 * t.ids.length, t.used + ids.length);
    const ni = new Int32Array(cap), nc = new Float64Array(cap);
    ni.set(t.ids.subarray(0, t.used)); nc.set(t.ch.subarray(0, t.used));
    t.ids = ni; t.ch = nc;
  }
  t.ids.set(ids, t.used); t.ch.set(ch, t.used);
  t.at[x] = t.used; t.len[x] = ids.length;
  t.used += ids.length;
  return t.at[x]!;
}

/** The channel cost of candidate `id` among `cands`, undefined when it is none of them. */
function channelOf(cands: readonly Candidate[], id: number): number | undefined {
  for (const c of cands) if (c.id === id) return c.channel;
  return undefined;
}

/**
 * Words after which a capitalised word is a name: titles and kin ("ông Ba", "đồng chí Tâm"),
 * kinds of place ("xã Tân", "sông Hồng", "thành phố Huế") and of body ("công ty Hoa"), and the
 * words before an ethnic group's name ("đồng bào Dao", "dân tộc Mông", "người Dao").
 */
const NAME_LEADS = new Set(['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cậu', 'dì', 'cụ', 'chí', 'thầy', 'mẹ', 'cha', 'bố', 'con', 'cháu',
  'xã', 'phường', 'trấn', 'thôn', 'ấp', 'bản', 'buôn', 'làng', 'xóm', 'khu', 'tổ', 'huyện', 'quận', 'tỉnh', 'phố', 'thị', 'vùng', 'miền',
  'sông', 'núi', 'hồ', 'đảo', 'đèo', 'cầu', 'chợ', 'đường', 'đền', 'chùa', 'đình', 'trường', 'viện', 'ty', 'hiệu', 'nhà', 'họ', 'tên', 'bào', 'tộc', 'người']);

/** A capitalised word inside a sentence (not opening it or a list item), not in a line of capitals: probably (part of) a name. */
function isNameLike(text: string, sentenceStart: boolean, upperLine: boolean): boolean {
  return !sentenceStart && !upperLine && caseShape(text) === 'title';
}

/** Whether token i begins with a capital letter (a name's first condition), read without making its string. */
function startsUpper(tokens: TokenList, i: number): boolean {
  const c = tokens.source.charCodeAt(tokens.start[i]!);
  if (c >= 97 && c <= 122) return false;
  if (c >= 65 && c <= 90) return true;
  // Vietnamese letters without a string: in these ranges capitals have the even code points
  // (Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ạ ạ ... Ỹ ỹ), and Ơ ơ Ư ư are listed
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x1ea0 && c <= 0x1eff)) return (c & 1) === 0;
  if (c === 0x1a0 || c === 0x1af) return true;
  if (c === 0x1a1 || c === 0x1b0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** isNameLike for a token of a TokenList, by its flags (a list item's first word opens like a sentence's). */
function isNameLikeAt(text: string, flags: number): boolean {
  return isNameLike(text, (flags & (F_SENTENCE_START | F_ITEM_START)) !== 0, (flags & F_UPPER_LINE) !== 0);
}

/** Verdicts of docPairIssues per model, kept across calls (cleared when full or with the caches). */
const DOC_MEMO_MAX = 20_000;
type DocVerdict = { v: number; rest?: number[] };
/** Per model: the verdict tables of each setting (error-rate shift, thresholds, weights). */
const docMemos = new WeakMap<SpellingModel, Map<string, Map<string, DocVerdict>>>();
function docMemoFor(model: SpellingModel, settings: string): Map<string, DocVerdict> {
  let all = docMemos.get(model);
  if (!all) { all = new Map(); docMemos.set(model, all); }
  let m = all.get(settings);
  if (!m) {
    let size = 0;
    for (const x of all.values()) size += x.size;
    if (size >= DOC_MEMO_MAX) all.clear();
    m = new Map();
    all.set(settings, m);
  }
  return m;
}

/**
 * A verdict's key: its integers (each >= -1) packed two UTF-16 units apiece into one short
 * string. A re-lint builds hundreds of keys; a template string of sixteen numbers built each
 * one through a chain of intermediate strings (a third of a re-lint's allocation).
 */
const keyBuf = new Uint16Array(40);
let keyLen = 0;
function keyPut(v: number): void {
  const u = v + 1;
  keyBuf[keyLen++] = u & 0xffff;
  keyBuf[keyLen++] = u >>> 16;
}
function keyTake(): string {
  const s = String.fromCharCode.apply(null, keyBuf.subarray(0, keyLen) as unknown as number[]);
  keyLen = 0;
  return s;
}

/**
 * An open-addressing table of non-negative integer keys (stored as key + 1; 0 = empty) with an
 * integer value per slot, reused between calls: reset() sizes it for a number of keys (the arrays
 * only grow; a small document uses a prefix).
 */
class OpenTable {
  protected keys: Int32Array;
  protected vals: Int32Array;
  protected mask: number;
  /** 32 - log2(capacity): the slot is the top bits of a Fibonacci hash (its low bits mix badly). */
  private shift: number;
  constructor(private readonly minBits: number) {
    this.keys = new Int32Array(1 << minBits); this.vals = new Int32Array(1 << minBits);
    this.mask = (1 << minBits) - 1; this.shift = 32 - minBits;
  }
  reset(n: number): void {
    let cap = 1 << this.minBits;
    while (cap < n * 2) cap *= 2;
    if (cap > this.keys.length) this.grow(cap); else this.keys.fill(0, 0, cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }
  protected grow(cap: number): void { this.keys = new Int32Array(cap); this.vals = new Int32Array(cap); }
  /** The slot holding `key`, or the empty slot where it would go. */
  protected slot(key: number): number {
    const k = key + 1;
    let h = Math.imul(k, 0x9e3779b1) >>> this.shift;
    while (this.keys[h] !== 0 && this.keys[h] !== k) h = (h + 1) & this.mask;
    return h;
  }
}

/** Counts of the document's pairs (a * size + b). */
class PairCounts extends OpenTable {
  /** Counts one more of `key`; returns its slot, which holds it until the next reset. */
  add(key: number): number {
    const h = this.slot(key);
    if (this.keys[h] === 0) { this.keys[h] = key + 1; this.vals[h] = 1; } else this.vals[h]!++;
    return h;
  }
  /** The count in slot h (one add returned). */
  at(h: number): number { return this.vals[h]!; }
  get(key: number): number {
    const h = this.slot(key);
    return this.keys[h] === 0 ? 0 : this.vals[h]!;
  }
  /**
   * The pairs in the given slots, sorted here into slot order (the order a scan of the table
   * meets them), as parallel arrays: the document pass asks for its frequent pairs three or four
   * times. The caller notes each pair's slot as its count reaches the least it wants: two scans
   * of the whole table (twice the document's pairs, mostly seen once) cost more.
   */
  inSlots(slots: Int32Array): { keys: Int32Array; counts: Int32Array } {
    slots.sort();
    const keys = new Int32Array(slots.length), counts = new Int32Array(slots.length);
    for (let k = 0; k < slots.length; k++) { const h = slots[k]!; keys[k] = this.keys[h]! - 1; counts[k] = this.vals[h]!; }
    return { keys, counts };
  }
}
const pairCounts = new PairCounts(12);
/** docPairIssues' count of each link's pair as written, by token (grown, never shrunk: one per process). */
let linkCountBuf = new Int32Array(0);

/** Counts of a set of pairs asked for in advance: a pair not asked is never counted. */
class AskedCounts extends OpenTable {
  ask(key: number): void {
    const h = this.slot(key);
    if (this.keys[h] === 0) { this.keys[h] = key + 1; this.vals[h] = 0; }
  }
  bump(key: number): void {
    const h = this.slot(key);
    if (this.keys[h] !== 0) this.vals[h]!++;
  }
  get(key: number): number {
    const h = this.slot(key);
    return this.keys[h] === 0 ? 0 : this.vals[h]!;
  }
}
const askedCounts = new AskedCounts(8);

/** key -> (value, weight), keeping the heaviest value per key. */
class BestOf extends OpenTable {
  private wts = new Int32Array(this.keys.length);
  protected override grow(cap: number): void { super.grow(cap); this.wts = new Int32Array(cap); }
  offer(key: number, val: number, wt: number): void {
    const h = this.slot(key);
    if (this.keys[h] === 0 || this.wts[h]! < wt) { this.keys[h] = key + 1; this.vals[h] = val; this.wts[h] = wt; }
  }
  /** The value kept for key, -1 when none. */
  get(key: number): number {
    const h = this.slot(key);
    return this.keys[h] === 0 ? -1 : this.vals[h]!;
  }
}
const byLeftWord = new BestOf(10), byRightWord = new BestOf(10), bySkelPair = new BestOf(8);

/** Skeleton (letters without marks) of every lexicon syllable as a small integer, and how many. */
const skelIdCache = new WeakMap<SpellingModel, { of: Int32Array; n: number; byName: Map<string, number> }>();
function skelIds(model: SpellingModel): { of: Int32Array; n: number; byName: Map<string, number> } {
  let a = skelIdCache.get(model);
  if (!a) {
    const ids = new Map<string, number>();
    const of = new Int32Array(model.size);
    for (let i = 0; i < model.size; i++) {
      const k = model.skeletonOf(i);
      let v = ids.get(k);
      if (v === undefined) { v = ids.size; ids.set(k, v); }
      of[i] = v;
    }
    a = { of, n: ids.size, byName: ids };
    skelIdCache.set(model, a);
  }
  return a;
}

/**
 * The letters a reading changes in a word, both lower case: what is left of each once their
 * common beginning and end are cut ("biển", "biến" -> "ể>ế"; "dầu", "đầu" -> "d>đ").
 */
export function letterChange(written: string, reading: string): string {
  const a = written.normalize('NFC').toLowerCase(), b = reading.normalize('NFC').toLowerCase();
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.slice(i, a.length - j) + '>' + b.slice(i, b.length - j);
}

/**
 * The document's findings with its conditional ones (analyzeRange's pass 6) decided: one is
 * reported, as a context finding, when the document's other findings of a misread word (context
 * and invalid-syllable findings, by their first suggestion) make its letter change at least
 * adaptMin times in at least adaptWords other words; the others are dropped. A scan that reads
 * "ổ" as "ô" twenty times has likely done so in "với tông dư nợ" too, where the words around it
 * alone do not quite decide.
 */
export function adaptedReadings(issues: SpellingIssue[]): SpellingIssue[] {
  if (!issues.some(x => x.conditional)) return issues;
  // per letter change the conditional findings ask about: how many other findings make it, and
  // in which words (lower case); every misread-word finding carries its change (analyzeRange)
  const made = new Map<string, { n: number; words: Set<string> }>();
  for (const x of issues) if (x.conditional && !made.has(x.change!)) made.set(x.change!, { n: 0, words: new Set() });
  for (const x of issues) {
    const m = x.conditional || x.change === undefined ? undefined : made.get(x.change);
    if (!m) continue;
    m.n++;
    m.words.add(x.word.toLowerCase());
  }
  const out: SpellingIssue[] = [];
  for (const x of issues) {
    if (!x.conditional) { out.push(x); continue; }
    const m = made.get(x.change!)!;
    const pct = x.change === PERCENT_CHANGE;
    if (m.n < (pct ? tuning.pctHabitMin : tuning.adaptMin) || m.words.size - (m.words.has(x.word.toLowerCase()) ? 1 : 0) < (pct ? tuning.pctHabitWords : tuning.adaptWords)) continue;
    // (the message says why a reading the words around it do not quite decide is offered)
    out.push(issueOf({ ...x, conditional: undefined, message: habitMessage(x.message, x.change!, m.n) }));
  }
  return out;
}

/** A finding's message with the scan's habit that confirms it: letter change `change` ("ô>ổ") made in `n` other places. */
function habitMessage(msg: Msg, change: string, n: number): Msg {
  const [written = '', read = ''] = change.split('>');
  const why = change === PERCENT_CHANGE
    ? { en: `this scan misreads the percent sign in ${n} other places`, vi: `bản quét này đọc sai dấu phần trăm ở ${n} chỗ khác` }
    : written === ''
    ? { en: `this scan drops "${read}" in ${n} other places`, vi: `bản quét này làm mất "${read}" ở ${n} chỗ khác` }
    : read === ''
      ? { en: `this scan adds "${written}" in ${n} other places`, vi: `bản quét này thêm "${written}" ở ${n} chỗ khác` }
      : { en: `this scan reads "${read}" as "${written}" in ${n} other places`, vi: `bản quét này đọc "${read}" thành "${written}" ở ${n} chỗ khác` };
  return { en: `${msg.en} (${why.en})`, vi: `${msg.vi} (${why.vi})` };
}

/**
 * For each token, the index in `found` of the finding that starts where the token starts (the
 * last such finding when several do, as a Map filled in order would keep), -1 when none. Tokens
 * come in text order, so one walk beside the findings sorted by start does it without hashing.
 */
export function reportedAt(tokens: TokenList, found: readonly SpellingIssue[]): Int32Array {
  const n = tokens.length, start = tokens.start;
  const at = new Int32Array(n).fill(-1);
  if (found.length === 0) return at;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) if (start[i]! <= start[i - 1]!) ordered = false;
  if (!ordered) {
    const byStart = new Map<number, number>();
    found.forEach((x, k) => byStart.set(x.span.start, k));
    for (let i = 0; i < n; i++) at[i] = byStart.get(start[i]!) ?? -1;
    return at;
  }
  // the findings by start, the earlier of two at one start first; they mostly come sorted already,
  // and then that order is theirs (the sort, with its closure, was most of this function's time)
  let sorted = true;
  for (let k = 1; k < found.length && sorted; k++) if (found[k]!.span.start < found[k - 1]!.span.start) sorted = false;
  const order = sorted ? null : found.map((_, k) => k).sort((a, b) => found[a]!.span.start - found[b]!.span.start || a - b);
  const m = found.length;
  const nth = (q: number) => (order ? order[q]! : q);
  let j = 0;
  for (let i = 0; i < n && j < m; i++) {
    const s = start[i]!;
    while (j < m && found[nth(j)]!.span.start < s) j++;
    for (let q = j; q < m && found[nth(q)]!.span.start === s; q++) at[i] = nth(q);
  }
  return at;
}

/**
 * OCR channel from a written word to a lexicon syllable (by the word, then the syllable's id), for
 * docPairIssues' farReading: the same pairs come up at every re-lint. By word first, so that a
 * word's readings cost one string look-up, not a key string made and hashed per reading; `size`
 * counts the channels, to bound them.
 */
const farChannelMemos = new WeakMap<SpellingModel, { byWord: Map<string, Map<number, number>>; size: number }>();
function farChannelMemo(model: SpellingModel): { byWord: Map<string, Map<number, number>>; size: number } {
  let m = farChannelMemos.get(model);
  if (!m) farChannelMemos.set(model, (m = { byWord: new Map(), size: 0 }));
  return m;
}

/**
 * The document as its own evidence. A bulletin names the same places, bodies and phrases again
 * and again ("Thủ Đức", "tiến độ"): a word that no block reported is judged again when another
 * reading of it (the same letters, other marks) forms the same pair with a neighbour at least
 * docMinPair times elsewhere in the document, and docOwnRatio times as often as the written pairs
 * do. The document then acts as a cache model mixed into each link's probability (weight
 * docWeight), this occurrence left out: it moves little where clean text already expects the
 * pair ("có thể") and much where it does not (a district's name). The blocks stay cached on their
 * own; this pass reads their lexicon ids.
 */
function docPairIssues(tokens: TokenList, ids: Int32Array, found: readonly SpellingIssue[], config: EngineConfig,
  userWords: Set<string>, model: SpellingModel, delta: number): { added: SpellingIssue[]; replaced: [number, SpellingIssue][] } {
  const none = { added: [], replaced: [] };
  const n = tokens.length;
  if (n < 3) return none;
  const checker = checkerFor(model);
  const { flags } = tokens;
  const S = model.size;
  // pair keys are a * S + b in 32 bits: fine for a lexicon under 46,340 syllables (it has 4,710)
  if (S * S >= 0x7fffffff) return none;
  // link[i] = 1 when tokens i - 1 and i are two known syllables read together
  const link = new Uint8Array(n + 1);
  let pairs = 0;
  for (let i = 1; i < n; i++) if (linkedAt(flags, ids, i)) { link[i] = 1; pairs++; }
  if (pairs === 0) return none;
  const linked = (i: number) => link[i] === 1;
  // counted[i] = 1 when that link is the document's evidence: not where either word has a finding
  // that reads it as another word (six "tỉnh gọn", each reported as "tinh gọn", are no evidence
  // that a seventh "tính gọn" is "tỉnh gọn")
  // repAt[i]: the finding that starts at token i (the last one when several do), -1 when none;
  // read by index, since the loops below ask it three or four times per token (a Map keyed by
  // offset was a quarter of this pass's time)
  const repAt = reportedAt(tokens, found);
  const reported = (i: number) => repAt[i]! >= 0;
  // misread[k] = 1 when token k has a finding that reads it as another word, readAs[k] its lexicon
  // id as the checks read it (that finding's reading, else as written): worked out once per token,
  // since the walk below asks for every neighbour
  const misread = new Uint8Array(n), readAs = ids.slice();
  for (let k = 0; k < n; k++) {
    const f = repAt[k]!;
    if (f >= 0 && readsAs(found[f]!)) { misread[k] = 1; readAs[k] = found[f]!.bestId; }
  }
  const readId = (k: number) => readAs[k]!;
  let counted = link;
  if (tuning.docSkipReported !== 0 && found.length) {
    counted = new Uint8Array(n + 1);
    for (let i = 1; i < n; i++) if (link[i] === 1 && misread[i - 1] === 0 && misread[i] === 0) counted[i] = 1;
  }
  // the judged occurrence's own links, when counted (set per token below): left out of its evidence
  let selfL = 0, selfR = 0;
  const count = pairCounts;
  count.reset(pairs);
  // how many pairs each syllable starts, and ends; and the largest count of a pair it starts, and ends
  const outN = new Int32Array(S), inN = new Int32Array(S), maxOut = new Int32Array(S), maxIn = new Int32Array(S);
  // linkCount[i]: the count of link i's pair as written (read only where link[i] is 1). The walk
  // below asks it of nearly every token, twice: a probe of the table each time was a large part of
  // the walk. First the slot of each counted pair (final once added), then the counts.
  if (linkCountBuf.length < n + 1) linkCountBuf = new Int32Array(n + 1 + (n >> 2));
  const linkCount = linkCountBuf;
  // the slots of the pairs any of the readings below may use (counted at least oftenMin times)
  const oftenMin = Math.max(1, Math.min(tuning.docMinPair, tuning.docFarMin, tuning.docPairMin));
  const oftenSlots: number[] = [];
  for (let i = 1; i < n; i++) {
    if (counted[i] !== 1) continue;
    const a = ids[i - 1]!, b = ids[i]!;
    const h = count.add(a * S + b), c = count.at(h);
    if (c === oftenMin) oftenSlots.push(h);
    linkCount[i] = h;
    outN[a]!++;
    inN[b]!++;
    if (c > maxOut[a]!) maxOut[a] = c;
    if (c > maxIn[b]!) maxIn[b] = c;
  }
  // (a link not counted may still be a pair the table holds, counted elsewhere: looked up once all are in)
  for (let i = 1; i < n; i++) if (link[i] === 1) linkCount[i] = counted[i] === 1 ? count.at(linkCount[i]!) : count.get(ids[i - 1]! * S + ids[i]!);
  const cnt = (a: number, b: number) => (a < 0 || b < 0 ? 0 : count.get(a * S + b));
  const w = tuning.docWeight;
  /**
   * What mixing the document into the links of reading y between l and r adds to its score, per
   * side ln((1 - w) Pclean + w Pdoc) - ln Pclean. The occurrence being judged is left out of the
   * document's counts: its pair with l always, and its pair with r when y is the written word
   * (`sl`, `sr`: how many of those pairs to leave out, the occurrence's own by default).
   */
  const docGain = (l: number, y: number, r: number, self: boolean, sl = selfL, sr = selfR): number => {
    let v = 0;
    const ol = l < 0 ? 0 : outN[l]! - sl;
    if (ol > 0) v += mixGain(Math.exp(checker.lnLeft(l, y)), cnt(l, y) - (self ? sl : 0), ol);
    const or = r < 0 ? 0 : outN[y]! - (self ? sr : 0);
    if (or > 0) v += mixGain(Math.exp(checker.lnRight(y, r) + model.lnUniArr[r]!), cnt(y, r) - (self ? sr : 0), or);
    return v;
  };
  /** ln((1 - w) pg + w c / o) - ln pg: a link's clean probability pg mixed with the document's c of o. */
  const mixGain = (pg: number, c: number, o: number) => Math.log((1 - w) * pg + w * c / o) - Math.log(pg);
  // the readings a pair seen at least docMinPair times offers: (a, letters of b) -> b, and
  // (letters of a, b) -> a
  const { of: sk, n: SK, byName } = skelIds(model);
  const often = count.inSlots(Int32Array.from(oftenSlots));
  /** Calls fn(key, count) for every pair the document writes at least `min` times, in slot order. */
  const eachFrequent = (min: number, fn: (key: number, c: number) => void) => {
    for (let k = 0; k < often.keys.length; k++) if (often.counts[k]! >= min) fn(often.keys[k]!, often.counts[k]!);
  };
  let frequent = 0;
  eachFrequent(tuning.docMinPair, () => { frequent++; });
  if (frequent === 0) return none;
  byLeftWord.reset(frequent); byRightWord.reset(frequent);
  eachFrequent(tuning.docMinPair, (key, c) => {
    const a = Math.floor(key / S), b = key - a * S;
    byLeftWord.offer(a * SK + sk[b]!, b, c);
    byRightWord.offer(sk[a]! * S + b, a, c);
  });
  const out: SpellingIssue[] = [];
  /** The document's frequent pairs by either word (farReading), made on first use. */
  let farIndex: { after: Map<number, number[]>; before: Map<number, number[]> } | undefined;
  const far = { y: -1, ev: 0, ch: 0 };
  // (farReading's arguments and state, read by farConsider)
  let farAt = -1, farX = -1, farL = -1, farR = -1, farW = '', farLen = 0, farFound = false;
  /** farW's channels in farChannels (found or made with farW). */
  let farWChannels: Map<number, number> | undefined;
  const farChannels = farChannelMemo(model);
  const letters = letterTableOf(model);
  const sk2len = (y: number) => model.skeletonOf(y).length;
  /** Tokens this pass has reported. */
  const addedAt = new Set<number>();
  const replaced: [number, SpellingIssue][] = [];
  const threshold = config.spelling.contextThreshold;
  // verdicts survive the call: a re-lint after an edit meets the same cases again
  const memo = docMemoFor(model, `${delta} ${threshold} ${config.spelling.maxSuggestions} ${w} ${tuning.contextMargin} ${tuning.nameMargin}`);
  for (let i = 0; i < n; i++) {
    const x = ids[i]!;
    if (x < 0) {
      const better = unknownReading(i);
      if (better) replaced.push(better);
      continue;
    }
    // (a neighbour the checks read as another word is that word here: "phấn đầu" with "đầu" read
    // "đấu" is "phấn đấu", no evidence for "phần")
    const l = linked(i) ? readId(i - 1) : -1, r = i + 1 < n && linked(i + 1) ? readId(i + 1) : -1;
    if (l < 0 && r < 0) continue;
    selfL = l >= 0 ? counted[i]! : 0; selfR = r >= 0 ? counted[i + 1]! : 0;
    // the written pairs' counts (cnt(l, x), cnt(x, r)), by link where the neighbour is read as written
    const cl = l < 0 ? 0 : l === ids[i - 1] ? linkCount[i]! : cnt(l, x);
    const cr = r < 0 ? 0 : r === ids[i + 1] ? linkCount[i + 1]! : cnt(x, r);
    // how often the document writes x with these neighbours besides the judged occurrence
    const own = cl - selfL + cr - selfR;
    // A reading is offered only with at least docMinPair, and docOwnRatio times (own + 1), pairs
    // of evidence (below), and no reading's evidence exceeds the largest counts of the pairs l
    // starts and r ends: most words are done here, before any look-up (the walk visits every word
    // on each re-check). The readings' look-ups below change nothing else (their caches aside).
    if ((l >= 0 ? maxOut[l]! : 0) + (r >= 0 ? maxIn[r]! : 0) < Math.max(tuning.docMinPair, tuning.docOwnRatio * (own + 1))) continue;
    // the other readings that a frequent pair of the document offers, and their evidence
    const yl = l >= 0 ? byLeftWord.get(l * SK + sk[x]!) : -1, yr = r >= 0 ? byRightWord.get(sk[x]! * S + r) : -1;
    let best = -1, bestEv = 0, bestCh = NaN;
    if (yl >= 0 && yl !== x) { bestEv = cnt(l, yl) + cnt(yl, r); best = yl; }
    if (yr >= 0 && yr !== x && yr !== yl) { const ev = cnt(l, yr) + cnt(yr, r); if (ev > bestEv) { bestEv = ev; best = yr; } }
    if (best < 0 || bestEv < tuning.docMinPair) {
      // (the readings below are only for pairs the document writes nowhere else)
      if (own !== 0) continue;
      // a reading with other letters ("chưa đốt mới" beside "đổi mới", "Huyện ty" beside
      // "Huyện ủy"): among the word's first such candidates (and only readings that do occur in
      // the document are looked up)
      const from = letterCandidatesAt(model, letters, x), to = from + letters.len[x]!;
      const lcIds = letters.ids;
      for (let k = from; k < to; k++) {
        const c = lcIds[k]!;
        // (a pair the document never writes counts 0 without a look-up: c ends no pair, or starts
        // none; nor is a pair looked up that cannot beat the best so far by the largest counts)
        const inL = l >= 0 && inN[c]! > 0, outR = r >= 0 && outN[c]! > 0;
        if (!inL && !outR) continue;
        if ((inL ? Math.min(maxOut[l]!, maxIn[c]!) : 0) + (outR ? Math.min(maxOut[c]!, maxIn[r]!) : 0) <= bestEv) continue;
        const ev = (inL ? cnt(l, c) : 0) + (outR ? cnt(c, r) : 0);
        if (ev > bestEv) { bestEv = ev; best = c; bestCh = letters.ch[k]!; }
      }
      if ((best < 0 || bestEv < tuning.docMinPair) && tuning.docFarMin < Infinity && farReading(i, x, l, r)) { best = far.y; bestEv = far.ev; bestCh = far.ch; }
      if (best < 0 || bestEv < tuning.docMinPair) continue;
    }
    if (bestEv < tuning.docOwnRatio * (own + 1)) continue;
    const rep = repAt[i]!;
    const repIssue = rep < 0 ? undefined : found[rep]!;
    // a reported word keeps its finding; only its first reading may change (below)
    if (repIssue && (repIssue.bestId < 0 || repIssue.bestId === best || repIssue.code !== 'spelling.context')) continue;
    const text = tokens.text(i), lower = text.toLowerCase();
    if (userWords.has(lower)) continue;
    const l2 = l >= 0 && linked(i - 1) ? readId(i - 2) : -1;
    const r2 = r >= 0 && i + 2 < n && linked(i + 2) ? readId(i + 2) : -1;
    const f = flags[i]!;
    const nameLike = isNameLikeAt(text, f);
    // the same word in the same company decides the same (a long bulletin repeats itself)
    // (the written word by its type entry: one per lower-case spelling, never reused)
    keyPut(checker.typeInfo(lower).id); keyPut(best); keyPut(l2); keyPut(l); keyPut(r); keyPut(r2);
    keyPut(cnt(l, best)); keyPut(cnt(best, r)); keyPut(cl); keyPut(cr);
    keyPut(l >= 0 ? outN[l]! : 0); keyPut(outN[best]!); keyPut(outN[x]!); keyPut(nameLike ? 1 : 0); keyPut(selfL); keyPut(selfR);
    if (repIssue) { keyPut(repIssue.bestId); keyPut(cnt(l, repIssue.bestId)); keyPut(cnt(repIssue.bestId, r)); keyPut(outN[repIssue.bestId]!); } else keyPut(-1);
    const key = keyTake();
    let entry = memo.get(key);
    if (entry === undefined) {
      entry = { v: judge(lower, x, best, bestCh, l2, l, r, r2, nameLike, repIssue, bestEv) };
      if (memo.size >= DOC_MEMO_MAX) memo.clear();
      memo.set(key, entry);
    }
    const verdict = entry.v;
    if (verdict === -Infinity) continue;
    if (repIssue) replaced.push([rep, reordered(tokens.token(i), lower, repIssue, best, verdict)]);
    else { out.push(added(tokens.token(i), lower, best, l2, l, r, r2, entry, verdict)); addedAt.add(i); }
  }
  if (tuning.docPairMin < Infinity) pairReadings();
  return { added: out, replaced };

  /**
   * A reading up to two letters away that the document calls for beside this neighbour, when
   * the token's own candidates have none ("Phát tiến du lịch" beside "phát triển", "hồ sơ thị
   * tục" beside "thủ tục", "tư dương của" beside "tư tưởng"): a pair the document writes
   * docFarMin times and clean text docFarClean times, where the written pair is rare in clean
   * text (docFarSelf) and occurs nowhere else in the document, within docFarChannel. Sets `far`
   * and returns true; the judge decides as for any reading ("chính dị," beside 33 "chính trị"
   * stays: d for tr costs more than the document's evidence pays).
   */
  function farReading(i: number, x: number, l: number, r: number): boolean {
    // (a single letter is a list's or a point's label as often as a word: "chính trị a")
    if (tokens.end[i]! - tokens.start[i]! < 2) return false;
    farIndex ??= buildFarIndex();
    far.ev = 0;
    farAt = i; farX = x; farL = l; farR = r; farW = ''; farLen = sk2len(x); farFound = false;
    // (the document's frequent pairs first: most neighbours have none)
    const ysl = l >= 0 ? farIndex.after.get(l) : undefined, ysr = r >= 0 ? farIndex.before.get(r) : undefined;
    if (ysl) farConsider(ysl, l, x);
    if (ysr) farConsider(ysr, x, r);
    return farFound;
  }

  /**
   * farReading's look at the readings `ys` that a frequent pair of the document puts beside
   * a neighbour, when the written pair (a, b) with that neighbour is rare in clean text
   * (docFarSelf). Its state is farReading's, in variables of this pass: a closure made per call
   * was a fifth of the bytes an edit's re-check allocates.
   */
  function farConsider(ys: number[], a: number, b: number): void {
    // (the written pair's clean count is asked only once a reading passes the cheap tests, which
    // most never do; closed, no reading is taken)
    let open = 0;
    for (const y of ys) {
      // (the pair's count in clean text, docFarClean, is checked once per pair: buildFarIndex)
      if (y === farX || Math.abs(sk2len(y) - farLen) > 2) continue;
      const ev = cnt(farL, y) + cnt(y, farR);
      if (ev <= far.ev) continue;
      if (open === 0) open = model.pair(a, b) < tuning.docFarSelf ? 1 : -1;
      if (open < 0) return;
      // the written word, lower case, made only for a reading that gets this far (most words
      // have none: this runs for every word whose pairs the document writes nowhere else)
      if (!farW) {
        farW = tokens.text(farAt).toLowerCase();
        farWChannels = farChannels.byWord.get(farW);
      }
      let ch = farWChannels?.get(y);
      if (ch === undefined) {
        if (farChannels.size >= 200_000) { farChannels.byWord.clear(); farChannels.size = 0; farWChannels = undefined; }
        if (!farWChannels) farChannels.byWord.set(farW, (farWChannels = new Map()));
        farWChannels.set(y, (ch = model.editChannel(farW, y, 2)));
        farChannels.size++;
      }
      if (ch < tuning.docFarChannel) continue;
      far.y = y; far.ev = ev; far.ch = ch; farFound = true;
    }
  }

  function buildFarIndex(): { after: Map<number, number[]>; before: Map<number, number[]> } {
    const after = new Map<number, number[]>(), before = new Map<number, number[]>();
    eachFrequent(tuning.docFarMin, key => {
      const a = Math.floor(key / S), b = key - a * S;
      // only the pairs clean text writes docFarClean times: a reading must form one, whatever the
      // word, and most neighbours then have none, so that farReading asks nothing more for them
      if (model.pair(a, b) < tuning.docFarClean) return;
      let xs = after.get(a);
      if (!xs) after.set(a, (xs = []));
      xs.push(b);
      let ys = before.get(b);
      if (!ys) before.set(b, (ys = []));
      ys.push(a);
    });
    return { after, before };
  }

  /**
   * Two neighbours misread together as a pair the document writes otherwise ("phần đầu 93,3%"
   * where it writes "phấn đấu" again and again): neither word alone has the document's evidence,
   * since each pair it forms is misread. The document's pairs seen docPairMin times or more are
   * looked up by their letters (the same letters, other marks on both words); the pair is read
   * as the document's when the joint score, the document mixed in, beats the text's by
   * jointMargin. Only words no check reported, nor a name or a word the user accepts.
   */
  function pairReadings(): void {
    // (letters of both words -> the pair counted most, the first in slot order of equals; a table
    // of integers, not a Map: the walk below looks up every link of the document)
    let m = 0;
    eachFrequent(tuning.docPairMin, () => { m++; });
    if (m === 0) return;
    const bySkel = bySkelPair;
    bySkel.reset(m);
    eachFrequent(tuning.docPairMin, (key, c) => {
      const a = Math.floor(key / S), b = key - a * S;
      bySkel.offer(sk[a]! * SK + sk[b]!, key, c);
    });
    for (let j = 1; j < n; j++) {
      if (!linked(j)) continue;
      const i = j - 1, x = ids[i]!, y = ids[j]!;
      const key = bySkel.get(sk[x]! * SK + sk[y]!);
      if (key < 0) continue;
      const a = Math.floor(key / S), b = key - a * S;
      if (a === x || b === y) continue;
      if (addedAt.has(i) || addedAt.has(j) || reported(i) || reported(j)) continue;
      const ev = cnt(a, b), own = cnt(x, y) - counted[j]!;
      if (ev < tuning.docPairMin || ev < tuning.docPairRatio * (own + 1)) continue;
      const ta = tokens.text(i), tb = tokens.text(j), la = ta.toLowerCase(), lb = tb.toLowerCase();
      if (userWords.has(la) || userWords.has(lb) || isNameLikeAt(ta, flags[i]!) || isNameLikeAt(tb, flags[j]!)) continue;
      const l = linked(i) ? readId(i - 1) : -1, r = j + 1 < n && linked(j + 1) ? readId(j + 1) : -1;
      const l2 = l >= 0 && linked(i - 1) ? readId(i - 2) : -1, r2 = r >= 0 && j + 2 < n && linked(j + 2) ? readId(j + 2) : -1;
      const sl = l >= 0 ? counted[i]! : 0, sr = r >= 0 ? counted[j + 1]! : 0, sm = counted[j]!;
      const gain = (u: number, v: number, self: number) => {
        const o = u < 0 || v < 0 ? 0 : outN[u]! - self;
        return o > 0 ? mixGain(Math.exp(checker.lnLeft(u, v)), cnt(u, v) - self, o) : 0;
      };
      const now = checker.lmPair(l2, l, x, y, r, r2) + 2 * model.channel.keep + gain(l, x, sl) + gain(x, y, sm) + gain(y, r, sr);
      const then = checker.lmPair(l2, l, a, b, r, r2) + model.diacriticCost(la, model.syllables[a]!) + model.diacriticCost(lb, model.syllables[b]!)
        + gain(l, a, 0) + gain(a, b, 0) + gain(b, r, 0) + 2 * delta;
      const margin = then - now;
      if (!(margin >= tuning.jointMargin)) continue;
      const conf = 1 / (1 + Math.exp(-margin));
      if (conf < threshold) continue;
      const A = tokens.token(i), B = tokens.token(j);
      const sa = render(model, a, ta, checker.typeInfo(la).newStyle), sb = render(model, b, tb, checker.typeInfo(lb).newStyle);
      out.push(contextIssue(A, a, sa, [sa], conf), contextIssue(B, b, sb, [sb], conf));
      addedAt.add(i); addedAt.add(j);
    }
  }

  /** A reported word's finding with the document's reading `best` first. */
  function reordered(t: Token, lower: string, repIssue: SpellingIssue, best: number, verdict: number): SpellingIssue {
    const shown = render(model, best, t.text, checker.typeInfo(lower).newStyle);
    // fix-all applies the new first reading only when it leads the block's by the context margin
    return issueOf({
      ...repIssue, bestId: best, safe: repIssue.safe && verdict >= tuning.contextMargin, suggestions: [shown, ...repIssue.suggestions.filter(z => z !== shown)].slice(0, repIssue.suggestions.length || 1),
      message: wordMessage('spelling.context', t.text, shown),
    });
  }

  /** A new context finding: written word `t` read as `best`, with confidence `conf`. */
  function added(t: Token, lower: string, best: number, l2: number, l: number, r: number, r2: number, entry: DocVerdict, conf: number): SpellingIssue {
    const info = checker.typeInfo(lower);
    const shown = render(model, best, t.text, info.newStyle);
    // the other suggestions, lower case (rank scores every candidate: kept with the verdict)
    const rest = entry.rest ??= checker.rank(lower, l2, l, r, r2, config.spelling.maxSuggestions, undefined).filter(id => id !== best);
    const sugg = [shown, ...rest.map(id => render(model, id, t.text, info.newStyle)).filter(z => z !== shown)];
    return contextIssue(t, best, shown, sugg.slice(0, Math.max(1, config.spelling.maxSuggestions)), conf);
  }

  /**
   * The verdict on reading written word `x` (`lower`) as `best` (channel `bestCh`, NaN: same
   * letters): -Infinity for no change, else the confidence of the new reading (for a reordering
   * of a reported word's readings, its lead). A function of its own, not a closure in the loop:
   * a closure there put every token's loop variables in a fresh heap context (a third of a
   * re-lint's allocation).
   */
  function judge(lower: string, x: number, best: number, bestCh: number, l2: number, l: number, r: number, r2: number,
    nameLike: boolean, repIssue: SpellingIssue | undefined, bestEv = 0): number {
    const ch = Number.isNaN(bestCh) ? model.diacriticCost(lower, model.syllables[best]!) : bestCh;
    const score = (z: number, chz: number, self: boolean, sl = selfL, sr = selfR) => checker.lm(l2, l, z, r, r2) + chz + docGain(l, z, r, self, sl, sr);
    if (repIssue) {
      // a reported word whose reading the document contradicts ("kinh tế Đàng" read "Đang"
      // beside three "kinh tế Đảng"): the document's reading comes first when it scores higher
      const other = repIssue.bestId;
      if (sk[other] !== sk[x] || !Number.isNaN(bestCh)) return -Infinity;
      const lead = score(best, ch, false) - score(other, model.diacriticCost(lower, model.syllables[other]!), false);
      return lead > 0 ? lead : -Infinity;
    }
    const forBest = score(best, ch, false);
    // the written word is scored on the document without its pairs with these neighbours
    // (docGroup): the reading's pairs already outnumber them docOwnRatio times (the caller's
    // test), so the misreading they may all be is no evidence for itself
    const forWritten = tuning.docGroup
      ? score(x, model.channel.keep, true, l >= 0 ? cnt(l, x) : 0, r >= 0 ? cnt(x, r) : 0)
      : score(x, model.channel.keep, true);
    const margin = forBest - forWritten + delta;
    if (margin < (bestEv >= tuning.docStrong ? tuning.docMargin : tuning.contextMargin) + (nameLike ? tuning.nameMargin : 0)) return -Infinity;
    const conf = 1 / (1 + Math.exp(-margin));
    return conf < threshold ? -Infinity : conf;
  }

  /**
   * A reported word that is no known syllable ("có lúc, có nợi"): when a reading among its
   * candidates forms the same pair with a neighbour at least docMinPair times elsewhere in the
   * document ("có nơi") and scores higher than the block's first suggestion with the document
   * mixed in, it comes first. The finding, its code and severity stay.
   */
  function unknownReading(i: number): [number, SpellingIssue] | null {
    const rep = repAt[i]!;
    if (rep < 0) return null;
    const issue = found[rep]!;
    if (issue.bestId < 0 || (issue.code !== 'spelling.invalid-syllable' && issue.code !== 'spelling.unknown-syllable')) return null;
    if (issue.span.start !== tokens.start[i] || issue.span.end !== tokens.end[i]) return null;
    // the document's evidence first (typed-array look-ups): most words have none
    const l = i > 0 && !(flags[i]! & F_BREAK_BEFORE) ? ids[i - 1]! : -1;
    const r = i + 1 < n && !(flags[i + 1]! & F_BREAK_BEFORE) ? ids[i + 1]! : -1;
    if (l < 0 && r < 0) return null;
    // (a reading below needs a frequent pair beside it: l must start one or r end one, known
    // before the word's letters are read)
    if ((l < 0 || maxOut[l]! < tuning.docMinPair) && (r < 0 || maxIn[r]! < tuning.docMinPair)) return null;
    const text = tokens.text(i), lower = text.toLowerCase();
    const skx = byName.get(skeleton(lower));
    if (skx === undefined) return null;
    const yl = l >= 0 ? byLeftWord.get(l * SK + skx) : -1, yr = r >= 0 ? byRightWord.get(skx * S + r) : -1;
    let best = -1, bestEv = 0;
    for (const y of [yl, yr]) {
      if (y < 0 || y === issue.bestId) continue;
      const ev = cnt(l, y) + cnt(y, r);
      if (ev > bestEv) { bestEv = ev; best = y; }
    }
    if (best < 0 || bestEv < tuning.docMinPair) return null;
    const newStyleWord = checker.typeInfo(lower).newStyle;
    // only a plain word finding (not a merged word, a number or debris, whose messages differ)
    if (issue.message.en !== wordMessage(issue.code, text, render(model, issue.bestId, text, newStyleWord)).en) return null;
    const cands = model.candidates(lower);
    const chBest = channelOf(cands, best), chOther = channelOf(cands, issue.bestId);
    if (chBest === undefined || chOther === undefined) return null;
    const l2 = l >= 0 && i > 1 && !(flags[i - 1]! & F_BREAK_BEFORE) ? ids[i - 2]! : -1;
    const r2 = r >= 0 && i + 2 < n && !(flags[i + 2]! & F_BREAK_BEFORE) ? ids[i + 2]! : -1;
    const lead = checker.lm(l2, l, best, r, r2) + chBest + docGain(l, best, r, false)
      - (checker.lm(l2, l, issue.bestId, r, r2) + chOther + docGain(l, issue.bestId, r, false));
    if (!(lead > 0)) return null;
    const shown = render(model, best, text, newStyleWord);
    return [rep, issueOf({
      ...issue, bestId: best, safe: issue.safe && lead >= tuning.contextMargin, message: wordMessage(issue.code, text, shown),
      suggestions: [shown, ...issue.suggestions.filter(z => z !== shown)].slice(0, issue.suggestions.length || 1),
    })];
  }
}

/** Quantisation step of the document error-rate adjustment (natural log). */
const DELTA_STEP = 0.25;

/**
 * The smallest margin (score of the best candidate minus the written word's, before the
 * document's error-rate shift) that analyzeRange acts on for a known syllable: below
 * contextMargin it is no finding, below -jointPrune not even considered by pass 4, whatever
 * the document's shift. The checker need not score candidates that cannot reach it.
 */
function pruneMargin(): number {
  if (!tuning.pruneCandidates) return -Infinity;
  const maxDelta = quantiseRate(1e9, 0).q * DELTA_STEP;
  return Math.min(tuning.contextMargin, -tuning.jointPrune) - Math.max(0, maxDelta);
}

/** Invalid or unknown lower-case syllables (bad) among the checkable ones (seen) of a range. */
function rateEvidence(tokens: TokenList, from: number, to: number, checker: Checker, ids?: Int32Array): SpellingStats {
  let bad = 0, seen = 0, marked = 0;
  const { flags } = tokens;
  if (ids) ids.fill(-1);
  for (let i = from; i < to; i++) {
    if (flags[i]! & F_SKIP) continue;
    const text = tokens.text(i), lower = text.toLowerCase();
    const info = checker.typeInfo(lower);
    if (ids && info.known) ids[i - from] = info.self;
    if (!info.valid && !info.marks) continue;
    // a place name of the Highlands is no evidence of damage ("Đắk Lắk" many times over would
    // make a clean bulletin look like a poor scan)
    if (isHighlandName(text, lower, info)) continue;
    // nor is a syllable of a transliterated name ("Ô-xtrây-li-a")
    if (flags[i]! & F_HYPHENED && !info.known && transliterationShape(lower)) continue;
    seen++;
    if (info.marks) marked++;
    if (!info.valid || (!info.known && info.marks && text === lower)) bad++;
  }
  return { bad, seen, marked };
}

/**
 * How damaged is this document? Invalid syllables and unknown lower-case ones (rateEvidence)
 * are the context-free evidence. A clean document gets a small prior probability of error per
 * word (few context findings), a damaged scan a large one. Shifts every edit's log-probability
 * by delta = ln(pErr / baseErr), quantised to DELTA_STEP so that one edit rarely changes it.
 */
function quantiseRate(bad: number, seen: number): { q: number; pErr: number } {
  const rate = (bad + tuning.ratePriorBad) / (seen + tuning.ratePriorN);
  const pErr = Math.min(tuning.maxErr, Math.max(tuning.minErr, tuning.rateScale * rate));
  return { q: quantumOf(pErr), pErr };
}

/** The quantum of an error rate (its distance from baseErr in steps of DELTA_STEP, natural log). */
function quantumOf(pErr: number): number {
  return Math.round(Math.log(pErr / tuning.baseErr) / DELTA_STEP);
}

function userWordSet(config: EngineConfig): Set<string> {
  const s = new Set<string>();
  for (const w of config.words) {
    for (const part of w.normalize('NFC').toLowerCase().split(/\s+/)) {
      if (!part) continue;
      s.add(part);
      s.add(canonical(part));
    }
  }
  return s;
}

/** A part of a token split into words must be a syllable at least this common (ln count): rare ones are too easy to find in any string. */
const SPLIT_MIN_LN = 4;

/**
 * Best split of an invalid letter run into known syllables (at least two), or null.
 * Dynamic programming over end positions; each piece must be a well-known syllable.
 */
export function splitMerged(model: SpellingModel, w: string): string[] | null {
  const n = w.length;
  if (n < 4 || n > 40) return null;
  const score = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  score[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let k = Math.max(0, j - 7); k < j; k++) {
      if (score[k] === -Infinity) continue;
      const id = model.idOf(w.slice(k, j));
      if (id < 0 || model.lnCount[id]! < SPLIT_MIN_LN) continue;
      const v = score[k]! + model.lnUni(id) - 2;
      if (v > score[j]!) { score[j] = v; from[j] = k; }
    }
  }
  if (score[n] === -Infinity) return null;
  const parts: string[] = [];
  for (let j = n; j > 0; j = from[j]!) parts.unshift(w.slice(from[j]!, j));
  if (parts.length < 2) return null;
  // single letters are too easy to produce: require real syllables
  if (parts.some(p => p.length < 2 && !/[àáảãạơởờớợỡôồốổỗộ]/.test(p))) return null;
  return parts;
}

/**
 * Two syllables run together with a mark damaged in one of them ("vaỉtrò" for "vai trò"): the
 * best cut into a known syllable and another that is known or one of its first six candidates
 * (each at least `DAMAGED_PART_CHANNEL` likely), scored in context with the repair's OCR edit.
 * Null when no cut gives two such syllables.
 */
const DAMAGED_PART_CHANNEL = -7;
export function damagedSplit(model: SpellingModel, checker: Checker, w: string, l2: number, l: number, r: number, r2: number):
  { first: string; second: string; cut: number } | null {
  const n = w.length;
  if (n < 4 || n > 14) return null;
  /** The part as written when it is a known syllable, else its likeliest repairs (up to 6). */
  const readings = (p: string): { id: number; ch: number }[] => {
    const id = model.idOf(p);
    if (id >= 0 && model.syllables[id] === p && model.lnCount[id]! >= SPLIT_MIN_LN) return [{ id, ch: 0 }];
    if (!/\p{L}/u.test(p)) return [];
    return model.candidates(p).slice(0, 6).filter(c => c.channel >= DAMAGED_PART_CHANNEL && model.lnCount[c.id]! >= SPLIT_MIN_LN).map(c => ({ id: c.id, ch: c.channel }));
  };
  let best: { first: string; second: string; cut: number } | null = null, bs = -Infinity;
  for (let k = 2; k <= n - 2; k++) {
    const as = readings(w.slice(0, k));
    if (!as.length) continue;
    const bs_ = readings(w.slice(k));
    for (const a of as) {
      for (const b of bs_) {
        // one part as written: a word with two damaged halves is not a split the text supports
        if (a.ch < 0 && b.ch < 0) continue;
        const v = checker.lmPair(l2, l, a.id, b.id, r, r2) + a.ch + b.ch;
        if (v > bs) { bs = v; best = { first: model.syllables[a.id]!, second: model.syllables[b.id]!, cut: k }; }
      }
    }
  }
  return best;
}

const YEAR_WORDS = new Set(['năm', 'kỳ', 'kì', 'đoạn']);
/** Any year a bulletin may name, history included ("năm 1010", "1858 - 1945"). */
const maybeYear = (x: string) => /^\d{4}$/.test(x) && +x >= 1000 && +x <= 2100;

/** A range of years written as one token ("2025-2030", "2020:2025"). */
const ONE_TOKEN_RANGE = /^(\d{4})([-–:/])(\d{4})$/;

/**
 * A 4- or 5-digit number where a year must stand ("năm 3024", "nhiệm kỳ 3020 - 2025",
 * "2015 - 3020", "3021-3025") that is no year from 1000 to 2100: its one-digit repair ("2024",
 * "" when none is plausible), or null when it is not such a number.
 */
function implausibleYear(tokens: Token[], i: number, prevReading?: string): string | null {
  const t = tokens[i]!;
  // a range written as one token ("3019-2025", "2020:3025"): the other end is the evidence,
  // and the repair must make an ascending range of at most 30 years ("1000-2000" is no range)
  const range = ONE_TOKEN_RANGE.exec(t.text);
  if (range) {
    const [, a, sep, b] = range as unknown as [string, string, string, string];
    if (!maybeYear(a) && !maybeYear(b)) {
      // both ends damaged ("giai đoạn 3021-3025"): only where a year must stand, and repaired to
      // an ascending range of at most 10 years, the shortest first ("mã 5021-5025" is a code)
      const prev = i > 0 && !t.breakBefore ? tokens[i - 1]! : null;
      if (!prev || !(YEAR_WORDS.has(prev.lower) || (prevReading !== undefined && YEAR_WORDS.has(prevReading)))) return null;
      let bestPair: [string, string] | null = null;
      for (const x of yearRepairs(a)) for (const y of yearRepairs(b)) {
        if (+y <= +x || +y - +x > 10) continue;
        if (!bestPair || +y - +x < +bestPair[1] - +bestPair[0]) bestPair = [x, y];
      }
      return bestPair ? bestPair[0] + sep + bestPair[1] : null;
    }
    if (maybeYear(a) === maybeYear(b) || !isYear(maybeYear(a) ? a : b)) return null;
    const bad = maybeYear(a) ? b : a, good = maybeYear(a) ? a : b;
    // a number, a colon and a year is a standard and its edition ("ISO 9001:2015", "TCVN
    // 5574:2018"), not a range with its first end damaged, unless a year must stand there
    // ("nhiệm kỳ 3020:2025")
    if (sep === ':' && bad === a) {
      const prev = i > 0 && !t.breakBefore ? tokens[i - 1]! : null;
      if (!prev || !(YEAR_WORDS.has(prev.lower) || (prevReading !== undefined && YEAR_WORDS.has(prevReading)))) return null;
    }
    const fix = yearRepairs(bad).filter(x => (bad === a ? +x < +good : +x > +good) && Math.abs(+x - +good) <= 30).sort((x, y) => Math.abs(+x - +good) - Math.abs(+y - +good) || (x < y ? -1 : 1))[0];
    if (!fix) return null;
    return bad === a ? fix + sep + b : a + sep + fix;
  }
  if (!/^\d{4,5}$/.test(t.text) || maybeYear(t.text)) return null;
  const prev = i > 0 ? tokens[i - 1]! : null, next = i + 1 < tokens.length ? tokens[i + 1]! : null;
  // after "năm", "kỳ", "đoạn" as written, or as the previous word's fix reads ("nấm 20244")
  const after = prev && !t.breakBefore && (YEAR_WORDS.has(prev.lower) || (prevReading !== undefined && YEAR_WORDS.has(prevReading))) ? null : undefined;
  // (a range has its dash between the two, " - " or "- ": a space alone is no range, "hotline
  // 1900 9095" is a telephone number)
  const dashGap = (g: number) => g >= 2 && g <= 3;
  const rangeWith = prev?.num && isYear(prev.text) && dashGap(t.start - prev.end) ? prev.text
    : next?.num && isYear(next.text) && dashGap(next.start - t.end) ? next.text : undefined;
  if (after === undefined && rangeWith === undefined) return null;
  const target = rangeWith ? +rangeWith : 2020;
  const ok = yearRepairs(t.text).sort((a, b) => Math.abs(+a - target) - Math.abs(+b - target) || (a < b ? -1 : 1));
  return ok[0] ?? '';
}

/** Words before a percentage rather than a count: a result ("đạt", "bằng", "chiếm"), a bound ("trên")... */
const PERCENT_BEFORE_WHOLE = new Set(['đạt', 'bằng', 'chiếm', 'trên', 'dưới', 'khoảng', 'gần', 'hơn', 'vượt']);
/** ... and those with a change, before a percentage or a count ("tăng 259 so với cùng kỳ" counts cases). */
const PERCENT_BEFORE = new Set([...PERCENT_BEFORE_WHOLE, 'tăng', 'giảm', 'lên', 'xuống', 'còn']);
/** Units and measure words: a number before one is a quantity ("1009 tỷ đồng", "1009 lượt"). */
const COUNT_UNITS = new Set(['tỷ', 'triệu', 'nghìn', 'ngàn', 'trăm', 'chục', 'đồng', 'ha', 'km', 'm', 'kg', 'tấn', 'tạ', 'lít', 'năm', 'tháng', 'tuần', 'ngày', 'giờ', 'phút', 'lần', 'lượt', 'tuổi', 'điểm', 'bậc']);
/** Words after a percentage with no unit of its own: "đạt 58,3% kế hoạch", "bằng 76,1% dự toán". */
const PERCENT_AFTER: readonly [string, string][] = [['kế', 'hoạch'], ['dự', 'toán'], ['chỉ', 'tiêu'], ['so', 'với'], ['cùng', 'kỳ']];

/**
 * A percentage whose sign OCR read as digits ("đạt 58,39 kế hoạch" for 58,3%, "đạt trên 9796."
 * for 97%, "ước đạt 38,290," for 38,2%): Times-like type at small sizes loses the % this way.
 * Token i is a number without a sign, after a word that takes a percentage and before a word
 * that follows one or before punctuation (a decimal number before such a word pair, "2,49 so
 * với", needs no word before it; `word(k)` is token k's word as the checks read it, "cỏn" read
 * "còn"); it ends in "9", "96", "90" or "56", and without them it is
 * a percentage: a decimal one (the written number had two decimals or more), or a whole one up
 * to 200 (written with three digits or more, after a word of result or bound; a "9" alone only
 * where the written number is over 100 and the percentage at most 100); a full stop before
 * three digits or more groups thousands, and the number is a count. Apart from these, "100%"
 * read as "1009", "10090", "10096" or "1001" at a clause's start before a word in lower case. Returns
 * the repair ("58,3%") and what the sign was read as, or null.
 */
function lostPercent(tokens: Token[], i: number, word: (k: number) => string = k => tokens[k]!.lower): { fix: string; read: string } | null {
  const t = tokens[i]!;
  // "; 1009 cơ quan", "10096 cấp ủy": a clause that opens with "100%" of something is one of the
  // register's commonest (every commune, every agency); as a count, 1,009 would be written
  // "1.009" and is rare at a clause's start
  const full = /^100(96|90|9|1)$/.exec(t.text);
  if (full && (i === 0 || t.breakBefore)) {
    const a = tokens[i + 1];
    if (a && !t.breakAfter && !a.num && !a.skip && a.text === a.lower && /^\p{Ll}+$/u.test(a.text) && !COUNT_UNITS.has(a.lower)) return { fix: '100%', read: full[1]! };
  }
  if (!/^\d+(?:[.,]\d+)?$/.test(t.text)) return null;
  const a = tokens[i + 1], b = tokens[i + 2];
  // a word pair that follows a percentage and no unit ("58,39 dự toán", "2,49 so với")
  const unitless = a !== undefined && b !== undefined && !t.breakAfter && !a.breakAfter && PERCENT_AFTER.some(([x, y]) => word(i + 1) === x && word(i + 2) === y);
  const sep = /[.,](\d+)$/.exec(t.text);
  const decimals = sep?.[1];
  const before = i === 0 || t.breakBefore ? '' : word(i - 1);
  // after a word that takes a percentage; a decimal number before such a pair needs none (the
  // pair says what the number is, whatever OCR made of the word before it)
  if (!PERCENT_BEFORE.has(before) && !(unitless && sep && sep[0][0] === ',')) return null;
  if (!t.breakAfter && !unitless) return null;
  // a full stop before three digits groups thousands ("đạt 12.519."): a count, no percentage
  if (sep && sep[0][0] === '.' && decimals!.length >= 3) return null;
  for (const read of ['96', '90', '56', '9']) {
    if (!t.text.endsWith(read)) continue;
    const core = t.text.slice(0, -read.length);
    if (!/^\d+(?:[.,]\d+)?$/.test(core)) continue;
    if (decimals !== undefined) {
      if (decimals.length < 2) continue;
    } else {
      const v = +core;
      if (t.text.length < 3 || v > 200 || !PERCENT_BEFORE_WHOLE.has(before)) continue;
      if (read === '9' && !(v <= 100 && +t.text > 100)) continue;
    }
    return { fix: core + '%', read };
  }
  return null;
}

/** Words before a percentage that may pass 100: a change or a result against a plan ("tăng 150%", "vượt 109%"). */
const GROWTH_BEFORE = new Set(['tăng', 'vượt', 'gấp', 'lên', 'đạt', 'bằng', 'hơn', 'trên']);
/** Words after a number that say nothing of what it is a share of ("116% hay 1,16", "120% và"). */
const SHARE_NOT_OF = new Set(['hay', 'hoặc', 'và', 'với', 'là', 'thì', 'nhưng', 'trở', 'so']);

/**
 * A share of things over 100% ("859% di tích", "989% thôn, bản" for 85% and 98%): tesseract
 * reads the small circle of a percent sign as a "9" and keeps the sign. Token i is a whole
 * number of three digits or more ending in "9%", directly before a word in lower case (what the
 * share is of, maybe on the next line) that is no plan or period a result is measured against
 * ("kế hoạch", "so với") and no conjunction, and after no word of growth or result; without its
 * last digit it is at most 100. Returns the repair, or null.
 */
function overFullShare(tokens: Token[], i: number): string | null {
  const t = tokens[i]!, a = tokens[i + 1], b = tokens[i + 2];
  const m = /^(\d{2,3})9%$/.exec(t.text);
  if (!m || +m[1]! > 100 || !a || t.breakAfter || a.num || a.skip || a.text !== a.lower || !/^\p{Ll}/u.test(a.text)) return null;
  if (PERCENT_AFTER.some(([x, y]) => a.lower === x && (!b || b.lower === y)) || SHARE_NOT_OF.has(a.lower)) return null;
  if (i > 0 && !t.breakBefore && GROWTH_BEFORE.has(tokens[i - 1]!.lower)) return null;
  return m[1]! + '%';
}

/** The change label of every finding that repairs a percent sign (adaptedReadings counts them). */
export const PERCENT_CHANGE = '%';

/** `x` (a fresh issue) labelled as a percent sign's repair. */
function percentIssue(x: SpellingIssue): SpellingIssue {
  x.change = PERCENT_CHANGE;
  return x;
}

/**
 * A number that may be a percentage whose sign OCR damaged, where nothing but the scan's habit
 * says so (a conditional finding, pctHabitMin): a decimal percentage with a "9" before its sign
 * ("84,79%" for 84,7%: the sign's small circle read as a digit, the sign kept), or a number with
 * a decimal comma and two decimals or more that ends in what a lost sign is most often read as
 * ("96", "90", "9"; not "56", which lostPercent takes only beside a word of percentages) and
 * stands before punctuation or a word in lower case that is no unit ("86,490 diện tích" for
 * 86,4%, "96,49 cán bộ": a count of people has no decimals). The part before the comma is at
 * most 100. Returns the repair, or null.
 */
function percentNearMiss(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  const signed = /^(\d{1,3}),(\d+)9%$/.exec(t.text);
  if (signed) return +signed[1]! <= 100 ? `${signed[1]},${signed[2]}%` : null;
  const m = /^(\d{1,3}),(\d{2,})$/.exec(t.text);
  if (!m || +m[1]! > 100) return null;
  const a = tokens[i + 1];
  if (a && !t.breakAfter && (a.num || a.skip || a.text !== a.lower || !/^\p{Ll}/u.test(a.text) || COUNT_UNITS.has(a.lower))) return null;
  const decimals = m[2]!;
  for (const read of ['96', '90', '9']) {
    if (decimals.length > read.length && decimals.endsWith(read)) return `${m[1]},${decimals.slice(0, -read.length)}%`;
  }
  return null;
}

/** Signing formulas (thay mặt, thừa lệnh, ký thay) as party documents write them, and as state documents do. */
// (a Map: a plain object's look-up by a word of the text finds "constructor" or "toString" too)
const SIGNING = new Map<string, readonly [party: string, state: string]>([['TM', ['T/M', 'TM.']], ['TL', ['T/L', 'TL.']], ['KT', ['K/T', 'KT.']]]);
/** Words after which the state's form comes first: a People's Committee or Council, its chair. */
const STATE_SIGNER = /^(?:ỦY BAN NHÂN|UỶ BAN NHÂN|HỘI ĐỒNG NHÂN|CHỦ TỊCH|UBND|HĐND)/u;

/**
 * A signature block's formula with its slash or full stop lost ("TM BAN THƯỜNG VỤ" for "T/M BAN
 * THƯỜNG VỤ", "TL" for "T/L", "KT" for "K/T" or "KT."): token i is "TM", "TL" or "KT" alone,
 * first on its line, before a word in capitals on the same line (the body or the office that
 * signs). Returns both forms, the party's first unless the signer is a People's Committee or
 * Council or its chair, or null.
 */
function signingFormula(tokens: Token[], i: number): string[] | null {
  const t = tokens[i]!, next = tokens[i + 1];
  const forms = SIGNING.get(t.text);
  if (!forms || !t.lineEdge || (i > 0 && tokens[i - 1]!.line === t.line) || t.breakAfter) return null;
  if (!next || next.line !== t.line || next.num || !/^\p{Lu}{2,}$/u.test(next.text)) return null;
  const signer = tokens.slice(i + 1, i + 4).filter(x => x.line === t.line).map(x => x.text).join(' ');
  return STATE_SIGNER.test(signer) ? [forms[1], forms[0]] : [...forms];
}

/** Two numbers joined by " - " (three characters: a comma list is "2023, 2022"), as a range is written. */
function dashJoined(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && !!a.num && !!b.num && b.start - a.end === 3;
}

/**
 * A range of years written backwards ("nhiệm kỳ 2030 - 2025"): one end was misread. Returns the
 * repair of token i when it is the damaged end (one digit away from an ascending range of at
 * most 10 years; when both ends are, the later year is taken as the damaged one), else null.
 */
function reversedRange(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  // two years separated by " - ", the later first
  const backwards = (a: Token | undefined, b: Token | undefined) => dashJoined(a, b)
    && isYear(a!.text) && isYear(b!.text) && +a!.text > +b!.text;
  const [first, second] = backwards(t, tokens[i + 1]) ? [t, tokens[i + 1]!] : backwards(tokens[i - 1], t) ? [tokens[i - 1]!, t] : [null, null];
  if (!first || !second) return null;
  const fix = backwardsRepair(first.text, second.text);
  return fix && (fix.at === 'first' ? first : second) === t ? fix.year : null;
}

/**
 * The repair of a range of years a > b: the first year when one digit makes it at most 10 years
 * before the second, the one nearest it ("2030 - 2025" -> 2020), else the second when one digit
 * makes it at most 10 years after the first; null when neither does. A range of five or ten years
 * (a term, a plan's period) comes before a nearer one: "nhiệm kỳ 2036 - 2031" is 2026 - 2031,
 * not 2030 - 2031.
 */
function backwardsRepair(a: string, b: string): { at: 'first' | 'second'; year: string } | null {
  const near = (target: number) => (x: string, y: string) => +(Math.abs(+x - target) % 5 !== 0) - +(Math.abs(+y - target) % 5 !== 0)
    || Math.abs(+x - target) - Math.abs(+y - target) || (x < y ? -1 : 1);
  const first = yearRepairs(a).filter(x => +x < +b && +b - +x <= 10).sort(near(+b))[0];
  if (first) return { at: 'first', year: first };
  const second = yearRepairs(b).filter(x => +x > +a && +x - +a <= 10).sort(near(+a))[0];
  return second ? { at: 'second', year: second } : null;
}

/** A leap year, for a date whose year is not written (29 February may be meant). */
const SOME_LEAP_YEAR = 2000;

/** Token k stands right after token k - 1, with no punctuation or paragraph break between. */
function tightAt(tokens: Token[], k: number): boolean {
  return k > 0 && k < tokens.length && !tokens[k]!.breakBefore;
}

/**
 * A term of office of a length no term has ("nhiệm kỳ 2030 - 2034"): party committees, people's
 * councils and mass organisations sit five years, a party cell attached to a grassroots committee
 * two and a half (written as a range of two or three years). Token i is a year of a forward range
 * right after "nhiệm kỳ" (`word(k)`: token k's word as the checks read it), as two tokens ("2030
 * - 2034") or one ("2030-2034"), that spans any other number of years. Returns the repair of
 * token i when one digit of it makes a five-year term, and the length written, or null. When
 * either end would do, the term that ends in a year divisible by five is taken (most bodies sit
 * in step: "2023 - 2030" is 2025 - 2030), then the later year as the damaged one ("2030 - 2034"
 * is 2030 - 2035).
 */
function termRange(tokens: Token[], i: number, word: (k: number) => string): { fix: string; years: number } | null {
  const t = tokens[i]!;
  const opens = (k: number) => k >= 2 && tightAt(tokens, k) && tightAt(tokens, k - 1) && word(k - 2) === 'nhiệm' && (word(k - 1) === 'kỳ' || word(k - 1) === 'kì');
  const repair = (a: string, b: string): { at: 'first' | 'second'; year: string } | null => {
    const years = +b - +a;
    if (years <= 0 || years === 2 || years === 3 || years === 5) return null;
    const second = yearRepairs(b).find(x => +x - +a === 5);
    const first = yearRepairs(a).find(x => +b - +x === 5);
    // most bodies sit in step, their terms ending in a year divisible by five
    if (second && (+second % 5 === 0 || !first || +b % 5 !== 0)) return { at: 'second', year: second };
    return first ? { at: 'first', year: first } : second ? { at: 'second', year: second } : null;
  };
  const one = ONE_TOKEN_RANGE.exec(t.text);
  if (one) {
    const [, a, sep, b] = one as unknown as [string, string, string, string];
    if (!isYear(a) || !isYear(b) || !opens(i)) return null;
    const fix = repair(a, b);
    return fix ? { fix: fix.at === 'first' ? fix.year + sep + b : a + sep + fix.year, years: +b - +a } : null;
  }
  if (!isYear(t.text)) return null;
  const ranged = (a: number) => a >= 0 && dashJoined(tokens[a], tokens[a + 1]) && isYear(tokens[a]!.text) && isYear(tokens[a + 1]!.text) && opens(a);
  const a = ranged(i) ? i : ranged(i - 1) ? i - 1 : -1;
  if (a < 0) return null;
  const fix = repair(tokens[a]!.text, tokens[a + 1]!.text);
  if (!fix || (fix.at === 'first') !== (a === i)) return null;
  return { fix: fix.year, years: +tokens[a + 1]!.text - +tokens[a]!.text };
}

/** The ten heavenly stems and the twelve earthly branches, as written in lower case (both spellings where there are two). */
const STEMS: readonly (readonly string[])[] = [['giáp'], ['ất'], ['bính'], ['đinh'], ['mậu'], ['kỷ', 'kỉ'], ['canh'], ['tân'], ['nhâm'], ['quý', 'quí']];
const BRANCHES: readonly (readonly string[])[] = [['tý', 'tí'], ['sửu'], ['dần'], ['mão', 'mẹo'], ['thìn'], ['tỵ', 'tị'], ['ngọ'], ['mùi'], ['thân'], ['dậu'], ['tuất'], ['hợi']];
/** Words before a year's name in the cycle: "Tết Ất Tỵ", "Xuân Bính Ngọ", "Nguyên đán Giáp Thìn", "năm Quý Mão". */
const CYCLE_LEADS = new Set(['tết', 'xuân', 'đán', 'năm']);

/**
 * A year whose name in the sixty-year cycle, written just before it, names other years ("Tết
 * Nguyên đán Ất Tỵ năm 2035", "Xuân Giáp Thìn 2034"): OCR misread a digit, since the name is
 * exact (2025 is Ất Tỵ, and so are 1965 and 2085). Token i is the year, after a stem and a branch
 * that make a name of the cycle (a stem and a branch of the same parity), with "năm" between
 * them or not, after "Tết", "Xuân", "Nguyên đán" or "năm" (a place named "Tân Hợi" is no year's
 * name; both words as the checks read them, `word(k)`, '' outside the range). Returns the year one digit away that the name
 * names (the nearest) and the name, or null (also when no one-digit repair fits: the name may be
 * what was misread).
 */
function cycleYear(tokens: Token[], i: number, word: (k: number) => string): { fix: string; name: string } | null {
  const tight = (k: number) => tightAt(tokens, k);
  const branchAt = word(i - 1) === 'năm' && tight(i - 1) ? i - 2 : i - 1;
  if (!tight(i) || !tight(branchAt) || !tight(branchAt + 1) || !CYCLE_LEADS.has(word(branchAt - 2)) || !tight(branchAt - 1)) return null;
  const stem = STEMS.findIndex(v => v.includes(word(branchAt - 1)));
  const branch = BRANCHES.findIndex(v => v.includes(word(branchAt)));
  if (stem < 0 || branch < 0 || stem % 2 !== branch % 2) return null;
  const names = (y: number) => (y + 6) % 10 === stem && (y + 8) % 12 === branch;
  const y = +tokens[i]!.text;
  if (names(y)) return null;
  const fix = yearRepairs(tokens[i]!.text).filter(x => names(+x)).sort((a, b) => Math.abs(+a - y) - Math.abs(+b - y))[0];
  // (the name as the checks read it: "Ất Tý" read "Ất Tỵ" names 2025)
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return fix ? { fix, name: `${cap(word(branchAt - 1))} ${cap(word(branchAt))}` } : null;
}

/**
 * A date in the text that does not exist, which OCR made of a real one by misreading a digit:
 * token i is the day or the month of a date written in words ("ngày 32 tháng 5", "tháng 0 năm
 * 2022", "ngày 31 tháng 4 năm 2024", "ngày 29 tháng 2 năm 2023"), or a date written with slashes
 * after "ngày" or with its year ("15/13/2024", "ngày 31/4"), or a month and year after "tháng"
 * ("tháng 13/2024"). A month stands in words only before "năm" and a year, or after "ngày" and a
 * day ("3 tháng 15 ngày" is a duration). A cited document's date is left to the citation checks
 * (citation.invalid-date): a date right after a document symbol. `word(k)`: token k's word as the
 * checks read it, '' outside the range. Returns the message, or null.
 */
function impossibleDate(tokens: Token[], i: number, word: (k: number) => string): Msg | null {
  const t = tokens[i]!;
  const tight = (k: number) => tightAt(tokens, k);
  const int = (k: number) => { const x = tokens[k]; return x && x.num && /^\d{1,2}$/.test(x.text) ? +x.text : -1; };
  const yearAt = (k: number) => { const x = tokens[k]; return x && x.num && isYear(x.text) ? +x.text : undefined; };
  /** "năm" and a year right after token k - 1 */
  const yearAfter = (k: number) => (word(k) === 'năm' && tight(k) && tight(k + 1) ? yearAt(k + 1) : undefined);
  /** the date whose "ngày" is token k belongs to a citation: a document symbol before it */
  const cited = (k: number) => k > 0 && /\//.test(tokens[k - 1]!.text) && /\p{Lu}/u.test(tokens[k - 1]!.text);
  const noMonth = (m: number): Msg => (/\//.test(t.text)
    ? { en: `"${t.text}" is not a date (there is no month ${m}): probably misread by OCR`, vi: `"${t.text}" không phải là ngày tháng (không có tháng ${m}): có lẽ bị nhận dạng sai` }
    : { en: `"${t.text}" is no month (1 to 12): probably misread by OCR`, vi: `"${t.text}" không phải là tháng (1 đến 12): có lẽ bị nhận dạng sai` });
  const noDay = (d: number, m: number): Msg => (/\//.test(t.text)
    ? { en: `"${t.text}" is not a date (month ${m} has no day ${d}): probably misread by OCR`, vi: `"${t.text}" không phải là ngày tháng (tháng ${m} không có ngày ${d}): có lẽ bị nhận dạng sai` }
    : { en: `"${t.text}" is no day of month ${m}: probably misread by OCR`, vi: `"${t.text}" không phải là một ngày của tháng ${m}: có lẽ bị nhận dạng sai` });
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(t.text);
  if (slash) {
    const [, ds, ms, ys] = slash;
    const afterNgay = word(i - 1) === 'ngày' && tight(i);
    if (ys === undefined ? !afterNgay : !isYear(ys)) return null;
    if ((afterNgay && cited(i - 1)) || cited(i)) return null;
    const d = +ds!, m = +ms!;
    if (m < 1 || m > 12) return noMonth(m);
    return dateExists(ys === undefined ? SOME_LEAP_YEAR : +ys, m, d) ? null : noDay(d, m);
  }
  const monthYear = /^(\d{1,2})\/(\d{4})$/.exec(t.text);
  if (monthYear) {
    if (word(i - 1) !== 'tháng' || !tight(i) || !isYear(monthYear[2]!)) return null;
    const m = +monthYear[1]!;
    return m < 1 || m > 12 ? noMonth(m) : null;
  }
  const v = int(i);
  if (v < 0 || !tight(i)) return null;
  if (word(i - 1) === 'ngày' && word(i + 1) === 'tháng' && tight(i + 1) && tight(i + 2)) {
    const m = int(i + 2);
    if (m < 1 || m > 12 || cited(i - 1)) return null;
    return dateExists(yearAfter(i + 3) ?? SOME_LEAP_YEAR, m, v) ? null : noDay(v, m);
  }
  if (word(i - 1) === 'tháng') {
    const dated = word(i - 3) === 'ngày' && tight(i - 2) && tight(i - 1) && int(i - 2) >= 0;
    if (!dated && yearAfter(i + 1) === undefined) return null;
    if (dated && cited(i - 3)) return null;
    return v < 1 || v > 12 ? noMonth(v) : null;
  }
  return null;
}

/**
 * A range of two years written as one token that runs backwards ("2035-2030"): repaired like
 * reversedRange ("2025-2030"). Null when it runs forward or no repair mends it.
 */
function reversedToken(text: string): string | null {
  const m = ONE_TOKEN_RANGE.exec(text);
  if (!m || !isYear(m[1]!) || !isYear(m[3]!) || +m[1]! <= +m[3]!) return null;
  const [, a, sep, b] = m as unknown as [string, string, string, string];
  const fix = backwardsRepair(a, b);
  return !fix ? null : fix.at === 'first' ? fix.year + sep + b : a + sep + fix.year;
}

/**
 * A tone mark only Vietnamese writes: a hook above, a dot below, a tilde, or a tone on a vowel with
 * a modifier. (Portuguese writes ã and õ too, "função": such a word is still reported only when it
 * has a clear Vietnamese reading.) Not a lone acute, grave or circumflex (French, Spanish) nor a
 * bare breve (loanwords: "frăng", the franc).
 */
const VIETNAMESE_ONLY_MARK = /[ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựảẻỉỏủỷạẹịọụỵãẽĩõũỹ]/u;
/** ... less Portuguese's ã and õ: a word in lower case with one of these is damaged Vietnamese. */
const VIETNAMESE_ONLY_STRICT = /[ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựảẻỉỏủỷạẹịọụỵẽĩũỹ]/u;
/** Syllables of Central Highlands and northern place and person names: a vowel then k ("đắk",
 * "búk", "akô" of buôn Akô Dhông), an onset cluster or apostrophe Vietnamese does not have
 * ("krông", "plông", "đrăng", "h'mông", "kđăm", "bhăng", "dhông", "knuếc"), or k before a back
 * vowel, which the c/k rule gives to c ("kon", "kạn" of Bắc Kạn). OCR does not make these from
 * Vietnamese words: C and K do not look alike, and no Vietnamese letter looks like an h after b or d. */
const HIGHLAND_NAME = /^(?:.*[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]k|(?:kr|pr|dr|đr|sr|pl|bl|gl|kl|kđ|kn|bh|dh|[hm]['’]|k[aăâoôơuưáàảãạắằẳẵặấầẩẫậóòỏõọốồổỗộớờởỡợúùủũụứừửữự]).*)$/u;
/** ... or a k after a vowel and before a vowel, r or l anywhere in it ("akô", "Đakrông"), which no Vietnamese syllable has. */
const HIGHLAND_INNER_K = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]k[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵrl]/u;
/**
 * Words that open a Highlands name, the next word being its own ("Ea Yông", "Cư Pơng", "Ia
 * Grai", "Chư Păh", "Krông Pa", "Đăk Wơk"; the Ê Đê and Jrai "Y" and "H'" of men's and women's
 * names, and "H'", "M'" glued to the name: "H’Bă"), and the kinds of place named only there ("buôn", "bon", "plei"): a capitalised word
 * after one that is no Vietnamese syllable is part of that name.
 */
const HIGHLAND_OPENERS = new Set(['ea', 'ia', 'cư', 'chư', 'krông', 'kon', 'đăk', 'đắk', 'đak', 'ya', 'y', 'buôn', 'bon', 'plei']);

/** Number words that open the items of a list with "là," ("Một là, …; Hai là, …"). */
const ORDINAL_LEADS = new Set(['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười']);

/**
 * Whether the neighbours of a capital-and-number token ("B7", "R4", "6S") count something, so it
 * is a number OCR read with a letter, not a code ("G7", "B2", "F0"): the word after it is one
 * that follows numbers (a unit or a counted noun: "B7 cá nhân", "R4 dự án"), far more than it
 * follows codes and than it precedes numbers (a preposition between numbers, "A1 đến A5", is
 * no count); or the word before it is one that numbers follow ("đạt", "khoảng", "ngày"). Shares
 * are a pair's count over the word's own frequency, in the model's units.
 */
function countedByNeighbours(model: SpellingModel, l: number, r: number, reading: string): boolean {
  const num = model.idOf('0'), acr = model.idOf('#');
  if (num < 0) return false;
  const share = (c: number, w: number) => c / Math.exp(model.lnUniArr[w]!);
  if (r >= 0 && !model.isPseudo(r)) {
    const after = share(model.pair(num, r), r);
    if (after >= CODE_NUM_AFTER && after >= 2 * share(model.pair(r, num), r) && (acr < 0 || after >= 3 * share(model.pair(acr, r), r))) return true;
  }
  if (l < 0 || model.isPseudo(l)) return false;
  // (a day's or a month's slot counts only a day or a month: "ngày Ú7" is the 7th, "ngày 5B" no date)
  const lead = model.syllables[l];
  if (lead === 'ngày' || lead === 'tháng') return reading !== '' && +reading >= 1 && +reading <= (lead === 'ngày' ? 31 : 12);
  return share(model.pair(l, num), l) >= CODE_NUM_BEFORE;
}
const CODE_NUM_AFTER = 3e5, CODE_NUM_BEFORE = 1.5e6;

/** Words that multiply a number: an amount of money can end with them ("125.300 tỷ đ"). */
const AMOUNT_WORDS = new Set(['trăm', 'nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ']);

/**
 * The commonest Vietnamese surnames (about nine people in ten bear one), leaving out those that
 * also begin common place names or words in capitals ("Hà Nội", "Cao Bằng", "Mai Châu").
 */
const SURNAMES = new Set(['nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đào', 'đoàn', 'vương', 'trịnh', 'trương', 'đinh', 'phùng', 'lưu', 'lương', 'tạ', 'quách', 'kiều', 'triệu', 'nông',
  // and of the ethnic minorities of the north (Hmong, Thái, Dao: "Giàng Seo Phử", "Lò Văn Puôn",
  // "Cầm Ngọc Minh"), the Highlands ("Ksor Phước", "Rơ Châm", "Siu", "Điểu") and the Khmer ("Thạch")
  'giàng', 'sùng', 'thào', 'vàng', 'lầu', 'mùa', 'lò', 'cầm', 'điêu', 'quàng', 'lường', 'sầm', 'tòng', 'chảo',
  'ksor', 'rơ', 'siu', 'điểu', 'thạch']);

/**
 * More such syllables, names only when written with a capital and the rest in lower case ("Chư
 * Păh", "Chư Pưh", "Đạ Tẻh", "Y Biêr Niê"): a vowel then h or r, which Vietnamese never ends a
 * syllable with (its h final is always ch or nh), or an onset with an open "iê" (the Ê Đê surname
 * Niê; Vietnamese writes iê only before a final). Not in a line of capitals, where "XỎR" is
 * damage of a Roman numeral; not yê, uô, ươ, which OCR makes by losing a final ("Yề" for "Về").
 */
const HIGHLAND_TITLE = /^(?:.*[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ][hr]|[bcdđghklmnprstvx]+iê|(?:ch|th|ph|kh|tr)[bcdđghklmnpqrstvx].*)$/u;

/** A capitalised name of that shape with Vietnamese marks ("Đắk Lắk", "Bắc Kạn"): a name, no damage. */
function isHighlandName(text: string, lower: string, info: { valid: boolean; marks: boolean }): boolean {
  if (info.valid || !info.marks) return false;
  const shape = caseShape(text);
  return shape !== 'lower' && (HIGHLAND_NAME.test(lower) || HIGHLAND_INNER_K.test(lower) || (shape === 'title' && HIGHLAND_TITLE.test(lower)));
}

/**
 * Three digits that open a year ("19x", "20x") in the year slot of a date: after "tháng M năm"
 * ("ngày 15 tháng 7 năm 202") or "N tháng năm" ("9 tháng năm 202 ước tăng"), or after "năm" at
 * the end of a clause ("trong năm 206,"); or any three digits from 200 to 299 after "tháng M
 * năm" ("ngày 18 tháng 12 năm 225"): the year lost a digit. Returns the year with that
 * digit back that is nearest the closest four-digit year written in the same passage (with none
 * to go by, the only year the digit can make, "" when it can make several), or null when it is
 * not such a number.
 */
function truncatedYear(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  if (!/^(?:19|2\d)\d$/.test(t.text) || i < 2 || t.breakBefore) return null;
  const opens = /^(?:19|20)\d$/.test(t.text);
  const nam = tokens[i - 1]!, before = tokens[i - 2]!;
  if (nam.lower !== 'năm' || nam.breakBefore) return null;
  const monthSlot = before.lower === 'tháng' || (before.num && /^\d{1,2}$/.test(before.text) && +before.text >= 1 && +before.text <= 12 && i >= 3 && tokens[i - 3]!.lower === 'tháng' && !before.breakBefore);
  // (in the year slot of a full date the lost digit may be the second: "tháng 12 năm 225" for
  // 2025; nowhere else, where "năm 248" may be a year of history)
  if (!opens && !(monthSlot && before.num)) return null;
  // ... or "năm" and the number closes its clause ("hoàn thành trong năm 206,"): a count has
  // its unit after it ("năm 202 hộ")
  if (!monthSlot && !(t.breakAfter || i + 1 === tokens.length)) return null;
  let near: number | undefined, dist = Infinity;
  for (let k = Math.max(0, i - 60); k < Math.min(tokens.length, i + 60); k++) {
    const y = tokens[k]!;
    if (k !== i && y.num && isYear(y.text) && Math.abs(k - i) < dist) { dist = Math.abs(k - i); near = +y.text; }
  }
  const repairs = new Set<string>();
  for (let k = 0; k <= 3; k++) for (let d = 0; d <= 9; d++) repairs.add(t.text.slice(0, k) + d + t.text.slice(k));
  const years = [...repairs].filter(x => isYear(x) && +x >= 1945);
  // (with no year to go by, only a repair that is the one possible: "225" can only be 2025)
  if (near === undefined) return years.length === 1 ? years[0]! : '';
  const ok = years.sort((a, b) => Math.abs(+a - near!) - Math.abs(+b - near!) || (a < b ? -1 : 1));
  return ok[0] ?? '';
}

/**
 * One end of a range of years that lost a digit ("nhiệm kỳ 2025 - 200.", "giai đoạn 202 - 2025",
 * "2025 - 030;"): three digits that open a year ("19x", "20x"), or for a second end three that
 * begin with 0 (its "2" lost), joined by " - " to a year; a second end must close
 * its clause ("năm 2024 - 203 hộ" is a count). Returns the year with its digit back that makes
 * the range run forward by at most 10 years: the only one, or for a second end the only one
 * divisible by five (the register's terms and plans end so: 2020 - 2025, 2021 - 2025); '' when
 * neither decides, and null when it is not such a number.
 */
function truncatedRangeEnd(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  // (or a second end that lost its first digit, "nhiệm kỳ 2025 - 030;", when a digit makes it one)
  const lostFirst = /^0\d\d$/.test(t.text) && dashJoined(tokens[i - 1], t);
  if (!/^(?:19|20)\d$/.test(t.text) && !lostFirst) return null;
  const prev = tokens[i - 1], next = tokens[i + 1];
  const after = dashJoined(prev, t) && isYear(prev!.text) && (t.breakAfter || i + 1 === tokens.length);
  if (!after && !(dashJoined(t, next) && isYear(next!.text))) return null;
  const other = +(after ? prev! : next!).text;
  const ok = new Set<string>();
  for (let k = 0; k <= 3; k++) {
    for (let d = 0; d <= 9; d++) {
      const x = t.text.slice(0, k) + d + t.text.slice(k);
      if (isYear(x) && (after ? +x > other && +x - other <= 10 : +x < other && other - +x <= 10)) ok.add(x);
    }
  }
  if (lostFirst && ok.size === 0) return null;
  const fit = after ? [...ok].filter(x => +x % 5 === 0) : [...ok];
  return ok.size === 1 ? [...ok][0]! : fit.length === 1 ? fit[0]! : '';
}

/** Words with two accepted spellings (either way round). */
const DUAL_SPELLINGS = new Map<string, string>();
for (const [a, b] of [['hằng', 'hàng'], ['giày', 'giầy'], ['dày', 'dầy']]) {
  DUAL_SPELLINGS.set(a!, b!);
  DUAL_SPELLINGS.set(b!, a!);
}

/** A code in capitals, as scripts/data/count.mjs counts it (isAcronym). */
const ACRONYM = /^[A-ZĐ]{2,8}$/;
/** Capitals with any marks: what OCR makes of a code when it adds a horn, a hat or a tone ("ƯBND"). */
const MARKED_CAPITALS = /^\p{Lu}{2,8}$/u;

/**
 * Letter groups OCR reads as one capital, or one capital as a group ("LIBND" for "UBND": the two
 * strokes of U read as L and I; "HĐNI" for "HĐND": the bowl of D lost).
 */
const CAPITAL_GROUPS: readonly [string, string][] = [['LI', 'U'], ['IJ', 'U'], ['II', 'U'], ['I', 'D']];

/**
 * The quarter (I to IV) that a mix of I's and 1's stands for ("II1" -> III, "1I" -> II), each 1
 * read as I; null when the token is something else, or reads as a number that can be a quarter
 * ("quý 1" is the first quarter in Arabic numerals).
 */
function quarterWithOnes(text: string): string | null {
  if (!/^[I1]{2,4}$/.test(text) || !text.includes('I') || !text.includes('1')) return null;
  const r = romanReadings(text)[0];
  return r !== undefined && QUARTERS.includes(r) ? r : null;
}

/**
 * A Roman numeral that OCR damaged, after a word that takes one ("khóa XÌ", "lần thứ XVIH",
 * "Đại hội XHÍ", "khóa XXHU"): I with a tone mark, H or U for II, l or | for I. Returns the
 * numeral (the first reading when several are possible), or null.
 */
function romanRepair(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  if (i === 0 || t.breakBefore || t.text.length > 8) return null;
  const before = tokens[i - 1]!.lower;
  // a quarter is I to IV: "quý LV" is IV with an L read for its I ("quý V" has no reading)
  if (QUARTER_WORDS.has(before) && /^[IVXL1lĨÌÍỈỊ]+$/.test(t.text)) {
    if (QUARTERS.includes(t.text)) return null;
    const q = romanReadings(t.text, LABEL_READS).filter(x => QUARTERS.includes(x));
    return q.length ? q[q.length - 1]! : '';
  }
  if (!ROMAN_CONTEXT.has(before) && !(before === 'hội' && i > 1 && tokens[i - 2]!.lower === 'đại')) return null;
  if (!/^[IVXLCDMĨÌÍỈỊHUl|]+$/.test(t.text) || !/[IVX]/.test(t.text)) return null;
  const fixed = romanReadings(t.text).filter(x => x.length >= 2)[0];
  return fixed !== undefined && fixed !== t.text ? fixed : null;
}

/**
 * Whether capitalised junk `w` (lower case) is its reading's letters with the capital misread as
 * a thin one: "Irung" for "Trung", "Ioàn" for "Toàn" (OCR reads a T or an L at a word's start
 * as I or l). Only that: a product name ("Calc", "Pop") is a letter or two from many syllables.
 */
function thinCapital(w: string, letters: string): boolean {
  return (w[0] === 'i' || w[0] === 'l') && letters.length === w.length && letters[0] !== w[0] && w.slice(1) === letters.slice(1);
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let x = 1; x <= a.length; x++) {
    const cur = [x];
    for (let y = 1; y <= b.length; y++) cur.push(Math.min(prev[y]! + 1, cur[y - 1]! + 1, prev[y - 1]! + (a[x - 1] === b[y - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Whether OCR junk `w` is close enough to the letters of its reading to be a misreading of it: at
 * most one letter more or fewer, and one edit (two in a word of five letters or more) apart
 * ("sih" / "sinh", "chuns" / "chung", "truyeri" / "truyen"); "url" / "ra", "cotang" / "cong" are not.
 */
function junkClose(w: string, letters: string): boolean {
  const n = w.length, k = letters.length;
  if (Math.abs(n - k) > 1) return false;
  return editDistance(w, letters) <= (n >= 5 ? 2 : 1);
}

/** The written forms of "quý" (a quarter of the year) before its numeral, as OCR leaves them. */
const QUARTER_WORDS = new Set(['quý', 'quí', 'quỷ']);
/** The quarters of a year. */
const QUARTERS = ['I', 'II', 'III', 'IV'];

/**
 * Section labels OCR damaged at the start of a heading line in capitals ("HI. HẠN CHẾ" for
 * "III.", "1V. NHIỆM VỤ" for "IV.", "ỊI." for "II."), as the parser read them from the
 * document's sequence of sections (parse/labels.ts): reported with the numeral they stand for.
 * Spans are in the analysis text.
 */
export function headingLabelIssues(doc: Pick<BulletinDocument, 'sectionLabels'>, userWords: ReadonlySet<string> = new Set()): SpellingIssue[] {
  const out: SpellingIssue[] = [];
  for (const lab of doc.sectionLabels) {
    // a label the user accepts still counts in the sequence of sections
    if (userWords.has(lab.raw.toLowerCase())) continue;
    const want = toRoman(lab.value);
    out.push(repairIssue({ start: lab.start, end: lab.end, text: lab.raw } as Token, want, 'error', {
      en: `"${lab.raw}" looks like the section number "${want}" misread by OCR`,
      vi: `"${lab.raw}" có vẻ là số mục "${want}" bị nhận dạng sai`,
    }));
  }
  return out;
}

/** Acronyms common enough in the register to be proposed as the repair of an unknown one. */
const ACRONYM_TARGET = 20;

/**
 * An unknown acronym one OCR slip away from a common one ("HDND", "LBND", "PCU" -> "HĐND",
 * "UBND", "PCI"): a look-alike capital replaced, a thin letter (I, L) lost or added, a letter
 * doubled, a letter group read for one capital ("LIBND"), or marks added ("ƯBND"). Returns the
 * repair, or null when the token is a known acronym or no common one is that close.
 */
function acronymRepair(model: SpellingModel, written: string): string | null {
  const known = model.acronyms;
  // marks OCR put on a code's capitals ("ƯBND", "NTMÍ") are one slip: the code without them is
  // judged like the written one (the written one, having marks, is no known code)
  const w = unmarkedCapitals(written);
  if (!ACRONYM.test(w)) return null;
  const own = w === written ? known.get(w) : undefined;
  // a known acronym is left alone, unless it is rare in clean text and one slip from one a
  // hundred times as common ("HDND", typed without Đ on some pages, beside "HĐND"); acronyms
  // known only from the tesseract word list (count 0) are always left alone
  if (w.length < 3 || known.size === 0 || own === 0) return null;
  let best: string | null = null, bestN = Math.max(ACRONYM_TARGET, 100 * (own ?? 0)) - 1;
  const consider = (x: string) => {
    const n = known.get(x);
    if (n !== undefined && n > bestN) { best = x; bestN = n; }
  };
  const roman = ROMAN.test(w);
  if (w !== written) {
    consider(w);
    if (best !== null) return best;
  }
  for (let k = 0; k < w.length; k++) {
    for (const g of CAPITAL_LOOKALIKES) {
      if (!g.includes(w[k]!)) continue;
      for (const c of g) if (c !== w[k]) consider(w.slice(0, k) + c + w.slice(k + 1));
    }
    for (const [a, b] of CAPITAL_GROUPS) if (w.startsWith(a, k)) consider(w.slice(0, k) + b + w.slice(k + a.length));
    // a letter OCR doubled ("UUBND") or a thin stroke it added ("NTMI"); three letters stay at
    // least, and a Roman numeral ("XXIII", "XXII") keeps its letters
    if ((w[k] === w[k + 1] || w[k] === 'I' || w[k] === 'L') && w.length > 3 && !roman) consider(w.slice(0, k) + w.slice(k + 1));
  }
  for (let k = 0; k <= w.length; k++) for (const c of 'IL') consider(w.slice(0, k) + c + w.slice(k));
  return best;
}

/** A finding whose repair is no lexicon syllable (a number, a Roman numeral, an acronym): it is
 * only ever offered, never applied by fix-all. */
function repairIssue(t: Token, fix: string, severity: 'error' | 'warning', message: Msg): SpellingIssue {
  return issueOf({
    bestId: -1, code: 'spelling.invalid-syllable', span: t, word: t.text,
    suggestions: fix ? [fix] : [], safe: false, severity, conf: 0, message,
  });
}

/** A finding whose reading the checks go by (a word beside it is judged again against it): a
 * reading, and not an unknown syllable's unsure guess. */
function readsAs(x: SpellingIssue): boolean {
  return x.bestId >= 0 && (x.code !== 'spelling.unknown-syllable' || x.conf >= 0.5);
}

/**
 * Debris to delete, shown as `w`: a speck of the scan read as a letter (a warning), or a mark OCR
 * tore off a letter (an error). The one suggestion is the deletion, '' (repairIssue offers none
 * for an empty fix).
 */
function strayIssue(t: Token, w: string, speck: boolean): SpellingIssue {
  return issueOf({
    bestId: -1, code: 'spelling.invalid-syllable', span: t, word: t.text, suggestions: [''], safe: false, severity: speck ? 'warning' : 'error', conf: 0,
    message: speck
      ? { en: `"${w}" stands alone where no word can be: probably a speck of the scan read as a letter (delete it)`, vi: `"${w}" đứng riêng ở chỗ không thể có từ: có lẽ là vết bẩn trên bản quét bị nhận thành chữ (hãy xóa nó)` }
      : { en: `"${w}" is a mark standing alone: OCR tore it off a letter (delete it, and check the word beside it)`, vi: `"${w}" là một dấu đứng riêng: OCR đã tách nó khỏi một chữ (hãy xóa nó và kiểm tra từ bên cạnh)` },
  });
}

/** A foreign word OCR damaged ("logisties" for "logistics"): offered, never applied by fix-all. */
function foreignIssue(t: Token, fix: string): SpellingIssue {
  return issueOf({
    bestId: -1, code: 'spelling.unknown-syllable', span: t, word: t.text,
    suggestions: [fix], safe: false, severity: 'warning', conf: 0, foreign: true,
    message: {
      en: `"${t.text}" looks like the foreign word "${fix}" misread by OCR`,
      vi: `"${t.text}" có vẻ là từ nước ngoài "${fix}" bị nhận dạng sai`,
    },
  });
}

/** Words run together ("vềhạnchế"): `joined` first, then `rest`; never applied without asking. */
function runTogether(t: Token, joined: string, rest: string[]): SpellingIssue {
  return issueOf({
    bestId: -1, code: 'spelling.invalid-syllable', span: t, word: t.text,
    suggestions: [joined, ...rest], safe: false, severity: 'error', conf: 0,
    message: {
      en: `"${t.text}" looks like words run together ("${joined}")`,
      vi: `"${t.text}" có vẻ là các từ bị dính liền ("${joined}")`,
    },
  });
}

/** Words that never end a clause: determiners, prepositions and conjunctions that need a word after them. */
const NEVER_BEFORE_PAUSE = new Set(['các', 'những', 'mọi', 'mỗi', 'của', 'và', 'hoặc', 'tại']);

/** A context finding: a real syllable that `best` (lexicon id `bestId`) should replace. */
function contextIssue(t: Token, bestId: number, best: string, suggestions: string[], conf: number): SpellingIssue {
  return issueOf({
    bestId, code: 'spelling.context', span: t, word: t.text,
    suggestions, safe: conf >= tuning.safeConf,
    severity: conf >= tuning.errorConf ? 'error' : 'warning', conf,
    message: wordMessage('spelling.context', t.text, best),
  });
}

/** The message of a word finding whose best reading is `best` (none: no suggestion). */
function wordMessage(code: SpellingCode, word: string, best: string | undefined): Msg {
  if (code === 'spelling.context') return { en: `"${word}" is probably "${best}" here`, vi: `"${word}" ở đây có lẽ là "${best}"` };
  const en = code === 'spelling.invalid-syllable' ? `"${word}" is not a Vietnamese syllable` : `Unknown syllable "${word}"`;
  const vi = code === 'spelling.invalid-syllable' ? `"${word}" không phải là âm tiết tiếng Việt` : `Âm tiết lạ "${word}"`;
  return best === undefined ? { en, vi } : { en: `${en} (did you mean "${best}"?)`, vi: `${vi} (có phải là "${best}"?)` };
}

function render(model: SpellingModel, id: number, like: string, newStyleDoc: boolean): string {
  let s = model.syllables[id]!;
  if (newStyleDoc) s = newStyle(s);
  return applyCase(s, like);
}

/** Spelling issues of a token list, without the block cache (same result as analyzeCached()). */
export function analyze(tokens: TokenList, config: EngineConfig, model: SpellingModel): SpellingIssue[] {
  const checker = checkerFor(model);
  const ids = new Int32Array(tokens.length);
  const { bad, seen } = rateEvidence(tokens, 0, tokens.length, checker, ids);
  const { q } = quantiseRate(bad, seen);
  return adaptedReadings(analyzeRange(tokens.toArray(), config, userWordSet(config), model, q * DELTA_STEP, registerStarts(tokens, ids, checker)));
}

/**
 * Whether the document's own openings (a known word after a break that is no hyphen or
 * punctuation inside a word) are better explained by how the register's sentences and clauses
 * start than by plain word frequency: a bulletin's ("Hội nghị", "Về", "Ban Thường vụ") are, a
 * manual's addressing its reader ("Bạn", "Nhấn", "Chọn") are not. Only then is a word at an
 * opening weighed by the register's starts.
 */
function registerStarts(tokens: TokenList, ids: Int32Array, checker: Checker): boolean {
  if (!(tuning.startMinEvidence < Infinity)) return false;
  const { flags } = tokens;
  let sum = 0, count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const f = flags[i]!;
    if ((i > 0 && !(f & F_BREAK_BEFORE)) || (f & (F_ATTACHED | F_HYPHENED)) || ids[i]! < 0) continue;
    sum += checker.startEvidence(f & F_SENTENCE_START ? 0 : 1, ids[i]!);
    count++;
  }
  return count >= tuning.startMinCount && sum / count > tuning.startMinEvidence;
}

/**
 * Issues of a run of tokens that starts a context (breakBefore) and ends one, so that nothing
 * outside the run feeds a decision inside it. Spans are absolute.
 */
function analyzeRange(tokens: Token[], config: EngineConfig, userWords: Set<string>, model: SpellingModel, delta: number, starts = false): SpellingIssue[] {
  const checker = checkerFor(model);
  checker.pruneMargin = pruneMargin();
  const threshold = config.spelling.contextThreshold;
  const maxS = config.spelling.maxSuggestions;
  const out: SpellingIssue[] = [];
  const n = tokens.length;
  const ids: number[] = new Array(n).fill(-1);
  const infos = tokens.map(t => checker.typeInfo(t.lower));
  /**
   * Token i is in a person's name after its surname: a run of two to four capitalised words on
   * one line, with no break, whose first is one of the common surnames.
   */
  /** Tokens k - 1 and k are one phrase: the same line, no break or comma between them. */
  const joined = (k: number) => !tokens[k - 1]!.breakAfter && !tokens[k]!.breakBefore && !tokens[k - 1]!.commaAfter && tokens[k - 1]!.line === tokens[k]!.line;
  const inPersonName = (i: number): boolean => {
    const title = (k: number) => caseShape(tokens[k]!.text) === 'title' && !tokens[k]!.upperLine;
    if (!title(i)) return false;
    let a = i, b = i;
    while (a > 0 && joined(a) && title(a - 1)) a--;
    while (b + 1 < n && joined(b + 1) && title(b + 1)) b++;
    return a < i && b - a + 1 <= 4 && SURNAMES.has(tokens[a]!.lower);
  };
  /**
   * Token i opens its run of capitalised words: the word before it, across a line's end inside a
   * sentence, is no capitalised word ("2025, Bàn Chân hành": a body's name opens its run; in
   * "Nguyễn Thị Hạnh" only the surname does).
   */
  const opensCapitals = (i: number): boolean => {
    if (i === 0 || tokens[i]!.breakBefore || tokens[i - 1]!.breakAfter || tokens[i - 1]!.commaAfter) return true;
    const p = tokens[i - 1]!;
    return p.upperLine || caseShape(p.text) !== 'title';
  };
  /** Token i follows "điểm" on its line, maybe after other one-letter points ("điểm c, d và đ"). */
  const pointLetter = (i: number): boolean => {
    for (let k = i - 1; k >= 0 && k >= i - 12 && tokens[k]!.line === tokens[i]!.line; k--) {
      const x = tokens[k]!.lower;
      if (x === 'điểm') return true;
      if (x.length !== 1 && x !== 'và' && x !== 'hoặc') return false;
    }
    return false;
  };
  /** Token i is the letter of a list item's label ("đ) Giải quyết tố cáo": the word after it opens the item). */
  const listLabel = (i: number): boolean => i + 1 < n && !!tokens[i + 1]!.itemStart && tokens[i + 1]!.line === tokens[i]!.line;
  /** Token i follows an amount on its line: a number, or a number word after one ("20 nghìn"). */
  const afterAmount = (i: number): boolean => {
    const p = tokens[i - 1];
    return !!p && p.line === tokens[i]!.line && (!!p.num || AMOUNT_WORDS.has(p.lower));
  };
  /** Token j is a Highlands name next to token i in one phrase (same line, no break, a space apart). */
  const highlandNeighbour = (i: number, j: number): boolean => {
    if (j < 0 || j >= tokens.length) return false;
    const k = Math.max(i, j);
    if (!joined(k) || tokens[k]!.start - tokens[k - 1]!.end !== 1) return false;
    return isHighlandName(tokens[j]!.text, tokens[j]!.lower, infos[j]!);
  };
  /** Token i follows a word that opens a Highlands name ("Ea", "Cư", "buôn"), a space apart in one phrase. */
  const afterHighlandOpener = (i: number): boolean => {
    if (i === 0 || tokens[i]!.start - tokens[i - 1]!.end !== 1 || tokens[i - 1]!.line !== tokens[i]!.line) return false;
    const p = tokens[i - 1]!;
    // the apostrophe of a woman's or a name's H' or M' ("H’Bă", "M’Lan") is the one unit between
    // them, a break for the tokenizer (a space is none: "M Ià lượng" is a formula's M, then "là")
    if ((p.text === 'H' || p.text === 'M') && p.breakAfter) return true;
    if (!joined(i)) return false;
    return HIGHLAND_OPENERS.has(p.lower) && (caseShape(p.text) === 'title' || p.text === p.lower && (p.lower === 'buôn' || p.lower === 'bon' || p.lower === 'plei'));
  };
  const numId = model.idOf('0'), acrId = model.idOf('#');
  // skipped tokens (Roman numerals, acronyms) still give context: as the syllable they spell
  // ("khóa XI"), or else as the model's pseudo-syllable for any code in capitals ("UBND tỉnh",
  // "HĐND tính" -> "tỉnh"), counted the same way by scripts/data/count.mjs
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    ids[i] = t.num ? numId : infos[i]!.self >= 0 ? infos[i]!.self : (t.skip || t.upperLine) && ACRONYM.test(t.text) ? acrId : -1;
  }
  /** A capitalised word inside a sentence: probably (part of) a name. */
  // (the first word of a list item, "2, Đôi với kiến nghị", is capitalised as a sentence's is)
  const nameLikeToken = (t: Token) => isNameLike(t.text, t.sentenceStart || !!t.itemStart, t.upperLine);
  /**
   * Token i is a one-word item between two commas on one line, each neighbour a known syllable in
   * lower case (the last word of the item before, the first of the item after): "sở, bạn, ngành".
   */
  const listItem = (i: number): boolean => {
    const t = tokens[i]!, p = tokens[i - 1], q = tokens[i + 1];
    // (the commas and a space or two are all that lies between them: no code or number between)
    return !!p && !!q && !!p.commaAfter && !!t.commaAfter && t.breakBefore && !q.skip && !p.skip
      && p.line === t.line && q.line === t.line && t.start - p.end <= 3 && q.start - t.end <= 3
      && ids[i - 1]! >= 0 && ids[i + 1]! >= 0
      && infos[i - 1]!.known && infos[i + 1]!.known && p.text === p.lower && q.text === q.lower;
  };
  // plain arrays: a block is short (at most about 48 tokens), and typed arrays that small cost
  // more to allocate than they save
  const margins: number[] = new Array(n).fill(-Infinity);
  /** Pass 1's reading of each reported word (lexicon id), -1 when none. */
  const best: number[] = new Array(n).fill(-1);
  const eDelta = Math.exp(delta);
  const shiftConf = (d: Decision) => (d.conf * eDelta) / (d.selfConf + (1 - d.selfConf) * eDelta);
  // (a word after a break opens a sentence or clause, unless the break is a hyphen or other
  // punctuation inside a chunk, "mô-đun", "đỗng:chí"; see registerStarts)
  const left = (i: number) => (i > 0 && !tokens[i]!.breakBefore ? ids[i - 1]!
    : tokens[i]!.itemStart && tuning.itemLeft !== 2 ? (starts && tuning.itemLeft === 1 ? CLAUSE_START : -1)
    : starts && !tokens[i]!.attached && !tokens[i]!.hyphened ? (tokens[i]!.sentenceStart ? SENTENCE_START : CLAUSE_START) : -1);
  const right = (i: number) => (i + 1 < n && !tokens[i]!.breakAfter ? ids[i + 1]! : -1);
  /** The neighbour beyond `l` (token i's left neighbour), or beyond `r` (its right one): -1 across a break. */
  const left2 = (i: number, l: number) => (l >= 0 && i > 1 && !tokens[i - 1]!.breakBefore ? ids[i - 2]! : -1);
  const right2 = (i: number, r: number) => (r >= 0 && i + 2 < n && !tokens[i + 1]!.breakAfter ? ids[i + 2]! : -1);

  /**
   * A word with Vietnamese marks and a capital after its first letter: two words run together
   * at the capital ("nútThêm"), a capital typed or read inside a word ("ĐIểm", "càI"), or a
   * letter OCR misread as a capital ("íL" for "ít"). Null when no reading is found (it stays
   * what it was: skipped, as a product name would be).
   */
  function mixedCaseIssue(i: number, t: Token): SpellingIssue | null {
    const text = t.text;
    if (userWords.has(t.lower) || userWords.has(text)) return null;
    const knownWord = (x: string) => checker.typeInfo(x.toLowerCase()).known;
    const parts = text.split(/(?<=\p{Ll})(?=\p{Lu})/u);
    // (a part of one letter is a misread letter, not a word: "càI", "kếU")
    if (parts.length >= 2 && parts.every(p => p.length >= 2 && knownWord(p))) return runTogether(t, parts.join(' '), []);
    const first = String.fromCodePoint(text.codePointAt(0)!);
    const cased = first + text.slice(first.length).toLowerCase();
    const message = (fix: string): Msg => ({
      en: `"${text}" has a capital inside the word: OCR damage or a slip of the keyboard ("${fix}")`,
      vi: `"${text}" có chữ hoa nằm giữa từ: lỗi nhận dạng hoặc gõ nhầm ("${fix}")`,
    });
    if (knownWord(cased)) return repairIssue(t, cased, 'error', message(cased));
    // a reading in context only when every capital inside is one OCR makes of a small letter
    // ("kếU", "íL") or carries a Vietnamese mark ("xÉp", "ẢỦý": no naming style puts a marked
    // capital inside a word); other capitals name things ("MảngX", "SốY", "TBình")
    if (![...text.slice(first.length)].every(c => c === c.toLowerCase() || MISREAD_CAPITALS.includes(c) || MARKED_CAPITAL.test(c))) return null;
    const l = left(i), r = right(i);
    const l2 = left2(i, l), r2 = right2(i, r);
    const d = checker.decide(t.lower, l2, l, r, r2);
    if (d.best < 0) return null;
    const fix = applyCase(model.syllables[d.best]!, cased);
    return repairIssue(t, fix, 'error', message(fix));
  }

  /** `slack`: how much less than the context margin a known word's reading may lead by (pass 6 only). */
  /** Token k's word as the checks read it (a fixed neighbour's reading: "giảm cỏn 1,429." is "còn 1,42%"); '' outside the range. */
  const wordAt = (k: number): string => (k < 0 || k >= n ? '' : best[k]! >= 0 ? model.syllables[best[k]!]! : tokens[k]!.lower);
  /**
   * The reading of "1" + `letters` (a word by themselves) as the word a t makes of them, its marks
   * repaired by its context, when that reading and the next word on the line are one of the
   * register's commonest pairs (edgeLetterPair) and the letters and that word are no attested
   * pair; '' otherwise.
   */
  const gluedT = (i: number, letters: string): string => {
    const t = tokens[i]!, next = tokens[i + 1];
    if (!next || next.skip || next.num || next.line !== t.line || next.start - t.end > 2 || ids[i + 1]! < 0) return '';
    const r = ids[i + 1]!, own = model.idOf(letters);
    if (own >= 0 && model.pair(own, r) >= tuning.attestedPair) return '';
    const w = 't' + letters, info = checker.typeInfo(w);
    const d = checker.decide(w, -1, -1, r, -1, info);
    const y = d.best >= 0 && (info.self < 0 || d.margin > 0) ? d.best : info.self;
    return y >= 0 && model.pair(y, r) >= tuning.edgeLetterPair ? model.syllables[y]! : '';
  };
  /**
   * Token i opens a list item and is "lưu" misread (its letters, without marks, one edit from
   * "luu"; two before a filing code), before "VT" or "VP" (after a colon or not) or "Văn phòng":
   * the filing line that closes a recipients block. No other item of that block starts so
   * ("- Văn phòng Tỉnh ủy", "- Như trên", "- Các đồng chí").
   */
  const filingWord = (i: number): boolean => {
    const t = tokens[i]!, a = tokens[i + 1];
    if (!t.itemStart || !a || a.line !== t.line || a.start - t.end > 3 || t.text.length > 4 || /\d/.test(t.text) || t.lower === 'lưu') return false;
    const code = a.text === 'VT' || a.text === 'VP';
    const office = a.lower === 'văn' && tokens[i + 2]?.lower === 'phòng' && tokens[i + 2]!.line === t.line;
    if (!code && !office) return false;
    const d = editDistance(skeleton(t.lower), 'luu');
    return d <= 1 || (code && d <= 2);
  };
  const check = (i: number, slack = 0): SpellingIssue | null => {
    const t = tokens[i]!;
    if (t.stray) {
      const w = t.text.trim();
      if (userWords.has(w)) return null;
      return strayIssue(t, w, !!t.speck);
    }
    // a letter with a mark standing alone at a line's start or end that is no word, or one too
    // rare to stand there ("Ban Tổ chức Huyện ủy, Ễ", "Ũ cán bộ, đảng viên": specks and bullets
    // OCR read as letters); "ở", "ý", "ổ" and the like end lines in earnest
    if (t.text.length === 1 && !t.skip && !t.num && !t.hyphened && !t.attached && /[^\x00-\x7fđĐ]/.test(t.text)
      && t.lineEdge
      && !(infos[i]!.self >= 0 && model.lnUniArr[infos[i]!.self]! > tuning.speckLnUni) && !userWords.has(t.lower)) {
      // ... except a list item's label letter with a mark OCR gave it ("ä) Nội dung" for a):
      // the letter without it, not a speck to delete
      const next = tokens[i + 1];
      if ((i === 0 || tokens[i - 1]!.line !== t.line) && next && next.line === t.line && next.itemStart) {
        const base = t.lower.normalize('NFD').charAt(0);
        if (/[a-h]/.test(base)) {
          return repairIssue(t, base, 'warning', {
            en: `"${t.text}" opens a list item: probably the label "${base}" misread by OCR`,
            vi: `"${t.text}" mở đầu một mục: có lẽ là nhãn "${base}" bị nhận dạng sai`,
          });
        }
      }
      return strayIssue(t, t.text, true);
    }
    // the filing line that closes a recipients block ("- Lưu: VT", "- Lưu Văn phòng Tỉnh ủy"),
    // its first word misread ("- Lựa Văn phòng", "~ EU: VT")
    if (filingWord(i) && !userWords.has(t.lower)) {
      const lexId = infos[i]!.self;
      return issueOf({
        bestId: model.idOf('lưu'), code: lexId >= 0 && infos[i]!.known ? 'spelling.context' : 'spelling.invalid-syllable',
        span: t, word: t.text, suggestions: ['Lưu'], safe: false, severity: 'warning', conf: 0,
        message: {
          en: `"${t.text}" opens the filing line of the recipients ("Lưu: VT", "Lưu Văn phòng"): probably "Lưu"`,
          vi: `"${t.text}" mở đầu dòng lưu của phần nơi nhận ("Lưu: VT", "Lưu Văn phòng"): có lẽ là "Lưu"`,
        },
      });
    }
    // a quarter written in Roman numerals with a digit 1 read for one of its I's ("quý II1",
    // "quý 1I"): the tokenizer reads I's and 1's together as a number ("111"), which no quarter is
    const quarter = t.numFix !== undefined && i > 0 && !t.breakBefore && QUARTER_WORDS.has(tokens[i - 1]!.lower) ? quarterWithOnes(t.text) : null;
    if (quarter !== null && !userWords.has(t.text)) {
      return repairIssue(t, quarter, 'error', {
        en: `"${t.text}" is no quarter of the year (I to IV): probably misread by OCR ("${quarter}")`,
        vi: `"${t.text}" không phải là một quý trong năm (I đến IV): có lẽ bị nhận dạng sai ("${quarter}")`,
      });
    }
    if (t.numFix !== undefined) {
      if (userWords.has(t.text.toLowerCase())) return null;
      return repairIssue(t, t.numFix, 'error', {
        en: `"${t.text}" looks like a number misread by OCR` + (t.numFix ? ` ("${t.numFix}")` : ''),
        vi: `"${t.text}" có vẻ là số bị nhận dạng sai` + (t.numFix ? ` ("${t.numFix}")` : ''),
      });
    }
    if (t.codeNum !== undefined) {
      if (userWords.has(t.text.toLowerCase()) || userWords.has(t.text) || !countedByNeighbours(model, left(i), right(i), t.codeNum)) return null;
      return repairIssue(t, t.codeNum, 'warning', {
        en: `"${t.text}" stands where a number is counted: probably a number OCR read with a letter for a digit` + (t.codeNum ? ` ("${t.codeNum}")` : ''),
        vi: `"${t.text}" đứng ở chỗ của một số đếm: có lẽ là số bị OCR đọc một chữ số thành chữ cái` + (t.codeNum ? ` ("${t.codeNum}")` : ''),
      });
    }
    if (t.num) {
      const pct = lostPercent(tokens, i, wordAt);
      if (pct !== null && !userWords.has(t.text)) {
        return percentIssue(repairIssue(t, pct.fix, 'warning', {
          en: `"${t.text}" looks like the percentage "${pct.fix}": OCR read the percent sign as "${pct.read}"`,
          vi: `"${t.text}" có vẻ là tỷ lệ "${pct.fix}": OCR đã đọc dấu phần trăm thành "${pct.read}"`,
        }));
      }
      const share = overFullShare(tokens, i);
      if (share !== null && !userWords.has(t.text)) {
        return percentIssue(repairIssue(t, share, 'warning', {
          en: `"${t.text}" is more than the whole it is a share of: probably "${share}", with a digit OCR read before the percent sign`,
          vi: `"${t.text}" lớn hơn toàn bộ mà nó là một phần: có lẽ là "${share}", OCR đã đọc thêm một chữ số trước dấu phần trăm`,
        }));
      }
    }
    // a range of years that runs backwards, as two tokens ("2030 - 2025") or one ("2035-2030")
    const backwards = !t.num ? null : isYear(t.text) ? reversedRange(tokens, i) : reversedToken(t.text);
    if (backwards !== null) {
      if (userWords.has(t.text)) return null;
      return repairIssue(t, backwards, 'error', {
        en: `"${t.text}" makes the range of years run backwards: probably misread by OCR ("${backwards}")`,
        vi: `"${t.text}" làm khoảng thời gian bị ngược: có lẽ bị nhận dạng sai ("${backwards}")`,
      });
    }
    // a term of office no body sits ("nhiệm kỳ 2030 - 2034")
    const term = !t.num ? null : termRange(tokens, i, wordAt);
    if (term !== null && !userWords.has(t.text)) {
      return repairIssue(t, term.fix, 'warning', {
        en: `"${t.text}" makes a term of office of ${term.years} years: probably misread by OCR ("${term.fix}")`,
        vi: `"${t.text}" làm nhiệm kỳ dài ${term.years} năm: có lẽ bị nhận dạng sai ("${term.fix}")`,
      });
    }
    // a year that is not the one its name in the sixty-year cycle says ("Tết Ất Tỵ năm 2035")
    const cycle = t.num && isYear(t.text) ? cycleYear(tokens, i, wordAt) : null;
    if (cycle !== null && !userWords.has(t.text)) {
      return repairIssue(t, cycle.fix, 'error', {
        en: `"${t.text}" is not a year of ${cycle.name}: probably misread by OCR ("${cycle.fix}")`,
        vi: `"${t.text}" không phải là năm ${cycle.name}: có lẽ bị nhận dạng sai ("${cycle.fix}")`,
      });
    }
    // a date that does not exist ("ngày 32 tháng 5", "tháng 0 năm 2022", "ngày 31/4")
    const nodate = !t.num ? null : impossibleDate(tokens, i, wordAt);
    if (nodate !== null && !userWords.has(t.text)) return repairIssue(t, '', 'error', nodate);
    if (t.num && isYear(t.text)) return null;
    if (t.num) {
      const short = truncatedYear(tokens, i) ?? truncatedRangeEnd(tokens, i);
      if (short !== null && !userWords.has(t.text)) {
        return repairIssue(t, short, 'warning', {
          en: `"${t.text}" stands where a year must: a digit was probably lost` + (short ? ` ("${short}"?)` : ''),
          vi: `"${t.text}" đứng ở chỗ của một năm: có lẽ bị mất một chữ số` + (short ? ` ("${short}"?)` : ''),
        });
      }
      const fix = implausibleYear(tokens, i, i > 0 && best[i - 1]! >= 0 ? model.syllables[best[i - 1]!] : undefined);
      if (fix === null || userWords.has(t.text)) return null;
      return repairIssue(t, fix, 'error', {
        en: `"${t.text}" is not a plausible year: probably misread by OCR` + (fix ? ` ("${fix}")` : ''),
        vi: `"${t.text}" không phải là một năm hợp lý: có lẽ bị nhận dạng sai` + (fix ? ` ("${fix}")` : ''),
      });
    }
    const roman = romanRepair(tokens, i);
    if (roman !== null) {
      if (userWords.has(t.lower)) return null;
      if (QUARTER_WORDS.has(tokens[i - 1]!.lower)) {
        return repairIssue(t, roman, 'error', {
          en: `"${t.text}" is no quarter of the year (I to IV): probably misread by OCR` + (roman ? ` ("${roman}")` : ''),
          vi: `"${t.text}" không phải là một quý trong năm (I đến IV): có lẽ bị nhận dạng sai` + (roman ? ` ("${roman}")` : ''),
        });
      }
      return repairIssue(t, roman, 'error', {
        en: `"${t.text}" looks like a Roman numeral misread by OCR ("${roman}")`,
        vi: `"${t.text}" có vẻ là số La Mã bị nhận dạng sai ("${roman}")`,
      });
    }
    const signing = signingFormula(tokens, i);
    if (signing !== null && !userWords.has(t.text)) {
      const slash = signing[0]!.includes('/');
      return {
        ...repairIssue(t, signing[0]!, 'warning', {
          en: `"${t.text}" opens a signature block: probably "${signing[0]}", its ${slash ? 'slash' : 'full stop'} lost by OCR`,
          vi: `"${t.text}" mở đầu phần ký: có lẽ là "${signing[0]}", OCR đã làm mất dấu ${slash ? 'gạch chéo' : 'chấm'}`,
        }),
        suggestions: signing,
      };
    }
    // codes in capitals, in running text (skipped) or in a heading in capitals (checked)
    // (in a heading in capitals, a word of a Highlands name's shape before another word of the
    // name is that name, with or without marks: "TỈNH ỦY KON TUM" is no "KCN")
    const highlandCaps = t.upperLine && HIGHLAND_NAME.test(t.lower) && i + 1 < n && joined(i + 1) && tokens[i + 1]!.upperLine && (infos[i + 1]!.valid || isHighlandName(tokens[i + 1]!.text, tokens[i + 1]!.lower, infos[i + 1]!));
    const code = (t.skip || t.upperLine) && MARKED_CAPITALS.test(t.text) && !infos[i]!.valid && !highlandCaps;
    const acro = code ? acronymRepair(model, t.text) : null;
    if (code && acro === null && t.upperLine && model.acronyms.has(t.text)) return null; // "HỘI NGHỊ HĐND TỈNH"
    if (acro !== null) {
      if (userWords.has(t.lower)) return null;
      return repairIssue(t, acro, 'warning', {
        en: `"${t.text}" looks like the acronym "${acro}" misread by OCR`,
        vi: `"${t.text}" có vẻ là chữ viết tắt "${acro}" bị nhận dạng sai`,
      });
    }
    // a short code in capitals alone in running text with one mark no code carries (all but Đ:
    // "chống khai thác IƯU", "thẻ vàng IÚU"): no known code is near, and OCR marked a letter; the
    // code without it is offered (a name in capitals, "ĐẮK LẮK", has capitals beside it or is a
    // highland name; words run together in capitals, "[TÙYCHỌN]", "CHẾĐỘ", are longer or carry
    // more marks)
    if (code && t.skip && !t.upperLine && acro === null) {
      const bare = unmarkedCapitals(t.text);
      const lone = (k: number) => { const o = tokens[k]; return !o || o.line !== t.line || o.num || !/^\p{Lu}/u.test(o.text); };
      let marked = 0;
      for (let k = 0; k < bare.length; k++) if (bare[k] !== t.text[k]) marked++;
      if (marked === 1 && bare.length <= 4 && ACRONYM.test(bare) && lone(i - 1) && lone(i + 1) && !isHighlandName(t.text, t.lower, infos[i]!)
        && !userWords.has(t.lower) && !userWords.has(t.text)) {
        return repairIssue(t, bare, 'warning', {
          en: `"${t.text}" looks like a code in capitals ("${bare}") whose letters OCR marked`,
          vi: `"${t.text}" có vẻ là một mã viết hoa ("${bare}") bị OCR thêm dấu`,
        });
      }
    }
    // a foreign word of the register that OCR damaged ("logisties", "LibreOfice", "INIDEX"):
    // plain letters, no syllable, no known acronym, no English or known foreign word
    if (!infos[i]!.valid && !(code && model.acronyms.has(t.text))) {
      const fix = foreignRepair(t.text);
      if (fix !== null && !userWords.has(t.lower)) return foreignIssue(t, fix);
    }
    if (t.mixed) {
      const m = mixedCaseIssue(i, t);
      if (m) return m;
    }
    if (t.glued) {
      if (userWords.has(t.lower)) return null;
      // a 1 before letters with Vietnamese marks that are no word by themselves, where a t or an l
      // makes them one: a letter OCR read as a digit ("1ìm kiếm" for "Tìm kiếm"); offered, never
      // applied unasked (units carry no marks: "1ha", "1km" stay)
      // (ÿ is OCR's ỷ: "1ÿ lệ" for "Tỷ lệ")
      const thin = /^1([\p{L}\p{M}]+)$/u.exec(t.lower.replace(/ÿ/g, 'ỷ'));
      if (thin && hasVietnameseMarks(thin[1]!)) {
        let read = '', readLn = -Infinity;
        if (!checker.typeInfo(thin[1]!).known) {
          for (const c of ['t', 'l']) {
            const id = model.idOf(c + thin[1]!);
            if (id >= 0 && model.lnUniArr[id]! > readLn) { read = model.syllables[id]!; readLn = model.lnUniArr[id]!; }
          }
        } else {
          // ... and when the letters are a word ("1ý lệ", "1ố chức"), only where the t-word, its
          // marks read in context, forms one of the register's commonest pairs with the next word
          // on the line ("tỷ lệ", "tổ chức") and the letters alone none
          read = gluedT(i, thin[1]!);
        }
        if (read) {
          // in the case of the letters ("1ÌM KIẾM" in a heading), capitalised at a sentence's start
          const letters = t.text.slice(1);
          const shown = letters.length > 1 && letters === letters.toUpperCase() ? read.toUpperCase()
            : t.sentenceStart || t.itemStart || letters[0] !== letters[0]!.toLowerCase() ? read[0]!.toUpperCase() + read.slice(1) : read;
          return repairIssue(t, shown, 'error', {
            en: `"${t.text}" looks like "${shown}" with its first letter misread as the digit 1`,
            vi: `"${t.text}" có vẻ là "${shown}" bị OCR đọc chữ cái đầu thành chữ số 1`,
          });
        }
      }
      // only when the letters are a known word of two letters or more: "5đ" five đồng
      const word = gluedLetters(t.lower);
      if (word.length < 2 || !checker.typeInfo(word).known) return null;
      // the space goes back where digits meet letters
      return runTogether(t, t.text.replace(/(?<=\d)(?=[\p{L}])|(?<=[\p{L}\p{M}])(?=\d)/u, ' '), []);
    }
    if (t.skip) return null;
    const w = t.lower;
    if (userWords.has(w)) return null;
    const info = infos[i]!;
    const valid = info.valid;
    const marks = info.marks;
    // foreign words, English, names without Vietnamese letters that cannot be syllables;
    // f, j, w, z never occur in Vietnamese syllables ("Bézier", "Zalo"). A short lower-case
    // invalid word between two Vietnamese syllables is still OCR damage ("irong", "suu"), and so
    // is such a letter in a word with a tone mark no other language writes ("fãnh" for "lãnh"):
    // reported, like a plain one, only when its reading is clear.
    // OCR junk between two Vietnamese words ("hệ sih thái", "quy hoạch chuns thành phố", "tuyên
    // truyeri được", "thời gjan"): plain letters in lower case that no syllable is spelled with,
    // no English or known foreign word, between two known words, one with marks. Judged like a
    // plain misread word, but reported only when its reading is confident and forms one of the
    // register's common pairs with a neighbour (junkPair), and never fixed unasked.
    let junk = false;
    const junkAt = (): boolean => t.text === w && w.length >= 2 && w.length <= 8 && !valid && !marks
      && left(i) >= 0 && right(i) >= 0 && (infos[i - 1]!.marks || infos[i + 1]!.marks) && !isEnglishWord(w) && !isKnownForeign(w);
    // ... and a capitalised one in the middle of a sentence ("Ban Chấp hành Irung ương"): a name
    // as often as not ("Obama", "Irina"), so reported only when it starts with a thin letter, its
    // reading is confident, is its letters with a T or an L for that one (thinCapital) and forms
    // one of the register's commonest pairs with a neighbour (capJunkPair)
    let capJunk = false;
    const capJunkAt = (): boolean => (w[0] === 'i' || w[0] === 'l') && caseShape(t.text) === 'title' && !t.sentenceStart && !t.itemStart && !t.attached && !t.hyphened
      && w.length >= 3 && w.length <= 8 && !valid && !marks
      && ((left(i) >= 0 && infos[i - 1]!.marks) || (right(i) >= 0 && infos[i + 1]!.marks)) && !isEnglishWord(w) && !isKnownForeign(w);
    let foreignLetter = false;
    if (!valid && /[fjwz]/.test(w)) {
      if (!VIETNAMESE_ONLY_MARK.test(w)) {
        if (!junkAt()) return null;
        junk = true;
      } else foreignLetter = true;
    }
    // Central Highlands place names (Đắk Lắk, Krông Búk, Kon Plông, M'Đrắk) are minority-language
    // syllables written with Vietnamese marks: a k final or an onset cluster. Capitalised, they
    // are names, not OCR damage. So is a capitalised word that is no syllable beside one of
    // them, in the same name: "Tết Chôl Chnăm Thmây" (an l final is no name shape by itself:
    // OCR makes "Cưl" of "Ctrl").
    if (isHighlandName(t.text, w, info) || (!valid && caseShape(t.text) === 'title' && (highlandNeighbour(i, i - 1) || highlandNeighbour(i, i + 1) || afterHighlandOpener(i)))) return null;
    // a syllable of a transliterated name ("Ô-xtrây-li-a", "Cô-oét", "Đi-nă": the official forms
    // of country and currency names) follows the foreign word's sounds, not Vietnamese spelling
    if (t.hyphened && !info.known && transliterationShape(w)) return null;
    // a lone "đ": the letter of a point of a legal text ("điểm đ khoản 1 Điều 8", "các điểm c, d
    // và đ") or of a list item ("đ) Giải quyết"), or the đồng after an amount ("125.300 tỷ đ")
    if (w === 'đ' && (pointLetter(i) || afterAmount(i) || listLabel(i))) return null;
    let bareInvalid = false, fragment = false, edgeInvalid = false, english = false, openingCap = false;
    if (!valid && !marks && FRAGMENT.test(t.text)) {
      // a fragment of a syllable: judged only where a word follows it directly on its line (an
      // abbreviation takes a full stop, "tr. 5"), never beside a number (a unit, "5 km"), next
      // to a word with marks (not in English or code), and not among other plain-letter words
      // that are no syllables ("lc và lp", "info và cmp": names of programs and options)
      const ri = i + 1 < n && !t.breakAfter && tokens[i + 1]!.line === t.line ? i + 1 : -1, li = i > 0 && !t.breakBefore ? i - 1 : -1;
      if (ri < 0 && t.commaAfter && li >= 0 && !tokens[li]!.skip && !tokens[li]!.num && infos[li]!.marks) {
        // ... or before a comma, by the word before it alone ("vốn đầu tr, nâng cao"), as a word
        // at a clause's edge is (edgePair, below)
        edgeInvalid = true;
      } else {
        if (ri < 0 || tokens[ri]!.skip || tokens[ri]!.num || (li >= 0 && tokens[li]!.num)) return null;
        if (!infos[ri]!.marks && (li < 0 || !infos[li]!.marks)) return null;
      }
      for (let k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) if (k !== i && !infos[k]!.valid && !infos[k]!.marks && !tokens[k]!.num && !tokens[k]!.skip) return null;
      fragment = true;
    } else if (!valid && !marks) {
      // ... and it must end like a Vietnamese syllable (English "tab", "web" do not)
      // (a capital that only opens a sentence or a list item is no sign of a name: "1. Uu điểm")
      openingCap = (t.sentenceStart || !!t.itemStart) && caseShape(t.text) === 'title';
      if ((t.text !== w && !openingCap) || w.length > 5 || w.length < 2 || !/([aeiouy]|[cmnpt]|ch|ng|nh)$/.test(w)) {
        if (!junkAt()) {
          if (!capJunkAt()) return null;
          capJunk = true;
        }
        junk = true;
      }
      // a common English word that no syllable is spelled with ("mở menu ngữ cảnh", "thư mục
      // root") is English unless its reading is clear (below); "cat", "set" are "các", "sét"
      // that lost their marks, and are no such word
      english = isEnglishWord(w);
      const li = left(i), ri = right(i);
      if (li >= 0 && ri >= 0) {
        if (!infos[i - 1]!.marks && !infos[i + 1]!.marks) return null;
      } else {
        // at a clause's edge ("cán bộ các cap, tích cực"): one neighbour, with marks, and the
        // reading, the same letters with marks, must form a well-attested pair with it (below); a word
        // joined to code or a compound by a hyphen or dot ("apt-get", ".git", "--data") is no such word
        const k = li >= 0 ? i - 1 : ri >= 0 ? i + 1 : -1;
        if (k < 0 || t.attached || !infos[k]!.marks) return null;
        edgeInvalid = true;
      }
      bareInvalid = true;
    }
    // a one-word item of a list ("các sở, bạn, ngành"): the items on either side are its context
    // (clean text writes the list without commas too, "sở ban ngành")
    const item = listItem(i);
    const l = item ? ids[i - 1]! : left(i), r = item ? ids[i + 1]! : right(i);
    const l2 = item ? -1 : left2(i, l), r2 = item ? -1 : right2(i, r);
    const self = valid ? ids[i]! : -1;
    const known = info.known;
    // fast path: a known syllable whose neighbours are a seen pair on both sides rarely needs work
    const d: Decision = checker.decide(w, l2, l, r, r2, info);
    margins[i] = d.margin + delta;
    // fast path: a known syllable that no candidate comes close to (the common case)
    if (info.known && d.margin + delta < tuning.contextMargin - slack) return null;
    const newStyleDoc = info.newStyle;
    let ranked: number[] | null = null;
    const rankedIds = () => (ranked ??= checker.rank(w, l2, l, r, r2, maxS, d));
    // (each reading in the case of `like(id)`, the written word's unless a caller says otherwise)
    const sugg = (limit: number, like: (id: number) => string = () => t.text) => rankedIds().slice(0, limit).map(id => render(model, id, like(id), newStyleDoc));

    // a capitalised foreign word is a name unless its reading is clear; a lone foreign letter
    // ("trong Ø tháng", "với Š nhóm") is OCR debris, often of a digit: reported whatever it was
    // meant to be, and never fixed without asking
    const debris = info.foreign && t.text.length === 1;
    // ("85,6 (ÿ đồng": the tỷ of an amount, its t lost and the hook of its ỷ read as a diaeresis)
    if (debris && w === 'ÿ' && afterAmount(i) && tokens[i + 1]?.lower === 'đồng' && tokens[i + 1]!.line === t.line) {
      return repairIssue(t, 'tỷ', 'error', {
        en: `"${t.text}" between an amount and "đồng" looks like "tỷ" misread by OCR`,
        vi: `"${t.text}" giữa số tiền và "đồng" có vẻ là "tỷ" bị nhận dạng sai`,
      });
    }
    // (a word in lower case with a mark only Vietnamese writes is damaged Vietnamese whatever the
    // reading: "mặt bằnjy", reported like any marked word that is no syllable)
    const damagedVietnamese = foreignLetter && t.text === w && VIETNAMESE_ONLY_STRICT.test(w);
    if (!valid && (bareInvalid || (foreignLetter && !damagedVietnamese) || (info.foreign && caseShape(t.text) !== 'lower' && !debris)) && (d.best < 0 || d.conf < 0.6)) return null;
    // a fragment's reading must form a well-attested pair with a neighbour
    // (the count of the reading's commoner pair with a neighbour)
    const readingPair = () => (d.best < 0 ? 0 : Math.max(r >= 0 ? model.pair(d.best, r) : 0, l >= 0 ? model.pair(l, d.best) : 0));
    // (a capitalised opening word that lost its marks, "1. Uu điểm", has only the word after it to
    // go by, and its reading the same letters: a fragment's pair is enough)
    const lostMarksOpening = openingCap && edgeInvalid && d.best >= 0 && model.skeletonOf(d.best) === w;
    if ((fragment || edgeInvalid) && readingPair() < (edgeInvalid && !lostMarksOpening ? tuning.edgePair : tuning.fragmentPair)) return null;
    if (junk && (d.best < 0 || d.conf < tuning.safeConf || readingPair() < (capJunk ? tuning.capJunkPair : tuning.junkPair)
      || !(capJunk ? thinCapital(w, model.skeletonOf(d.best)) : junkClose(w, model.skeletonOf(d.best))))) return null;
    // ... and an English word's, a very common pair with a neighbour ("cải each thủ tục": OCR
    // made "each" of "cách", and "cải cách" is one of the register's commonest pairs)
    if (english && readingPair() < tuning.edgePair) return null;
    // ... and at a clause's edge, only a word that lost its marks ("cap" for "cấp"): with one
    // neighbour, an English word ("về data,") finds a common pair among readings with other letters;
    // other letters only for a reading in one of the commonest pairs (edgeLetterPair)
    if (edgeInvalid && !fragment && model.skeletonOf(d.best) !== w && (english || readingPair() < tuning.edgeLetterPair)) return null;
    // a code in capitals with no vowel on a line in capitals ("- Lưu: VP, TĐTN.", "HỘI NGHỊ BCH
    // TĐTN TỈNH") that no known code is near and no syllable reads: an acronym the counts lack,
    // as the same code in running text is (it was "not a Vietnamese syllable", with no reading)
    if (!valid && d.best < 0 && t.upperLine && ACRONYM.test(t.text) && !/[AEIOUY]/.test(t.text)) return null;
    if (!valid) {
      // merged words ("vềhạnchế"): the split into known syllables comes first
      const split = t.text.length >= 4 ? splitMerged(model, w) : null;
      let splitLoses = false;
      if (split && split.length === 2 && d.best >= 0) {
        // two words or one misread word: the better reading in context comes first
        // (a reading both neighbours call for is no edit of the word's own: its channel is the
        // edit distance's, as the decision weighed it)
        const c = (info.cands ?? model.candidates(w)).find(x => x.id === d.best);
        const ch = c ? c.channel : checker.contextCost(model.editChannel(w, d.best, checker.score.ctxEdits), -1);
        const single = ch > -Infinity ? checker.lm(l2, l, d.best, r, r2) + ch : -Infinity;
        const pair = checker.lmPair(l2, l, model.idOf(split[0]!), model.idOf(split[1]!), r, r2) + tuning.mergeChannel;
        splitLoses = single > pair;
      }
      if (split) {
        const parts: string[] = [];
        let k = 0;
        for (const p of split) { parts.push(applyCase(p, t.text.slice(k, k + p.length))); k += p.length; }
        const joined = parts.join(' ');
        const others = sugg(maxS - 1).filter(x => x !== joined);
        if (!splitLoses) return runTogether(t, joined, others);
        // (never applied without asking: the split reading competes)
        return ({ bestId: d.best,
          code: 'spelling.invalid-syllable', span: t, word: t.text,
          suggestions: [...others, joined].slice(0, Math.max(maxS, 1)), safe: false,
          severity: 'error', conf: d.conf,
          message: wordMessage('spelling.invalid-syllable', t.text, render(model, d.best, t.text, newStyleDoc)),
        });
      }
      // two words run together with a mark damaged in one ("vaỉtrò"): no one-syllable reading
      // and no split into known syllables, but a split into a known one and a repaired one
      const ds = d.best < 0 && !debris && t.text.length >= 4 ? damagedSplit(model, checker, w, l2, l, r, r2) : null;
      if (ds) {
        return runTogether(t, applyCase(ds.first, t.text.slice(0, ds.cut)) + ' ' + applyCase(ds.second, t.text.slice(ds.cut)), []);
      }
      return ({ bestId: d.best,
        code: 'spelling.invalid-syllable', span: t, word: t.text,
        suggestions: sugg(maxS), safe: d.best >= 0 && d.conf >= tuning.safeConf && !debris && !fragment && !junk,
        severity: 'error', conf: d.conf,
        message: debris
          ? { en: `"${t.text}" looks like a character misread by OCR (a digit or a letter): check the scan`, vi: `"${t.text}" có vẻ là một ký tự bị nhận dạng sai (chữ số hoặc chữ cái): hãy đối chiếu bản quét` }
          : wordMessage('spelling.invalid-syllable', t.text, d.best >= 0 ? render(model, d.best, t.text, newStyleDoc) : undefined),
      });
    }
    const conf = d.self >= 0 || valid ? shiftConf(d) : d.conf;
    const margin = d.margin + delta;
    if (!known) {
      // names and foreign words: a capitalised or mark-less unknown syllable is reported only
      // when the context clearly points at a known one
      const strong = d.best >= 0 && conf >= threshold && margin >= tuning.contextMargin;
      const nameLike = nameLikeToken(t);
      if ((nameLike || !marks) && !strong) return null;
      // ... and a name with no neighbour to read it by ("Ksorr Tuối") has no context to point
      if (nameLike && l < 0 && r < 0) return null;
      // ... and a person's name takes any syllables ("Giàng Seo Phử"): only a counted name
      // through the reading points at one (as for a known syllable, below)
      if (nameLike && inPersonName(i) && !(l >= 0 && r >= 0 && d.best >= 0 && model.triple(l, d.best, r) >= tuning.namePhrase)) return null;
      return ({ bestId: d.best,
        code: 'spelling.unknown-syllable', span: t, word: t.text,
        suggestions: sugg(maxS), safe: strong && conf >= tuning.safeConf,
        severity: 'warning', conf,
        message: wordMessage('spelling.unknown-syllable', t.text, d.best >= 0 ? render(model, d.best, t.text, newStyleDoc) : undefined),
      });
    }
    if (d.best < 0) return null;
    if (margin < tuning.contextMargin - slack) return null;
    // a syllable of a transliteration ("Bơ-mu-đa") means nothing on its own: no reading of it
    // can be judged by the words around it
    if (t.hyphened) return null;
    // a capitalised number word before "là," opens an item of a numbered list ("Sáu là, củng cố
    // quốc phòng"), even where OCR turned the full stop before it into a comma
    if (ORDINAL_LEADS.has(w) && caseShape(t.text) === 'title' && tokens[i + 1]?.lower === 'là' && tokens[i + 1]!.commaAfter && joined(i + 1)) return null;
    const nameLike = nameLikeToken(t);
    // (a capitalised word alone between two words in lower case on its line, after no word that
    // introduces a name, and that as a common word pairs with neither neighbour, is seldom a
    // name: "phong Lục tốt" for "phong tục"; "ông Ba đã", "xã Tân có" are names; a single capital
    // is a letter of a list or an option, "hoặc là O để")
    const lone = nameLike && t.text.length > 1 && i > 0 && i + 1 < n && joined(i) && joined(i + 1)
      && tokens[i - 1]!.text === tokens[i - 1]!.lower && tokens[i + 1]!.text === tokens[i + 1]!.lower
      && !tokens[i - 1]!.num && !tokens[i + 1]!.num && !tokens[i - 1]!.skip && !tokens[i + 1]!.skip
      && !NAME_LEADS.has(tokens[i - 1]!.lower) && l >= 0 && r >= 0 && model.pair(l, self) === 0 && model.pair(self, r) === 0;
    const need = tuning.contextMargin - slack + (nameLike ? (lone ? tuning.loneNameMargin : tuning.nameMargin) : 0);
    if (conf < threshold || margin < need) return null;
    // the written word forms a well-attested pair with every neighbour it has: both readings may
    // well be right ("hàng năm" / "hằng năm", "; khóa học" / "khoa học"), so ask for more
    // (at a sentence's or clause's opening, the written word must be one the register opens
    // with: "2, Đôi với kiến nghị" never opens a clause, "Đối với" is the commonest opening)
    const attested = (x: number, y: number) => model.pair(x, y) >= tuning.attestedPair;
    const attestedLeft = l >= 0 ? attested(l, self) : l === SENTENCE_START || l === CLAUSE_START ? checker.startCount(l === SENTENCE_START ? 0 : 1, self) > 0 : true;
    if ((l >= 0 || r >= 0) && attestedLeft && (r < 0 || attested(self, r)) && margin < need + tuning.attestedMargin) return null;
    // two accepted spellings of one word ("hằng năm" / "hàng năm", "giày" / "giầy"): when a
    // neighbour makes both common, the other neighbour only tells which spelling its phrases
    // prefer ("đất hàng năm" is a phrase too), so neither is an error
    if (DUAL_SPELLINGS.get(model.syllables[self]!) === model.syllables[d.best]) {
      const both = (wx: number, cx: number) => wx >= tuning.attestedPair && cx >= tuning.attestedPair && wx >= tuning.variantRatio * cx;
      if ((r >= 0 && both(model.pair(self, r), model.pair(d.best, r))) || (l >= 0 && both(model.pair(l, self), model.pair(l, d.best)))) return null;
    }
    // a reading that never ends a clause (a determiner, a preposition, a conjunction: "các",
    // "của", "và") is no reading of a word before a comma or a full stop ("quản lý cát, sỏi" is
    // sand and gravel, not "các,"; the run's last word may end it anywhere: the document's
    // end is withoutPauseReadings' to judge)
    if (NEVER_BEFORE_PAUSE.has(model.syllables[d.best]!) && (t.commaAfter || (i + 1 < n && tokens[i + 1]!.sentenceStart && tokens[i + 1]!.line === t.line))) return null;
    if (nameLike) {
      // inside a run of capitalised words (a name: "làng Đình Bảng", "HTX Thanh Đông") a reading
      // is proposed only when it goes with a neighbour: "ban chấp" ("Bạn Chấp hành" -> "Ban"),
      // "ban hành" ("Luật Bán hành" -> "Ban") are strong pairs, "thành đông" is not. Names are
      // rarely in the counts, so how badly the written word fits its neighbour says nothing.
      const capL = i > 0 && !t.breakBefore && caseShape(tokens[i - 1]!.text) === 'title';
      const capR = i + 1 < n && !t.breakAfter && caseShape(tokens[i + 1]!.text) === 'title';
      if (capL || capR) {
        // pointwise association (nats) of the reading with each neighbour
        const assocL = l >= 0 ? checker.lnLeft(l, d.best) - model.lnUniArr[d.best]! : -Infinity;
        const assocR = r >= 0 ? checker.lnRight(d.best, r) : -Infinity;
        // ... or the reading begins or ends a counted phrase with the name's next two words
        // ("Ban Đại diện": "đại" follows "ban" too seldom against how common it is, but the
        // three words are a phrase)
        const phrase = (r >= 0 && r2 >= 0 && model.triple(d.best, r, r2) >= tuning.namePhrase)
          || (l >= 0 && l2 >= 0 && model.triple(l2, l, d.best) >= tuning.namePhrase);
        // a person's name ("đồng chí Phạm Thị Thanh Trà") takes any syllables: that a neighbour
        // goes with the reading ("thanh tra") says nothing there, only a counted name through
        // the reading does ("Hồ Chỉ Minh" -> "Chí")
        const person = inPersonName(i);
        if (!phrase && (Math.max(assocL, assocR) < tuning.nameSideMargin || person)
          && !(person && l >= 0 && r >= 0 && model.triple(l, d.best, r) >= tuning.namePhrase)) return null;
      }
    }
    // a lone capital whose reading begins with another letter came with the misreading ("phong
    // Lục tốt" -> "tục"): that reading is written in lower case ("Thường trực Tình ủy" keeps
    // its capital: "Tỉnh"; "Ban Chấp hành Dáng bộ" keeps it too: D for Đ is the same letter
    // with its stroke lost, "Đảng")
    if (lone) {
      // (the first letters compared without their marks, đ as d: skeleton)
      const first = skeleton(t.lower).charAt(0);
      const like = (id: number) => (skeleton(model.syllables[id]!).charAt(0) === first ? t.text : t.lower);
      return contextIssue(t, d.best, render(model, d.best, like(d.best), newStyleDoc), sugg(maxS, like), conf);
    }
    return contextIssue(t, d.best, render(model, d.best, t.text, newStyleDoc), sugg(maxS), conf);
  };

  // pass 1: every token with its neighbours as written
  const found: (SpellingIssue | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const x = check(i);
    found[i] = x;
    if (x && readsAs(x)) best[i] = x.bestId;
  }
  // pass 2: neighbours of a fixed word are judged again against the fixed reading
  // ("thảnh phổ": once "thảnh" reads "thành", "phổ" is clearly "phố")
  let changed = false;
  for (let i = 0; i < n; i++) if (best[i]! >= 0) { ids[i] = best[i]!; changed = true; }
  if (changed) {
    // every word next to a fixed one is judged again (also those already reported: the fixed
    // context may make them confident, so that applying the fixes once leaves nothing to fix)
    for (let i = 0; i < n; i++) {
      if (!((i > 0 && best[i - 1]! >= 0) || (i + 1 < n && best[i + 1]! >= 0)
        || (tuning.rejudgeSecond && ((i > 1 && best[i - 2]! >= 0) || (i + 2 < n && best[i + 2]! >= 0))))) continue;
      const saved = ids[i]!;
      ids[i] = infos[i]!.self;
      const x = check(i);
      ids[i] = saved;
      if (x) found[i] = x;
    }
  }
  // pass 3: two reported neighbours may be two readings of one error ("Tính ủy": "Tỉnh ủy" or
  // "Tính úy"; "tỉnh thần": "tinh thần" or "tỉnh thuần"), or one reading may have led the other
  // astray ("giài pháp triển": "phát triển" made "giài" read "gian"; "giải pháp" is right).
  // Score the pair's readings together: a context finding whose word the best reading keeps is
  // dropped, and a finding whose best reading differs from its own takes the pair's.
  for (let i = 0; i + 1 < n; i++) {
    const a = found[i], b = found[i + 1];
    if (!a || !b || a.bestId < 0 || b.bestId < 0 || tokens[i]!.breakAfter) continue;
    if (a.code !== 'spelling.context' && b.code !== 'spelling.context') continue;
    const pick = jointPick(i, a, b);
    if (!pick) continue;
    const [x, y, conf] = pick;
    found[i] = x === infos[i]!.self ? null : x === a.bestId ? a : rebest(a, i, x, conf);
    found[i + 1] = y === infos[i + 1]!.self ? null : y === b.bestId ? b : rebest(b, i + 1, y, conf);
  }
  // pass 3b: the unreported neighbour of a finding may be misread too, and the finding's fix
  // chosen to suit the misreading ("Nhân dân giảm sát": alone, "sát" reads "sút" after "giảm";
  // "giám sát" is right). Score the pair's readings together; when the best one changes the
  // neighbour by the context margin over any reading that keeps it, the neighbour is reported
  // and the finding takes the pair's reading.
  const added = new Set<number>();
  for (let i = 0; i < n; i++) {
    const f = found[i];
    if (!f || f.bestId < 0 || added.has(i)) continue;
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= n || found[j] || tokens[Math.min(i, j)]!.breakAfter) continue;
      const g = neighbourReading(i, f, j);
      if (!g) continue;
      found[j] = g.neighbour;
      added.add(j);
      if (g.reading !== f.bestId) found[i] = g.reading === infos[i]!.self ? null : rebest(f, i, g.reading, g.conf);
      break;
    }
  }
  // pass 4: two neighbours misread together ("tý đông" for "tỷ đồng", "tính ũy" for "tỉnh ủy"):
  // next to the other's misreading, neither looks wrong alone. Their readings are scored as a
  // pair, and both are reported when a reading that changes both is far better than the text.
  if (tuning.jointMargin < Infinity) {
    for (let i = 0; i + 1 < n; i++) {
      if (found[i] || found[i + 1] || tokens[i]!.breakAfter) continue;
      if (margins[i]! < -tuning.jointPrune || margins[i + 1]! < -tuning.jointPrune) continue;
      const joint = jointReading(i);
      if (!joint) continue;
      found[i] = joint[0]; found[i + 1] = joint[1];
      i++;
    }
  }
  // pass 5: three neighbours misread together ("chiến đầu phông thú" for "chiến đấu phòng thủ"):
  // each misreading spoils the context of the others, so no pair reads well while the third
  // stays as written. Their readings are scored as a triple, and all three are reported when a
  // reading that changes all three is far better than the text and than every reading that
  // changes fewer.
  if (tuning.tripleMargin < Infinity) {
    for (let i = 0; i + 2 < n; i++) {
      if (found[i] || found[i + 1] || found[i + 2] || tokens[i]!.breakAfter || tokens[i + 1]!.breakAfter) continue;
      if (margins[i]! < -tuning.jointPrune || margins[i + 1]! < -tuning.jointPrune || margins[i + 2]! < -tuning.jointPrune) continue;
      // (a triple read as written, each of whose two pairs is counted as a phrase, is no
      // misreading of all three: most windows stop here, before 125 scorings)
      {
        const a = infos[i]!.self, b = infos[i + 1]!.self, c = infos[i + 2]!.self;
        if (a < 0 || b < 0 || c < 0 || model.pair(a, b) >= tuning.triplePairMax || model.pair(b, c) >= tuning.triplePairMax) continue;
      }
      const three = tripleReading(i);
      if (!three) continue;
      found[i] = three[0]; found[i + 1] = three[1]; found[i + 2] = three[2];
      i += 2;
    }
  }
  // pass 6: near misses, kept as conditional findings that the document's own misreadings may
  // confirm (adaptedReadings): a known word no pass reported, with no finding beside it, whose
  // reading leads by less than the context margin but by no less than that minus adaptSlack, and
  // passes every other test of a context finding. Never fixed without asking.
  const cond: (SpellingIssue | null)[] = new Array(n).fill(null);
  if (tuning.adaptSlack > 0) {
    for (let i = 0; i < n; i++) {
      if (found[i] || !infos[i]!.known || margins[i]! >= tuning.contextMargin || margins[i]! < tuning.contextMargin - tuning.adaptSlack) continue;
      if ((i > 0 && found[i - 1]) || (i + 1 < n && found[i + 1])) continue;
      const x = check(i, tuning.adaptSlack);
      if (!x || x.code !== 'spelling.context' || x.bestId < 0) continue;
      cond[i] = { ...x, safe: false, conditional: true };
    }
  }
  // ... and numbers that may be percentages with a damaged sign, kept when the document's other
  // findings show that this scan damages percent signs (adaptedReadings)
  if (tuning.pctHabitMin > 0) {
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (found[i] || cond[i] || !t.num) continue;
      const fix = percentNearMiss(tokens, i);
      if (fix === null || userWords.has(t.text)) continue;
      const x = percentIssue(repairIssue(t, fix, 'warning', {
        en: `"${t.text}" may be the percentage "${fix}", its sign misread by OCR`,
        vi: `"${t.text}" có thể là tỷ lệ "${fix}", dấu phần trăm bị OCR đọc sai`,
      }));
      x.conditional = true;
      cond[i] = x;
    }
  }
  for (let i = 0; i < n; i++) {
    const x = found[i] ?? cond[i];
    if (!x) continue;
    const y = issueOf(x);
    if (y.change === undefined && (y.code === 'spelling.context' || y.code === 'spelling.invalid-syllable') && y.suggestions[0]) y.change = letterChange(y.word, y.suggestions[0]);
    out.push(y);
  }
  return out;

  /** The best reading of tokens i, i + 1, i + 2 that changes all three, when it stands out (pass 5). */
  function tripleReading(i: number): [SpellingIssue, SpellingIssue, SpellingIssue] | null {
    const ts = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!], is = [infos[i]!, infos[i + 1]!, infos[i + 2]!];
    for (let k = 0; k < 3; k++) {
      const t = ts[k]!;
      if (t.skip || t.hyphened || !is[k]!.known || is[k]!.self < 0 || userWords.has(t.lower) || nameLikeToken(t)) return null;
    }
    const l = left(i), l2 = left2(i, l), r = right(i + 2), r2 = right2(i + 2, r);
    const keep = model.channel.keep;
    // each word's options: as written, then its first candidates
    const opts = ts.map((t, k) => [{ id: is[k]!.self, channel: keep }, ...model.candidates(t.lower).slice(0, tuning.tripleCandidates)]);
    const base = checker.lmTriple(l2, l, is[0]!.self, is[1]!.self, is[2]!.self, r, r2) + 3 * keep;
    let z = 0, bs = -Infinity, fewer = -Infinity, ba = -1, bb = -1, bc = -1;
    for (let a = 0; a < opts[0]!.length; a++) {
      const x = opts[0]![a]!;
      for (let b = 0; b < opts[1]!.length; b++) {
        const y = opts[1]![b]!;
        for (let c = 0; c < opts[2]!.length; c++) {
          const w = opts[2]![c]!;
          const changed = (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0) + (c > 0 ? 1 : 0);
          const v = checker.lmTriple(l2, l, x.id, y.id, w.id, r, r2) + x.channel + y.channel + w.channel + changed * delta - base;
          z += Math.exp(v);
          if (changed < 3) { if (v > fewer) fewer = v; continue; }
          if (v > bs) { bs = v; ba = x.id; bb = y.id; bc = w.id; }
        }
      }
    }
    if (ba < 0 || bs < tuning.tripleMargin || bs < fewer + tuning.jointOverSingle) return null;
    const conf = Math.exp(bs) / z;
    if (conf < config.spelling.contextThreshold) return null;
    return [jointIssue(i, ba, l2, l, bb, bc, conf), jointIssue(i + 1, bb, l, ba, bc, r, conf), jointIssue(i + 2, bc, ba, bb, r, r2, conf)];
  }

  /** The context of the pair (i, i + 1): two neighbours on each side. */
  function pairContext(i: number): [number, number, number, number] {
    // (the pair is tokens i and i + 1: its right neighbours are token i + 1's)
    const l = left(i), r = right(i + 1);
    return [left2(i, l), l, r, right2(i + 1, r)];
  }

  /** The readings a reported word may take in a joint search: its fix, its other candidates and
   * (a context finding) the word as written. Empty when its fix is no candidate. */
  function readings(k: number, f: SpellingIssue): { id: number; channel: number }[] {
    const cs = model.candidates(tokens[k]!.lower);
    const own = cs.find(c => c.id === f.bestId);
    if (!own) return [];
    const out = cs.slice(0, tuning.jointCandidates).filter(c => c.id !== own.id);
    out.push(own);
    // and the finding's other suggestions, ranked in context: a word unknown or invalid alone may
    // be read by one past the first few edits ("tính thăn": "thần" is the 8th of "thăn")
    if (tuning.jointSuggestions) {
      for (const s of f.suggestions.slice(0, tuning.jointSuggestions)) {
        const id = model.idOf(s.toLowerCase());
        const c = id < 0 ? undefined : cs.find(x => x.id === id);
        if (c && !out.includes(c)) out.push(c);
      }
    }
    if (f.code === 'spelling.context' && infos[k]!.self >= 0) out.push({ id: infos[k]!.self, channel: model.channel.keep });
    return out;
  }

  /** The best joint reading of two reported neighbours (pass 3): [x, y, posterior], or null. */
  function jointPick(i: number, a: SpellingIssue, b: SpellingIssue): [number, number, number] | null {
    const oa = readings(i, a), ob = readings(i + 1, b);
    if (!oa.length || !ob.length) return null;
    const [l2, l, r, r2] = pairContext(i);
    let bx = -1, by = -1, bs = -Infinity;
    const scores: number[] = [];
    // (every combination's lmPair at once: see Checker.lmPairs)
    const lms = checker.lmPairs(l2, l, oa.map(x => x.id), ob.map(y => y.id), r, r2), nb = ob.length;
    for (let xi = 0; xi < oa.length; xi++) {
      const x = oa[xi]!;
      for (let yi = 0; yi < nb; yi++) {
        const y = ob[yi]!;
        const v = lms[xi * nb + yi]! + x.channel + y.channel;
        scores.push(v);
        if (v > bs) { bs = v; bx = x.id; by = y.id; }
      }
    }
    let z = 0;
    for (const v of scores) z += Math.exp(v - bs);
    return [bx, by, 1 / z];
  }

  /** Pass 3b: the joint reading of finding `f` at i and its unreported neighbour j, when it
   * changes the neighbour clearly; null otherwise. */
  function neighbourReading(i: number, f: SpellingIssue, j: number): { neighbour: SpellingIssue; reading: number; conf: number } | null {
    const tb = tokens[j]!, ib = infos[j]!;
    if (tb.skip || tb.num || tb.hyphened || !ib.known || ib.self < 0 || userWords.has(tb.lower)) return null;
    if (nameLikeToken(tb)) return null;
    const of = readings(i, f);
    if (!of.length) return null;
    const on = [{ id: ib.self, channel: model.channel.keep }, ...model.candidates(tb.lower).slice(0, tuning.jointCandidates)];
    const lo = Math.min(i, j);
    const [l2, l, r, r2] = pairContext(lo);
    let bf = -1, bn = -1, bs = -Infinity, kept = -Infinity;
    const scores: number[] = [];
    // (every combination's lmPair at once, the finding's word first or second: see Checker.lmPairs)
    const ofIds = of.map(x => x.id), onIds = on.map(y => y.id), nf = of.length, nn = on.length;
    const lms = lo === i ? checker.lmPairs(l2, l, ofIds, onIds, r, r2) : checker.lmPairs(l2, l, onIds, ofIds, r, r2);
    for (let xi = 0; xi < nf; xi++) {
      const x = of[xi]!;
      for (let yi = 0; yi < nn; yi++) {
        const y = on[yi]!;
        const changed = y.id !== ib.self;
        const v = (lo === i ? lms[xi * nn + yi]! : lms[yi * nf + xi]!)
          + x.channel + y.channel + (changed ? delta : 0);
        scores.push(v);
        if (!changed) kept = Math.max(kept, v);
        if (v > bs) { bs = v; bf = x.id; bn = y.id; }
      }
    }
    if (bn === ib.self || bs - kept < tuning.contextMargin) return null;
    let z = 0;
    for (const v of scores) z += Math.exp(v - bs);
    const conf = 1 / z;
    if (conf < config.spelling.contextThreshold) return null;
    const neighbour = lo === i ? jointIssue(j, bn, l, bf, r, r2, conf) : jointIssue(j, bn, l2, l, bf, r, conf);
    return { neighbour, reading: bf, conf };
  }

  /** A context finding for word k read as `id` in a joint reading: `id` first, then the word's
   * other candidates ranked between the given (jointly read) neighbours. */
  function jointIssue(k: number, id: number, l2: number, l: number, r: number, r2: number, conf: number): SpellingIssue {
    const t = tokens[k]!, ns = infos[k]!.newStyle;
    const best = render(model, id, t.text, ns);
    const rest = checker.rank(t.lower, l2, l, r, r2, maxS, undefined).map(x => render(model, x, t.text, ns)).filter(x => x !== best);
    return contextIssue(t, id, best, [best, ...rest].slice(0, maxS), conf);
  }

  /** Finding `f` with reading `id` first (the pair's choice), its message and confidence to match. */
  function rebest(f: SpellingIssue, k: number, id: number, conf: number): SpellingIssue {
    const t = tokens[k]!;
    const best = render(model, id, t.text, infos[k]!.newStyle);
    const suggestions = [best, ...f.suggestions.filter(x => x !== best)].slice(0, maxS);
    const c = f.code === 'spelling.context' ? conf : Math.min(f.conf, conf);
    return {
      ...f, bestId: id, suggestions, conf: c, safe: f.safe && c >= tuning.safeConf,
      severity: f.code === 'spelling.context' ? (c >= tuning.errorConf ? 'error' : 'warning') : f.severity,
      message: wordMessage(f.code, t.text, best),
    };
  }

  function jointReading(i: number): [SpellingIssue, SpellingIssue] | null {
    const ta = tokens[i]!, tb = tokens[i + 1]!;
    const ia = infos[i]!, ib = infos[i + 1]!;
    if (ta.skip || tb.skip || ta.hyphened || tb.hyphened || !ia.known || !ib.known || userWords.has(ta.lower) || userWords.has(tb.lower)) return null;
    // (too many names rule the pair out below, unless its reading is the name of a body)
    let names = (nameLikeToken(ta) ? 1 : 0) + (nameLikeToken(tb) ? 1 : 0);
    const [l2, l, r, r2] = pairContext(i);
    const keep = model.channel.keep;
    const sa = ia.self, sb = ib.self;
    const ca = model.candidates(ta.lower).slice(0, tuning.jointCandidates);
    const cb = model.candidates(tb.lower).slice(0, tuning.jointCandidates);
    if (tuning.jointPhrase < Infinity && model.pair(sa, sb) < tuning.jointPhraseWritten) {
      // a far candidate of one word that makes a common pair with the other word as written or
      // one of its first candidates (the lists as they were: no far candidate calls another)
      const fa = model.candidates(ta.lower), fb = model.candidates(tb.lower), na = ca.length, nb = cb.length;
      const phrase = (x: number, y: number) => model.pair(x, y) >= tuning.jointPhrase;
      // (a syllable none of whose pairs after it, or before it, is counted jointPhrase times makes
      // no such pair: most far candidates are rare, and the bound spares their look-ups)
      const { maxOut, maxIn } = model.bounds();
      const before = (x: number) => { if (maxOut[x]! < tuning.jointPhrase) return false; for (let k = 0; k < nb; k++) if (phrase(x, cb[k]!.id)) return true; return phrase(x, sb); };
      const after = (y: number) => { if (maxIn[y]! < tuning.jointPhrase) return false; for (let k = 0; k < na; k++) if (phrase(ca[k]!.id, y)) return true; return phrase(sa, y); };
      for (let k = na; k < fa.length; k++) if (before(fa[k]!.id)) ca.push(fa[k]!);
      for (let k = nb; k < fb.length; k++) if (after(fb[k]!.id)) cb.push(fb[k]!);
    }
    // every lmPair below at once, row 0 and column 0 the words as written (see Checker.lmPairs)
    const xs = [sa], ys = [sb];
    for (const a of ca) xs.push(a.id);
    for (const b of cb) ys.push(b.id);
    const lms = checker.lmPairs(l2, l, xs, ys, r, r2), ny = ys.length;
    const base = lms[0]! + 2 * keep;
    // every option: as written, one changed, both changed (each edit shifted by the document's
    // error rate)
    let z = 1, bx = -1, by = -1, bs = -Infinity, single = -Infinity;
    for (let ka = 0; ka < ca.length; ka++) {
      const v = lms[(ka + 1) * ny]! + ca[ka]!.channel + keep + delta - base;
      z += Math.exp(v); single = Math.max(single, v);
    }
    for (let kb = 0; kb < cb.length; kb++) {
      const v = lms[kb + 1]! + keep + cb[kb]!.channel + delta - base;
      z += Math.exp(v); single = Math.max(single, v);
    }
    for (let ka = 0; ka < ca.length; ka++) {
      const a = ca[ka]!;
      for (let kb = 0; kb < cb.length; kb++) {
        const b = cb[kb]!;
        const v = lms[(ka + 1) * ny + kb + 1]! + a.channel + b.channel + 2 * delta - base;
        z += Math.exp(v);
        if (v > bs) { bs = v; bx = a.id; by = b.id; }
      }
    }
    if (bx >= 0 && names > 0 && model.pair(bx, by) >= tuning.jointNamePair && opensCapitals(i)) names = 0;
    if (names > tuning.jointNames) return null;
    if (bx < 0 || bs < tuning.jointMargin + names * tuning.jointNameMargin || bs < single + tuning.jointOverSingle) return null;
    const conf = Math.exp(bs) / z;
    if (conf < config.spelling.contextThreshold) return null;
    // each word's other suggestions are ranked next to the other's joint reading
    return [jointIssue(i, bx, l2, l, by, r, conf), jointIssue(i + 1, by, l, bx, r, r2, conf)];
  }
}


/**
 * Reports, through the rule context, the findings of one spelling grade. The three spelling
 * rules share one analysis per document version (cached by spellingIssues) and each reports only
 * its own code.
 */
export function reportSpelling(ctx: RuleContext, code: string): void {
  for (const x of spellingIssues(ctx.doc, ctx.config, ctx.resources.spelling)) {
    if (x.code !== code) continue;
    const data: Record<string, unknown> = { word: x.word, confidence: Math.round(x.conf * 1000) / 1000 };
    if (x.unaccented) data['kind'] = 'unaccented';
    ctx.report({
      span: { start: x.span.start, end: x.span.end },
      message: x.message,
      suggestions: x.suggestions,
      safe: x.safe,
      severity: x.severity,
      data,
    });
  }
}
