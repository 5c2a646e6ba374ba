// Vietnamese orthography: which letter strings can be syllables, independent of any word list.
//
// A syllable is onset + rime + tone. The set of valid syllables is generated once from the
// onset and rime inventories and the spelling rules (c/k/q, g/gh, ng/ngh, gi, qu, stop finals
// take only sắc or nặng). Both tone-placement styles (hòa/hoà, thủy/thuỷ) are generated; the
// canonical form used for lookups is the "old" style (hòa, thủy), which is what the seeds use.
//
// All functions take and return lower-case NFC strings unless stated otherwise.

/** Tones: 0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** Plain vowels with their modifier forms. */
const VOWELS = 'aăâeêioôơuưy';

interface CharInfo {
  /** The letter without tone (may keep its modifier): 'ế' -> 'ê'. */
  base: string;
  /** The letter without tone or modifier: 'ế' -> 'e', 'đ' -> 'd'. */
  plain: string;
  tone: Tone;
  vowel: boolean;
}

const INFO = new Map<string, CharInfo>();
/** toned[vowel][tone] */
const TONED = new Map<string, string[]>();

function plainOf(v: string): string {
  return v.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

for (const v of VOWELS) {
  const forms: string[] = [];
  for (let t = 0; t < 6; t++) {
    const c = (v + TONE_MARKS[t]).normalize('NFC');
    forms.push(c);
    INFO.set(c, { base: v, plain: plainOf(v), tone: t as Tone, vowel: true });
  }
  TONED.set(v, forms);
}
for (const c of 'bcdghklmnpqrstvx') INFO.set(c, { base: c, plain: c, tone: 0, vowel: false });
INFO.set('đ', { base: 'đ', plain: 'd', tone: 0, vowel: false });
// letters that are not Vietnamese but appear in loanwords/names (f, j, w, z): consonants, never valid
for (const c of 'fjwz') INFO.set(c, { base: c, plain: c, tone: 0, vowel: false });
// Latin letters with foreign diacritics: in Vietnamese text they are OCR damage ("Vï", "Troäg")
const FOREIGN = new Set<string>();
for (const c of 'äåæëïîöøœüûÿñšžčřçłőűāēīōūěůøœ') {
  const plain = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const p = plain.length === 1 ? plain : c === 'æ' ? 'a' : c === 'ø' ? 'o' : c === 'œ' ? 'o' : c === 'ł' ? 'l' : plain[0] ?? c;
  if (INFO.has(c)) continue;
  INFO.set(c, { base: c, plain: p, tone: 0, vowel: 'aeiouy'.includes(p) });
  FOREIGN.add(c);
}

/** True when `w` contains a Latin letter with a diacritic that Vietnamese does not use. */
export function hasForeignMarks(w: string): boolean {
  for (const c of w) if (FOREIGN.has(c)) return true;
  return false;
}

export function charInfo(c: string): CharInfo | undefined { return INFO.get(c); }

/** Vowel `v` (with modifier, no tone) carrying tone `t`. */
export function withTone(v: string, t: Tone): string { return TONED.get(v)?.[t] ?? v; }

/** The letters of a lower-case word with all diacritics removed and đ -> d. */
export function skeleton(w: string): string {
  let out = '';
  for (const c of w) { const i = INFO.get(c); out += i ? i.plain : c; }
  return out;
}

/** Tone of a word (the first tone mark found) and how many tone marks it carries. */
export function toneOf(w: string): { tone: Tone; marks: number } {
  let tone: Tone = 0, marks = 0;
  for (const c of w) {
    const i = INFO.get(c);
    if (i && i.tone) { if (!marks) tone = i.tone; marks++; }
  }
  return { tone, marks };
}

/**
 * Could `w` (lower case) be a syllable of a transliterated foreign name ("xtrây" of "Ô-xtrây-li-a",
 * "oét" of "Cô-oét", "nă" of "Đi-nă")? Its onset, vowels and final may be foreign to Vietnamese,
 * its marks may not: letters of the Vietnamese alphabet (and f, j, w, z) with a vowel among them,
 * at most one tone mark, and a stop final (c, ch, p, t) only with sắc or nặng, as in any
 * syllable ("Ma-rốc", "Mô-dăm-bích"). Stacked tones ("xtrẩỳ") are still damage.
 */
export function transliterationShape(w: string): boolean {
  let vowel = false;
  for (const c of w) {
    const i = INFO.get(c);
    if (!i || FOREIGN.has(c)) return false;
    if (i.vowel) vowel = true;
  }
  if (!vowel) return false;
  const { tone, marks } = toneOf(w);
  if (marks > 1) return false;
  return marks === 0 || toneFitsFinal(w.endsWith('ch') ? 'ch' : w.slice(-1), tone);
}

/** The word with its tone marks removed (modifiers kept): 'thuyết' -> 'thuyêt'. */
export function untoned(w: string): string {
  let out = '';
  for (const c of w) { const i = INFO.get(c); out += i && i.vowel ? i.base : c; }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inventories

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];

const RIMES = (
  'a ac ach ai am an ang anh ao ap at au ay ' +
  'ăc ăm ăn ăng ăp ăt ' +
  'âc âm ân âng âp ât âu ây ' +
  'e ec em en eng eo ep et ' +
  'ê êch êm ên ênh êp êt êu ' +
  'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
  'y yêm yên yêng yêt yêu ynh yt ych ' +
  'o oc oi om on ong op ot oong ooc ' +
  'oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet oem ' +
  'ô ôc ôi ôm ôn ông ôp ôt ' +
  'ơ ơi ơm ơn ơp ơt ' +
  'u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt ' +
  'uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uynh uyt uyu ' +
  'ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu'
).split(' ');

const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't'];
const STOP = new Set(['c', 'ch', 'p', 't']);
/** A stop final (c, ch, p, t) takes only sắc (1) or nặng (5). */
const toneFitsFinal = (final: string, t: Tone): boolean => !STOP.has(final) || t === 1 || t === 5;
const FRONT = new Set(['i', 'y', 'e', 'ê']);

