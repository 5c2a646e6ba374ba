// The noisy-channel decision for one token in context:
//   score(x) = ln P(x | left) + ln P(right | x) + triple evidence + ln P(observed | x)
// over x in {the observed syllable} ∪ candidates(observed). The posterior of the best
// candidate is the finding's confidence. Decisions are cached per (left, token, right).
import type { SpellingModel } from './model';
import { isValidSyllable, canonical, skeleton, toneOf, hasVietnameseMarks } from './orthography';

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
}

export const defaultScore: ScoreParams = {
  beta: 4,
  lnUnknown: -17,
  tripleWeight: 1,
  tripleTau: 2,
  maxCandidates: 40,
};

export interface Decision {
  /** Lexicon id of the observed syllable (-1 when unknown or invalid). */
  self: number;
  valid: boolean;
  /** Ranked replacement syllables (lexicon ids), best first; never `self`. */
  ranked: number[];
  /** Posterior of ranked[0] among all options. */
  conf: number;
  /** Posterior of the observed syllable. */
  selfConf: number;
  /** score(best) - score(observed). */
  margin: number;
}

export class Checker {
  readonly model: SpellingModel;
  score: ScoreParams = { ...defaultScore };
  private readonly intern = new Map<string, number>();
  private readonly cache = new Map<number, Decision | Map<number, Decision>>();

  constructor(model: SpellingModel) { this.model = model; }

  /** Lexicon id of a lower-case token, -1 if none. */
  idOf(lower: string): number { return this.model.idOf(lower); }

  private internId(w: string): number {
    let v = this.intern.get(w);
    if (v === undefined) {
      if (this.intern.size > 500000) { this.intern.clear(); this.cache.clear(); }
      v = this.intern.size;
      this.intern.set(w, v);
    }
    return v;
  }

  clearCache(): void { this.cache.clear(); }

  /** ln P(x | l) with Dirichlet smoothing toward the unigram. */
  lnLeft(l: number, x: number): number {
    const m = this.model;
    if (l < 0) return m.lnUni(x);
    const pu = Math.exp(m.lnUni(x));
    const b = this.score.beta;
    return Math.log((m.pair(l, x) + b * pu) / (m.outSum[l]! + b));
  }

  /** ln P(r | x) relative to P(r): how much x predicts its right neighbour. */
  lnRight(x: number, r: number): number {
    const m = this.model;
    if (r < 0) return 0;
    const pu = Math.exp(m.lnUni(r));
    const b = this.score.beta;
    return Math.log((m.pair(x, r) + b * pu) / (m.outSum[x]! + b)) - Math.log(pu);
  }

  private tri(l2: number, l: number, x: number, r: number, r2: number): number {
    const m = this.model;
    if (m.tripleCount === 0) return 0;
    const { tripleWeight: w, tripleTau: tau } = this.score;
    let s = 0;
    if (l2 >= 0 && l >= 0) s += Math.log1p(m.triple(l2, l, x) / tau);
    if (l >= 0 && r >= 0) s += Math.log1p(m.triple(l, x, r) / tau);
    if (r >= 0 && r2 >= 0) s += Math.log1p(m.triple(x, r, r2) / tau);
    return w * s;
  }

  lm(l2: number, l: number, x: number, r: number, r2: number): number {
    return this.lnLeft(l, x) + this.lnRight(x, r) + this.tri(l2, l, x, r, r2);
  }

  /** Decide on lower-case token `w` with neighbour ids (-1 = none). */
  decide(w: string, l2: number, l: number, r: number, r2: number): Decision {
    const wi = this.internId(w);
    const key = ((l + 1) * 65537 + (r + 1)) * 1048576 + wi;
    const useTri = this.model.tripleCount > 0;
    if (!useTri) {
      const hit = this.cache.get(key) as Decision | undefined;
      if (hit) return hit;
    } else {
      const sub = this.cache.get(key) as Map<number, Decision> | undefined;
      const hit = sub?.get((l2 + 1) * 65537 + (r2 + 1));
      if (hit) return hit;
    }
    const d = this.compute(w, l2, l, r, r2);
    if (this.cache.size > 300000) this.cache.clear();
    if (!useTri) this.cache.set(key, d);
    else {
      let sub = this.cache.get(key) as Map<number, Decision> | undefined;
      if (!sub) { sub = new Map(); this.cache.set(key, sub); }
      sub.set((l2 + 1) * 65537 + (r2 + 1), d);
    }
    return d;
  }

  private compute(w: string, l2: number, l: number, r: number, r2: number): Decision {
    const m = this.model;
    const valid = isValidSyllable(w);
    const self = valid ? m.idOf(w) : -1;
    const cands = m.candidates(w);
    const sk = skeleton(w);
    const tw = toneOf(w).tone;
    const n = Math.min(cands.length, this.score.maxCandidates);
    let selfScore: number;
    if (self >= 0) selfScore = this.lm(l2, l, self, r, r2) + m.channel.keep;
    else {
      // unknown/invalid observed form: only the unigram floor, no context fit
      selfScore = valid ? this.score.lnUnknown : -Infinity;
    }
    const scored: { id: number; s: number }[] = [];
    for (let i = 0; i < n; i++) {
      const c = cands[i]!;
      const cs = m.syllables[c.id]!;
      // i/y spelling variants (lí/lý, kĩ/kỹ) are both correct: never a replacement
      if (valid && skeleton(cs).replace(/y/g, 'i') === sk.replace(/y/g, 'i') && skeleton(cs) !== sk && toneOf(cs).tone === tw) continue;
      scored.push({ id: c.id, s: this.lm(l2, l, c.id, r, r2) + c.channel });
    }
    scored.sort((a, b) => b.s - a.s);
    let max = selfScore;
    for (const x of scored) if (x.s > max) max = x.s;
    let z = selfScore === -Infinity ? 0 : Math.exp(selfScore - max);
    for (const x of scored) z += Math.exp(x.s - max);
    const best = scored[0];
    const conf = best ? Math.exp(best.s - max) / z : 0;
    const selfConf = selfScore === -Infinity ? 0 : Math.exp(selfScore - max) / z;
    return {
      self, valid,
      ranked: scored.map(x => x.id),
      conf, selfConf,
      margin: best ? best.s - selfScore : -Infinity,
    };
  }
}

export { canonical, hasVietnameseMarks };
