// The noisy-channel decision for one token in context:
//   score(x) = ln P(x | left) + ln P(right | x) + triple evidence + ln P(observed | x)
// over x in {the observed syllable} ∪ candidates(observed). The posterior of the best
// candidate is the finding's confidence. Decisions are cached per (l2, l, token, r, r2).
import type { Candidate, SpellingModel } from './model';
import { CLAUSE_STARTS, CLAUSE_START_TOTAL, SENTENCE_STARTS, SENTENCE_START_TOTAL } from './clauseStarts';
import { isValidSyllable, canonical, skeleton, toneOf, hasVietnameseMarks, hasForeignMarks, isNewStyle } from './orthography';

export interface ScoreParams {
  /** Dirichlet smoothing mass for pair probabilities. */
  beta: number;
  /** ln P of a syllable missing from the lexicon. */
  lnUnknown: number;
  /** Weight of triple evidence. */
  tripleWeight: number;
  tripleTau: number;
  /** Candidates considered (best channel first). */
  maxCandidates: number;
  /** Candidates considered for a word that is no Vietnamese syllable (rare, and every reading is a guess). */
  maxCandidatesInvalid: number;
  /** Weight of the candidate's own frequency (1 = plain noisy channel; < 1 flattens the prior). */
  priorWeight: number;
  /** Weight of the outer triples (second neighbour on each side). */
  outerWeight: number;
  /** Upper bound of the outer-triple evidence (nats). */
  outerCap: number;
  /** Extra smoothing mass per distinct follower of the conditioning syllable (Witten-Bell; 0 = off). */
  followerWeight: number;
  /**
   * Candidates beyond maxCandidates, up to this many in all, are weighed too when both
   * neighbours are known and the candidate forms a pair counted at least deepPair times with
   * each ("làm tròn bon phận": "bổn" is the 14th candidate of "bon", an unlikely edit, but
   * "tròn bổn" and "bổn phận" are both common). 0 = off.
   */
  maxDeep: number;
  deepPair: number;
  /** ... and only when the written word forms a pair counted under this with each neighbour. */
  deepSelfPair: number;
  /**
   * With only one known neighbour (the other side a clause or sentence boundary: "an toàn, bần
   * vững", "bền" being the 17th candidate of "bần"), a deep candidate needs a pair counted at
   * least this often with it (Infinity = never).
   */
  deepOneSide: number;
  /** Weight of the register's clause-start counts against the smoothing (1 = as counted). */
  startWeight: number;
  /**
   * A word counted with neither neighbour may be a misread of a word that both neighbours call
   * for but no candidate list reaches ("giải ngân yến đầu tư": "vốn" is two letters off "yến";
   * "Huyện ty chủ trì": "ủy" is too far down the candidates of "ty" to be weighed; a word that is
   * no syllable, "tham mưni cấp", since stop 36): a
   * syllable counted at least ctxPair times with one neighbour and ctxPairMin times with the
   * other (ctxPair Infinity = off)...
   */
  ctxPair: number;
  ctxPairMin: number;
  /** ... when the written word is counted fewer than ctxSelfPair times with each neighbour... */
  ctxSelfPair: number;
  /** ... reached by at most this many letter edits (model.editChannel)... */
  ctxEdits: number;
  /** ... at this extra cost (nats) on top of the edits' channel... */
  ctxPenalty: number;
  /**
   * ... and this much more for a word the lexicon lacks: it has no score of its own to beat,
   * only its one-edit readings, so a reading further away must beat those clearly ("bảng bằm
   * tập tin" is "băm", not "cần" because "cần tập" is common).
   */
  ctxUnknown: number;
}

export const defaultScore: ScoreParams = {
  beta: 8,
  lnUnknown: -17,
  tripleWeight: 1,
  tripleTau: 2,
  maxCandidates: 10,
  maxCandidatesInvalid: 24,
  priorWeight: 1,
  outerWeight: 1,
  outerCap: 2,
  followerWeight: 0.3,
  maxDeep: 24,
  deepPair: 20,
  deepSelfPair: 3,
  deepOneSide: 300,
  startWeight: 0.3,
  ctxPair: 300,
  ctxPairMin: 5,
  ctxSelfPair: 10,
  ctxEdits: 2,
  ctxPenalty: 0,
  ctxUnknown: -4,
};

export interface TypeInfo {
  valid: boolean;
  marks: boolean;
  /** Lexicon id, -1 when not in the lexicon. */
  self: number;
  newStyle: boolean;
  known: boolean;
  /** Contains Latin letters with diacritics Vietnamese does not use. */
  foreign: boolean;
  /** Sequence number of this entry (the decision table's key; never reused). */
  id: number;
  /** Context-free parts of a decision, filled on first use by the checker. */
  cands?: Candidate[];
  /** variantMask of `cands` over the first `maskN` of them. */
  mask?: number;
  maskN?: number;
  /** The decision of every context where no candidate can matter (shared: see Decision.pruned). */
  pruned?: Decision;
}

