// Entry point of the server bundle: CLI commands, a CLI worker thread, or the language server.
// Nothing runs at import time except this dispatch.
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';

const cmd = process.argv[2];
if (!isMainThread && (workerData as { bulletinCliWorker?: boolean } | null)?.bulletinCliWorker) {
  // the CLI re-enters this bundle as a worker thread to lint many files in parallel
  void import('./cli/worker').then(m => m.runWorker());
} else if (cmd === 'lint' || cmd === 'citations' || cmd === 'outline' || cmd === '--help' || cmd === '-h' || cmd === '--version') {
  // V8 doubles the young generation's semi-spaces (up to 16 MB each) while many objects survive
  // a scavenge, and a lint allocates at that rate. Kept at their first size, the CLI's peak RSS
  // on 100 bulletins is about 10 MB lower and on the seeds alone 30 MB lower, at the same speed.
  // The flag is read whenever the heap grows, so setting it before any work takes effect (and
  // it holds for the worker threads too). Not for the language server: its edits wait on more
  // frequent scavenges (60 KB edits p50 28 -> 42 ms in the benchmark).
  setFlagsFromString('--semi-space-growth-factor=1');
  void import('./cli/main').then(m => m.main(process.argv.slice(2), { workerScript: __filename })).then(code => { process.exitCode = code; });
} else {
  void import('./lsp/main').then(m => m.startFromArgv());
}
