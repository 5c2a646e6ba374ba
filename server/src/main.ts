// Entry point of the server bundle: CLI commands, a CLI worker thread, or the language server.
// Nothing runs at import time except this dispatch.
import { isMainThread, workerData } from 'node:worker_threads';

const cmd = process.argv[2];
if (!isMainThread && (workerData as { bulletinCliWorker?: boolean } | null)?.bulletinCliWorker) {
  // the CLI re-enters this bundle as a worker thread to lint many files in parallel
  void import('./cli/worker').then(m => m.runWorker());
} else if (cmd === 'lint' || cmd === 'citations' || cmd === 'outline' || cmd === '--help' || cmd === '-h' || cmd === '--version') {
  void import('./cli/main').then(m => m.main(process.argv.slice(2), { workerScript: __filename })).then(code => { process.exitCode = code; });
} else {
  void import('./lsp/main').then(m => m.startFromArgv());
}