export interface Decision {
  /** Lexicon id of the observed syllable (-1 when unknown or invalid). */
  self: number;
  valid: boolean;
  /** Best replacement (lexicon id), -1 when none; never `self`. */
  best: number;
  /** Number of candidates scored. */
  cands: number;
  /** Ranked replacements, filled on first use by rank(). */
  ranked?: number[];
  /**
   * The context readings compute weighed (contextReadings, null when none), kept for rank(): a
   * finding's suggestions are ranked in the context it was decided in, and finding them again
   * (their edit channels above all) was most of the ranking's time. Unset on a pruned decision.
   */
  ctx?: Candidate[] | null;
  /** Posterior of ranked[0] among all options. */
  conf: number;
  /** Posterior of the observed syllable. */
  selfConf: number;
  /** score(best) - score(observed). */
  margin: number;
  /**
   * Set when no candidate was scored in full because none can come within `pruneMargin` of the
   * observed syllable: then `margin` only says "below pruneMargin" (it is just under it), `best`
   * is -1, `conf` 0 and `selfConf` 1. One such object is shared by every context of a type.
   */
  pruned?: boolean;
}

/**
 * Decisions keyed by (type, l2, l, r, r2): open addressing over typed arrays, so that a look-up
 * allocates nothing (a Map keyed by one packed number needed a heap number per key and was a
 * tenth of the analysis time on fresh text). Grows to MAX_BITS, then starts over.
 */
class DecisionTable {
  private static readonly MAX_BITS = 19;
  private bits = 12;
  private keys = new Int32Array(5 << 12);
  private vals: (Decision | undefined)[] = new Array(1 << 12);
  private used = 0;

  private slot(type: number, l2: number, l: number, r: number, r2: number): number {
    let h = Math.imul(type, 0x9e3779b1) ^ Math.imul(l + 1, 0x85ebca77) ^ Math.imul(r + 1, 0xc2b2ae3d) ^ Math.imul(l2 + 2, 0x27d4eb2f) ^ Math.imul(r2 + 3, 0x165667b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const mask = (1 << this.bits) - 1, k = this.keys;
    let i = h & mask;
    for (;;) {
      const v = this.vals[i];
      if (v === undefined) return i;
      const o = 5 * i;
      if (k[o] === type && k[o + 1] === l2 && k[o + 2] === l && k[o + 3] === r && k[o + 4] === r2) return i;
      i = (i + 1) & mask;
    }
  }

  get(type: number, l2: number, l: number, r: number, r2: number): Decision | undefined {
    return this.vals[this.slot(type, l2, l, r, r2)];
  }

  set(type: number, l2: number, l: number, r: number, r2: number, d: Decision): void {
    if (2 * (this.used + 1) > 1 << this.bits) {
      if (this.bits < DecisionTable.MAX_BITS) this.grow(); else this.clear();
    }
    const i = this.slot(type, l2, l, r, r2);
    if (this.vals[i] === undefined) this.used++;
    this.vals[i] = d;
    const o = 5 * i, k = this.keys;
    k[o] = type; k[o + 1] = l2; k[o + 2] = l; k[o + 3] = r; k[o + 4] = r2;
  }

  private grow(): void {
    const oldKeys = this.keys, oldVals = this.vals;
    this.bits++;
    this.keys = new Int32Array(5 << this.bits);
    this.vals = new Array(1 << this.bits);
    this.used = 0;
    for (let i = 0; i < oldVals.length; i++) {
      const d = oldVals[i];
      if (d === undefined) continue;
      const o = 5 * i;
      this.set(oldKeys[o]!, oldKeys[o + 1]!, oldKeys[o + 2]!, oldKeys[o + 3]!, oldKeys[o + 4]!, d);
    }
  }

  /** Forget every decision; the capacity stays (a document of that size comes back). */
  clear(): void {
    if (this.used) this.vals.fill(undefined);
    this.used = 0;
  }
}

/**
 * The left neighbour id of a word that opens a clause (after a comma, a semicolon, a bracket):
 * its left link is then P(word | a clause starts) in the register, instead of its plain frequency.
 * -1 stays "no usable neighbour".
 */
export const CLAUSE_START = -2;
/** ... and of a word that opens a sentence (a paragraph's start, after . ! ? : or a quote). */
export const SENTENCE_START = -3;

export class Checker {
  readonly model: SpellingModel;
  score: ScoreParams = { ...defaultScore };

  constructor(model: SpellingModel) { this.model = model; }

  /**
   * A known syllable none of whose candidates can score within this margin of it (by an upper
   * bound of their context scores, see upperLm) is decided without scoring them in full: its
   * decision only says that the margin is below this value. -Infinity scores every candidate.
   * The caller sets it to the smallest margin it ever acts on.
   */
  get pruneMargin(): number { return this.prune; }
  set pruneMargin(v: number) {
    if (v === this.prune) return;
    this.prune = v;
    this.clearCache(); // cached decisions were made under the old margin
  }
  private prune = -Infinity;

