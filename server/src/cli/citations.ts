// `bulletin-ls citations`: every citation in the given files and what it resolves to, resolved
// across all the files given (the engine's report builder).
import type { Options } from './args';
import type { CliIO } from './io';
import { readDocuments } from './read';
import { Setups, resourcesFor } from './setup';
import { citationsReport, formatCitationsText } from '../engine/citations/report';

export async function runCitations(opts: Options, io: CliIO, locale: 'en' | 'vi'): Promise<number> {
  const { docs, failures } = await readDocuments(opts.inputs, io);
  const setups = new Setups(io.cwd, undefined, locale);
  // One catalogue for the whole run: the user data nearest to the first file (or the cwd).
  const setup = setups.forFile(docs[0]?.abs);
  for (const w of setups.warnings) io.stderr.write(`bulletin-ls: warning: ${w}\n`);
  const report = citationsReport(docs.map(d => ({ path: d.path, doc: d.doc })), { resources: resourcesFor(setup), locale });
  for (const p of failures) io.stderr.write(`bulletin-ls: ${p.path}: ${p.reason}\n`);
  if (opts.format === 'json') io.stdout.write(JSON.stringify(report) + '\n');
  else {
    const t = formatCitationsText(report);
    io.stdout.write(t.endsWith('\n') || t === '' ? t : t + '\n');
  }
  return failures.length ? 2 : 0;
}
