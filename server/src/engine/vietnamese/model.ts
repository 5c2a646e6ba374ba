// The spelling model: lexicon (canonical syllables with counts), adjacent-pair and triple counts,
// and candidate generation by OCR-typical edits. Loaded from a prebuilt binary table
// (scripts/data/build.mjs -> server/data/spelling.bin).
//
// Binary layout (little-endian), "VSM1":
//   0  magic  4  nSyl  8  nPairs  12 nTriples  16 strBytes  20 corpusTokens  (32-byte header)
//   syllables: UTF-8, '\n'-joined, ids in order of decreasing count          (pad 4)
//   uni:   u8[nSyl]   q = round(ln(1 + count) * 16)                           (pad 4)
//   pairK: u32[nPairs] a * 65536 + b, sorted                                  (pad 4)
//   pairQ: u8[nPairs]                                                        (pad 8)
//   triK:  f64[nTriples] a * 2^32 + b * 65536 + c, sorted                     (pad 8)
//   triQ:  u8[nTriples]                                                      (pad 4)
//   meta:  u32 length + UTF-8 JSON: tone confusions, learned OCR channel, acronyms with counts
//   then the precomputed candidate lists ("CAND", see scripts/data/build.mjs)
import { canonical, charInfo, hasVietnameseMarks, isValidSyllable, skeleton, toneOf, withTone } from './orthography';

const Q = 16;
/** The count each quantised byte stands for: expm1(q / Q), looked up instead of computed. */
const COUNT = Float64Array.from({ length: 256 }, (_, q) => Math.expm1(q / Q));

export interface Candidate {
  /** Syllable id in the lexicon. */
  id: number;
  /** ln P(observed | intended = this candidate), the OCR channel. */
  channel: number;
}

/** Largest counts per syllable (weighted, as pair() and triple() return them). */
export interface CountBounds {
  /** Largest count of a pair (a, ·) / (·, a). */
  maxOut: Float64Array; maxIn: Float64Array;
  /** Largest count of a triple with the syllable first / in the middle / last. */
  triFirst: Float64Array; triMid: Float64Array; triLast: Float64Array;
}

/** Natural-log channel costs of OCR edits. Tuned on synthetic OCR, never on the dev set. */
export interface ChannelParams {
  keep: number;
  tone: number;
  toneDrop: number;
  modifier: number;
  dStroke: number;
  /** A tone change OCR is not known to make (sắc <-> nặng ...). */
  toneFar: number;
  /** A circumflex/breve read as a tilde or back (năm <-> nãm, cô <-> cõ). */
  tildeSwap: number;
  /** A hook above read as a circumflex/breve or back (bâo <-> bảo); 0 = priced as two edits. */
  hookSwap: number;
  /** A circumflex/breve with its tone read as one tilde (vẽ for về, nhãn for nhấn); 0 = two edits. */
  tildeToneSwap: number;
  extraMark: number;
  /** Substitution of visually similar letters (c/e, n/u, i/l ...). */
  subst: number;
  /** Any other substitution. */
  substFar: number;
  /** OCR lost a letter. */
  indel: number;
  /** OCR added a letter. */
  insert: number;
  multi: number;
}

export const defaultChannel: ChannelParams = {
  keep: Math.log(0.95),
  tone: -4.2,
  toneDrop: -4.6,
  modifier: -4.6,
  dStroke: -5.0,
  toneFar: -5.6,
  tildeSwap: -4.6,
  hookSwap: -6.5,
  tildeToneSwap: -6.5,
  extraMark: -1.5,
  subst: -7.5,
  substFar: -10.5,
  indel: -8.0,
  insert: -10,
  multi: -7.0,
};

/** Multi-letter OCR confusions on skeletons (observed <- intended). */
/** Visually similar letter pairs (either direction). */
export const SIMILAR: ReadonlySet<string> = new Set(['ce', 'co', 'eo', 'il', 'it', 'lt', 'nu', 'hn', 'hb', 'rn', 'ao', 'ad', 'ou', 'gq', 'gy', 'vy', 'uv', 'op', 'ft', 'ij', 'mn', 'hk', 'bd', 'ec', 'oc', 'oe', 'li', 'ti', 'tl', 'un', 'nh', 'bh', 'nr', 'oa', 'da', 'uo', 'qg', 'yg', 'yv', 'vu', 'po', 'tf', 'ji', 'nm', 'kh', 'db']);

