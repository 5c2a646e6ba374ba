// The engine's caches live across versions of a document (a keystroke re-checks only the paragraph
// it touched). What they keep must not hold the old versions themselves: V8 makes a slice of a
// string a view of its whole parent, so one cached paragraph key used to keep a whole 1 MB
// bulletin alive per edit.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { lintText, resolveConfig } from '../../../server/src/engine/index';
import { loadDefaultResources } from '../../../server/src/engine/resources';
import { createWorkspaceIndex } from '../../../server/src/engine/workspace';

function findRoot(dir: string): string {
  while (!fs.existsSync(path.join(dir, 'seeds')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const root = findRoot(__dirname);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapAfterGc = (): number => { gc(); gc(); return process.memoryUsage().heapUsed; };

suite('hardening: memory across edits', () => {
  test('twenty edits of a 1 MB bulletin do not keep its old versions alive in the caches', function () {
    this.timeout(120000);
    const seeds = fs.readdirSync(path.join(root, 'seeds')).filter(f => /^\d{3}_/.test(f)).map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
    let big = '';
    while (big.length < 500_000) big += seeds.join('\n\n') + '\n\n'; // 500k UTF-16 units: 1 MB
    const resources = loadDefaultResources();
    const config = resolveConfig({});
    const paragraphs = big.split('\n\n');
    const version = (k: number) => paragraphs.map((p, i) => (i === (k * 37) % paragraphs.length ? p + ' a' : p)).join('\n\n');
    lintText('file:///big.md', big, config, { resources });
    lintText('file:///big.md', version(0), config, { resources });
    const before = heapAfterGc();
    for (let k = 1; k <= 20; k++) lintText('file:///big.md', version(k), config, { resources });
    const grown = (heapAfterGc() - before) / 1e6;
    // one version is 1 MB; each edit adds a paragraph's cache entries (a few KB), not a document
    assert.ok(grown < 8, `heap grew by ${grown.toFixed(1)} MB over 20 edits`);
  });

  test('the same for a bulletin typed without diacritics (its restored runs are cached too)', function () {
    this.timeout(120000);
    const seeds = fs.readdirSync(path.join(root, 'seeds')).filter(f => /^\d{3}_/.test(f)).map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
    const bare = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    let big = '';
    while (big.length < 250_000) big += bare(seeds.join('\n\n')) + '\n\n';
    const resources = loadDefaultResources();
    const config = resolveConfig({});
    const paragraphs = big.split('\n\n');
    const version = (k: number) => paragraphs.map((p, i) => (i === (k * 37) % paragraphs.length ? p + ' va' : p)).join('\n\n');
    const found = lintText('file:///bare.md', big, config, { resources });
    assert.ok(found.filter(f => f.code === 'spelling.invalid-syllable' || f.code === 'spelling.context').length > 100, 'read as Vietnamese typed without marks');
    lintText('file:///bare.md', version(0), config, { resources });
    const before = heapAfterGc();
    for (let k = 1; k <= 20; k++) lintText('file:///bare.md', version(k), config, { resources });
    const grown = (heapAfterGc() - before) / 1e6;
    assert.ok(grown < 5, `heap grew by ${grown.toFixed(1)} MB over 20 edits`);
  });
  test('an index of bulletins keeps no folded copy of their text: the server\'s none, the CLI\'s only the chunks it is made of', function () {
    this.timeout(60000);
    const seed = fs.readFileSync(path.join(root, 'seeds', fs.readdirSync(path.join(root, 'seeds')).find(f => f.startsWith('000'))!), 'utf8');
    // forty distinct bulletins of 43k characters: a folded copy of each is 40 × 87 KB (UTF-16)
    const texts = Array.from({ length: 40 }, (_, k) => seed + `\n\nPhụ lục ${k}.`);
    const measure = (diskFolded: boolean): number => {
      const before = heapAfterGc();
      const ix = createWorkspaceIndex({ diskFolded });
      texts.forEach((t, k) => ix.update(`file:///w/${k}.txt`, t, 0));
      ix.keys(); // analyse every bulletin
      const used = heapAfterGc() - before;
      assert.ok(ix.uris().length === 40);
      return used / 1e6;
    };
    measure(true); // (first use: the citation tables and caches are made once)
    const server = measure(false), cli = measure(true);
    // the CLI's index keeps, for a document that adopts its analysis, the folded chunks (shared
    // with the chunk cache) and joins them only if asked: a joined copy per bulletin would be 40 ×
    // 87 KB, 3.5 MB more than the server's (it was, until the join became lazy)
    assert.ok(cli - server < 1, `folded copies kept: ${cli.toFixed(1)} MB against the server's ${server.toFixed(1)} MB`);
  });
});
