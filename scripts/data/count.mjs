// Shared by scripts/data/build.mjs and scripts/corpus/web-register.mjs: turn clean text into
// syllable, pair and triple counts the same way everywhere.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

/** The pseudo-syllable standing for any number (tesseract writes digits as '?'). */
export const NUM = '0';
/** The pseudo-syllable standing for any acronym or code in capitals that is no syllable (UBND, HĐND, XVII). */
export const ACR = '#';
export const isAcronym = t => /^[A-ZĐ]{2,8}$/.test(t);
export const isNum = t => /^[?]+([.,/:-][?]+)*$/.test(t) || /^\d+([.,/:-]\d+)*%?$/.test(t);
export const PUNCT_EDGE = /^[\s"'“”‘’()[\]{}«»,.;:!?…\-–—*_]+|[\s"'“”‘’()[\]{}«»,.;:!?…\-–—*_]+$/g;
export const ENDS_CLAUSE = /[,.;:!?…)\]"”»]$/;
export const STARTS_CLAUSE = /^[("“«[]/;

/**
 * Bundles the TypeScript orthography module for a build script and returns it with `syl`,
 * which maps a raw token to its lower-case canonical syllable (or NUM), or null.
 */
export async function loadOrthography(root) {
  mkdirSync(path.join(root, '.cache'), { recursive: true });
  const orthoJs = path.join(root, '.cache/orthography.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/engine/vietnamese/orthography.ts')],
    bundle: true, platform: 'node', format: 'cjs', outfile: orthoJs, logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  const ortho = require(orthoJs);
  const table = ortho.syllableTable();
  const syl = tok => {
    if (isNum(tok)) return NUM;
    const up = tok.normalize('NFC').replace(/\u00d0/g, 'Đ');
    const w = up.replace(/\u00f0/g, 'đ').toLowerCase();
    return table.get(w) ?? (isAcronym(up) ? ACR : null);
  };
  return { ortho, table, syl };
}

const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);

/**
 * Counts one text (one sentence or paragraph a line) into `into` ({ cu, cb, ct } maps, created
 * when missing). Punctuation at a token's edge and tokens that are not syllables break the
 * context. Returns `into` with `tokens` increased by the syllable tokens counted.
 */
export function countText(text, syl, into = { cu: new Map(), cb: new Map(), ct: new Map(), tokens: 0 }, { cutNames = false } = {}) {
  const { cu, cb, ct } = into;
  for (const line of text.normalize('NFC').split('\n')) {
    let prev2 = null, prev = null;
    const raws = line.split(/\s+/).filter(Boolean);
    // cutNames: a run of capitalised words inside a sentence is a name ("thành phố Tam Kỳ");
    // its link to the lower-case word before it would teach the model "phố tam"
    const title = raws.map(r => /^\p{Lu}\p{Ll}*$/u.test(r.replace(PUNCT_EDGE, '')));
    const nameStart = raws.map((r, k) => cutNames && k > 0 && title[k] && !title[k - 1] && k + 1 < raws.length && title[k + 1] && !ENDS_CLAUSE.test(raws[k - 1]) && !ENDS_CLAUSE.test(r));
    for (let k = 0; k < raws.length; k++) {
      const raw = raws[k];
      const core = raw.replace(PUNCT_EDGE, '').replace(/[%]$/, '');
      if (STARTS_CLAUSE.test(raw) || nameStart[k]) { prev = prev2 = null; }
      const s = core && (/^\p{L}+$/u.test(core) || isNum(core)) ? syl(core) : null;
      if (!s) { prev = prev2 = null; continue; }
      into.tokens++;
      add(cu, s, 1);
      if (prev) add(cb, prev + ' ' + s, 1);
      if (prev2 && prev) add(ct, prev2 + ' ' + prev + ' ' + s, 1);
      prev2 = prev; prev = s;
      if (ENDS_CLAUSE.test(raw)) prev = prev2 = null;
    }
  }
  return into;
}

/**
 * Counts the syllables that open a sentence or clause in `text` (one paragraph a line): where
 * countText has no word before a syllable (a line's start, after punctuation that ends a clause,
 * after a token that is no syllable), so that the checker can weigh a word at an opening by how
 * often the register's open with it. Returns `into`: { S, C } (Maps syllable -> count, S after a
 * line's start or . ! ? … : or a closing quote, C after anything else) and `tokens` = openings.
 * The token and break rules are countText's, repeated here: countText keeps no record of where
 * a context started.
 */
export function countStarts(text, syl, into = { S: new Map(), C: new Map(), tokens: 0 }) {
  for (const line of text.normalize('NFC').split('\n')) {
    // S: a sentence opens (a line's start, after . ! ? … : or a closing quote); C: another
    // clause (after a comma, a semicolon, a bracket, or a token that is no syllable)
    let prev = null, kind = 'S';
    for (const raw of line.split(/\s+/).filter(Boolean)) {
      const core = raw.replace(PUNCT_EDGE, '').replace(/[%]$/, '');
      if (STARTS_CLAUSE.test(raw) && prev !== null) { prev = null; kind = 'C'; }
      const s = core && (/^\p{L}+$/u.test(core) || isNum(core)) ? syl(core) : null;
      if (!s) { if (prev !== null) kind = 'C'; prev = null; continue; }
      if (prev === null) { const m = into[kind]; m.set(s, (m.get(s) ?? 0) + 1); into.tokens++; }
      prev = s;
      if (ENDS_CLAUSE.test(raw)) { prev = null; kind = /[.!?…:"”]$/.test(raw) ? 'S' : 'C'; }
    }
  }
  return into;
}