function splitRime(r: string): { v: string; f: string } {
  for (const f of FINALS) if (r.length > f.length && r.endsWith(f)) return { v: r.slice(0, -f.length), f };
  return { v: r, f: '' };
}

/** Index/indices (within the vowel cluster) that may carry the tone. First = canonical (old style). */
function tonePositions(v: string, hasFinal: boolean): number[] {
  let mod = -1;
  for (let i = 0; i < v.length; i++) if ('ăâêôơư'.includes(v[i]!)) mod = i;
  if (mod >= 0) return [mod];
  if (v.length === 1) return [0];
  if (hasFinal) return [v.length - 1];
  if (v === 'oa' || v === 'oe' || v === 'uy') return [0, 1];
  if (v.length === 3) return [1];
  return [0];
}

function allowedOnsetRime(o: string, r: string): boolean {
  const h = r[0]!;
  const front = FRONT.has(h);
  // y-initial rimes (yê.., ynh, yt, ych) only without onset or after qu ("yêu", "quyết", "quỳnh")
  if (h === 'y' && r.length > 1 && o !== '' && o !== 'qu') return false;
  if ((r === 'ynh' || r === 'yt' || r === 'ych') && o !== 'qu') return false;
  // iê.. needs an onset ("tiên"; without onset it is spelled "yên")
  if (r.startsWith('iê') && (o === '' || o === 'qu' || o === 'gi')) return false;
  switch (o) {
    case 'c': return !front && !/^(oa|oă|oe|uâ|uê|uy|uơ)/.test(r);
    case 'k': return front;
    case 'qu': return !/^[ouư]/.test(r) && r !== 'ia';
    case 'g': return !(h === 'e' || h === 'ê') && r !== 'ia';
    case 'gh': return front && h !== 'y' && r !== 'ia';
    case 'ng': return !front || h === 'y';
    case 'ngh': return h === 'i' || h === 'e' || h === 'ê';
    case 'gi': return h !== 'i' && h !== 'y';
    case 'p': return true; // "pin", "pa" (loans) — rare, allowed
    default: return true;
  }
}

/** Renders onset + rime with tone at vowel-cluster index `pos`. */
function render(o: string, v: string, f: string, tone: Tone, pos: number): string {
  if (tone === 0) return o + v + f;
  return o + v.slice(0, pos) + withTone(v[pos]!, tone) + v.slice(pos + 1) + f;
}