  private readonly types = new Map<string, TypeInfo>();
  private typeSeq = 0;
  private readonly table = new DecisionTable();

  /** Facts about a lower-case token that do not depend on context (cached). */
  typeInfo(w: string): TypeInfo {
    let t = this.types.get(w);
    if (!t) {
      if (this.types.size > 200000) this.types.clear();
      const valid = isValidSyllable(w);
      const marks = hasVietnameseMarks(w);
      const self = valid ? this.model.idOf(w) : -1;
      t = { valid, marks, self, newStyle: marks && isNewStyle(w), known: self >= 0 && this.model.lnCount[self]! >= 1, foreign: marks && hasForeignMarks(w), id: this.typeSeq++ };
      this.types.set(w, t);
    }
    return t;
  }

  /** Lexicon id of a lower-case token, -1 if none. */
  idOf(lower: string): number { return this.model.idOf(lower); }

  clearCache(): void { this.types.clear(); this.table.clear(); }

  /** ln P(x | l) with Dirichlet smoothing toward the unigram. */
  lnLeft(l: number, x: number): number {
    return this.leftGiven(l, x, l >= 0 ? this.model.pair(l, x) : 0);
  }

  /** ln P(r | x) relative to P(r): how much x predicts its right neighbour. */
  lnRight(x: number, r: number): number {
    return this.rightGiven(x, r, r >= 0 ? this.model.pair(x, r) : 0);
  }

  /** lnLeft with the pair count (l, x) already looked up. */
  private leftGiven(l: number, x: number, count: number): number {
    const m = this.model;
    if (l < 0) return l === CLAUSE_START ? this.startArr(1)[x]! : l === SENTENCE_START ? this.startArr(0)[x]! : m.lnUniArr[x]!;
    const b = this.betaArr()[l]!;
    return Math.log((count + b * m.uniP[x]!) / (m.outSum[l]! + b));
  }

  /** lnRight with the pair count (x, r) already looked up. */
  private rightGiven(x: number, r: number, count: number): number {
    const m = this.model;
    if (r < 0) return 0;
    const b = this.betaArr()[x]!;
    return Math.log((count + b * m.uniP[r]!) / (m.outSum[x]! + b)) - m.lnUniArr[r]!;
  }

  /** How much better the register's sentence (kind 0) or clause (kind 1) starts explain x than its frequency (nats). */
  startEvidence(kind: 0 | 1, x: number): number { return this.startArr(kind)[x]! - this.model.lnUniArr[x]!; }

  /**
   * How often the register's sentences (kind 0) or other clauses (kind 1) open with x: its count
   * in the table of openings, 0 when x was never counted there.
   */
  startCount(kind: 0 | 1, x: number): number {
    this.startArr(kind);
    return this.startCounts[kind]![x]!;
  }

  private starts: (Float64Array | null)[] = [null, null];
  private startCounts: (Float64Array | null)[] = [null, null];
  private startsBeta = NaN;
  private startsWeight = NaN;
  private startsScale = NaN;

  /**
   * ln P(x | a sentence starts) (kind 0) or ln P(x | another clause starts) (kind 1) for every
   * syllable x: the register's counts (weighted by startWeight), smoothed toward x's frequency
   * like any left link (beta plus followerWeight per distinct syllable).
   */
  private startArr(kind: 0 | 1): Float64Array {
    const sc = this.score;
    // (numbers compared, as betaArr does: this runs for every opening a decision weighs)
    if (this.startsBeta !== sc.beta || this.startsWeight !== sc.followerWeight || this.startsScale !== sc.startWeight) {
      this.starts = [null, null];
      this.startsBeta = sc.beta;
      this.startsWeight = sc.followerWeight;
      this.startsScale = sc.startWeight;
    }
    let a = this.starts[kind];
    if (!a) {
      const m = this.model;
      const table = kind === 0 ? SENTENCE_STARTS : CLAUSE_STARTS, total = kind === 0 ? SENTENCE_START_TOTAL : CLAUSE_START_TOTAL;
      const counts = new Float64Array(m.size);
      const parts = table ? table.split(' ') : [];
      let distinct = 0;
      for (let k = 0; k + 1 < parts.length; k += 2) {
        const id = m.idOf(parts[k]!);
        if (id >= 0) { counts[id] = +parts[k + 1]!; distinct++; }
      }
      const b = sc.beta + sc.followerWeight * distinct;
      a = new Float64Array(m.size);
      for (let x = 0; x < m.size; x++) a[x] = Math.log((sc.startWeight * counts[x]! + b * m.uniP[x]!) / (sc.startWeight * total + b));
      this.starts[kind] = a;
      this.startCounts[kind] = counts;
    }
    return a;
  }

  private betas: Float64Array | null = null;
  private betasBeta = NaN;
  private betasWeight = NaN;

