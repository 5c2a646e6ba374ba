import * as assert from 'assert';
import * as os from 'os';
import { Writable } from 'stream';
import { parseArgs } from '../../../server/src/cli/args';
import { distinctChars, drained, plannedWorkers, runJobs, MIN_DISTINCT_CHARS_FOR_WORKERS, MIN_FILES_FOR_WORKERS } from '../../../server/src/cli/pool';
import { Setups } from '../../../server/src/cli/setup';

suite('cli worker planning', () => {
  const io = (cpus: number, load: number, workerScript: string | undefined = 'main.js') => ({ cpus, load, workerScript });
  test('no workers without a bundle to start them from, for few files, or without four free cores', () => {
    assert.strictEqual(plannedWorkers(100, {}, { cpus: 8, load: 0, workerScript: undefined }), 0);
    assert.strictEqual(plannedWorkers(MIN_FILES_FOR_WORKERS - 1, {}, io(8, 0)), 0);
    assert.strictEqual(plannedWorkers(100, {}, io(1, 0)), 0);
    assert.strictEqual(plannedWorkers(100, {}, io(2, 1.2)), 0, 'one core busy elsewhere: one thread is faster');
    // one checking thread keeps about two cores busy (the garbage collector and the compiler run
    // beside it): on an idle 2-core machine two workers were slower than one thread
    assert.strictEqual(plannedWorkers(100, {}, io(2, 0)), 0);
    assert.strictEqual(plannedWorkers(100, {}, io(3, 0)), 0);
  });
  test('two free cores per worker, bounded by the number of files', () => {
    assert.strictEqual(plannedWorkers(100, {}, io(4, 0.1)), 2);
    assert.strictEqual(plannedWorkers(100, {}, io(8, 2)), 3);
    assert.strictEqual(plannedWorkers(100, {}, io(64, 0)), 8);
    assert.strictEqual(plannedWorkers(6, {}, io(8, 0)), 2);
  });
  test('little distinct text (copies of the same files) stays on one thread, where the caches serve the copies', () => {
    const copies = Array.from({ length: 100 }, (_, i) => ({ uri: `file:///c${i}.md`, text: i % 2 ? 'một bản tin' : 'bản tin khác' }));
    assert.strictEqual(distinctChars(copies), 'một bản tin'.length + 'bản tin khác'.length);
    assert.strictEqual(plannedWorkers(100, {}, io(8, 0), distinctChars(copies)), 0);
    assert.strictEqual(plannedWorkers(100, {}, io(8, 0), MIN_DISTINCT_CHARS_FOR_WORKERS), 4);
    assert.strictEqual(plannedWorkers(100, { jobs: 2 }, io(8, 0), 10), 2, '--jobs still decides');
  });
  test('--jobs overrides the guess; --jobs 1 means none', () => {
    assert.strictEqual(plannedWorkers(100, { jobs: 1 }, io(8, 0)), 0);
    assert.strictEqual(plannedWorkers(100, { jobs: 3 }, io(1, 5)), 3);
    assert.strictEqual(plannedWorkers(2, { jobs: 3 }, io(8, 0)), 2);
  });
});

suite('cli output to a slow reader', () => {
  // A reader slower than the checks (a pipe): each write is flushed a turn of the event loop later.
  const slowOut = (log: string[]) => new Writable({
    highWaterMark: 1,
    write(chunk, _enc, done) { setImmediate(() => { log.push(`flushed ${chunk}`); done(); }); },
  });

  test('the next file waits until the last one\'s output is written: a pipe never holds the whole output in memory', async () => {
    const log: string[] = [];
    const out = slowOut(log);
    // jobs that already failed to read are "checked" at once, and reported like any other file
    const jobs = ['a.md', 'b.md', 'c.md'].map(p => ({ path: p, fix: false, error: 'cannot read', setupKey: '' }));
    const io = { stdout: out, stderr: out, readStdin: async () => new Uint8Array(), cwd: os.tmpdir(), env: {}, cpus: 1, load: 0 };
    await runJobs(jobs, new Setups(os.tmpdir(), undefined, 'en'), parseArgs(['lint', 'x']), io, [], r => { log.push(`checked ${r.path}`); out.write(r.path); });
    await new Promise(r => setImmediate(r));
    assert.deepStrictEqual(log, ['checked a.md', 'flushed a.md', 'checked b.md', 'flushed b.md', 'checked c.md', 'flushed c.md']);
  });

  test('a stream that is not backed up, or no stream at all, is not waited for', () => {
    const log: string[] = [];
    assert.strictEqual(drained(slowOut(log)), undefined);
    assert.strictEqual(drained({ write: () => true }), undefined);
    const out = slowOut(log);
    out.write('x');
    const wait = drained(out);
    assert.ok(wait instanceof Promise);
    return wait.then(() => {
      assert.deepStrictEqual(log, ['flushed x']);
      assert.strictEqual(out.listenerCount('drain') + out.listenerCount('close'), 0, 'no listener is left behind');
    });
  });
});
