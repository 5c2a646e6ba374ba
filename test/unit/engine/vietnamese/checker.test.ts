// The checker's context score skips triple look-ups through unseen pairs; it must equal the
// plain sum of its terms (every counted triple's two pairs are counted too).
import * as assert from 'assert';
import { loadSpellingModel } from '../../../../server/src/engine/resources';
import { Checker } from '../../../../server/src/engine/vietnamese/checker';

const model = loadSpellingModel();
const ck = new Checker(model);

/** The score as its definition reads, with every look-up made. */
function plainLm(l2: number, l: number, x: number, r: number, r2: number): number {
  const sc = ck.score;
  const tri = (a: number, b: number, c: number) => { const t = model.triple(a, b, c); return t > 0 ? Math.log1p(t / sc.tripleTau) : 0; };
  let v = ck.lnLeft(l, x) + ck.lnRight(x, r);
  if (l >= 0 && r >= 0) v += sc.tripleWeight * tri(l, x, r);
  let o = 0;
  if (l2 >= 0 && l >= 0) o += tri(l2, l, x);
  if (r >= 0 && r2 >= 0) o += tri(x, r, r2);
  return v + Math.min(sc.outerCap, sc.outerWeight * o);
}
function plainPair(l2: number, l: number, x: number, y: number, r: number, r2: number): number {
  const sc = ck.score;
  const tri = (a: number, b: number, c: number) => { const t = model.triple(a, b, c); return t > 0 ? Math.log1p(t / sc.tripleTau) : 0; };
  let v = ck.lnLeft(l, x) + ck.lnLeft(x, y) + ck.lnRight(y, r);
  if (l >= 0) v += sc.tripleWeight * tri(l, x, y);
  if (r >= 0) v += sc.tripleWeight * tri(x, y, r);
  v += Math.min(sc.outerCap, sc.outerWeight * (l2 >= 0 && l >= 0 ? tri(l2, l, x) : 0));
  v += Math.min(sc.outerCap, sc.outerWeight * (r >= 0 && r2 >= 0 ? tri(y, r, r2) : 0));
  return v;
}