  /**
   * Smoothing mass of P(. | a) for every syllable a: beta, plus followerWeight per distinct
   * syllable seen after a. The array, not one number: a double returned from a call that is not
   * inlined is boxed on the heap (11 MB per 68k tokens of fresh text when this returned b).
   */
  private betaArr(): Float64Array {
    const sc = this.score;
    if (this.betasBeta !== sc.beta || this.betasWeight !== sc.followerWeight || !this.betas) {
      const f = this.model.followers();
      this.betas = Float64Array.from(f, n => sc.beta + sc.followerWeight * n);
      this.betasBeta = sc.beta;
      this.betasWeight = sc.followerWeight;
    }
    return this.betas;
  }

  /** Evidence from the triple (l, x, r) of clean text (only l and r are used: decisions are cached per (l, w, r)). */
  private tri(l: number, x: number, r: number): number {
    const m = this.model;
    if (m.tripleCount === 0 || l < 0 || r < 0) return 0;
    const t = m.triple(l, x, r);
    return t > 0 ? this.score.tripleWeight * Math.log1p(t / this.score.tripleTau) : 0;
  }

  /** Evidence from the outer triples (l2, l, x) and (x, r, r2): context beyond one neighbour. */
  private outer(l2: number, l: number, x: number, r: number, r2: number): number {
    const m = this.model, w = this.score.outerWeight;
    if (m.tripleCount === 0 || w === 0) return 0;
    let v = 0;
    if (l2 >= 0 && l >= 0) { const t = m.triple(l2, l, x); if (t > 0) v += Math.log1p(t / this.score.tripleTau); }
    if (r >= 0 && r2 >= 0) { const t = m.triple(x, r, r2); if (t > 0) v += Math.log1p(t / this.score.tripleTau); }
    return Math.min(this.score.outerCap, w * v);
  }

  lm(l2: number, l: number, x: number, r: number, r2: number): number {
    const m = this.model, sc = this.score;
    const pw = sc.priorWeight;
    // every counted triple's two pairs are counted too, so a triple through an unseen pair is
    // not looked up (most candidates have one)
    const plx = l >= 0 ? m.pair(l, x) : 0, pxr = r >= 0 ? m.pair(x, r) : 0;
    let v = this.leftGiven(l, x, plx) + this.rightGiven(x, r, pxr);
    if (plx > 0 && pxr > 0) v += this.tri(l, x, r);
    if (m.tripleCount > 0 && sc.outerWeight !== 0 && (plx > 0 || pxr > 0)) v += this.outer(plx > 0 ? l2 : -1, l, x, pxr > 0 ? r : -1, r2);
    return v + (pw !== 1 ? (pw - 1) * m.lnUni(x) : 0);
  }

  /**
   * Log-score of two neighbouring syllables x y read together between l2 l and r r2: each link
   * counted once (P(x | l), P(y | x), P(r | y) / P(r)) plus the triples that include x or y.
   */
  lmPair(l2: number, l: number, x: number, y: number, r: number, r2: number): number {
    const m = this.model, sc = this.score;
    const pw = sc.priorWeight;
    const plx = l >= 0 ? m.pair(l, x) : 0, pxy = m.pair(x, y), pyr = r >= 0 ? m.pair(y, r) : 0;
    let v = this.leftGiven(l, x, plx) + this.leftGiven(x, y, pxy) + this.rightGiven(y, r, pyr);
    // a triple through an unseen pair is never counted (see lm)
    if (plx > 0) v += (pxy > 0 ? this.tri(l, x, y) : 0) + this.outer(l2, l, x, -1, -1);
    if (pyr > 0) v += (pxy > 0 ? this.tri(x, y, r) : 0) + this.outer(-1, -1, y, r, r2);
    return v + (pw !== 1 ? (pw - 1) * (m.lnUni(x) + m.lnUni(y)) : 0);
  }

