// What the CLI needs from its host. Tests inject these; the real program uses the process.
import * as os from 'node:os';
import { MAX_FILE_BYTES, tooLarge } from './decode';

export interface Out { write(s: string): unknown; isTTY?: boolean }

export interface CliIO {
  stdout: Out;
  stderr: Out;
  /** All of standard input. */
  readStdin: () => Promise<Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Script to start worker threads from (the server bundle). Without it everything runs on this thread. */
  workerScript?: string;
  /** Number of CPU cores to plan workers for. */
  cpus: number;
  /** One-minute load average (cores already busy). */
  load: number;
}

let pipeGuard = false;

/** The process's streams; `guardPipes` installs the EPIPE handler (only when these streams are really used). */
export function processIO(guardPipes = true): CliIO {
  if (guardPipes && !pipeGuard) {
    pipeGuard = true;
    // `bulletin-ls lint ... | head`: the reader went away; stop quietly instead of crashing on EPIPE.
    for (const s of [process.stdout, process.stderr]) {
      s.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        throw e;
      });
    }
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let total = 0;
      // an endless stdin (`cat /dev/zero | bulletin-ls lint -`) stops at the file size limit
      const onData = (c: Buffer) => {
        total += c.length;
        if (total > MAX_FILE_BYTES) {
          process.stdin.off('data', onData);
          process.stdin.pause();
          reject(tooLarge());
          return;
        }
        chunks.push(c);
      };
      process.stdin.on('data', onData);
      process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
      process.stdin.on('error', reject);
    }),
    cwd: process.cwd(),
    env: process.env,
    cpus: availableCores(),
    load: os.loadavg()[0] ?? 0,
  };
}

export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
