// Running file jobs: on this thread, or spread over worker threads when there is enough distinct
// text and free cores (issue 5). Workers are the same bundle re-entered (server/src/main.ts checks
// `workerData.bulletinCliWorker`), each loads the resources once, and jobs are handed out one
// at a time so a slow file does not hold up a whole batch. The citations of every file are
// analysed once, on this thread, while the workers start; the workers get the summaries.
// Results are put back in input order, so output is identical with and without workers.
import { Worker } from 'node:worker_threads';
import type { Options } from './args';
import { checkFile, type FileJob, type FileResult } from './check';
import type { CliIO, Out } from './io';
import { resourcesFor, type Setup, type Setups } from './setup';
import { indexOf, workspaceOf, type IndexedText } from './workspace';
import type { WorkspaceIndex } from '../engine/workspace';

/** Fewer files than this are checked on the main thread (starting a worker and loading the model costs more). */
export const MIN_FILES_FOR_WORKERS = 6;
/**
 * Less distinct text than this (characters) is checked on the main thread: repeated paragraphs
 * and files are served from the engine's caches there, and the rest takes about as long as
 * starting the workers (bundle, model, cold caches) would.
 */
export const MIN_DISTINCT_CHARS_FOR_WORKERS = 1_000_000;
const MAX_WORKERS = 8;

export interface WorkerInit {
  bulletinCliWorker: true;
  setups: Record<string, Pick<Setup, 'config' | 'documents' | 'folder'>>;
  /** Texts of every file given (positions of cross-file findings); their citations come by message. */
  index: IndexedText[];
}

type Job = FileJob & { setupKey: string };

/**
 * Cores one checking thread keeps busy: besides the JavaScript, V8's garbage collector and
 * compiler run on helper threads. On a 2-core machine, one thread linting 2.5 MB of fresh text
 * took 3.6 s of wall time and 5.7 s of CPU time.
 */
export const CORES_PER_THREAD = 2;

/**
 * How many workers to start. Each worker pays a start-up (model decode, JIT warm-up) and the
 * main thread indexes the citations of every given file meanwhile, so workers only pay off with
 * free cores for at least two checking threads (CORES_PER_THREAD each): on a 2-core machine, idle
 * or busy, two workers were measured slower than one thread (2.5 MB of fresh text: 4.3 s against
 * 3.6 s, and 424 MiB peak RSS against 244). `--jobs N` overrides the guess.
 */
export function plannedWorkers(jobCount: number, opts: Pick<Options, 'jobs'>, io: Pick<CliIO, 'workerScript' | 'cpus' | 'load'>, distinctChars?: number): number {
  if (!io.workerScript) return 0;
  if (opts.jobs !== undefined) return opts.jobs <= 1 ? 0 : Math.min(opts.jobs, jobCount, MAX_WORKERS * 4);
  if (jobCount < MIN_FILES_FOR_WORKERS) return 0;
  if (distinctChars !== undefined && distinctChars < MIN_DISTINCT_CHARS_FOR_WORKERS) return 0;
  const threads = Math.floor(Math.round(io.cpus - Math.max(0, io.load)) / CORES_PER_THREAD);
  if (threads < 2) return 0;
  return Math.min(threads, MAX_WORKERS, Math.ceil(jobCount / 3));
}

/** Characters of text that differ between the given files (identical files count once). */
export function distinctChars(index: readonly IndexedText[]): number {
  let n = 0;
  for (const t of new Set(index.map(x => x.text))) n += t.length;
  return n;
}

/**
 * Check every job and hand each result to `onResult` in input order, as soon as it and every
 * one before it are done: the caller writes it out and lets it go, so a folder's findings never
 * have to be in memory all at once (for 100 OCR bulletins, 32,300 findings, about 25 MB of the peak RSS).
 */
