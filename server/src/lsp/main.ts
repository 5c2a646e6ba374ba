// Transport for the language server. Only called when the bundle runs as a server (see
// server/src/main.ts): the CLI path never creates a connection.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORTS = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

export function startFromArgv(argv: readonly string[] = process.argv): void {
  const args = argv.slice(2);
  if (!args.some(a => TRANSPORTS.test(a)) && !args.includes('--socket') && !args.includes('--pipe')) {
    process.stderr.write(
      'bulletin-ls: no transport given.\n' +
      'Usage: bulletin-ls --stdio | --node-ipc | --socket=<port>   (language server)\n' +
      '       bulletin-ls lint|citations|outline ...                (command line; see --help)\n');
    process.exitCode = 2;
    return;
  }
  // createConnection reads --stdio / --node-ipc / --socket= from argv and redirects console.*
  // to connection.console, so nothing writes to stdout behind the protocol's back.
  const connection = createConnection(ProposedFeatures.all);
  const log = (...a: unknown[]) => connection.console.log(a.map(x => (typeof x === 'string' ? x : safeString(x))).join(' '));
  console.log = log;
  console.info = log;
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(safeString).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(safeString).join(' '));
  process.on('uncaughtException', e => { try { connection.console.error(`uncaught: ${(e as Error)?.stack ?? e}`); } catch { /* closed */ } });
  process.on('unhandledRejection', e => { try { connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`); } catch { /* closed */ } });
  startServer(connection);
  connection.listen();
}

function safeString(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof Error) return x.stack ?? x.message;
  try { return JSON.stringify(x); } catch { return String(x); }
}
