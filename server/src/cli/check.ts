// Checking one file: read, decode, lint, optionally fix (atomically), lint again.
// Used both on the main thread and inside worker threads, so it takes and returns plain data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { applyEdits, fixEdits, lint, parseDocument, type EngineConfig, type Finding, type LintOptions, type Resources } from '../engine/index';
import type { WorkspaceIndex } from '../engine/workspace';
import { decode, DecodeError, encode, MAX_FILE_BYTES, tooLarge, type Decoded } from './decode';
import { describeFsError } from './files';

export interface FileJob {
  path: string;
  abs?: string;
  /** Bytes already read (the CLI reads every file up front to index them; it keeps them for --fix and for workers). */
  bytes?: Uint8Array;
  /** Those bytes decoded (read up front too), so they are not decoded a second time. */
  decoded?: Decoded;
  /** Set when reading or decoding already failed: the job only reports it. */
  error?: string;
  fix: boolean;
}

export interface FileResult {
  path: string;
  /** Findings in the file as it is on disk after any fix. */
  findings: Finding[];
  /** One-line reason when the file could not be checked (or fixed). */
  error?: string;
  /** Number of edits --fix wrote. */
  fixed: number;
}

/** Fix passes at most (a fix may uncover another safe fix; this bounds any ping-pong). */
const MAX_FIX_PASSES = 10;

export function readBytes(abs: string): Uint8Array {
  // stat before open: opening a device or a socket is never wanted, and /dev/zero never ends
  const pre = fs.statSync(abs);
  if (pre.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!pre.isFile() && !pre.isFIFO()) throw new DecodeError(`not a regular file (${kindOf(pre)})`);
  const fd = fs.openSync(abs, 'r');
  try {
    const st = fs.fstatSync(fd);
    if (st.isFile()) {
      if (st.size > MAX_FILE_BYTES) throw tooLarge(st.size);
      return fs.readFileSync(fd);
    }
    // a pipe (a named FIFO, or process substitution such as <(cat a.md)): read to its end,
    // within the same limit as files
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(1 << 16);
      let n: number;
      try { n = fs.readSync(fd, buf, 0, buf.length, null); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) throw tooLarge();
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(st: fs.Stats): string {
  return st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : 'not a file';
}

/** `extra.only` restricts the rules (unit tests of the fix writer use a rule of their own). */
export function checkFile(job: FileJob, config: EngineConfig, resources: Resources, workspace?: WorkspaceIndex, extra: Pick<LintOptions, 'only'> = {}): FileResult {
  const opts: LintOptions = { resources, workspace, ...extra };
  if (job.error) return { path: job.path, findings: [], fixed: 0, error: job.error };
  // The CLI decodes every file up front and keeps the bytes only when it may write the file back
  // (their size guards the write): a fix without them reads and decodes the file again.
  let bytes: Uint8Array | undefined = job.bytes;
  let decoded: Decoded;
  try {
    if (job.decoded && (bytes || !job.fix || !job.abs)) decoded = job.decoded;
    else decoded = decode(bytes ??= readBytes(job.abs!));
  } catch (e) {
    return { path: job.path, findings: [], fixed: 0, error: e instanceof DecodeError ? e.message : describeFsError(e) };
  }
  const uri = uriOf(job);
  let text = decoded.text;
  let findings: Finding[];
  try {
    findings = lint(parseDocument(uri, text), config, opts);
  } catch (e) {
    // An engine crash on one file must not stop the others; report it like an I/O problem.
    return { path: job.path, findings: [], fixed: 0, error: `internal error while checking: ${String((e as Error)?.message ?? e).split('\n')[0]}` };
  }
  if (!job.fix || !job.abs) return { path: job.path, findings, fixed: 0 };

  let fixed = 0;
  const before = findings;
  try {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = fixEdits(text, findings, true);
      if (!edits.length) break;
      text = applyEdits(text, edits);
      fixed += edits.length;
      findings = lint(parseDocument(uri, text), config, opts);
    }
  } catch (e) {
    return { path: job.path, findings: before, fixed: 0, error: `internal error while fixing: ${String((e as Error)?.message ?? e).split('\n')[0]}` };
  }
  if (text === decoded.text) return { path: job.path, findings, fixed: 0 };
  try {
    writeAtomic(job.abs, encode(decoded, text), bytes!.length);
  } catch (e) {
    // Not written: report the findings of the file as it still is on disk.
    return { path: job.path, findings: before, fixed: 0, error: `cannot write fixes (${e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : describeFsError(e)})` };
  }
  return { path: job.path, findings, fixed };
}

/**
 * Replace a file's content atomically: write a temporary file in the same directory (same file
 * system, so rename is atomic), copy the mode, then rename over the original. Symbolic links are
 * resolved first so the link itself survives. Refuses when the file changed size since it was read.
 */
export function writeAtomic(abs: string, bytes: Uint8Array, expectedSize: number): void {
  // a pipe or a device is read, never replaced by a file
  if (!fs.statSync(abs).isFile()) throw new Error('not a regular file');
  const real = fs.realpathSync(abs);
  const st = fs.statSync(real);
  if (st.size !== expectedSize) throw new Error('the file changed while it was being checked');
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}-${threadId}-${Date.now().toString(36)}.bulletin-fix.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: st.mode & 0o777 });
    fs.chmodSync(tmp, st.mode & 0o7777);
    fs.renameSync(tmp, real);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}

export const STDIN_URI = 'untitled:stdin';

export function uriOf(f: { abs?: string }): string {
  return f.abs ? pathToUri(f.abs) : STDIN_URI;
}

/** Read and decode a file for indexing; the reason as text when it cannot be read. */
export function readForJob(job: FileJob): { bytes: Uint8Array; text: string; decoded: Decoded } | { error: string } {
  try {
    const bytes = job.bytes ?? readBytes(job.abs!);
    const decoded = decode(bytes);
    return { bytes, text: decoded.text, decoded };
  } catch (e) {
    return { error: e instanceof DecodeError ? e.message : describeFsError(e) };
  }
}

export function pathToUri(abs: string): string {
  return pathToFileURL(abs).href;
}