  /**
   * lmPair(l2, l, xs[i], ys[j], r, r2) for every i and j, in row i, column j of the returned
   * array (ys.length columns; the checker's own, valid until the next call). The joint readings
   * score every reading of one word against every reading of its neighbour: the pair and outer
   * triple each word makes with its own neighbour are looked up once per word here instead of
   * once per combination, and the sums are lmPair's, term by term, so the numbers are the same.
   */
  lmPairs(l2: number, l: number, xs: ArrayLike<number>, ys: ArrayLike<number>, r: number, r2: number): Float64Array {
    const m = this.model, pw = this.score.priorWeight, nx = xs.length, ny = ys.length;
    if (this.pairsOut.length < nx * ny) this.pairsOut = new Float64Array(Math.max(nx * ny, 2 * this.pairsOut.length));
    if (this.pairsSide.length < 3 * ny) this.pairsSide = new Float64Array(Math.max(3 * ny, 2 * this.pairsSide.length));
    const out = this.pairsOut, side = this.pairsSide;
    // each y's pair with r, its link to r and its outer triple (as lmPair weighs them)
    for (let j = 0; j < ny; j++) {
      const y = ys[j]!, pyr = r >= 0 ? m.pair(y, r) : 0;
      side[3 * j] = pyr;
      side[3 * j + 1] = this.rightGiven(y, r, pyr);
      side[3 * j + 2] = pyr > 0 ? this.outer(-1, -1, y, r, r2) : 0;
    }
    for (let i = 0; i < nx; i++) {
      const x = xs[i]!, plx = l >= 0 ? m.pair(l, x) : 0;
      const lx = this.leftGiven(l, x, plx), ox = plx > 0 ? this.outer(l2, l, x, -1, -1) : 0;
      for (let j = 0; j < ny; j++) {
        const y = ys[j]!, pxy = m.pair(x, y), pyr = side[3 * j]!;
        let v = lx + this.leftGiven(x, y, pxy) + side[3 * j + 1]!;
        if (plx > 0) v += (pxy > 0 ? this.tri(l, x, y) : 0) + ox;
        if (pyr > 0) v += (pxy > 0 ? this.tri(x, y, r) : 0) + side[3 * j + 2]!;
        out[i * ny + j] = v + (pw !== 1 ? (pw - 1) * (m.lnUni(x) + m.lnUni(y)) : 0);
      }
    }
    return out;
  }

  private pairsOut = new Float64Array(64);
  private pairsSide = new Float64Array(48);

  /**
   * Log-score of three neighbouring syllables x y z read together between l2 l and r r2, as
   * lmPair for two: each link once, plus the triples that include x, y or z.
   */
  lmTriple(l2: number, l: number, x: number, y: number, z: number, r: number, r2: number): number {
    const m = this.model, sc = this.score;
    const pw = sc.priorWeight;
    const plx = l >= 0 ? m.pair(l, x) : 0, pxy = m.pair(x, y), pyz = m.pair(y, z), pzr = r >= 0 ? m.pair(z, r) : 0;
    let v = this.leftGiven(l, x, plx) + this.leftGiven(x, y, pxy) + this.leftGiven(y, z, pyz) + this.rightGiven(z, r, pzr);
    // a triple through an unseen pair is never counted (see lm)
    if (pxy > 0 && pyz > 0) v += this.tri(x, y, z);
    if (plx > 0) v += (pxy > 0 ? this.tri(l, x, y) : 0) + this.outer(l2, l, x, -1, -1);
    if (pzr > 0) v += (pyz > 0 ? this.tri(y, z, r) : 0) + this.outer(-1, -1, z, r, r2);
    return v + (pw !== 1 ? (pw - 1) * (m.lnUni(x) + m.lnUni(y) + m.lnUni(z)) : 0);
  }

  /** Decide on lower-case token `w` with neighbour ids (-1 = none). Cached per (w, context). */
  decide(w: string, l2: number, l: number, r: number, r2: number, info?: TypeInfo): Decision {
    const t = info ?? this.typeInfo(w);
    const hit = this.table.get(t.id, l2, l, r, r2);
    if (hit) return hit;
    const d = this.compute(w, l2, l, r, r2, t);
    this.table.set(t.id, l2, l, r, r2, d);
    return d;
  }

  private scratch = new Float64Array(256);