const MULTI: [string, string][] = [
  ['m', 'rn'], ['rn', 'm'], ['rri', 'm'], ['u', 'tr'], ['m', 'in'], ['m', 'ni'], ['h', 'li'], ['d', 'cl'], ['n', 'ri'], ['ii', 'u'], ['u', 'ii'],
];
/**
 * MULTI and the same letter groups the other way round (a letter OCR broke in two: "cụin" for
 * "cụm", "inục" for "mục", "riền" for "nền"), for a word with marks that is no lexicon syllable:
 * a real syllable written with "in" or "ri" ("tin", "ria") is far more often right, a word
 * without marks is often English or code ("kịch bản init" is no "mít"), and the candidate lists
 * of the lexicon's syllables (precomputed at build time) stay as they are.
 */
const MULTI_UNKNOWN: [string, string][] = [...MULTI, ['in', 'm'], ['ni', 'm'], ['ri', 'n'], ['li', 'h'], ['cl', 'd']];
/**
 * ... and for a word without marks that is no syllable at all ("ari ninh" for "an ninh"), the
 * "n" broken into "ri" too: "in" and "ni" stay out ("init" is no "mít").
 */
const MULTI_BARE: [string, string][] = [...MULTI, ['ri', 'n']];


export class SpellingModel {
  readonly kind = 'spelling-model' as const;
  readonly size: number;
  readonly syllables: string[];
  private readonly ids: Map<string, number>;
  /** ln(1 + count) per syllable. */
  readonly lnCount: Float64Array;
  readonly lnTotal: number;
  /** ln P(id) and P(id) (unigram), precomputed. */
  readonly lnUniArr: Float64Array;
  readonly uniP: Float64Array;
  private readonly pairK: Uint32Array;
  private readonly pairQ: Uint8Array;
  private readonly triK: Float64Array;
  private readonly triQ: Uint8Array;
  /** Sum of pair counts starting with each syllable (for conditional probabilities). */
  readonly outSum: Float64Array;
  /** pairK index range of pairs starting with each syllable: [pairStart[a], pairStart[a + 1]). */
  private readonly pairStart: Int32Array;
  readonly corpusTokens: number;
  private skelIndex: Map<string, number[]> | null = null;
  private delIndex: Map<string, number[]> | null = null;
  private readonly candCache = new Map<string, Candidate[]>();
  channel: ChannelParams = { ...defaultChannel };
  /** Acronyms of the register (UBND, HĐND) with their counts in clean text; 0 = known, rare. */
  acronyms = new Map<string, number>();
  /** Precomputed candidate lists (ids, channel * 8) per lexicon syllable; null to compute live. */
  pre: { start: Uint32Array; ids: Uint16Array; ch: Int8Array } | null = null;

