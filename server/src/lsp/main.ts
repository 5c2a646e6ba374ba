// Placeholder; the LSP work replaces this.
export function startFromArgv(): void { process.stderr.write('bulletin-ls: server not built yet\n'); process.exitCode = 2; }
