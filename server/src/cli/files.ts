// Expanding command-line inputs (file | directory | glob | -) into the list of files to check.
// Paths keep the form the user gave ("seeds/" + name found below it), so output can be matched
// with the command line. Within a directory or a glob the order is sorted (code-unit order), so
// output is the same on every machine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Glob, hasGlobChars, staticPrefix } from './glob';

export const BULLETIN_EXTENSIONS = ['.md', '.markdown', '.txt', '.bulletin'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface InputFile {
  /** As given, or as found under a given directory / by a glob. "<stdin>" for standard input. */
  path: string;
  /** Absolute path on disk; undefined for standard input. */
  abs?: string;
}

export interface InputProblem { path: string; reason: string }

export function isBulletinName(name: string): boolean {
  const lower = name.toLowerCase();
  return BULLETIN_EXTENSIONS.some(e => lower.endsWith(e));
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return err?.message ? String(err.message).replace(/\s+/g, ' ') : String(e);
  }
}

function joinDisplay(base: string, rel: string): string {
  if (base === '' || base === '.') return base === '.' ? `./${rel}` : rel;
  return base.endsWith('/') || base.endsWith(path.sep) ? base + rel : `${base}/${rel}`;
}

// ---- .gitignore (a useful subset: comments, negation, trailing '/', anchored patterns, globs) ----
interface IgnoreRule { glob: Glob; neg: boolean; dirOnly: boolean; anchored: boolean }
interface IgnoreScope { dir: string; rules: IgnoreRule[] }

/** Trailing whitespace removed unless escaped with a backslash (.gitignore rule). */
function trimUnescapedEnd(line: string): string {
  let e = line.length;
  while (e > 0 && /\s/.test(line[e - 1]!)) e--;
  if (e < line.length && e > 0 && line[e - 1] === '\\') e++;
  return line.slice(0, e);
}

function readGitignore(dirAbs: string): IgnoreRule[] {
  let text: string;
  try { text = fs.readFileSync(path.join(dirAbs, '.gitignore'), 'utf8'); } catch { return []; }
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    line = trimUnescapedEnd(line);
    if (!line) continue;
    let neg = false;
    if (line.startsWith('!')) { neg = true; line = line.slice(1); }
    let dirOnly = false;
    if (line.endsWith('/')) { dirOnly = true; line = line.slice(0, -1); }
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (!line) continue;
    rules.push({ glob: new Glob(line), neg, dirOnly, anchored });
  }
  return rules;
}

function ignored(scopes: IgnoreScope[], abs: string, isDir: boolean): boolean {
  let result = false;
  for (const s of scopes) {
    const rel = path.relative(s.dir, abs).split(path.sep).join('/');
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    for (const r of s.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.anchored ? r.glob.match(rel) : r.glob.match(base)) result = !r.neg;
    }
  }
  return result;
}

/**
 * Files below `rootAbs`, sorted by relative path ('/'-separated). `accept` filters file names;
 * `maxDepth` limits the walk (0 = only direct children). Skips VCS folders and node_modules,
 * hidden files and folders (unless `hidden`), and what .gitignore files met on the way exclude. Symbolic links to directories are not
 * followed (no cycles).
 */
function walk(rootAbs: string, accept: (rel: string) => boolean, maxDepth: number, hidden = false): string[] {
  const out: string[] = [];
  const visit = (dirAbs: string, rel: string, depth: number, scopes: IgnoreScope[]): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dirAbs, { withFileTypes: true }); } catch { return; }
    const rules = readGitignore(dirAbs);
    const here = rules.length ? [...scopes, { dir: dirAbs, rules }] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      // hidden entries (.git, .vscode, .bulletin/words.txt ...) are not bulletins unless a glob names them
      if (!hidden && e.name.startsWith('.')) continue;
      const abs = path.join(dirAbs, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const st = fs.statSync(abs); isFile = st.isFile(); isDir = false; } catch { continue; }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || depth >= maxDepth || ignored(here, abs, true)) continue;
        visit(abs, r, depth + 1, here);
      } else if (isFile && accept(r) && !ignored(here, abs, false)) {
        out.push(r);
      }
    }
  };
  visit(rootAbs, '', 0, []);
  // readdir order per level is sorted by name; a global sort on the joined path keeps
  // "a/b" vs "a-c" ordering independent of the walk.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface Expansion { files: InputFile[]; problems: InputProblem[] }

/** Expand inputs. Duplicates (same absolute path) are kept once, at their first place. */
export function expandInputs(inputs: readonly string[], cwd: string): Expansion {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (p: string, abs: string | undefined): void => {
    const key = abs ?? '<stdin>';
    if (seen.has(key)) return;
    seen.add(key);
    files.push(abs ? { path: p, abs } : { path: p });
  };
  for (const input of inputs) {
    if (input === '-') { add('<stdin>', undefined); continue; }
    const abs = path.resolve(cwd, input);
    let st: fs.Stats | undefined;
    let statErr: unknown;
    try { st = fs.statSync(abs); } catch (e) { statErr = e; }
    if (st?.isDirectory()) {
      const found = walk(abs, isBulletinName, Infinity);
      if (!found.length) {
        problems.push({ path: input, reason: `no bulletin files (${BULLETIN_EXTENSIONS.map(e => '*' + e).join(', ')}) in this directory` });
      }
      for (const rel of found) add(joinDisplay(input, rel), path.join(abs, ...rel.split('/')));
      continue;
    }
    if (st) { add(input, abs); continue; }
    const code = (statErr as NodeJS.ErrnoException)?.code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && hasGlobChars(input)) {
      const pattern = input.split(path.sep).join('/');
      const prefix = staticPrefix(pattern);
      const rest = prefix ? pattern.slice(prefix === '/' ? 1 : prefix.length + 1) : pattern;
      const depth = rest.includes('**') ? Infinity : (rest.match(/\//g)?.length ?? 0);
      const baseAbs = path.resolve(cwd, prefix || '.');
      const glob = new Glob(pattern);
      const explicitDot = /(^|\/)\.[^./]/.test(rest);
      const found = walk(baseAbs, rel => glob.match(joinDisplay(prefix, rel)), depth, explicitDot);
      if (!found.length) problems.push({ path: input, reason: 'no files match this pattern' });
      for (const rel of found) add(joinDisplay(prefix, rel), path.join(baseAbs, ...rel.split('/')));
      continue;
    }
    problems.push({ path: input, reason: describeFsError(statErr) });
  }
  return { files, problems };
}