  private compute(w: string, l2: number, l: number, r: number, r2: number, info: TypeInfo): Decision {
    const m = this.model;
    const valid = info.valid;
    const self = info.self;
    const cands = (info.cands ??= m.candidates(w));
    const n = Math.min(cands.length, valid ? this.score.maxCandidates : this.score.maxCandidatesInvalid, this.scratch.length);
    let selfScore: number;
    if (self >= 0) selfScore = this.lm(l2, l, self, r, r2) + m.channel.keep;
    else selfScore = valid ? this.score.lnUnknown : -Infinity;
    const nd = this.deepEnd(cands, n, l, r, valid, self);
    const extra = this.contextReadings(w, cands, nd, valid, self, l, r);
    if (n > 0 && info.known && this.prune > -Infinity && this.canPrune() && !extra) {
      // most known syllables are far ahead of every candidate: bound the candidates' scores
      // (cheapest bound first) and score them in full only when one may come close
      const need = selfScore + this.prune;
      let ub = -Infinity;
      for (let i = 0; i < n; i++) {
        const u = this.boundBelow(l2, l, cands[i]!.id, r, r2, need - cands[i]!.channel, 2);
        if (u === Infinity) { ub = Infinity; break; }
        if (u + cands[i]!.channel > ub) ub = u + cands[i]!.channel;
      }
      if (ub < need && nd > n) ub = Math.max(ub, this.boundDeep(cands, n, nd, l2, l, r, r2, need));
      if (ub < need) {
        // (a new pruneMargin clears the type entries, so only maxCandidates can make it stale)
        const p = info.pruned;
        if (p && p.cands === n) return p;
        return (info.pruned = { self, valid, best: -1, conf: 0, selfConf: 1, margin: this.prune - 1e-9, cands: n, pruned: true });
      }
    }
    const sc = this.scratch;
    let bi = -1, bs = -Infinity;
    // (the mask covers the deep candidates too: "lí" is the 11th candidate of "lý")
    const nm = Math.max(n, Math.min(cands.length, this.score.maxDeep));
    if (info.maskN !== nm) { info.mask = valid ? this.variantMask(w, cands, nm) : 0; info.maskN = nm; }
    const skip = info.mask!;
    for (let i = 0; i < n; i++) {
      if (skip && (skip & (1 << Math.min(i, 30))) && i < 30) { sc[i] = -Infinity; continue; }
      const c = cands[i]!;
      const v = this.lm(l2, l, c.id, r, r2) + c.channel;
      sc[i] = v;
      if (v > bs) { bs = v; bi = i; }
    }
    if (nd > n) {
      bi = this.scoreDeep(cands, n, nd, skip, l2, l, r, r2, bi);
      if (bi >= 0) bs = sc[bi]!;
    }
    let bestId = bi >= 0 ? cands[bi]!.id : -1;
    // (a loop, not a callback: bs and bestId captured by a closure would live on the heap for every decision)
    const xs = extra ? new Array<number>(extra.length) : null;
    if (extra) for (let i = 0; i < extra.length; i++) {
      const v = xs![i] = this.lm(l2, l, extra[i]!.id, r, r2) + extra[i]!.channel;
      if (v > bs) { bs = v; bestId = extra[i]!.id; }
    }
    const max = Math.max(bs, selfScore);
    if (bestId < 0) return { self, valid, best: -1, conf: 0, selfConf: 1, margin: -Infinity, cands: n, ctx: extra };
    let z = selfScore === -Infinity ? 0 : Math.exp(selfScore - max);
    for (let i = 0; i < nd; i++) if (sc[i] !== -Infinity) z += Math.exp(sc[i]! - max);
    if (xs) for (const v of xs) z += Math.exp(v - max);
    return {
      self, valid,
      best: bestId,
      conf: Math.exp(bs - max) / z,
      selfConf: selfScore === -Infinity ? 0 : Math.exp(selfScore - max) / z,
      margin: bs - selfScore,
      cands: n,
      ctx: extra,
    };
  }

  /**
   * Readings of a word that fits neither neighbour, called for by both (ScoreParams.ctxPair) and
   * not among the first `nd` candidates already weighed; null when there are none. A word that is
   * no syllable takes them too: OCR that damaged two letters leaves the right reading out of the
   * word's own edits ("tham mưni cấp" is "tham mưu", "đồng bào tiần tộc" is "dân tộc").
   */
  private contextReadings(w: string, cands: readonly Candidate[], nd: number, valid: boolean, self: number, l: number, r: number): Candidate[] | null {
    const sc = this.score, m = this.model;
    if (l < 0 || r < 0 || sc.ctxPair === Infinity) return null;
    // (a word with a letter Vietnamese never writes is foreign unless its own letters read clearly)
    if (!valid && /[fjwz]/.test(w)) return null;
    if (self >= 0 && (m.pair(l, self) >= sc.ctxSelfPair || m.pair(self, r) >= sc.ctxSelfPair)) return null;
    // a code in capitals ("#": TAB, PDF, UBND) stands for any name: what it calls for is a guess
    // ("định dùng TAB" is no "định dạng")
    const code = this.codeId ??= m.idOf('#');
    if (l === code || r === code) return null;
    // the syllables counted ctxPair times after l or before r (short lists), and at least
    // ctxPairMin times on the other side
    const ys = this.ctxScratch, lo = Math.min(sc.ctxPair, sc.ctxPairMin);
    ys.length = 0;
    m.followersAtLeast(l, sc.ctxPair, ys);
    const nl = ys.length;
    m.predecessorsAtLeast(r, sc.ctxPair, ys);
    const len = skeleton(w).length;
    let out: Candidate[] | null = null, pl = 0;
    for (let j = 0; j < ys.length; j++) {
      const y = ys[j]!;
      if (y === self || m.isPseudo(y) || Math.abs(m.skeletonOf(y).length - len) > sc.ctxEdits) continue;
      // (a syllable on both lists is taken from the first)
      if (j < nl ? m.pair(y, r) < lo : (pl = m.pair(l, y)) < lo || pl >= sc.ctxPair) continue;
      let ch = -Infinity, weighed = false;
      for (let i = 0; i < cands.length; i++) if (cands[i]!.id === y) { weighed = i < nd; ch = cands[i]!.channel; break; }
      if (weighed) continue;
      if (ch === -Infinity) ch = m.editChannel(w, y, sc.ctxEdits);
      if (ch === -Infinity) continue;
      (out ??= []).push({ id: y, channel: this.contextCost(ch, self) });
    }
    return out;
  }

  /** The channel a context reading is weighed with: its edits' channel `ch` plus the context penalties (ScoreParams.ctxPenalty, ctxUnknown). */
  contextCost(ch: number, self: number): number {
    return ch + this.score.ctxPenalty + (self < 0 ? this.score.ctxUnknown : 0);
  }

