// `bulletin-ls lint`.
//
// Exit code policy (contract: 0 clean, 1 findings over the threshold, 2 usage or I/O error):
// when some file could not be read (missing, binary, invalid UTF-8, too large, unwritable under
// --fix), every other file is still checked and reported, and the exit code is 2 EVEN IF other
// files had errors. Reason: 2 tells CI "the result is incomplete", which matters more than "there
// are findings" — a pipeline that treats 1 as "fix your text" must not silently pass over a file
// it never read. Warnings count towards --max-warnings even with --quiet (as in ESLint): --quiet
// only changes what is printed.
import type { Finding } from '../engine/index';
import { UsageError, type Options } from './args';
import { readForJob, uriOf, type FileJob, type FileResult } from './check';
import type { IndexedText } from './workspace';
import { describeFsError, expandInputs, type InputProblem } from './files';
import { DecodeError } from './decode';
import type { CliIO } from './io';
import { Setups, readConfigFile } from './setup';
import { runJobs } from './pool';
import { countFindings, findingLine, summaryLine } from './formatters/text';
import { JSON_HEAD, JSON_TAIL, jsonFileChunks } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { VERSION } from './version';

export function useColor(opts: Options, io: CliIO): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true;
}

export async function runLint(opts: Options, io: CliIO, locale: 'en' | 'vi'): Promise<number> {
  if (opts.fix && opts.inputs.includes('-')) throw new UsageError(`--fix cannot change standard input; give file paths`);
  const fileConfig = opts.config ? readConfigFile(opts.config, io.cwd) : undefined;
  const { files, problems } = expandInputs(opts.inputs, io.cwd);
  const setups = new Setups(io.cwd, fileConfig, locale);

  // Every file is read (and decoded) once, up front: the texts feed the workspace index that
  // lets citation checks name another given bulletin; jobs then carry their decoded text, and
  // their bytes only where they are needed again (--fix compares sizes before writing, standard
  // input cannot be read twice): 100 bulletins' bytes are 4 MB of peak memory otherwise. A
  // worker thread given no bytes reads its file again.
  const jobs: (FileJob & { setupKey: string })[] = [];
  const index: IndexedText[] = [];
  for (const f of files) {
    const setup = setups.forFile(f.abs);
    const job: FileJob & { setupKey: string } = { path: f.path, fix: opts.fix, setupKey: setup.folder };
    if (f.abs) job.abs = f.abs;
    else {
      try { job.bytes = await io.readStdin(); } catch (e) {
        job.error = e instanceof DecodeError ? e.message : `cannot read standard input (${describeFsError(e)})`;
      }
    }
    const read = job.error ? undefined : readForJob(job);
    if (read && 'error' in read) job.error = read.error;
    else if (read) {
      if (opts.fix || !job.abs) job.bytes = read.bytes;
      job.decoded = read.decoded;
      index.push({ uri: uriOf(job), text: read.text });
    }
    jobs.push(job);
  }
  for (const w of setups.warnings) io.stderr.write(`bulletin-ls: warning: ${w}\n`);

  // Each file's result is written out as soon as it and the files before it are checked, then
  // dropped (SARIF, one document with the failures in it, is written at the end).
  const failures: InputProblem[] = [...problems];
  const sarif: { path: string; findings: Finding[] }[] = [];
  let all = { error: 0, warning: 0, information: 0, hint: 0 };
  let shown = { error: 0, warning: 0, information: 0, hint: 0 };
  let checked = 0, written = 0;
  const color = useColor(opts, io);
  await runJobs(jobs, setups, opts, io, index, (r: FileResult) => {
    if (r.error) failures.push({ path: r.path, reason: r.error });
    // A file whose fixes could not be written still has findings worth showing.
    if (r.error && r.findings.length === 0) return;
    checked++;
    all = countFindings(r.findings, all);
    const f = { path: r.path, findings: opts.quiet ? r.findings.filter(x => x.severity === 'error') : r.findings };
    if (opts.format === 'json') {
      if (written++ === 0) io.stdout.write(JSON_HEAD);
      for (const chunk of jsonFileChunks(f, written === 1)) io.stdout.write(chunk);
    } else if (opts.format === 'sarif') {
      sarif.push(f);
    } else {
      shown = countFindings(f.findings, shown);
      if (f.findings.length) io.stdout.write(f.findings.map(d => findingLine(f.path, d, color)).join('\n') + '\n');
    }
  });
  for (const p of failures) io.stderr.write(`bulletin-ls: ${p.path}: ${p.reason}\n`);

  if (opts.format === 'json') {
    io.stdout.write((written === 0 ? JSON_HEAD : '') + JSON_TAIL);
  } else if (opts.format === 'sarif') {
    io.stdout.write(formatSarif(sarif, failures, VERSION, locale));
  } else {
    io.stdout.write(summaryLine(shown, checked, failures.length, color) + '\n');
  }

  if (failures.length > 0) return 2;
  if (all.error > 0) return 1;
  if (opts.maxWarnings >= 0 && all.warning > opts.maxWarnings) return 1;
  return 0;
}
