// Reading inputs for the commands that need whole documents (outline, citations).
import { parseDocument, type BulletinDocument } from '../engine/index';
import { readBytes, uriOf } from './check';
import { decode, DecodeError } from './decode';
import { expandInputs, describeFsError, type InputProblem } from './files';
import type { CliIO } from './io';

export interface ReadDoc { path: string; abs?: string; doc: BulletinDocument; text: string }

export async function readDocuments(inputs: string[], io: CliIO): Promise<{ docs: ReadDoc[]; failures: InputProblem[] }> {
  const { files, problems } = expandInputs(inputs, io.cwd);
  const failures: InputProblem[] = [...problems];
  const docs: ReadDoc[] = [];
  for (const f of files) {
    try {
      const bytes = f.abs ? readBytes(f.abs) : await io.readStdin();
      const d = decode(bytes);
      const doc = parseDocument(uriOf(f), d.text);
      docs.push(f.abs ? { path: f.path, abs: f.abs, doc, text: d.text } : { path: f.path, doc, text: d.text });
    } catch (e) {
      failures.push({ path: f.path, reason: e instanceof DecodeError ? e.message : describeFsError(e) });
    }
  }
  return { docs, failures };
}
