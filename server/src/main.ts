// Entry point of the server bundle: CLI commands or the language server.
// Nothing runs at import time except this dispatch.
const cmd = process.argv[2];
if (cmd === 'lint' || cmd === 'citations' || cmd === 'outline' || cmd === '--help' || cmd === '-h' || cmd === '--version') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  void import('./cli/main').then(m => m.main(process.argv.slice(2))).then(code => { process.exitCode = code; });
} else {
  void import('./lsp/main').then(m => m.startFromArgv());
}