let SYLLABLES: Map<string, string> | null = null;

/**
 * Every valid syllable (both tone styles) -> its canonical spelling (old style).
 * Built once, about 40k entries, a few ms.
 */
export function syllableTable(): Map<string, string> {
  if (SYLLABLES) return SYLLABLES;
  const m = new Map<string, string>();
  // toned spellings of each rime, computed once: [canonical, ...alternatives] per allowed tone
  const rimeForms = RIMES.map(r => {
    const { v, f } = splitRime(r);
    const pos = tonePositions(v, f !== '');
    const forms: string[][] = [];
    for (let t = 0 as Tone; t < 6; t = (t + 1) as Tone) {
      if (!toneFitsFinal(f, t)) continue;
      forms.push(pos.map(p => render('', v, f, t, p)));
    }
    return forms;
  });
  for (const o of ONSETS) {
    for (let ri = 0; ri < RIMES.length; ri++) {
      if (!allowedOnsetRime(o, RIMES[ri]!)) continue;
      for (const forms of rimeForms[ri]!) {
        const canon = o + forms[0]!;
        m.set(canon, canon);
        for (let k = 1; k < forms.length; k++) m.set(o + forms[k]!, canon);
      }
    }
  }
  // onset g + i-rimes (gì, gìn, giếng) and gi + rime are covered; add bare "gi" with tones
  for (let t = 0 as Tone; t < 6; t = (t + 1) as Tone) { const s = 'g' + withTone('i', t); m.set(s, s); }
  SYLLABLES = m;
  return m;
}

/** True when lower-case `w` is a well-formed Vietnamese syllable (either tone style). */
export function isValidSyllable(w: string): boolean { return syllableTable().has(w); }

/** Canonical (old-style) spelling of a valid lower-case syllable, else the input. */
export function canonical(w: string): string { return syllableTable().get(w) ?? w; }

/** True when lower-case `w` uses the "new" tone placement (hoà, thuỷ). */
export function isNewStyle(w: string): boolean {
  const c = syllableTable().get(w);
  return c !== undefined && c !== w;
}

let NEW_STYLE: Map<string, string> | null = null;

/** The new-style spelling of a canonical syllable when it has one ("hòa" -> "hoà"), else itself. */
export function newStyle(canon: string): string {
  if (!NEW_STYLE) {
    NEW_STYLE = new Map();
    for (const [s, c] of syllableTable()) if (s !== c) NEW_STYLE.set(c, s);
  }
  return NEW_STYLE.get(canon) ?? canon;
}

/** Letters that only Vietnamese uses, or tone marks: evidence a token is meant as Vietnamese. */
export function hasVietnameseMarks(w: string): boolean {
  for (const c of w) {
    const i = INFO.get(c);
    if (!i) continue;
    if (i.tone || c === 'đ' || (i.vowel && i.base !== i.plain) || FOREIGN.has(c)) return true;
  }
  return false;
}

/** Whether a (lower-case) letter is a Vietnamese vowel (any tone/modifier). */
export function isVowel(c: string): boolean { return INFO.get(c)?.vowel === true; }

// ---------------------------------------------------------------------------------------------
// Case

export type CaseShape = 'lower' | 'upper' | 'title' | 'mixed';

export function caseShape(w: string): CaseShape {
  const lo = w.toLowerCase();
  if (w === lo) return 'lower';
  if (w === w.toUpperCase()) return w.length === 1 ? 'title' : 'upper';
  const first = w.slice(0, 1);
  if (first === first.toUpperCase() && w.slice(1) === w.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

/** Apply the case shape of `like` to lower-case `w`. */
export function applyCase(w: string, like: string): string {
  switch (caseShape(like)) {
    case 'upper': return w.toUpperCase();
    case 'title': return w.slice(0, 1).toUpperCase() + w.slice(1);
    case 'mixed': {
      // per character where lengths agree, else title
      const a = [...w], b = [...like];
      if (a.length !== b.length) return w.slice(0, 1).toUpperCase() + w.slice(1);
      return a.map((c, i) => (b[i] !== b[i]!.toLowerCase() ? c.toUpperCase() : c)).join('');
    }
    default: return w;
  }
}
