// Node-only helpers shared by the language server and the CLI: the user's data in a workspace
// folder, `.bulletin/words.txt` (accepted words) and `.bulletin/documents.json` (a catalogue of
// known documents). Nothing here throws: problems come back as bilingual messages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCatalogue, type KnownDocument } from '../engine/citations/catalogue';
import type { Msg } from '../engine/types';

export const USER_DIR = '.bulletin';
export const WORDS_FILE = 'words.txt';
export const DOCUMENTS_FILE = 'documents.json';
/** Files bigger than this are not read (a word list or catalogue is never this large). */
const MAX_BYTES = 8 * 1024 * 1024;

export interface UserDataProblem {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: Msg;
}

export interface UserData {
  /** The folder the data was read from. */
  folder: string;
  words: string[];
  documents: KnownDocument[];
  problems: UserDataProblem[];
}

export function wordsPath(folder: string): string { return path.join(folder, USER_DIR, WORDS_FILE); }
export function documentsPath(folder: string): string { return path.join(folder, USER_DIR, DOCUMENTS_FILE); }

function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e);
}

/** Read a UTF-8 text file; `null` when it does not exist. */
function readText(file: string, problems: UserDataProblem[]): string | null {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      problems.push({ file, message: { en: `${file} is not a file`, vi: `${file} không phải là tệp` } });
      return null;
    }
    if (st.size > MAX_BYTES) {
      problems.push({ file, message: { en: `${file} is too large (${st.size} bytes); ignored`, vi: `${file} quá lớn (${st.size} byte); bỏ qua` } });
      return null;
    }
    const bytes = fs.readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push({ file, message: { en: `${file} is not valid UTF-8; ignored`, vi: `${file} không phải UTF-8 hợp lệ; bỏ qua` } });
      return null;
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT' || (e as NodeJS.ErrnoException)?.code === 'ENOTDIR') return null;
    problems.push({ file, message: { en: `cannot read ${file} (${errText(e)})`, vi: `không đọc được ${file} (${errText(e)})` } });
    return null;
  }
}

/** Words from the text of a words file: one per line, `#` starts a comment, blank lines ignored. */
export function parseWords(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const hash = raw.indexOf('#');
    const w = (hash >= 0 ? raw.slice(0, hash) : raw).trim().normalize('NFC');
    if (w && !seen.has(w)) { seen.add(w); out.push(w); }
  }
  return out;
}

export function readWordsFile(file: string): { words: string[]; problems: UserDataProblem[] } {
  const problems: UserDataProblem[] = [];
  const text = readText(file, problems);
  return { words: text === null ? [] : parseWords(text), problems };
}

function asMsg(x: unknown): Msg {
  if (x && typeof x === 'object' && typeof (x as Msg).en === 'string' && typeof (x as Msg).vi === 'string') return x as Msg;
  const s = typeof x === 'string' ? x : x && typeof x === 'object' && 'message' in x ? asMsg((x as { message: unknown }).message).en : JSON.stringify(x);
  return { en: s, vi: s };
}

/** Parse the text of a documents.json catalogue; never throws. */
export function parseDocumentsText(text: string, file: string): { documents: KnownDocument[]; problems: UserDataProblem[] } {
  const problems: UserDataProblem[] = [];
  try {
    const r = parseCatalogue(text);
    for (const e of r.errors) {
      const m = asMsg(e);
      problems.push({ file, message: m.en === m.vi ? { en: `${file}: ${m.en}`, vi: `${file} có lỗi: ${m.vi}` } : m });
    }
    return { documents: r.documents, problems };
  } catch (e) {
    problems.push({ file, message: { en: `${file}: ${errText(e)}`, vi: `${file} có lỗi: ${errText(e)}` } });
    return { documents: [], problems };
  }
}

export function readDocumentsFile(file: string): { documents: KnownDocument[]; problems: UserDataProblem[] } {
  const problems: UserDataProblem[] = [];
  const text = readText(file, problems);
  if (text === null) return { documents: [], problems };
  const r = parseDocumentsText(text, file);
  return { documents: r.documents, problems: [...problems, ...r.problems] };
}

/** Everything under `<folder>/.bulletin/`. Missing files are not problems. */
export function readUserData(folder: string): UserData {
  const w = readWordsFile(wordsPath(folder));
  const d = readDocumentsFile(documentsPath(folder));
  return { folder, words: w.words, documents: d.documents, problems: [...w.problems, ...d.problems] };
}

/**
 * The nearest folder at or above `start` that holds a `.bulletin` directory, not going above
 * `stop` (inclusive) when given. Undefined when none.
 */
export function findUserDataFolder(start: string, stop?: string): string | undefined {
  try {
    let dir = path.resolve(start);
    const limit = stop ? path.resolve(stop) : undefined;
    for (;;) {
      try {
        if (fs.statSync(path.join(dir, USER_DIR)).isDirectory()) return dir;
      } catch { /* not here */ }
      if (limit && dir === limit) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      if (limit && !isInside(parent, limit)) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Append a word to `<folder>/.bulletin/words.txt` (created with a header comment when missing).
 * Does nothing when the word is already there. Writes through a temporary file and rename.
 */
export function addWord(folder: string, word: string): { ok: true; added: boolean; file: string } | { ok: false; file: string; message: Msg } {
  const file = wordsPath(folder);
  const w = word.trim().normalize('NFC');
  if (!w || /[\r\n#]/.test(w)) return { ok: false, file, message: { en: `not a word: "${word}"`, vi: `không phải một từ: "${word}"` } };
  try {
    const problems: UserDataProblem[] = [];
    const existing = readText(file, problems);
    if (problems.length) return { ok: false, file, message: problems[0]!.message };
    if (existing !== null && parseWords(existing).includes(w)) return { ok: true, added: false, file };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const eol = existing && /\r\n/.test(existing) ? '\r\n' : '\n';
    const base = existing ?? `# Words accepted by bulletin-ls in this workspace, one per line.${eol}`;
    const next = base + (base.length && !/[\r\n]$/.test(base) ? eol : '') + w + eol;
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, next, 'utf8');
    fs.renameSync(tmp, file);
    return { ok: true, added: true, file };
  } catch (e) {
    return { ok: false, file, message: { en: `cannot write ${file} (${errText(e)})`, vi: `không ghi được ${file} (${errText(e)})` } };
  }
}