  private readonly ctxScratch: number[] = [];
  private codeId: number | undefined;

  /** End of the candidates weighed in context (past n: the deep ones, see ScoreParams.maxDeep). */
  private deepEnd(cands: readonly Candidate[], n: number, l: number, r: number, valid: boolean, self: number): number {
    const sc = this.score, d = sc.maxDeep;
    if (!valid || d <= n || (l < 0 && r < 0)) return n;
    if (self >= 0 && ((l >= 0 && this.model.pair(l, self) >= sc.deepSelfPair) || (r >= 0 && this.model.pair(self, r) >= sc.deepSelfPair))) return n;
    return Math.min(cands.length, d, this.scratch.length);
  }

  /** The largest score bound (with its channel) of the deep candidates weighed here; see upperLm. */
  private boundDeep(cands: readonly Candidate[], n: number, nd: number, l2: number, l: number, r: number, r2: number, need: number): number {
    let ub = -Infinity;
    for (let i = n; i < nd; i++) {
      const c = cands[i]!;
      if (!this.deepOk(l, c.id, r)) continue;
      const u = this.boundBelow(l2, l, c.id, r, r2, need - c.channel, 2);
      if (u === Infinity) return Infinity;
      if (u + c.channel > ub) ub = u + c.channel;
    }
    return ub;
  }

  /** Scores the deep candidates weighed here into the scratch array; returns the best index so far. */
  private scoreDeep(cands: readonly Candidate[], n: number, nd: number, skip: number, l2: number, l: number, r: number, r2: number, bi: number): number {
    const sc = this.scratch;
    let bs = bi >= 0 ? sc[bi]! : -Infinity;
    for (let i = n; i < nd; i++) {
      const c = cands[i]!;
      if ((i < 30 && (skip & (1 << i))) || !this.deepOk(l, c.id, r)) { sc[i] = -Infinity; continue; }
      const v = this.lm(l2, l, c.id, r, r2) + c.channel;
      sc[i] = v;
      if (v > bs) { bs = v; bi = i; }
    }
    return bi;
  }

  /** A deep candidate is weighed only when it forms a common pair with each neighbour (with the one there is, beside a boundary: deepOneSide). */
  private deepOk(l: number, x: number, r: number): boolean {
    const k = this.score.deepPair, m = this.model;
    if (l < 0) return m.pair(x, r) >= this.score.deepOneSide;
    if (r < 0) return m.pair(l, x) >= this.score.deepOneSide;
    return m.pair(l, x) >= k && m.pair(x, r) >= k;
  }

  /** The bounds of upperLm hold only for non-negative evidence weights (the defaults). */
  private canPrune(): boolean {
    const sc = this.score;
    return sc.tripleWeight >= 0 && sc.outerWeight >= 0 && sc.outerCap >= 0;
  }

  /**
   * An upper bound of lm(l2, l, x, r, r2). Stage 0 looks nothing up: a pair count is bounded by
   * the largest count of a pair after its first syllable and before its second; stage 1 looks up the
   * pair (l, x), stage 2 the pair (x, r) as well. Triple counts are bounded by the largest
   * triple count with x in the same place (and by nothing when its pair is unseen, as in lm).
   */
  upperLm(l2: number, l: number, x: number, r: number, r2: number, stage: 0 | 1 | 2): number {
    return this.boundBelow(l2, l, x, r, r2, Infinity, stage);
  }

  /**
   * The bound of upperLm at the first stage (up to `last`) where it is below `need`; Infinity
   * when it is not below `need` at any of them. need = Infinity gives the bound of stage `last`.
   */
  private boundBelow(l2: number, l: number, x: number, r: number, r2: number, need: number, last: 0 | 1 | 2): number {
    const m = this.model, bd = m.bounds();
    const prior = this.score.priorWeight !== 1 ? (this.score.priorWeight - 1) * m.lnUni(x) : 0;
    let plx = l < 0 ? 0 : Math.min(bd.maxOut[l]!, bd.maxIn[x]!);
    let pxr = r < 0 ? 0 : Math.min(bd.maxIn[r]!, bd.maxOut[x]!);
    let left = this.leftGiven(l, x, plx), right = this.rightGiven(x, r, pxr);
    let v = left + right + this.tripleBound(l2, l, x, r, r2, plx > 0, pxr > 0) + prior;
    if (v < need) return v;
    if (last === 0) return need === Infinity ? v : Infinity;
    if (l >= 0) { plx = m.pair(l, x); left = this.leftGiven(l, x, plx); }
    v = left + right + this.tripleBound(l2, l, x, r, r2, plx > 0, pxr > 0) + prior;
    if (v < need) return v;
    if (last === 1) return need === Infinity ? v : Infinity;
    if (r >= 0) { pxr = m.pair(x, r); right = this.rightGiven(x, r, pxr); }
    v = left + right + this.tripleBound(l2, l, x, r, r2, plx > 0, pxr > 0) + prior;
    return v < need || need === Infinity ? v : Infinity;
  }

