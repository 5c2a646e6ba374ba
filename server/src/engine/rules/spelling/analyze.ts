// One pass over a document's tokens that decides every spelling finding; the three rules
// (invalid-syllable, unknown-syllable, context) each report their share. Memoised per document
// and configuration, so running the three rules costs one pass.
import type { BulletinDocument, Span } from '../../parse/model';
import type { EngineConfig } from '../../config';
import type { Msg } from '../../types';
import type { SpellingModel } from '../../vietnamese/model';
import { Checker, type Decision } from '../../vietnamese/checker';
import {
  applyCase, canonical, caseShape, hasVietnameseMarks, isNewStyle, isValidSyllable, newStyle,
} from '../../vietnamese/orthography';
import { spellingTokens, type Token } from './tokens';

export type SpellingCode = 'spelling.invalid-syllable' | 'spelling.unknown-syllable' | 'spelling.context';

export interface SpellingIssue {
  code: SpellingCode;
  span: Span;
  word: string;
  suggestions: string[];
  safe: boolean;
  severity: 'error' | 'warning';
  message: Msg;
  conf: number;
}

/** Internal thresholds (natural-log margins). Tuned on synthetic OCR and clean text, not the dev set. */
export const tuning = {
  /** Minimum score margin of the best candidate over the observed syllable (context). */
  contextMargin: 2.5,
  /** Extra margin for a capitalised word inside a sentence (probably a name). */
  nameMargin: 3,
  /** A known syllable rarer than this (ln count) is treated as unknown. */
  minKnownLn: 1.0,
  /** Posterior needed for a fix to be applied without asking. */
  safeConf: 0.9,
  /** Confidence for a context finding to be an error rather than a warning. */
  errorConf: 0.9,
};

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
  const issues = analyze(spellingTokens(doc), config, model);
  doc.memo.set(k, issues);
  return issues;
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

function render(model: SpellingModel, id: number, like: string, newStyleDoc: boolean): string {
  let s = model.syllables[id]!;
  if (newStyleDoc) s = newStyle(s);
  return applyCase(s, like);
}

export function analyze(tokens: Token[], config: EngineConfig, model: SpellingModel): SpellingIssue[] {
  const checker = checkerFor(model);
  const userWords = userWordSet(config);
  const threshold = config.spelling.contextThreshold;
  const maxS = config.spelling.maxSuggestions;
  const out: SpellingIssue[] = [];
  const n = tokens.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = tokens[i]!.skip ? -1 : model.idOf(tokens[i]!.lower);
  const left = (i: number) => (i > 0 && !tokens[i]!.breakBefore ? ids[i - 1]! : -1);
  const right = (i: number) => (i + 1 < n && !tokens[i]!.breakAfter ? ids[i + 1]! : -1);

  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.skip) continue;
    const w = t.lower;
    if (userWords.has(w)) continue;
    const valid = isValidSyllable(w);
    const marks = hasVietnameseMarks(w);
    // foreign words, English, names without Vietnamese letters that cannot be syllables
    if (!valid && !marks) continue;
    const l = left(i), r = right(i);
    const l2 = l >= 0 && i > 1 && !tokens[i - 1]!.breakBefore ? ids[i - 2]! : -1;
    const r2 = r >= 0 && i + 2 < n && !tokens[i + 1]!.breakAfter ? ids[i + 2]! : -1;
    const self = valid ? ids[i]! : -1;
    const shape = caseShape(t.text);
    const nameLike = shape === 'title' && !t.sentenceStart && !t.upperLine;
    const known = self >= 0 && model.lnCount[self]! >= tuning.minKnownLn;
    // fast path: a known syllable whose neighbours are a seen pair on both sides rarely needs work
    const d: Decision = checker.decide(w, l2, l, r, r2);
    const newStyleDoc = isNewStyle(w);
    const sugg = (limit: number) => d.ranked.slice(0, limit).map(id => render(model, id, t.text, newStyleDoc));

    if (!valid) {
      out.push({
        code: 'spelling.invalid-syllable', span: t, word: t.text,
        suggestions: sugg(maxS), safe: d.ranked.length > 0 && d.conf >= tuning.safeConf,
        severity: 'error', conf: d.conf,
        message: {
          en: `"${t.text}" is not a Vietnamese syllable` + (d.ranked.length ? ` (did you mean "${render(model, d.ranked[0]!, t.text, newStyleDoc)}"?)` : ''),
          vi: `"${t.text}" không phải là âm tiết tiếng Việt` + (d.ranked.length ? ` (có phải là "${render(model, d.ranked[0]!, t.text, newStyleDoc)}"?)` : ''),
        },
      });
      continue;
    }
    if (!known) {
      // names and foreign words: a capitalised or mark-less unknown syllable is reported only
      // when the context clearly points at a known one
      const strong = d.ranked.length > 0 && d.conf >= threshold && d.margin >= tuning.contextMargin;
      if ((nameLike || !marks) && !strong) continue;
      out.push({
        code: 'spelling.unknown-syllable', span: t, word: t.text,
        suggestions: sugg(maxS), safe: strong && d.conf >= tuning.safeConf,
        severity: 'warning', conf: d.conf,
        message: {
          en: `Unknown syllable "${t.text}"` + (d.ranked.length ? ` (did you mean "${render(model, d.ranked[0]!, t.text, newStyleDoc)}"?)` : ''),
          vi: `Âm tiết lạ "${t.text}"` + (d.ranked.length ? ` (có phải là "${render(model, d.ranked[0]!, t.text, newStyleDoc)}"?)` : ''),
        },
      });
      continue;
    }
    if (!d.ranked.length) continue;
    const need = tuning.contextMargin + (nameLike ? tuning.nameMargin : 0);
    if (d.conf < threshold || d.margin < need) continue;
    const best = render(model, d.ranked[0]!, t.text, newStyleDoc);
    out.push({
      code: 'spelling.context', span: t, word: t.text,
      suggestions: sugg(maxS), safe: d.conf >= tuning.safeConf,
      severity: d.conf >= tuning.errorConf ? 'error' : 'warning', conf: d.conf,
      message: {
        en: `"${t.text}" is probably "${best}" here`,
        vi: `"${t.text}" ở đây có lẽ là "${best}"`,
      },
    });
  }
  return out;
}
