// Entry point of the server bundle: CLI commands, a CLI worker thread, or the language server.
// Nothing runs at import time except this dispatch.
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';

const cmd = process.argv[2];
if (!isMainThread && (workerData as { bulletinCliWorker?: boolean } | null)?.bulletinCliWorker) {
  // the CLI re-enters this bundle as a worker thread to lint many files in parallel
  void import('./cli/worker').then(m => m.runWorker());
} else if (cmd === 'lint' || cmd === 'citations' || cmd === 'outline' || cmd === '--help' || cmd === '-h' || cmd === '--version') {
  // Peak memory (issue 5: 150 MB). V8 doubles the young generation's semi-spaces (up to 16 MB
  // each) while many objects survive a scavenge, and a lint allocates at that rate; kept at their
  // first size, the CLI's peak RSS on 100 bulletins is about 10 MB lower and on the seeds alone
  // 30 MB lower, at the same speed. And V8 lets the old generation grow to several times what
  // survived its last full collection before the next one; letting it grow by a quarter keeps
  // 100 bulletins at 117-124 MiB instead of 131-144 MiB, for about 6% more time. Both flags are
  // read whenever the heap grows, so setting them before any work takes effect (and they hold for
  // the worker threads too). Not for the language server: its edits wait on more frequent
  // collections (60 KB edits p50 28 -> 42 ms in the benchmark with the first flag alone).
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=25');
  void import('./cli/main').then(m => m.main(process.argv.slice(2), { workerScript: __filename })).then(code => { process.exitCode = code; });
} else {
  void import('./lsp/main').then(m => m.startFromArgv());
}
