// Deciding the spelling blocks at the neighbouring error rates while the editor is idle
// (prefetchNeighbourRates): an edit that moves the document's rate across a quantum then decides
// only its own blocks, and the findings are the same as without it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, parseDocument, prefetch, resolveConfig } from '../../../../../server/src/engine/index';
import { loadDefaultResources } from '../../../../../server/src/engine/resources';
import { blockDecisions, clearSpellingCaches, rateQuantum, spellingStats } from '../../../../../server/src/engine/rules/spelling/analyze';

suite('rules/spelling: the neighbouring error rates decided ahead of need', () => {
  const root = path.resolve(__dirname, '../../../../../..');
  const resources = loadDefaultResources();
  const model = resources.spelling!;
  const config = resolveConfig({});
  const uri = 'file:///prefetch.txt';
  const seed = fs.readFileSync(path.join(root, 'seeds/000_a564b550e16160e0.txt'), 'utf8');
  const quantum = (text: string) => rateQuantum(spellingStats(parseDocument(uri, text), config, model)!);
  /** Seed 000 with a paragraph of damaged words appended: the shortest that raises its rate by one quantum. */
  function oneQuantumUp(): string {
    const q0 = quantum(seed);
    for (let n = 5; n <= 3000; n += 5) {
      const text = seed + '\n\n' + Array.from({ length: n }, (_, i) => (i % 2 ? 'qụỵểt' : 'mờỉ')).join(' ') + '.\n';
      const q = quantum(text);
      if (q === q0 + 1) return text;
      if (q > q0 + 1) break;
    }
    throw new Error('no appended paragraph moves the rate by exactly one quantum');
  }
  const up = oneQuantumUp();
  /** Block decisions and findings of linting `after` once `before` has been linted (and prefetched). */
  function edit(withPrefetch: boolean) {
    clearSpellingCaches(model);
    const first = parseDocument(uri, seed, 1);
    lint(first, config, { resources });
    if (withPrefetch) {
      let calls = 0;
      while (!prefetch(first, config, resources, 16)) calls++;
      assert.ok(calls > 1, 'a bulletin takes more than one slice of 16 decisions');
      assert.strictEqual(prefetch(first, config, resources, 16), true, 'done stays done');
    }
    const n0 = blockDecisions.count;
    const findings = lint(parseDocument(uri, up, 2), config, { resources });
    return { decided: blockDecisions.count - n0, findings };
  }

  test('an edit one quantum up decides only its own blocks, with the same findings as without', () => {
    const without = edit(false);
    const withIt = edit(true);
    assert.deepStrictEqual(withIt.findings, without.findings);
    // without: every block of the bulletin again (seed 000 has about 200); with: the new paragraph's
    assert.ok(without.decided >= 100, `without prefetch ${without.decided} decisions`);
    assert.ok(withIt.decided * 10 <= without.decided, `with prefetch ${withIt.decided} decisions, without ${without.decided}`);
  });

  test('nothing to do with the spelling rules off, or without a model', () => {
    const off = resolveConfig({ rules: { spelling: 'off' } });
    const doc = parseDocument(uri, seed, 1);
    const n0 = blockDecisions.count;
    assert.strictEqual(prefetch(doc, off, resources, 16), true);
    assert.strictEqual(prefetch(doc, config, { ...resources, spelling: null }, 16), true);
    assert.strictEqual(blockDecisions.count, n0);
  });
});
