// Incremental spelling analysis: per-block cached decisions must give exactly what a cold run
// gives, after edits anywhere in a document (inside a paragraph, across a paragraph break, in a
// heading), so that the editor shows the same findings as the CLI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText, resolveConfig, type Finding } from '../../../../../server/src/engine/index';
import { loadDefaultResources } from '../../../../../server/src/engine/resources';
import { spellingRules } from '../../../../../server/src/engine/rules/spelling/index';
import { analyzeCached, clearSpellingCaches, spellingIssues, tuning } from '../../../../../server/src/engine/rules/spelling/analyze';
import { parseDocument } from '../../../../../server/src/engine/parse/index';
import { F_BREAK_AFTER, F_BREAK_BEFORE, F_SENTENCE_START, tokenList, type TokenList } from '../../../../../server/src/engine/rules/spelling/tokens';

function findRoot(dir: string): string {
  while (!fs.existsSync(path.join(dir, 'seeds')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const root = findRoot(__dirname);
const seed = fs.readFileSync(path.join(root, 'seeds', '000_a564b550e16160e0.txt'), 'utf8');
const resources = loadDefaultResources();
const config = resolveConfig({});

const lint = (text: string): Finding[] => lintText('file:///inc.txt', text, config, { resources, only: spellingRules });
const view = (text: string, fs_: Finding[]) => fs_.map(f => `${f.offsets.start}:${text.slice(f.offsets.start, f.offsets.end)}:${f.code}:${f.severity}:${f.safe ? 1 : 0}:${f.suggestions.join('|')}`);

suite('rules/spelling incremental', () => {
  test('edits give the same findings as a cold analysis of the edited text', () => {
    lint(seed);
    const mid = seed.indexOf('\n', seed.length >> 1);
    const edits = [
      seed.slice(0, mid) + ' thành phổ lần thử 25' + seed.slice(mid),   // typo'd words appended to a line
      seed.slice(0, 200) + seed.slice(260),                            // text removed near the top
      seed.slice(0, mid) + '\n\n' + seed.slice(mid),                     // a paragraph split
      seed.replace('\n\n', ' '),                                        // two paragraphs joined
      'THÀNH PHÓ HÀ NỘI\n\n' + seed,                                     // a heading in front
    ];
    for (const text of edits) {
      const warm = view(text, lint(text));
      clearSpellingCaches(resources.spelling!);
      const cold = view(text, lint(text));
      assert.deepStrictEqual(warm, cold);
      lint(seed);
    }
  });

  test('a list item at the length where blocks may end is judged with its neighbours, warm or cold', () => {
    // 48 words on one line without punctuation, then a list: a block may end at any context break
    // once it is 48 tokens long, and must not between a list's items (their context)
    const filler = Array.from({ length: 12 }, () => 'công tác xây dựng').join(' ');
    const list = (first: string) => `${filler} ${first}, bạn, ngành và đại biểu thành phố dự họp.`;
    for (const [a, b] of [['sở', 'anh'], ['anh', 'sở']]) {
      lint(list(a));
      const warm = view(list(b), lint(list(b)));
      clearSpellingCaches(resources.spelling!);
      const cold = view(list(b), lint(list(b)));
      assert.deepStrictEqual(warm, cold, `${a} -> ${b}`);
    }
    assert.ok(lint(list('sở')).some(f => f.suggestions[0] === 'ban'));
  });

  test('an edit that adds a context error is found at its position; the rest shifts with the text', () => {
    const before = lint(seed);
    const at = seed.indexOf('\n', seed.length >> 1);
    const ins = ' đời sống của nhân dân thành phổ';
    const text = seed.slice(0, at) + ins + seed.slice(at);
    const after = lint(text);
    const phổ = after.find(f => text.slice(f.offsets.start, f.offsets.end) === 'phổ' && f.offsets.start > at && f.offsets.start < at + ins.length);
    assert.strictEqual(phổ?.suggestions[0], 'phố');
    // findings outside the edited line are unchanged, shifted by the inserted length
    const lineStart = seed.lastIndexOf('\n', at - 1) + 1;
    const outside = (fs_: Finding[], shift: number) => fs_.filter(f => f.offsets.start < lineStart || f.offsets.start >= at + shift + 1)
      .map(f => `${f.offsets.start >= at + shift ? f.offsets.start - shift : f.offsets.start}:${f.code}:${f.suggestions[0] ?? ''}`);
    assert.deepStrictEqual(outside(after, ins.length), outside(before, 0));
  });

  test('skipping the candidates that cannot matter changes no finding (both seeds)', () => {
    const seed3 = fs.readFileSync(path.join(root, 'seeds', fs.readdirSync(path.join(root, 'seeds')).find(f => f.startsWith('003_'))!), 'utf8');
    const saved = tuning.pruneCandidates;
    try {
      for (const text of [seed, seed3]) {
        tuning.pruneCandidates = false;
        clearSpellingCaches(resources.spelling!);
        const full = view(text, lint(text));
        tuning.pruneCandidates = true;
        clearSpellingCaches(resources.spelling!);
        const pruned = view(text, lint(text));
        assert.ok(full.length > 4, 'the seed has findings');
        assert.deepStrictEqual(pruned, full);
      }
    } finally {
      tuning.pruneCandidates = saved;
      clearSpellingCaches(resources.spelling!);
    }
  });
});

suite('rules/spelling block cache: one text, two tokenizations', () => {
  // The block cache is keyed by the block's text; the shape of its tokens (positions and flags)
  // is kept in the entry and compared on every hit, so the same words tokenized otherwise (here
  // "tốt" made a sentence's opening, which leaves "Lục" alone before a break) are another entry,
  // warm or cold, in either order.
  test('each shape gets its own findings, as a cold analysis gives them', () => {
    const model = resources.spelling!;
    const text = 'Cần giữ gìn tiếng nói, chữ viết, trang phục, phong Lục tốt đẹp của đồng bào.';
    const plain = tokenList(text);
    const k = Array.from({ length: plain.length }, (_, i) => i).find(i => plain.text(i) === 'tốt')!;
    const opening = tokenList(text);
    opening.flags[k] = opening.flags[k]! | F_SENTENCE_START | F_BREAK_BEFORE;
    opening.flags[k - 1] = opening.flags[k - 1]! | F_BREAK_AFTER;
    const show = (t: TokenList) => analyzeCached(t, config, model).map(x => `${text.slice(x.span.start, x.span.end)}>${x.suggestions[0] ?? ''}`);
    clearSpellingCaches(model);
    const coldPlain = show(plain);
    clearSpellingCaches(model);
    const coldOpening = show(opening);
    assert.notDeepStrictEqual(coldPlain, coldOpening, 'the two tokenizations are judged differently');
    assert.deepStrictEqual([coldPlain, coldOpening], [[], ['Lục>Tục']]);
    // warm, both orders, and back again (the second shape sits behind the first)
    clearSpellingCaches(model);
    assert.deepStrictEqual(show(plain), coldPlain);
    assert.deepStrictEqual(show(opening), coldOpening);
    assert.deepStrictEqual(show(plain), coldPlain);
    assert.deepStrictEqual(show(opening), coldOpening);
  });
});

suite('rules/spelling issues: one shape', () => {
  // The document pass, the finding index and the report read every issue; issues of one shape
  // (V8 gives them one hidden class) keep that code monomorphic. Every maker goes through issueOf.
  test('every issue of a damaged scan, cold and re-checked after an edit, has the same keys in the same order and a plain span', () => {
    const shapes = (text: string) => {
      const doc = parseDocument('file:///shape.txt', text);
      const out = new Set<string>();
      for (const x of spellingIssues(doc, config, resources.spelling!)) {
        out.add(Object.keys(x).join(',') + ' / ' + Object.keys(x.span).join(','));
      }
      return [...out];
    };
    clearSpellingCaches(resources.spelling!);
    const cold = shapes(seed);
    const mid = seed.indexOf('\n', seed.length >> 1);
    const warm = shapes(seed.slice(0, mid) + ' vềhạnchế thành phổ' + seed.slice(mid));
    const one = ['code,span,word,suggestions,safe,severity,message,conf,bestId,unaccented,foreign,change,conditional / start,end'];
    assert.deepStrictEqual(cold, one);
    assert.deepStrictEqual(warm, one);
  });
});
