// The command line: `bulletin-ls lint|citations|outline ...` (contract: docs cli-contract.md).
// main() never calls process.exit: it returns the exit code, and all I/O goes through `io`,
// so tests can run it in-process.
import { parseArgs, localeFromEnv, UsageError, type Options } from './args';
import { processIO, type CliIO } from './io';
import { runLint } from './lint';
import { runOutline } from './outline';
import { runCitations } from './citations';
import { HELP } from './help';
import { VERSION } from './version';

export async function main(argv: string[], ioOverrides: Partial<CliIO> = {}): Promise<number> {
  const io: CliIO = { ...processIO(!ioOverrides.stdout), ...ioOverrides };
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first !== 'lint' && first !== 'citations' && first !== 'outline') {
    io.stderr.write(`bulletin-ls: unknown command '${first}' (see bulletin-ls --help)\n`);
    return 2;
  }
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`bulletin-ls ${first}: ${e.message} (see bulletin-ls --help)\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const locale = opts.lang ?? localeFromEnv(io.env);
  try {
    if (opts.inputs.length === 0) throw new UsageError(`no input files (give files, directories, globs, or - for standard input)`);
    switch (opts.command) {
      case 'lint': return await runLint(opts, io, locale);
      case 'outline': return await runOutline(opts, io, locale);
      case 'citations': return await runCitations(opts, io, locale);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`bulletin-ls ${first}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`bulletin-ls ${first}: internal error: ${String((e as Error)?.stack ?? e).split('\n').slice(0, 2).join(' ')}\n`);
    return 2;
  }
}