  /** Upper bound of lm's triple and outer-triple terms for x, given which of its pairs may be counted. */
  private tripleBound(l2: number, l: number, x: number, r: number, r2: number, leftSeen: boolean, rightSeen: boolean): number {
    const m = this.model, sc = this.score;
    if (m.tripleCount === 0 || !(leftSeen || rightSeen)) return 0;
    const t = this.triLn();
    let v = leftSeen && rightSeen && l >= 0 && r >= 0 ? sc.tripleWeight * t.mid[x]! : 0;
    if (sc.outerWeight !== 0) {
      const o = (leftSeen && l2 >= 0 && l >= 0 ? t.last[x]! : 0) + (rightSeen && r >= 0 && r2 >= 0 ? t.first[x]! : 0);
      v += Math.min(sc.outerCap, sc.outerWeight * o);
    }
    return v;
  }

  private triLnCache: { tau: number; first: Float64Array; mid: Float64Array; last: Float64Array } | null = null;

  /** ln(1 + largest triple count / tau) per syllable and place (first, middle, last). */
  private triLn(): { tau: number; first: Float64Array; mid: Float64Array; last: Float64Array } {
    const tau = this.score.tripleTau;
    let c = this.triLnCache;
    if (!c || c.tau !== tau) {
      const bd = this.model.bounds(), f = (a: Float64Array) => a.map(t => Math.log1p(t / tau));
      c = this.triLnCache = { tau, first: f(bd.triFirst), mid: f(bd.triMid), last: f(bd.triLast) };
    }
    return c;
  }

  /** Bit i set = candidate i is an i/y spelling variant of w (lí/lý, kĩ/kỹ): both correct, never a fix. */
  private variantMask(w: string, cands: readonly { id: number }[], n: number): number {
    if (!/[iyìíỉĩịỳýỷỹỵ]/.test(w)) return 0;
    const own = skeleton(w);
    const sk = own.replace(/y/g, 'i');
    let tw = -1;
    let mask = 0;
    for (let i = 0; i < n && i < 30; i++) {
      const ck = this.model.skeletonOf(cands[i]!.id);
      if (ck.length !== own.length || ck === own || ck.replace(/y/g, 'i') !== sk) continue;
      if (tw < 0) tw = toneOf(w).tone;
      if (toneOf(this.model.syllables[cands[i]!.id]!).tone === tw) mask |= 1 << i;
    }
    return mask;
  }

  /** Replacement candidates of `w` in context, best first (for suggestions; not cached). */
  rank(w: string, l2: number, l: number, r: number, r2: number, limit: number, d?: Decision): number[] {
    if (d?.ranked && d.ranked.length >= limit) return d.ranked.slice(0, limit);
    const m = this.model;
    const cands = m.candidates(w);
    // (a decision made here knows both: it was made for w)
    const valid = d ? d.valid : isValidSyllable(w);
    const self = d ? d.self : valid ? m.idOf(w) : -1;
    const n = Math.min(cands.length, valid ? this.score.maxCandidates : this.score.maxCandidatesInvalid);
    const mask = valid ? this.variantMask(w, cands, Math.max(n, Math.min(cands.length, this.score.maxDeep))) : 0;
    const xs: { id: number; s: number }[] = [];
    for (let i = 0; i < n; i++) {
      if (i < 30 && (mask & (1 << i))) continue;
      xs.push({ id: cands[i]!.id, s: this.lm(l2, l, cands[i]!.id, r, r2) + cands[i]!.channel });
    }
    const nd = this.deepEnd(cands, n, l, r, valid, self);
    for (let i = n; i < nd; i++) {
      if (!(i < 30 && (mask & (1 << i))) && this.deepOk(l, cands[i]!.id, r)) xs.push({ id: cands[i]!.id, s: this.lm(l2, l, cands[i]!.id, r, r2) + cands[i]!.channel });
    }
    // (for a word that is no syllable, only a reading that wins: the others are guesses the
    // word's letters barely support, and its own edits make better second suggestions)
    // (the decision's own, when it was made in this context: see Decision.ctx)
    const ctx = d && d.ctx !== undefined ? d.ctx : this.contextReadings(w, cands, nd, valid, self, l, r);
    if (ctx) {
      const top = xs.reduce((a, x) => Math.max(a, x.s), -Infinity);
      for (const c of ctx) { const s = this.lm(l2, l, c.id, r, r2) + c.channel; if (valid || s > top) xs.push({ id: c.id, s }); }
    }
    xs.sort((a, b) => b.s - a.s);
    const out = xs.slice(0, limit).map(x => x.id);
    if (d && !d.pruned) d.ranked = out; // a pruned decision is shared by many contexts
    return out;
  }
}

export { canonical, hasVietnameseMarks };