suite('vietnamese/checker', () => {
  test('lm and lmPair equal the plain sum of their terms, on common phrases and random ids', () => {
    const id = (w: string) => model.idOf(w);
    const phrases = [
      ['ban', 'chấp', 'hành', 'đảng', 'bộ'], ['thành', 'phố', 'hồ', 'chí', 'minh'], ['phát', 'triển', 'kinh', 'tế', 'xã'],
      ['các', 'chính', 'sách', 'đối', 'với'], ['giải', 'pháp', 'triển', 'khai', 'thực'],
    ].map(p => p.map(id));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % model.size;
    // a counted triple on one side, an unseen pair on the other
    for (const [a, b, c, d, e] of phrases.slice(0, 5)) {
      for (let k = 0; k < 50; k++) {
        const y = rnd();
        assert.ok(Math.abs(ck.lmPair(a!, b!, c!, y, -1, -1) - plainPair(a!, b!, c!, y, -1, -1)) < 1e-9);
        assert.ok(Math.abs(ck.lmPair(-1, -1, y, c!, d!, e!) - plainPair(-1, -1, y, c!, d!, e!)) < 1e-9);
      }
    }
    for (let k = 0; k < 2000; k++) phrases.push([rnd(), rnd(), rnd(), rnd(), rnd()].map(x => (x % 6 === 0 ? -1 : x)));
    for (const [a, b, c, d, e] of phrases) {
      if (c! < 0) continue;
      assert.ok(Math.abs(ck.lm(a!, b!, c!, d!, e!) - plainLm(a!, b!, c!, d!, e!)) < 1e-9, `${a} ${b} ${c} ${d} ${e}`);
      if (d! >= 0) assert.ok(Math.abs(ck.lmPair(a!, b!, c!, d!, e!, -1) - plainPair(a!, b!, c!, d!, e!, -1)) < 1e-9);
      if (b! >= 0 && d! >= 0) assert.ok(Math.abs(ck.lmPair(-1, a!, b!, c!, d!, e!) - plainPair(-1, a!, b!, c!, d!, e!)) < 1e-9);
    }
  });

  test('the smoothing of P(. | x) grows with the number of different syllables seen after x', () => {
    const id = (w: string) => model.idOf(w);
    const saved = ck.score.followerWeight;
    try {
      const pairs: [string, string][] = [['dẫn', 'đều'], ['cần', 'kiểu']];
      for (const [a, b] of pairs) assert.strictEqual(model.pair(id(a), id(b)), 0, `${a} ${b} is unseen`);
      const followers = model.followers();
      assert.ok(followers[id('dẫn')]! > 100 && followers[id('cần')]! > 100);
      ck.score.followerWeight = 0;
      const flat = pairs.map(([a, b]) => ck.lnRight(id(a), id(b)));
      ck.score.followerWeight = 0.3;
      const wb = pairs.map(([a, b]) => ck.lnRight(id(a), id(b)));
      // an unseen continuation of a prolific syllable costs at least 2 nats less
      for (let i = 0; i < pairs.length; i++) assert.ok(wb[i]! > flat[i]! + 2, `${pairs[i]}: ${flat[i]} -> ${wb[i]}`);
      // a frequent pair stays far more likely than an unseen one
      assert.ok(ck.lnRight(id('dẫn'), id('đến')) > wb[0]! + 3);
    } finally {
      ck.score.followerWeight = saved;
    }
  });

  test('upperLm bounds the score of every candidate, each stage at least as tight as the one before', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % model.size;
    const id = (w: string) => model.idOf(w);
    const contexts: number[][] = [
      ['ban', 'chấp', 'hành', 'đảng', 'bộ'], ['thành', 'phố', 'hồ', 'chí', 'minh'], ['phát', 'triển', 'kinh', 'tế', 'xã'],
    ].map(p => p.map(id));
    // common syllables (low ids) make counted pairs and triples likely
    for (let k = 0; k < 300; k++) contexts.push([rnd() % 300, rnd() % 300, rnd() % 2000, rnd() % 300, rnd() % 300].map(x => (x % 7 === 0 ? -1 : x)));
    let checked = 0;
    for (const [a, b, c, d, e] of contexts) {
      if (c! < 0) continue;
      for (const cand of model.candidates(model.syllables[c!]!)) {
        const exact = ck.lm(a!, b!, cand.id, d!, e!);
        const u0 = ck.upperLm(a!, b!, cand.id, d!, e!, 0), u1 = ck.upperLm(a!, b!, cand.id, d!, e!, 1), u2 = ck.upperLm(a!, b!, cand.id, d!, e!, 2);
        assert.ok(u0 >= u1 - 1e-9 && u1 >= u2 - 1e-9 && u2 >= exact - 1e-9, `${[a, b, cand.id, d, e]}: ${u0} ${u1} ${u2} ${exact}`);
        checked++;
      }
    }
    assert.ok(checked > 1000);
  });

  test('a pruned decision is one whose full margin is below pruneMargin; the others are unchanged', () => {
    const full = new Checker(model), fast = new Checker(model);
    fast.pruneMargin = -4.5;
    const words = 'hội nghị ban chấp hành đảng bộ thành phố lần thử 24 đã thảo luận và thống nhất cao các nội dung của chương trình công tác năm 2025 nghị quyết tỉnh ủy về phát triển kinh tế xã hội'.split(' ');
    const ids = words.map(w => model.idOf(w));
    let pruned = 0;
    for (let i = 0; i < words.length; i++) {
      const at = (k: number) => (k >= 0 && k < ids.length ? ids[k]! : -1);
      const a = full.decide(words[i]!, at(i - 2), at(i - 1), at(i + 1), at(i + 2));
      const b = fast.decide(words[i]!, at(i - 2), at(i - 1), at(i + 1), at(i + 2));
      if (b.pruned) {
        pruned++;
        assert.ok(a.margin < -4.5 && b.margin < -4.5 && b.margin >= a.margin - 1e-9, `${words[i]}: ${a.margin} ${b.margin}`);
      } else {
        assert.deepStrictEqual(b, a, words[i]);
      }
    }
    // most words of clean text are far ahead of every candidate
    assert.ok(pruned > words.length / 2, `${pruned} of ${words.length} pruned`);
    // "thử" (for "thứ" before a number) and "phố" are never pruned away
    assert.ok(!fast.decide('thử', ids[8]!, ids[9]!, model.idOf('0'), -1).pruned);
    // nor is a word whose reading lies past the tenth candidate (the bound covers those too)
    const [lam, tron, phan] = ['làm', 'tròn', 'phận'].map(w => model.idOf(w));
    const deep = fast.decide('bon', lam!, tron!, phan!, -1);
    assert.ok(!deep.pruned && model.syllables[deep.best] === 'bổn', JSON.stringify(deep));
    assert.deepStrictEqual(deep, full.decide('bon', lam!, tron!, phan!, -1));
    // "hiện đưa kết": none of the first ten readings of "đưa" comes within the margin, the 16th
    // ("đã") does
    const [hien, ket] = ['hiện', 'kết'].map(w => model.idOf(w));
    const dua = full.decide('đưa', -1, hien!, ket!, -1);
    assert.ok(dua.margin > -4.5, JSON.stringify(dua));
    assert.deepStrictEqual(fast.decide('đưa', -1, hien!, ket!, -1), dua);
  });

  test('decisions are cached per (word, two neighbours on each side), through the table growing', () => {
    const ck2 = new Checker(model), fresh = new Checker(model);
    ck2.pruneMargin = fresh.pruneMargin = -4.5;
    const words = ['phổ', 'thử', 'của', 'bạn', 'tỉnh'];
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 600;
    // 12,000 contexts: the table starts with 4,096 slots and grows past them several times
    const ctx: [string, number, number, number, number][] = [];
    for (let k = 0; k < 12000; k++) ctx.push([words[k % words.length]!, rnd() - 1, rnd(), rnd(), rnd() - 1]);
    const first = ctx.map(([w, a, b, c, d]) => ck2.decide(w, a, b, c, d));
    for (let k = 0; k < ctx.length; k += 37) {
      const [w, a, b, c, d] = ctx[k]!;
      assert.strictEqual(ck2.decide(w, a, b, c, d), first[k], `context ${k} is a cache hit`);
      assert.deepStrictEqual(first[k], fresh.decide(w, a, b, c, d), `context ${k} equals a fresh decision`);
    }
    // the outer neighbours are part of the key: "lần thử" before a number, with and without what follows
    const id = (w: string) => model.idOf(w);
    const a = ck2.decide('thử', id('phố'), id('lần'), id('0'), -1), b = ck2.decide('thử', id('phố'), id('lần'), id('0'), id('của'));
    assert.notStrictEqual(a, b);
  });

  test('a word counted with neither neighbour is weighed against a reading two letters away that both call for ("giải ngân yến đầu tư" -> vốn)', () => {
    const c = new Checker(model), off = new Checker(model);
    off.score = { ...off.score, ctxPair: Infinity };
    const id = (w: string) => model.idOf(w);
    const d = c.decide('yến', id('giải'), id('ngân'), id('đầu'), id('tư'));
    assert.strictEqual(model.syllables[d.best], 'vốn', JSON.stringify(d));
    assert.ok(d.margin > 1.5, JSON.stringify(d));
    assert.strictEqual(c.rank('yến', id('giải'), id('ngân'), id('đầu'), id('tư'), 3, d)[0], id('vốn'));
    // without it "vốn" is out of reach (no candidate of "yến")
    assert.notStrictEqual(model.syllables[off.decide('yến', id('giải'), id('ngân'), id('đầu'), id('tư')).best], 'vốn');
    // a word counted with a neighbour is not questioned this way ("yến sào")
    const sao = c.decide('yến', -1, id('nuôi'), id('sào'), -1);
    assert.ok(sao.margin < 0, JSON.stringify(sao));
    // the pruned path never hides such a reading
    const fast = new Checker(model);
    fast.pruneMargin = -4.5;
    const f = fast.decide('yến', id('giải'), id('ngân'), id('đầu'), id('tư'));
    assert.deepStrictEqual([f.best, f.margin, f.conf], [d.best, d.margin, d.conf]);
  });
});