  constructor(bytes: Uint8Array) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
    if (magic !== 'VSM1') throw new Error('spelling model: bad magic ' + magic);
    const nS = dv.getUint32(4, true), nB = dv.getUint32(8, true), nT = dv.getUint32(12, true);
    const strBytes = dv.getUint32(16, true);
    this.corpusTokens = dv.getUint32(20, true);
    const pad4 = (n: number) => (n + 3) & ~3, pad8 = (n: number) => (n + 7) & ~7;
    let off = 32;
    const str = new TextDecoder().decode(bytes.subarray(off, off + strBytes));
    off = pad4(off + strBytes);
    this.syllables = nS ? str.split('\n') : [];
    this.size = nS;
    this.ids = new Map();
    for (let i = 0; i < nS; i++) this.ids.set(this.syllables[i]!, i);
    this.lnCount = new Float64Array(nS);
    let total = 0;
    for (let i = 0; i < nS; i++) {
      const l = bytes[off + i]! / Q;
      this.lnCount[i] = l;
      total += Math.expm1(l);
    }
    this.lnTotal = Math.log(total + 1);
    this.lnUniArr = new Float64Array(nS);
    this.uniP = new Float64Array(nS);
    for (let i = 0; i < nS; i++) { this.lnUniArr[i] = this.lnCount[i]! - this.lnTotal; this.uniP[i] = Math.exp(this.lnUniArr[i]!); }
    off = pad4(off + nS);
    this.pairK = copyU32(bytes, off, nB); off = pad4(off + 4 * nB);
    this.pairQ = bytes.slice(off, off + nB); off = pad8(off + nB);
    this.triK = copyF64(bytes, off, nT); off = pad8(off + 8 * nT);
    this.triQ = bytes.slice(off, off + nT);
    off = pad4(off + nT);
    if (off + 4 <= bytes.length) {
      const len = dv.getUint32(off, true);
      if (len > 0 && off + 4 + len <= bytes.length) {
        const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(off + 4, off + 4 + len))) as {
          tonePairs?: number[]; channel?: Partial<ChannelParams>;
          toneCost?: number[]; vowelCost?: Record<string, number>; sylCost?: Record<string, number>; dCost?: [number, number]; charCost?: Record<string, number>; markCost?: Record<string, number>;
          acronyms?: Record<string, number>; learnedWeight?: number;
        };
        if (typeof meta.learnedWeight === 'number') this.learnedWeight = meta.learnedWeight;
        if (meta.acronyms) this.acronyms = new Map(Object.entries(meta.acronyms));
        if (Array.isArray(meta.tonePairs) && meta.tonePairs.length) this.tonePairs = new Set(meta.tonePairs);
        if (Array.isArray(meta.toneCost) && meta.toneCost.length === 36) this.learned.tone = Float64Array.from(meta.toneCost);
        if (meta.vowelCost) this.learned.vowel = new Map(Object.entries(meta.vowelCost));
        if (meta.sylCost) this.learned.syl = new Map(Object.entries(meta.sylCost));
        if (meta.dCost) this.learned.d = meta.dCost;
        if (meta.charCost) this.learned.char = new Map(Object.entries(meta.charCost));
        if (meta.markCost) this.learned.mark = new Map(Object.entries(meta.markCost));
        if (meta.channel) Object.assign(this.channel, meta.channel);
      }
      off = pad4(off + 4 + len);
      // optional: candidate lists precomputed at build time for every lexicon syllable
      if (off + 8 <= bytes.length && String.fromCharCode(bytes[off]!, bytes[off + 1]!, bytes[off + 2]!, bytes[off + 3]!) === 'CAND') {
        const total = dv.getUint32(off + 4, true);
        off += 8;
        const start = new Uint32Array(nS + 1);
        new Uint8Array(start.buffer).set(bytes.subarray(off, off + 4 * (nS + 1)));
        off += 4 * (nS + 1);
        const ids = new Uint16Array(total);
        new Uint8Array(ids.buffer).set(bytes.subarray(off, off + 2 * total));
        off = pad4(off + 2 * total);
        const ch = new Int8Array(bytes.buffer.slice(bytes.byteOffset + off, bytes.byteOffset + off + total));
        this.pre = { start, ids, ch };
      }
    }
    this.outSum = new Float64Array(nS);
    this.pairStart = new Int32Array(nS + 1);
    for (let i = 0; i < nB; i++) {
      const a = this.pairK[i]! >>> 16;
      this.outSum[a] += COUNT[this.pairQ[i]!]!;
      this.pairStart[a + 1] = i + 1;
    }
    for (let a = 1; a <= nS; a++) if (this.pairStart[a]! < this.pairStart[a - 1]!) this.pairStart[a] = this.pairStart[a - 1]!;
  }

  /** Id of a lower-case syllable in either tone style, or -1. */
  idOf(w: string): number {
    const id = this.ids.get(w);
    if (id !== undefined) return id;
    const c = canonical(w);
    return c === w ? -1 : (this.ids.get(c) ?? -1);
  }

  /** Count of a pair (a, b), 0 when unseen. */
  pair(a: number, b: number): number {
    // (the hot look-up of every decision: a binary search over a's followers took about a tenth
    // of the analysis of fresh text, most of it in mispredicted branches; most pairs asked about
    // are unseen, and an open-addressing table at under half load answers those in one or two probes)
    const keys = this.pairHashK ?? this.buildPairHash();
    const key = (a << 16) | b, mask = keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.pairHashShift;
    for (;;) {
      const k = keys[h]!;
      if (k === -1) return 0; // (first: a key of -1, b = -1, is no pair either)
      if (k === key) return COUNT[this.pairHashQ![h]!]!;
      h = (h + 1) & mask;
    }
  }

  /** The pairs by (a << 16) | b (-1 = empty: no syllable id is 65535), at most half full; their quantised counts beside. Built on first use: 2.5 MB for 200,000 pairs. */
  private pairHashK: Int32Array | null = null;
  private pairHashQ: Uint8Array | null = null;
  private pairHashShift = 0;

  private buildPairHash(): Int32Array {
    const k = this.pairK, q = this.pairQ, n = k.length;
    let bits = 4;
    while (1 << bits < 2 * n) bits++;
    const keys = new Int32Array(1 << bits).fill(-1), vals = new Uint8Array(1 << bits), mask = (1 << bits) - 1;
    const shift = 32 - bits;
    for (let i = 0; i < n; i++) {
      const key = k[i]! | 0;
      let h = Math.imul(key, 0x9e3779b1) >>> shift;
      while (keys[h] !== -1) h = (h + 1) & mask;
      keys[h] = key; vals[h] = q[i]!;
    }
    this.pairHashQ = vals; this.pairHashShift = shift;
    return (this.pairHashK = keys);
  }

  /** triK index range of the triples starting with each syllable: [triStart[a], triStart[a + 1]). */
  private triStart: Int32Array | null = null;

  /** Count of a triple, 0 when unseen. */
  triple(a: number, b: number, c: number): number {
    const key = a * 4294967296 + b * 65536 + c;
    const k = this.triK;
    let ts = this.triStart;
    if (!ts) {
      ts = this.triStart = new Int32Array(this.size + 1);
      for (let i = 0; i < k.length; i++) ts[Math.floor(k[i]! / 4294967296) + 1] = i + 1;
      for (let x = 1; x <= this.size; x++) if (ts[x]! < ts[x - 1]!) ts[x] = ts[x - 1]!;
    }
    let lo = ts[a]!, hi = ts[a + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = k[mid]!;
      if (v < key) lo = mid + 1; else if (v > key) hi = mid - 1; else return COUNT[this.triQ[mid]!]!;
    }
    return 0;
  }

  private followerCounts: Uint32Array | null = null;

  /** Number of distinct syllables counted after each syllable. */
  followers(): Uint32Array {
    if (!this.followerCounts) {
      const f = new Uint32Array(this.size);
      for (let i = 0; i < this.pairK.length; i++) f[this.pairK[i]! >>> 16]++;
      this.followerCounts = f;
    }
    return this.followerCounts;
  }

  /** Appends to `out` every syllable counted after `a` at least `min` times (weighted). */
  followersAtLeast(a: number, min: number, out: number[]): void {
    const k = this.pairK, q = this.pairQ;
    for (let i = this.pairStart[a]!, e = this.pairStart[a + 1]!; i < e; i++) if (COUNT[q[i]!]! >= min) out.push(k[i]! & 0xffff);
  }

  private preIndex: { start: Int32Array; from: Uint16Array; q: Uint8Array } | null = null;

  /** Appends to `out` every syllable counted before `b` at least `min` times (weighted). */
  predecessorsAtLeast(b: number, min: number, out: number[]): void {
    let x = this.preIndex;
    if (!x) {
      // the pairs grouped by their second syllable (built on first use: 1 MB, a few ms)
      const k = this.pairK, q = this.pairQ, n = k.length;
      const start = new Int32Array(this.size + 1);
      for (let i = 0; i < n; i++) start[(k[i]! & 0xffff) + 1]++;
      for (let c = 0; c < this.size; c++) start[c + 1] += start[c]!;
      const fill = start.slice(0, this.size), from = new Uint16Array(n), qq = new Uint8Array(n);
      for (let i = 0; i < n; i++) { const c = k[i]! & 0xffff, at = fill[c]!++; from[at] = k[i]! >>> 16; qq[at] = q[i]!; }
      x = this.preIndex = { start, from, q: qq };
    }
    for (let i = x.start[b]!, e = x.start[b + 1]!; i < e; i++) if (COUNT[x.q[i]!]! >= min) out.push(x.from[i]!);
  }

  private editScratch = new Float64Array(13 * 13 * 3);

  /**
   * ln P(observed w | intended syllable y) for a reading more than one letter away: the
   * cheapest alignment of the two skeletons with at most `maxEdits` letter edits (substitutions
   * priced as substCost, a letter OCR lost at indel, one it added at insert), plus the marks
   * (looseDiacriticCost). -Infinity when more edits are needed.
   */
  editChannel(w: string, y: number, maxEdits: number): number {
    const a = skeleton(w), b = this.skeletonOf(y);
    const n = a.length, m = b.length;
    if (Math.abs(n - m) > maxEdits || n > 12 || m > 12) return -Infinity;
    const p = this.channel, K = maxEdits + 1, W = m + 1, size = (n + 1) * W * K;
    // best[(i * W + j) * K + k]: a[0, i) aligned with b[0, j) using exactly k edits
    if (this.editScratch.length < size) this.editScratch = new Float64Array(size);
    const best = this.editScratch.fill(-Infinity, 0, size);
    best[0] = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= m; j++) {
        for (let k = 0; k < K; k++) {
          const v = best[(i * W + j) * K + k]!;
          if (v === -Infinity) continue;
          if (i < n && j < m) {
            if (a[i] === b[j]) { const o = ((i + 1) * W + j + 1) * K + k; if (v > best[o]!) best[o] = v; }
            else if (k + 1 < K) { const o = ((i + 1) * W + j + 1) * K + k + 1, c = v + this.substCost(a[i]!, b[j]!); if (c > best[o]!) best[o] = c; }
          }
          if (k + 1 < K) {
            // OCR added a[i]; OCR lost b[j]
            if (i < n) { const o = ((i + 1) * W + j) * K + k + 1, c = v + p.insert; if (c > best[o]!) best[o] = c; }
            if (j < m) { const o = (i * W + j + 1) * K + k + 1, c = v + p.indel; if (c > best[o]!) best[o] = c; }
          }
        }
      }
    }
    let v = -Infinity;
    for (let k = 0; k < K; k++) v = Math.max(v, best[(n * W + m) * K + k]!);
    return v === -Infinity ? v : v + this.looseDiacriticCost(w, this.syllables[y]!);
  }

  private boundTables: CountBounds | null = null;

  /**
   * Per-syllable maxima of the pair and triple counts (built on first use, one pass over each
   * table): what a candidate's context score can be at most without looking its pairs up.
   */
  bounds(): CountBounds {
    if (this.boundTables) return this.boundTables;
    const n = this.size;
    const b: CountBounds = {
      maxOut: new Float64Array(n), maxIn: new Float64Array(n),
      triFirst: new Float64Array(n), triMid: new Float64Array(n), triLast: new Float64Array(n),
    };
    const pk = this.pairK, pq = this.pairQ;
    for (let i = 0; i < pk.length; i++) {
      const a = pk[i]! >>> 16, c = pk[i]! & 0xffff, v = COUNT[pq[i]!]!;
      if (v > b.maxOut[a]!) b.maxOut[a] = v;
      if (v > b.maxIn[c]!) b.maxIn[c] = v;
    }
    const tk = this.triK, tq = this.triQ;
    for (let i = 0; i < tk.length; i++) {
      const k = tk[i]!, v = COUNT[tq[i]!]!;
      // k = a * 2^32 + mid * 2^16 + c < 2^48: split without floating-point division
      const hi = Math.floor(k / 4294967296), lo = k - hi * 4294967296;
      const a = hi, mid = lo >>> 16, c = lo & 0xffff;
      if (v > b.triFirst[a]!) b.triFirst[a] = v;
      if (v > b.triMid[mid]!) b.triMid[mid] = v;
      if (v > b.triLast[c]!) b.triLast[c] = v;
    }
    return (this.boundTables = b);
  }

  get tripleCount(): number { return this.triK.length; }
  get pairCount(): number { return this.pairK.length; }

  /** ln P(id) (unigram). */
  lnUni(id: number): number { return this.lnCount[id]! - this.lnTotal; }

  private skelOf: string[] | null = null;

  /** Skeleton of a lexicon syllable (cached). */
  skeletonOf(id: number): string {
    if (!this.skelOf) this.skelOf = this.syllables.map(skeleton);
    return this.skelOf[id]!;
  }

  /** Lexicon syllables whose letters without any diacritic are `sk` ("hoi": hội, hỏi, hơi, hồi ...). */
  withSkeleton(sk: string): readonly number[] {
    return this.skeletons().get(sk) ?? [];
  }

  private skeletons(): Map<string, number[]> {
    if (this.skelIndex) return this.skelIndex;
    const m = new Map<string, number[]>();
    const del = new Map<string, number[]>();
    const push = (map: Map<string, number[]>, k: string, id: number) => {
      const l = map.get(k);
      if (!l) map.set(k, [id]); else if (l[l.length - 1] !== id) l.push(id);
    };
    for (let i = 0; i < this.size; i++) {
      const s = skeleton(this.syllables[i]!);
      push(m, s, i);
      for (let j = 0; j < s.length; j++) push(del, s.slice(0, j) + s.slice(j + 1), i);
    }
    this.skelIndex = m;
    this.delIndex = del;
    return m;
  }

  /**
   * Lexicon syllables an OCR engine could have turned into lower-case `w`, with the channel
   * log-probability of that edit. Does not include `w` itself. Cached per string.
   */
  candidates(w: string): Candidate[] {
    const hit = this.candCache.get(w);
    if (hit) return hit;
    let out: Candidate[];
    const self = this.pre ? this.idOf(w) : -1;
    if (this.pre && self >= 0 && this.syllables[self] === w) {
      const { start, ids, ch } = this.pre;
      out = [];
      for (let i = start[self]!; i < start[self + 1]!; i++) if (!this.isPseudo(ids[i]!)) out.push({ id: ids[i]!, channel: ch[i]! / 8 });
    } else out = this.computeCandidates(w);
    if (this.candCache.size > 100000) this.candCache.clear();
    this.candCache.set(w, out);
    return out;
  }

  private pseudoIds: Set<number> | null = null;

  /**
   * The pseudo-syllables of the counts ("0" for any number, "#" for any code in capitals) are
   * context, never a reading of a word: a word is not corrected into "0".
   */
  isPseudo(id: number): boolean {
    if (!this.pseudoIds) {
      this.pseudoIds = new Set();
      for (let i = 0; i < this.size; i++) if (!/\p{Ll}/u.test(this.syllables[i]!)) this.pseudoIds.add(i);
    }
    return this.pseudoIds.has(id);
  }

  /** Candidates computed from the lexicon (not from the precomputed table). */
  computeCandidates(w: string): Candidate[] {
    const idx = this.skeletons();
    const del = this.delIndex!;
    const self = this.idOf(w);
    const sk = skeleton(w);
    const best = new Map<number, number>();
    const p = this.channel;
    const offer = (id: number, base: number) => {
      if (id === self || this.isPseudo(id) || best.has(id) && best.get(id)! >= base) return;
      const cs = this.syllables[id]!;
      const ch = base === 0 ? this.diacriticCost(w, cs) : base + this.looseDiacriticCost(w, cs);
      const prev = best.get(id);
      if (prev === undefined || ch > prev) best.set(id, ch);
    };
    for (const id of idx.get(sk) ?? []) offer(id, 0);
    if (sk.length >= 1 && sk.length <= 9) {
      // symmetric deletion: lexicon skeletons one letter longer (OCR lost a letter), one letter
      // shorter (OCR added one), or equal length with one letter replaced
      for (const id of del.get(sk) ?? []) offer(id, p.indel);
      for (let j = 0; j < sk.length; j++) {
        const d = sk.slice(0, j) + sk.slice(j + 1);
        for (const id of idx.get(d) ?? []) offer(id, p.insert);
        for (const id of del.get(d) ?? []) {
          const cs = this.skeletonOf(id);
          if (cs.length === sk.length && cs.slice(0, j) + cs.slice(j + 1) === d) {
            offer(id, this.substCost(sk[j]!, cs[j]!));
          }
        }
      }
      // a reading by one whole confusion, priced at p.multi with no letter-by-letter cost added
      const offerWhole = (id: number | undefined) => {
        if (id !== undefined && id !== self && !this.isPseudo(id) && (best.get(id) ?? -Infinity) < p.multi) best.set(id, p.multi);
      };
      // "tr" read as "ư" before an o, which then takes the horn too ("ương đó" for "trong đó",
      // "ượng" for "trọng"): the horns come with the misread letter, so only the multi-letter
      // confusion is priced, and the tone stays where it was
      const o = w.length > 1 && w[0] === 'ư' ? charInfo(w[1]!) : undefined;
      if (o && o.base === 'ơ') offerWhole(this.ids.get('tr' + withTone('o', o.tone) + w.slice(2)));
      // ...and before an ư the "ư" it made merges with the word's own: "ường" for "trường",
      // "ưởng" for "trưởng". Only for a syllable the lexicon lacks: "ước", "ứng" are words
      // (their build-time candidate lists stay as they are).
      if (self < 0 && charInfo(w[0]!)?.base === 'ư') offerWhole(this.ids.get('tr' + w));
      // (sk !== w: the word has marks)
      for (const [obs, intended] of self < 0 ? (sk !== w ? MULTI_UNKNOWN : MULTI_BARE) : MULTI) {
        let at = sk.indexOf(obs);
        while (at >= 0) {
          for (const id of idx.get(sk.slice(0, at) + intended + sk.slice(at + obs.length)) ?? []) offer(id, p.multi);
          at = sk.indexOf(obs, at + 1);
        }
      }
    }
    const out: Candidate[] = [];
    for (const [id, channel] of best) out.push({ id, channel });
    // context-free plausibility first: channel + frequency
    out.sort((a, b) => (b.channel + this.lnCount[b.id]!) - (a.channel + this.lnCount[a.id]!) || a.id - b.id);
    return out;
  }

  /**
   * Cost of OCR reading letter `intended` as `obs` (skeletons: no marks): the built-in
   * similar/far cost, blended with the rate learned from rendered-and-OCRed text when it has one
   * (a read as u: "các" -> "cúc"; b as h).
   */
  substCost(obs: string, intended: string): number {
    const p = this.channel;
    const builtin = SIMILAR.has(obs + intended) ? p.subst : p.substFar;
    const lw = this.learnedWeight;
    const lv = this.learned.vowel?.get(intended + obs) ?? this.learned.char?.get(intended + obs);
    return lv !== undefined && lw > 0 ? Math.max(builtin, lw * lv + (1 - lw) * builtin) : builtin;
  }

  /** Channel cost between two words with the same skeleton (same letters, aligned). */
  diacriticCost(obs: string, intended: string): number {
    const p = this.channel;
    let cost = 0;
    const a = [...obs], b = [...intended];
    let marksA = 0, tonesA = 0, dCost = 0, hook = -Infinity;
    for (let i = 0; i < a.length && i < b.length; i++) {
      const x = charInfo(a[i]!), y = charInfo(b[i]!);
      if (!x || !y) continue;
      if (x.tone) { marksA++; tonesA |= 1 << x.tone; }
      if (x.base !== y.base) {
        const lw = this.learnedWeight;
        if (x.plain === 'd') { const c = this.learned.d ? lw * this.learned.d[y.base === 'đ' ? 0 : 1]! + (1 - lw) * p.dStroke : p.dStroke; cost += c; dCost += c; }
        else { const lv = this.learned.vowel?.get(y.base + x.base); cost += lv !== undefined ? lw * lv + (1 - lw) * p.modifier : p.modifier; }
      }
    }
    const ta = toneOf(obs), tb = toneOf(intended);
    // stacked marks ("phàỉ"): one of them is the real tone, the others are noise
    if (marksA > 1 && tb.tone && (tonesA & (1 << tb.tone))) return cost + (marksA - 1) * p.extraMark;
    if (ta.tone !== tb.tone) {
      // a tilde for a circumflex/breve (nãm for năm): one confusion, not two
      if (ta.tone === 4 && tb.tone === 0 && swapped(a, b)) return p.tildeSwap + (marksA > 1 ? (marksA - 1) * p.extraMark : 0);
      if (tb.tone === 4 && ta.tone === 0 && swapped(b, a)) return p.tildeSwap;
      // a circumflex or breve with its tone read as one tilde in small type ("Vẽ kinh tế" for "Về",
      // "nhãn" for "nhấn"): one confusion of the marks' shape, like the hook above
      if (p.tildeToneSwap < 0 && ta.tone === 4 && tb.tone !== 0 && marksA <= 1 && swapped(a, b)) hook = Math.max(hook, dCost + p.tildeToneSwap);
      // a hook above read as a circumflex/breve or back (bâo for bảo, dâng for đảng): one
      // confusion of the mark's shape, not a tone and a modifier edit (d/đ priced on its own)
      if (p.hookSwap < 0 && marksA <= 1 && (ta.tone === 3 && tb.tone === 0 && swapped(a, b, 3, true) || tb.tone === 3 && ta.tone === 0 && swapped(b, a, 3, true))) {
        hook = dCost + p.hookSwap;
      }
      const builtin = ta.tone === 0 ? p.toneDrop : this.tonePairs.has(ta.tone * 10 + tb.tone) ? p.tone : p.toneFar;
      const lw = this.learnedWeight;
      cost += this.learned.tone ? lw * this.learned.tone[tb.tone * 6 + ta.tone]! + (1 - lw) * builtin : builtin;
    }
    if (marksA > 1) cost += (marksA - 1) * p.extraMark;
    // one vowel whose marks were read as others together ("đảng" -> "đăng", "nhấn" -> "nhãn",
    // "phòng" -> "phông"): modifier and tone change together far more often than the product of
    // their rates says, so the rate learned for the pair of vowels prices it when it is higher
    if (this.learned.mark && marksA <= 1 && dCost === 0 && this.learnedWeight > 0) {
      let at = -1;
      for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) { if (at >= 0) { at = -2; break; } at = i; }
      const lm = at >= 0 ? this.learned.mark.get(b[at]! + a[at]!) : undefined;
      if (lm !== undefined && lm > cost) cost = this.learnedWeight * lm + (1 - this.learnedWeight) * cost;
    }
    // a confusion seen often enough for this very syllable
    const seen = this.learned.syl?.get(intended + ' ' + obs);
    if (seen !== undefined && this.learnedWeight > 0 && seen > cost) cost = this.learnedWeight * seen + (1 - this.learnedWeight) * cost;
    return cost > hook ? cost : hook;
  }

  /** Channel learned from rendered-and-OCRed text (ln P(obs | intended)), when the table has it. */
  learned: { tone?: Float64Array; vowel?: Map<string, number>; syl?: Map<string, number>; d?: [number, number]; char?: Map<string, number>; mark?: Map<string, number> } = {};
  /** Weight of the learned channel relative to the built-in costs (1 = learned only). */
  learnedWeight = 0.5;

  /** Tone pairs (obs * 10 + intended) that OCR confuses (tesseract's ambiguity table). */
  tonePairs = new Set<number>([13, 31, 23, 32, 34, 43, 50, 14, 41, 24, 42]);

  /** Approximate diacritic cost when the skeletons differ (letters not aligned). */
  looseDiacriticCost(obs: string, intended: string): number {
    const p = this.channel;
    let cost = 0;
    const ta = toneOf(obs), tb = toneOf(intended);
    if (ta.tone !== tb.tone) cost += ta.tone === 0 ? p.toneDrop : p.tone;
    const mods = (s: string) => { let n = 0; for (const c of s) { const i = charInfo(c); if (i && i.base !== i.plain) n++; } return n; };
    cost += Math.abs(mods(obs) - mods(intended)) * p.modifier;
    return cost;
  }
}

/**
 * True when `a` (with tone mark `tone`, a tilde by default, on a plain vowel) and `b` differ only
 * by that vowel's modifier (and, with `dOk`, by d/đ, priced on their own).
 */
function swapped(a: string[], b: string[], tone = 4, dOk = false): boolean {
  let diff = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = charInfo(a[i]!), y = charInfo(b[i]!);
    if (!x || !y) { if (a[i] !== b[i]) return false; continue; }
    if (x.base !== y.base) {
      if (dOk && x.plain === 'd') continue;
      if (!(x.tone === tone && x.base === x.plain && y.base !== y.plain && y.plain === x.plain)) return false;
      diff++;
    }
  }
  return diff === 1;
}

function copyU32(bytes: Uint8Array, off: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  new Uint8Array(out.buffer).set(bytes.subarray(off, off + 4 * n));
  return out;
}

function copyF64(bytes: Uint8Array, off: number, n: number): Float64Array {
  const out = new Float64Array(n);
  new Uint8Array(out.buffer).set(bytes.subarray(off, off + 8 * n));
  return out;
}

export { isValidSyllable, hasVietnameseMarks };