export async function runJobs(jobs: Job[], setups: Setups, opts: Options, io: CliIO, index: IndexedText[], onResult: (r: FileResult, i: number) => void): Promise<void> {
  const n = plannedWorkers(jobs.length, opts, io, distinctChars(index));
  const results = new InOrder(jobs.length, onResult);
  let ws: WorkspaceIndex | undefined;
  if (n > 0) {
    try {
      await runInWorkers(jobs, setups, io.workerScript!, n, results, index, w => { ws = w; });
    } catch {
      // Workers could not run (e.g. resource limits): whatever is missing runs here.
    }
  }
  for (let i = 0; i < jobs.length; i++) {
    if (results.has(i)) continue;
    const job = jobs[i]!;
    const setup = setups.forFile(job.abs);
    ws ??= workspaceOf(index);
    results.set(i, checkFile(job, setup.config, resourcesFor(setup), ws));
    await drained(io.stdout);
  }
}

/**
 * Resolves once `out` has written out what it holds, when it holds more than it wants (a pipe
 * whose reader is slower than the checks). This loop never yields to the event loop otherwise,
 * so a pipe's writes would pile up in memory until the end: 8 MB of JSON for 100 bulletins, which
 * cost 25-35 MB of peak RSS.
 */
export function drained(out: Out): Promise<void> | undefined {
  const s = out as Out & Partial<Pick<NodeJS.EventEmitter, 'once' | 'off'>> & { writableNeedDrain?: boolean };
  if (!s.writableNeedDrain || !s.once || !s.off) return undefined;
  return new Promise(resolve => {
    const done = () => { s.off!('drain', done); s.off!('close', done); resolve(); };
    s.once!('drain', done);
    s.once!('close', done);
  });
}

/** Results that may arrive in any order, passed on in input order and then dropped. */
class InOrder {
  private readonly waiting = new Map<number, FileResult>();
  private readonly done: Uint8Array;
  private next = 0;
  constructor(n: number, private readonly onResult: (r: FileResult, i: number) => void) { this.done = new Uint8Array(n); }
  has(i: number): boolean { return this.done[i] === 1; }
  set(i: number, r: FileResult): void {
    if (this.done[i]) return;
    this.done[i] = 1;
    this.waiting.set(i, r);
    for (let x = this.waiting.get(this.next); x; x = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.onResult(x, this.next++);
    }
  }
}

function runInWorkers(jobs: Job[], setups: Setups, script: string, count: number, results: InOrder, index: IndexedText[], mainIndex: (ws: WorkspaceIndex) => void): Promise<void> {
  const init: WorkerInit = { bulletinCliWorker: true, setups: {}, index };
  for (const s of setups.all()) init.setups[s.folder] = { folder: s.folder, config: s.config, documents: s.documents };
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let live = 0;
    let failed = false;
    const workers: Worker[] = [];
    const finish = (err?: unknown): void => {
      if (failed) return;
      if (err) failed = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err); else resolve();
    };
    const feed = (w: Worker): void => {
      if (next >= jobs.length) return;
      const id = next++;
      const { setupKey, decoded: _decoded, ...job } = jobs[id]!; // the worker decodes the bytes itself
      w.postMessage({ id, job, setupKey });
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(script, { workerData: init });
      workers.push(w);
      live++;
    }
    // The workers start up (bundle, model) while this thread analyses every file's citations once.
    let summaries;
    try {
      const main = indexOf(index);
      summaries = index.length >= 2 ? main.summaries() : [];
      mainIndex(main);
    } catch (e) {
      finish(e);
      return;
    }
    for (const w of workers) {
      w.postMessage({ summaries });
      w.on('message', (m: { id: number; result: FileResult }) => {
        results.set(m.id, m.result);
        done++;
        if (done === jobs.length) finish();
        else feed(w);
      });
      w.on('error', e => finish(e));
      w.on('exit', () => {
        live--;
        if (live === 0 && done < jobs.length) finish(new Error('workers exited early'));
      });
      feed(w);
      feed(w); // two in flight per worker keeps it busy while the parent handles a message
    }
    if (jobs.length === 0) finish();
  });
}
