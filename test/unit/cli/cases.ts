// One table of CLI cases, run by two hosts: in-process through main() (cli.main.test.ts) and by
// executing the real bundle `node server/out/main.js` (cli.exec.test.ts). Every case gets a fresh
// temporary directory as its working directory; seeds and fixtures are copied there, never
// touched in place.
//
// Some findings come from rules that land separately (footnote, structure, spelling, citation).
// Cases that need a particular rule list it in `needs` and are skipped until it is registered;
// the other cases assert properties that hold whatever the rules find (exit code consistent
// with the findings, text and JSON agree, CRLF and LF give the same positions, ...).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { ruleByCode, parseDocument, lint, resolveConfig, fixEdits, applyEdits, documentSymbols } from '../../../server/src/engine/index';
import { emptyWorkspace } from '../../../server/src/engine/workspace';
import { pathToUri } from '../../../server/src/cli/check';
import { baseResources } from '../../../server/src/cli/setup';

export const ROOT = path.resolve(__dirname, '../../../..');
export const SEEDS = path.join(ROOT, 'seeds');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
export const BUNDLE = path.join(ROOT, 'server/out/main.js');
export const SEED_000 = '000_a564b550e16160e0.txt';
export const SEED_003 = '003_ac34d902066b54a2.txt';
export const PKG_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

export interface RunResult { code: number; stdout: string; stderr: string }
export interface RunOptions {
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
  /** Pretend stdout is a terminal (in-process host only; the exec host always pipes). */
  tty?: boolean;
  /** Allow worker threads (in-process host: start them from the built bundle). */
  workers?: boolean;
}
export interface Host {
  name: 'main' | 'exec';
  run(args: string[], cwd: string, opts?: RunOptions): Promise<RunResult>;
}

export interface Case {
  name: string;
  /** Rule codes that must be registered for this case to mean anything. */
  needs?: string[];
  /** Restrict to one host. */
  only?: Host['name'];
  run(h: Host, dir: string): Promise<void>;
}

// ---------------------------------------------------------------- helpers

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-cli-'));
}

function copy(from: string, dir: string, name = path.basename(from)): string {
  const to = path.join(dir, name);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  return to;
}
const seed = (dir: string, name: string, as?: string): string => copy(path.join(SEEDS, name), dir, as ?? name);
const fixture = (dir: string, name: string, as?: string): string => copy(path.join(FIXTURES, name), dir, as ?? name);
function write(dir: string, name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

export function missingRules(c: Case): string[] {
  return (c.needs ?? []).filter(code => !ruleByCode(code));
}

type Json = Record<string, unknown>;
interface Diag { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; source: string; message: string; suggestions: string[] }
interface LintDoc { version: 1; files: { path: string; diagnostics: Diag[] }[] }

function keys(o: unknown): string[] { return Object.keys(o as Json).sort(); }
function isPos(p: unknown): boolean {
  return !!p && keys(p).join() === 'character,line' && Number.isInteger((p as Json).line) && Number.isInteger((p as Json).character) &&
    ((p as Json).line as number) >= 0 && ((p as Json).character as number) >= 0;
}
function isRange(r: unknown): boolean {
  if (!r || keys(r).join() !== 'end,start') return false;
  const { start, end } = r as { start: Json; end: Json };
  if (!isPos(start) || !isPos(end)) return false;
  return (start.line as number) < (end.line as number) || (start.line === end.line && (start.character as number) <= (end.character as number));
}

/** Parse stdout as exactly one JSON document and check it against the lint contract, key for key. */
export function parseLintJson(stdout: string): LintDoc {
  assert.ok(stdout.endsWith('\n'), 'JSON output ends with a newline');
  const doc = JSON.parse(stdout) as LintDoc; // throws if there is anything but one JSON document
  assert.deepStrictEqual(keys(doc), ['files', 'version']);
  assert.strictEqual(doc.version, 1);
  assert.ok(Array.isArray(doc.files));
  for (const f of doc.files) {
    assert.deepStrictEqual(keys(f), ['diagnostics', 'path']);
    assert.strictEqual(typeof f.path, 'string');
    for (const d of f.diagnostics) {
      assert.deepStrictEqual(keys(d), ['code', 'message', 'range', 'severity', 'source', 'suggestions'], JSON.stringify(d));
      assert.ok(isRange(d.range), `bad range ${JSON.stringify(d.range)}`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity), d.severity);
      assert.match(d.code, /^(spelling|citation|footnote|structure)\.[a-z][a-z0-9-]*$/);
      assert.strictEqual(d.source, 'bulletin');
      assert.strictEqual(typeof d.message, 'string');
      assert.ok(d.message.length > 0);
      assert.ok(Array.isArray(d.suggestions) && d.suggestions.every(s => typeof s === 'string'));
    }
  }
  return doc;
}

export const FINDING_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) ((?:spelling|citation|footnote|structure)\.[a-z][a-z0-9-]*) (.+)$/;
export const SUMMARY_LINE = /^([✖✔]) (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) infos?, (\d+) hints?\) in (\d+) files?(?:; (\d+) files? could not be checked)?$/;

interface TextOut { findings: { path: string; line: number; col: number; severity: string; code: string; message: string }[]; summary: RegExpExecArray }
export function parseText(stdout: string): TextOut {
  assert.ok(stdout.endsWith('\n'));
  const lines = stdout.slice(0, -1).split('\n');
  const last = lines.pop()!;
  const summary = SUMMARY_LINE.exec(last);
  assert.ok(summary, `summary line: ${JSON.stringify(last)}`);
  const findings = lines.map(l => {
    const m = FINDING_LINE.exec(l);
    assert.ok(m, `finding line: ${JSON.stringify(l)}`);
    return { path: m[1]!, line: +m[2]!, col: +m[3]!, severity: m[4]!, code: m[5]!, message: m[6]! };
  });
  return { findings, summary };
}

function count(doc: LintDoc, sev?: string): number {
  return doc.files.reduce((n, f) => n + f.diagnostics.filter(d => !sev || d.severity === sev).length, 0);
}

function oneLine(stderr: string): string[] {
  return stderr.split('\n').filter(Boolean);
}

/** A `lint --format json … clean.md` run where one input was refused with `line` and only clean.md was checked. */
function assertRefusedBesideClean(r: RunResult, line: string): void {
  assert.strictEqual(r.code, 2);
  assert.deepStrictEqual(oneLine(r.stderr), [line]);
  assert.deepStrictEqual(parseLintJson(r.stdout).files.map(f => f.path), ['clean.md']);
}

const ESC = /\x1b\[/;

// ---------------------------------------------------------------- the cases

export const cases: Case[] = [
  {
    name: '--version prints the package version',
    async run(h, dir) {
      const r = await h.run(['--version'], dir);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.stdout, `${PKG_VERSION}\n`);
    },
  },
  {
    name: '--help prints usage and exits 0',
    async run(h, dir) {
      const r = await h.run(['--help'], dir);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /bulletin-ls lint/);
      assert.match(r.stdout, /--max-warnings/);
      const r2 = await h.run(['lint', '--help'], dir);
      assert.strictEqual(r2.code, 0);
      assert.strictEqual(r2.stdout, r.stdout);
    },
  },
  {
    name: 'usage errors exit 2 with one line on stderr and nothing on stdout',
    async run(h, dir) {
      fixture(dir, 'clean.md');
      for (const args of [
        ['lint', '--bogus', 'clean.md'],
        ['lint'],
        ['lint', '--format', 'xml', 'clean.md'],
        ['outline', '--format', 'sarif', 'clean.md'],
        ['lint', '--max-warnings', 'many', 'clean.md'],
        ['lint', '--max-warnings'],
        ['lint', '--lang', 'fr', 'clean.md'],
        ['outline', '--fix', 'clean.md'],
        ['lint', '--fix', '-'],
        ['lint', '--config', 'nope.json', 'clean.md'],
      ]) {
        const r = await h.run(args, dir, { stdin: '' });
        assert.strictEqual(r.code, 2, args.join(' '));
        assert.strictEqual(r.stdout, '', args.join(' '));
        assert.strictEqual(oneLine(r.stderr).length, 1, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /^bulletin-ls/);
      }
    },
  },
  {
    name: 'a clean file: exit 0, no findings, text summary',
    async run(h, dir) {
      fixture(dir, 'clean.md');
      const r = await h.run(['lint', 'clean.md'], dir);
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.stdout, '✔ 0 problems (0 errors, 0 warnings, 0 infos, 0 hints) in 1 file\n');
      const j = parseLintJson((await h.run(['lint', '--format', 'json', 'clean.md'], dir)).stdout);
      assert.deepStrictEqual(j, { version: 1, files: [{ path: 'clean.md', diagnostics: [] }] });
    },
  },
  {
    name: 'the seeds: json is one contract document, text lines agree with it, exit code follows the findings',
    async run(h, dir) {
      seed(dir, SEED_000, `seeds/${SEED_000}`);
      seed(dir, SEED_003, `seeds/${SEED_003}`);
      const rj = await h.run(['lint', '--format', 'json', 'seeds'], dir);
      const j = parseLintJson(rj.stdout);
      assert.deepStrictEqual(j.files.map(f => f.path), [`seeds/${SEED_000}`, `seeds/${SEED_003}`]);
      const errors = count(j, 'error');
      assert.strictEqual(rj.code, errors > 0 ? 1 : 0);
      assert.strictEqual(rj.stderr, '');

      const rt = await h.run(['lint', 'seeds'], dir);
      assert.strictEqual(rt.code, rj.code);
      const t = parseText(rt.stdout);
      const fromJson = j.files.flatMap(f => f.diagnostics.map(d => ({
        path: f.path, line: d.range.start.line + 1, col: d.range.start.character + 1, severity: d.severity, code: d.code,
        message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      })));
      assert.deepStrictEqual(t.findings, fromJson);
      const s = t.summary;
      assert.strictEqual(+s[2]!, count(j));
      assert.strictEqual(+s[3]!, errors);
      assert.strictEqual(+s[4]!, count(j, 'warning'));
      assert.strictEqual(+s[5]!, count(j, 'information'));
      assert.strictEqual(+s[6]!, count(j, 'hint'));
      assert.strictEqual(+s[7]!, 2);
      assert.strictEqual(s[1], count(j) > 0 ? '✖' : '✔');
      assert.ok(!ESC.test(rt.stdout), 'no colours when stdout is not a terminal');
    },
  },
  {
    name: '--max-warnings: exit 1 only when warnings exceed it (or there are errors)',
    async run(h, dir) {
      seed(dir, SEED_003);
      const j = parseLintJson((await h.run(['lint', '--format', 'json', '.'], dir)).stdout);
      const errors = count(j, 'error');
      const warnings = count(j, 'warning');
      for (const max of [Math.max(0, warnings - 1), warnings]) {
        const r = await h.run(['lint', '--format', 'json', '--max-warnings', String(max), '.'], dir);
        assert.strictEqual(r.code, errors > 0 || warnings > max ? 1 : 0, `--max-warnings ${max} with ${warnings} warnings`);
      }
      const r = await h.run(['lint', '--max-warnings=-1', '.'], dir);
      assert.strictEqual(r.code, errors > 0 ? 1 : 0);
    },
  },
  {
    name: 'exit 1 on a planted error, exit 0 when the config turns its rule off',
    needs: ['footnote.undefined'],
    async run(h, dir) {
      fixture(dir, 'footnotes.md');
      const r = await h.run(['lint', '--format', 'json', 'footnotes.md'], dir);
      const j = parseLintJson(r.stdout);
      const undef = j.files[0]!.diagnostics.filter(d => d.code === 'footnote.undefined');
      assert.strictEqual(undef.length, 1, JSON.stringify(j));
      // the planted reference is the <sup>2</sup> on line 3
      assert.strictEqual(undef[0]!.range.start.line, 2);
      assert.strictEqual(r.code, count(j, 'error') > 0 ? 1 : 0);
      write(dir, 'cfg.json', JSON.stringify({ rules: { footnote: 'off', spelling: 'off', citation: 'off', structure: 'off' } }));
      const off = await h.run(['lint', '--format', 'json', '--config', 'cfg.json', 'footnotes.md'], dir);
      assert.strictEqual(off.code, 0);
      assert.deepStrictEqual(parseLintJson(off.stdout).files[0]!.diagnostics, []);
      write(dir, 'err.json', JSON.stringify({ rules: { 'footnote.undefined': 'error' } }));
      const err = await h.run(['lint', '--format', 'json', '--config', 'err.json', 'footnotes.md'], dir);
      assert.strictEqual(err.code, 1);
      assert.ok(parseLintJson(err.stdout).files[0]!.diagnostics.some(d => d.code === 'footnote.undefined' && d.severity === 'error'));
      // all demoted to warnings: --max-warnings decides
      write(dir, 'warn.json', JSON.stringify({ rules: { footnote: 'warning', spelling: 'warning', citation: 'warning', structure: 'warning' } }));
      const w = parseLintJson((await h.run(['lint', '--format', 'json', '--config', 'warn.json', 'footnotes.md'], dir)).stdout);
      const warnings = count(w, 'warning');
      assert.ok(warnings >= 2, 'the two planted footnote findings are warnings now');
      assert.strictEqual((await h.run(['lint', '--config', 'warn.json', '--max-warnings', String(warnings - 1), 'footnotes.md'], dir)).code, 1);
      assert.strictEqual((await h.run(['lint', '--config', 'warn.json', '--max-warnings', String(warnings), 'footnotes.md'], dir)).code, 0);
      assert.strictEqual((await h.run(['lint', '--config', 'warn.json', 'footnotes.md'], dir)).code, 0, 'no limit by default');
    },
  },
  {
    name: '--quiet prints errors only and does not change the exit code',
    async run(h, dir) {
      seed(dir, SEED_003);
      write(dir, 'warn.json', JSON.stringify({ rules: { footnote: 'warning', spelling: 'warning', citation: 'warning', structure: 'warning' } }));
      const full = parseLintJson((await h.run(['lint', '--format', 'json', '.'], dir)).stdout);
      const q = await h.run(['lint', '--quiet', '--format', 'json', '.'], dir);
      const qj = parseLintJson(q.stdout);
      assert.deepStrictEqual(qj.files.map(f => f.path), full.files.map(f => f.path));
      assert.deepStrictEqual(qj.files.map(f => f.diagnostics), full.files.map(f => f.diagnostics.filter(d => d.severity === 'error')));
      assert.strictEqual(q.code, count(full, 'error') > 0 ? 1 : 0);
      // everything demoted to warnings: quiet shows nothing, yet the warnings still count for --max-warnings
      const w = await h.run(['lint', '--quiet', '--config', 'warn.json', '--max-warnings', '0', '.'], dir);
      const wt = parseText(w.stdout);
      assert.strictEqual(wt.findings.length, 0);
      const warnings = count(parseLintJson((await h.run(['lint', '--format', 'json', '--config', 'warn.json', '.'], dir)).stdout), 'warning');
      assert.strictEqual(w.code, warnings > 0 ? 1 : 0);
    },
  },
  {
    name: 'a missing file: exit 2, one line on stderr naming it, the other files still reported',
    async run(h, dir) {
      fixture(dir, 'clean.md');
      seed(dir, SEED_003);
      const r = await h.run(['lint', '--format', 'json', 'clean.md', 'missing.md', SEED_003], dir);
      assert.strictEqual(r.code, 2);
      assert.deepStrictEqual(oneLine(r.stderr), ['bulletin-ls: missing.md: no such file or directory']);
      assert.deepStrictEqual(parseLintJson(r.stdout).files.map(f => f.path), ['clean.md', SEED_003]);
      const t = await h.run(['lint', 'clean.md', 'missing.md'], dir);
      assert.strictEqual(t.code, 2);
      const s = parseText(t.stdout).summary;
      assert.strictEqual(s[1], '✖');
      assert.strictEqual(s[7], '1');
      assert.strictEqual(s[8], '1');
    },
  },
  {
    name: 'exit 2 wins over exit 1 when a file failed and another had errors',
    needs: ['footnote.undefined'],
    async run(h, dir) {
      fixture(dir, 'footnotes.md');
      write(dir, 'err.json', JSON.stringify({ rules: { 'footnote.undefined': 'error' } }));
      const r = await h.run(['lint', '--config', 'err.json', 'footnotes.md', 'missing.md'], dir);
      assert.strictEqual(r.code, 2);
      assert.ok(parseText(r.stdout).findings.some(f => f.code === 'footnote.undefined' && f.severity === 'error'));
    },
  },
  {
    name: 'binary, invalid UTF-8 and oversized files: exit 2 with a reason each, the others are checked',
    async run(h, dir) {
      fixture(dir, 'clean.md');
      write(dir, 'image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
      write(dir, 'latin1.txt', Buffer.from('Th\xe0nh ph\xf4\n', 'latin1'));
      const big = Buffer.alloc(21 * 1024 * 1024, 0x61);
      write(dir, 'huge.md', big);
      const r = await h.run(['lint', '--format', 'json', 'image.md', 'clean.md', 'latin1.txt', 'huge.md'], dir);
      assert.strictEqual(r.code, 2);
      const lines = oneLine(r.stderr);
      assert.strictEqual(lines.length, 3, r.stderr);
      assert.match(lines[0]!, /^bulletin-ls: image\.md: binary file/);
      assert.match(lines[1]!, /^bulletin-ls: latin1\.txt: invalid UTF-8 at byte 2\b/);
      assert.match(lines[2]!, /^bulletin-ls: huge\.md: file too large/);
      assert.deepStrictEqual(parseLintJson(r.stdout).files.map(f => f.path), ['clean.md']);
    },
  },
  {
    name: 'a device is refused without reading it (/dev/zero never ends): exit 2, the others are checked',
    async run(h, dir) {
      fixture(dir, 'clean.md');
      const r = await h.run(['lint', '--format', 'json', '/dev/zero', 'clean.md'], dir);
      assertRefusedBesideClean(r, 'bulletin-ls: /dev/zero: not a regular file (a character device)');
    },
  },
  {
    name: 'a named pipe is read to its end (as with <(cat a.md)); --fix reports it cannot write there and leaves it a pipe',
    async run(h, dir) {
      const fifo = path.join(dir, 'pipe.md');
      if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
      const feed = () => { const w = spawn('sh', ['-c', 'printf "Thành phổ Hà Nội\\n" > "$0"', fifo], { stdio: 'ignore' }); return new Promise(res => w.on('exit', res)); };
      let fed = feed();
      const r = await h.run(['lint', '--format', 'json', 'pipe.md'], dir);
      await fed;
      assert.strictEqual(r.code, 1, r.stderr);
      assert.deepStrictEqual(parseLintJson(r.stdout).files[0]!.diagnostics.map(d => [d.code, d.suggestions[0]]), [['spelling.context', 'phố']]);
      fed = feed();
      const f = await h.run(['lint', '--fix', 'pipe.md'], dir);
      await fed;
      assert.strictEqual(f.code, 2);
      assert.deepStrictEqual(oneLine(f.stderr), ['bulletin-ls: pipe.md: cannot write fixes (not a regular file)']);
      assert.ok(fs.statSync(fifo).isFIFO(), 'still a pipe');
    },
  },
  {
    name: 'standard input beyond the size limit stops being read: exit 2 naming <stdin>, the other files are checked',
    only: 'exec',
    async run(h, dir) {
      fixture(dir, 'clean.md');
      const r = await h.run(['lint', '--format', 'json', '-', 'clean.md'], dir, { stdin: Buffer.alloc(21 * 1024 * 1024, 0x61) });
      assertRefusedBesideClean(r, 'bulletin-ls: <stdin>: input too large (more than 20 MB)');
    },
  },
  {
    name: 'an empty file is fine: exit 0, no diagnostics',
    async run(h, dir) {
      write(dir, 'empty.md', '');
      const r = await h.run(['lint', '--format', 'json', 'empty.md'], dir);
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(parseLintJson(r.stdout), { version: 1, files: [{ path: 'empty.md', diagnostics: [] }] });
    },
  },
  {
    name: 'CRLF and BOM: positions are those of the file on disk (BOM excluded, as in editors)',
    async run(h, dir) {
      const lf = fs.readFileSync(path.join(SEEDS, SEED_003), 'utf8');
      assert.ok(!lf.includes('\r'));
      write(dir, 'lf.md', lf);
      write(dir, 'crlf.md', lf.replace(/\n/g, '\r\n'));
      write(dir, 'bom.md', '\ufeff' + lf.replace(/\n/g, '\r\n'));
      const j = parseLintJson((await h.run(['lint', '--format', 'json', 'lf.md', 'crlf.md', 'bom.md'], dir)).stdout);
      const [a, b, c] = j.files;
      assert.deepStrictEqual(b!.diagnostics, a!.diagnostics);
      assert.deepStrictEqual(c!.diagnostics, a!.diagnostics);
      // every range lies inside its line (never on the \r)
      const lines = lf.split('\n');
      for (const d of a!.diagnostics) {
        assert.ok(d.range.end.character <= lines[d.range.end.line]!.length, JSON.stringify(d.range));
      }
    },
  },
  {
    name: 'standard input is read with -, reported as <stdin>',
    async run(h, dir) {
      const text = fs.readFileSync(path.join(SEEDS, SEED_003));
      seed(dir, SEED_003);
      const r = await h.run(['lint', '--format', 'json', '-'], dir, { stdin: text });
      const j = parseLintJson(r.stdout);
      assert.deepStrictEqual(j.files.map(f => f.path), ['<stdin>']);
      const onDisk = parseLintJson((await h.run(['lint', '--format', 'json', SEED_003], dir)).stdout);
      assert.deepStrictEqual(j.files[0]!.diagnostics, onDisk.files[0]!.diagnostics);
      const t = await h.run(['lint', '-'], dir, { stdin: 'Nội dung ngắn.\n' });
      assert.strictEqual(t.code, 0);
      assert.match(t.stdout, /in 1 file\n$/);
    },
  },
  {
    name: 'a directory expands to bulletin files below it, sorted, skipping node_modules, hidden entries (.git, .bulletin) and .gitignore',
    async run(h, dir) {
      write(dir, 'docs/b.txt', 'Văn bản.\n');
      write(dir, 'docs/a.md', 'Văn bản.\n');
      write(dir, 'docs/c.json', '{}');
      write(dir, 'docs/sub/d.bulletin', 'Văn bản.\n');
      write(dir, 'docs/sub/e.markdown', 'Văn bản.\n');
      write(dir, 'docs/node_modules/x.md', 'Văn bản.\n');
      write(dir, 'docs/.git/y.md', 'Văn bản.\n');
      write(dir, 'docs/build/z.md', 'Văn bản.\n');
      write(dir, 'docs/.gitignore', 'build/\n*.tmp.md\n');
      write(dir, 'docs/draft.tmp.md', 'Văn bản.\n');
      write(dir, 'docs/.bulletin/words.txt', 'Tồng\n');
      write(dir, 'docs/.notes.md', 'Văn bản.\n');
      for (const [arg, prefix] of [['docs', 'docs/'], ['docs/', 'docs/'], ['./docs', './docs/']] as const) {
        const r = await h.run(['lint', '--format', 'json', arg], dir);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(parseLintJson(r.stdout).files.map(f => f.path),
          ['a.md', 'b.txt', 'sub/d.bulletin', 'sub/e.markdown'].map(p => prefix + p));
      }
      // a file given explicitly is checked even if .gitignore would skip it; duplicates once
      const r = await h.run(['lint', '--format', 'json', 'docs/build/z.md', 'docs', 'docs/a.md'], dir);
      assert.deepStrictEqual(parseLintJson(r.stdout).files.map(f => f.path),
        ['docs/build/z.md', 'docs/a.md', 'docs/b.txt', 'docs/sub/d.bulletin', 'docs/sub/e.markdown']);
    },
  },
  {
    name: 'a directory without bulletins: exit 2 with a clear message',
    async run(h, dir) {
      write(dir, 'empty/notes.json', '{}');
      fixture(dir, 'clean.md');
      const r = await h.run(['lint', '--format', 'json', 'empty', 'clean.md'], dir);
      assertRefusedBesideClean(r, 'bulletin-ls: empty: no bulletin files (*.md, *.markdown, *.txt, *.bulletin) in this directory');
    },
  },
  {
    name: 'globs are expanded by bulletin-ls (*, **, ?, [..]), sorted; no match is exit 2',
    async run(h, dir) {
      for (const p of ['a/x1.md', 'a/x2.md', 'a/y.txt', 'a/b/x3.md', 'a/b/c/x4.md', 'top.md']) write(dir, p, 'Văn bản.\n');
      const paths = async (pattern: string): Promise<string[]> => {
        const r = await h.run(['lint', '--format', 'json', pattern], dir);
        assert.strictEqual(r.code, 0, `${pattern}: ${r.stderr}`);
        return parseLintJson(r.stdout).files.map(f => f.path);
      };
      assert.deepStrictEqual(await paths('a/*.md'), ['a/x1.md', 'a/x2.md']);
      assert.deepStrictEqual(await paths('a/**/*.md'), ['a/b/c/x4.md', 'a/b/x3.md', 'a/x1.md', 'a/x2.md']);
      assert.deepStrictEqual(await paths('**/x?.md'), ['a/b/c/x4.md', 'a/b/x3.md', 'a/x1.md', 'a/x2.md']);
      assert.deepStrictEqual(await paths('a/x[13].md'), ['a/x1.md']);
      assert.deepStrictEqual(await paths('a/x[!1].md'), ['a/x2.md']);
      assert.deepStrictEqual(await paths('*.md'), ['top.md']);
      write(dir, 'a/.hidden.md', 'Văn bản.\n');
      assert.deepStrictEqual(await paths('a/*.md'), ['a/x1.md', 'a/x2.md'], 'hidden files only when the pattern names a dot');
      assert.deepStrictEqual(await paths('a/.*.md'), ['a/.hidden.md']);
      const r = await h.run(['lint', 'a/*.docx', 'top.md'], dir);
      assert.strictEqual(r.code, 2);
      assert.deepStrictEqual(oneLine(r.stderr), ['bulletin-ls: a/*.docx: no files match this pattern']);
    },
  },
  {
    name: 'sarif: version 2.1.0, rules from the registry, 1-based regions matching the json positions',
    async run(h, dir) {
      seed(dir, SEED_000);
      seed(dir, SEED_003);
      const j = parseLintJson((await h.run(['lint', '--format', 'json', SEED_000, SEED_003], dir)).stdout);
      const r = await h.run(['lint', '--format', 'sarif', SEED_000, SEED_003], dir);
      const s = JSON.parse(r.stdout);
      assert.strictEqual(s.version, '2.1.0');
      assert.match(s.$schema, /sarif-2\.1\.0/);
      assert.strictEqual(s.runs.length, 1);
      const run = s.runs[0];
      assert.strictEqual(run.tool.driver.name, 'bulletin-ls');
      assert.strictEqual(run.tool.driver.version, PKG_VERSION);
      const ruleIds: string[] = run.tool.driver.rules.map((x: { id: string }) => x.id);
      assert.strictEqual(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
      assert.strictEqual(run.invocations[0].executionSuccessful, true);
      const expected = j.files.flatMap(f => f.diagnostics.map(d => ({
        ruleId: d.code, uri: f.path,
        region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
      })));
      const got = run.results.map((x: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }) => {
        assert.strictEqual(ruleIds[x.ruleIndex], x.ruleId);
        return { ruleId: x.ruleId, uri: x.locations[0]!.physicalLocation.artifactLocation.uri, region: x.locations[0]!.physicalLocation.region, level: x.level };
      });
      assert.deepStrictEqual(got, expected);
      assert.strictEqual(r.code, count(j, 'error') > 0 ? 1 : 0);
      // fixes: a replacement of exactly the result's region by its first suggestion
      for (const x of run.results as { fixes?: { artifactChanges: { replacements: { deletedRegion: unknown; insertedContent: { text: string } }[] }[] }[]; locations: { physicalLocation: { region: unknown } }[]; properties: { suggestions?: string[] } }[]) {
        if (!x.fixes) continue;
        const rep = x.fixes[0]!.artifactChanges[0]!.replacements[0]!;
        assert.deepStrictEqual(rep.deletedRegion, x.locations[0]!.physicalLocation.region);
        assert.strictEqual(rep.insertedContent.text, x.properties.suggestions?.[0]);
      }
      // a failed file is a tool notification and makes the run unsuccessful
      const bad = JSON.parse((await h.run(['lint', '--format', 'sarif', 'missing.md', SEED_003], dir)).stdout);
      assert.strictEqual(bad.runs[0].invocations[0].executionSuccessful, false);
      assert.match(bad.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /missing\.md/);
    },
  },
  {
    name: 'colours only on a terminal, and never with --no-color or NO_COLOR',
    needs: ['footnote.undefined'],
    only: 'main',
    async run(h, dir) {
      fixture(dir, 'footnotes.md');
      assert.ok(ESC.test((await h.run(['lint', 'footnotes.md'], dir, { tty: true })).stdout));
      const plain = await h.run(['lint', 'footnotes.md'], dir);
      assert.ok(!ESC.test(plain.stdout));
      assert.strictEqual((await h.run(['lint', '--no-color', 'footnotes.md'], dir, { tty: true })).stdout, plain.stdout);
      assert.strictEqual((await h.run(['lint', 'footnotes.md'], dir, { tty: true, env: { NO_COLOR: '1' } })).stdout, plain.stdout);
    },
  },
  {
    name: 'messages follow --lang, else LC_ALL / LC_MESSAGES / LANG',
    needs: ['footnote.undefined'],
    async run(h, dir) {
      fixture(dir, 'footnotes.md');
      const msgs = async (args: string[], env: Record<string, string> = {}): Promise<string[]> =>
        parseLintJson((await h.run(['lint', '--format', 'json', ...args, 'footnotes.md'], dir, { env })).stdout).files[0]!.diagnostics.map(d => d.message);
      const en = await msgs(['--lang', 'en']);
      const vi = await msgs(['--lang', 'vi']);
      assert.notDeepStrictEqual(en, vi);
      assert.deepStrictEqual(await msgs([], { LANG: 'vi_VN.UTF-8' }), vi);
      assert.deepStrictEqual(await msgs([], { LC_ALL: 'en_US.UTF-8', LANG: 'vi_VN.UTF-8' }), en);
      assert.deepStrictEqual(await msgs(['--lang', 'en'], { LANG: 'vi_VN.UTF-8' }), en);
    },
  },
  {
    name: 'user words: .bulletin/words.txt nearest above each file (else in the cwd) and --config words silence a spelling finding',
    needs: ['spelling.unknown-syllable'],
    async run(h, dir) {
      const line = 'Tổng số đại biểu tham dự Hội nghị là 220 đại biểu, trong đó có 47 đồng chí là ủy viên.\n';
      // find a word the engine flags, by damaging one syllable the way OCR does, and let the engine say which
      const damaged = line.replace('Tổng', 'Tồng');
      write(dir, 'proj/docs/a.md', damaged);
      write(dir, 'other/b.md', damaged);
      const before = parseLintJson((await h.run(['lint', '--format', 'json', 'proj/docs/a.md'], dir)).stdout).files[0]!.diagnostics;
      const hit = before.find(d => d.code.startsWith('spelling.'));
      assert.ok(hit, 'the damaged syllable is flagged');
      const word = damaged.slice(hit.range.start.character, hit.range.end.character);
      write(dir, 'proj/.bulletin/words.txt', `# project words\n${word}\n`);
      const j = parseLintJson((await h.run(['lint', '--format', 'json', 'proj/docs/a.md', 'other/b.md'], dir)).stdout);
      const has = (i: number): boolean => j.files[i]!.diagnostics.some(d => d.range.start.character === hit.range.start.character && d.code === hit.code);
      assert.strictEqual(has(0), false, 'accepted under proj/');
      assert.strictEqual(has(1), true, 'still flagged outside proj/');
      // standard input takes the user data of the working directory
      const fromCwd = await h.run(['lint', '--format', 'json', '-'], path.join(dir, 'proj'), { stdin: damaged });
      assert.ok(!parseLintJson(fromCwd.stdout).files[0]!.diagnostics.some(d => d.code === hit.code && d.range.start.character === hit.range.start.character));
      // --config words do the same
      write(dir, 'cfg.json', JSON.stringify({ words: [word] }));
      const viaConfig = parseLintJson((await h.run(['lint', '--format', 'json', '--config', 'cfg.json', 'other/b.md'], dir)).stdout);
      assert.ok(!viaConfig.files[0]!.diagnostics.some(d => d.code === hit.code && d.range.start.character === hit.range.start.character));
    },
  },
  {
    name: 'lint sees the other files given: a citation finding names the bulletin that cites the document in full',
    needs: ['citation.unresolved'],
    async run(h, dir) {
      seed(dir, SEED_000);
      seed(dir, SEED_003);
      const naming = (doc: LintDoc): Diag[] => doc.files.find(f => f.path === SEED_000)!.diagnostics.filter(d => d.code.startsWith('citation.') && d.message.includes(SEED_003));
      const alone = parseLintJson((await h.run(['lint', '--format', 'json', SEED_000], dir)).stdout);
      const both = parseLintJson((await h.run(['lint', '--format', 'json', SEED_000, SEED_003], dir)).stdout);
      assert.strictEqual(naming(alone).length, 0);
      assert.ok(naming(both).length > 0, 'some citation finding in 000 names 003');
      // the same positions and codes either way: only messages gain the other file's name
      const shape = (ds: Diag[]): string[] => ds.map(d => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
      assert.deepStrictEqual(shape(both.files[0]!.diagnostics), shape(alone.files[0]!.diagnostics));
    },
  },
  {
    name: 'seed 003: footnote 8 cites itself (footnote.self-reference on its definition line)',
    needs: ['footnote.self-reference'],
    async run(h, dir) {
      seed(dir, SEED_003);
      const lines = fs.readFileSync(path.join(SEEDS, SEED_003), 'utf8').split('\n');
      const defLine = lines.findIndex(l => l.startsWith('<sup>8</sup>'));
      assert.ok(defLine > 0);
      const j = parseLintJson((await h.run(['lint', '--format', 'json', SEED_003], dir)).stdout);
      const self = j.files[0]!.diagnostics.filter(d => d.code === 'footnote.self-reference');
      assert.strictEqual(self.length, 1, JSON.stringify(self));
      assert.strictEqual(self[0]!.range.start.line, defLine);
    },
  },
  {
    name: '--fix: applies exactly the safe fixes, keeps CRLF/BOM, a second run changes nothing, untouched files keep their mtime',
    async run(h, dir) {
      const lf = fs.readFileSync(path.join(SEEDS, SEED_000), 'utf8');
      const crlfBom = '\ufeff' + lf.replace(/\n/g, '\r\n');
      const target = write(dir, 'ocr.txt', crlfBom);
      const clean = fixture(dir, 'clean.md');
      const old = new Date(Date.now() - 3600_000);
      fs.utimesSync(clean, old, old);
      fs.utimesSync(target, old, old);
      const cleanBefore = fs.statSync(clean).mtimeMs;
      const targetBefore = fs.statSync(target).mtimeMs;

      // expected result: the engine's own safe fixes, applied until none is left
      const config = resolveConfig({ locale: 'en' });
      let expected = crlfBom.slice(1);
      for (let i = 0; i < 10; i++) {
        const edits = fixEdits(expected, lint(parseDocument('file:///x', expected), config, { resources: baseResources() }), true);
        if (!edits.length) break;
        expected = applyEdits(expected, edits);
      }
      const r1 = await h.run(['lint', '--fix', '--format', 'json', 'ocr.txt', 'clean.md'], dir, { env: { LANG: 'C' } });
      assert.notStrictEqual(r1.code, 2, r1.stderr);
      const after = fs.readFileSync(target, 'utf8');
      assert.strictEqual(after, '\ufeff' + expected);
      assert.ok(after.startsWith('\ufeff'), 'BOM kept');
      assert.ok(!/[^\r]\n/.test(after), 'every line break is still CRLF');
      assert.strictEqual(fs.statSync(clean).mtimeMs, cleanBefore, 'a file with nothing to fix is not touched');
      if (after === crlfBom) assert.strictEqual(fs.statSync(target).mtimeMs, targetBefore, 'nothing fixed: not touched');
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['clean.md', 'ocr.txt'], 'no temporary files left');
      // reported findings are those of the file as it now is
      const j1 = parseLintJson(r1.stdout);
      const now = parseLintJson((await h.run(['lint', '--format', 'json', 'ocr.txt', 'clean.md'], dir)).stdout);
      assert.deepStrictEqual(j1, now);
      // second run: nothing changes
      const mtime = fs.statSync(target).mtimeMs;
      const r2 = await h.run(['lint', '--fix', '--format', 'json', 'ocr.txt'], dir);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), after);
      assert.strictEqual(fs.statSync(target).mtimeMs, mtime);
      assert.deepStrictEqual(parseLintJson(r2.stdout).files[0], j1.files[0]);
    },
  },
  {
    name: 'outline --format json on seed 003: the contract shape, one file',
    async run(h, dir) {
      seed(dir, SEED_003);
      const r = await h.run(['outline', '--format', 'json', SEED_003], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      const o = JSON.parse(r.stdout);
      assert.deepStrictEqual(keys(o), ['files', 'version']);
      assert.strictEqual(o.version, 1);
      assert.strictEqual(o.files.length, 1);
      assert.deepStrictEqual(keys(o.files[0]), ['path', 'symbols']);
      assert.strictEqual(o.files[0].path, SEED_003);
      const walk = (s: Json): void => {
        const k = keys(s).filter(x => x !== 'detail');
        assert.deepStrictEqual(k, ['children', 'kind', 'name', 'range', 'selectionRange']);
        assert.strictEqual(typeof s.name, 'string');
        assert.ok(isRange(s.range) && isRange(s.selectionRange));
        (s.children as Json[]).forEach(walk);
      };
      (o.files[0].symbols as Json[]).forEach(walk);
      // the same tree the editor's Outline shows: exactly the engine's documentSymbols
      const abs = path.join(dir, SEED_003);
      const engineTree = documentSymbols(parseDocument(pathToUri(abs), fs.readFileSync(abs, 'utf8')), { workspace: emptyWorkspace, resources: baseResources(), locale: 'en' });
      assert.deepStrictEqual(o.files[0].symbols, JSON.parse(JSON.stringify(engineTree)));
      // once the outline exists: the seed's three Roman-numbered sections, in order, each at its own line
      const sections = (o.files[0].symbols as { name: string; kind: string; selectionRange: { start: { line: number } } }[]).filter(x => x.kind === 'section');
      if (sections.length) {
        assert.deepStrictEqual(sections.map(x => x.name.split(' ')[0]), ['I.', 'II.', 'III.']);
        const lines = fs.readFileSync(abs, 'utf8').split('\n');
        for (const x of sections) assert.ok(lines[x.selectionRange.start.line]!.replace(/[*#\\]/g, '').includes(x.name.slice(0, 12)), x.name);
      }
      const t = await h.run(['outline', SEED_003, 'missing.md'], dir);
      assert.strictEqual(t.code, 2);
      assert.match(t.stdout, new RegExp(`^${SEED_003.replace(/\./g, '\\.')}\n`));
      assert.deepStrictEqual(oneLine(t.stderr), ['bulletin-ls: missing.md: no such file or directory']);
    },
  },
  {
    name: 'citations --format json: the contract shape, resolved across the files given',
    async run(h, dir) {
      seed(dir, SEED_000);
      seed(dir, SEED_003);
      const r = await h.run(['citations', '--format', 'json', SEED_000, SEED_003], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      const c = JSON.parse(r.stdout);
      assert.deepStrictEqual(keys(c), ['documents', 'mentions', 'version']);
      assert.strictEqual(c.version, 1);
      const docKeys = new Set<string>();
      for (const d of c.documents) {
        assert.strictEqual(typeof d.key, 'string');
        assert.strictEqual(typeof d.type, 'string');
        assert.strictEqual(typeof d.number, 'string');
        docKeys.add(d.key);
        if (d.definition) {
          assert.ok([SEED_000, SEED_003].includes(d.definition.path));
          assert.ok(isRange(d.definition.range));
        }
      }
      for (const m of c.mentions) {
        assert.ok([SEED_000, SEED_003].includes(m.path), m.path);
        assert.ok(isRange(m.range));
        assert.ok(['full', 'short', 'alias'].includes(m.kind), m.kind);
        assert.strictEqual(typeof m.text, 'string');
        assert.ok(m.key === null || docKeys.has(m.key), `mention key ${m.key} is a listed document`);
      }
      const t = await h.run(['citations', SEED_000, SEED_003], dir);
      assert.strictEqual(t.code, 0);
      const tl = t.stdout.slice(0, -1).split('\n');
      assert.strictEqual(tl.length, c.mentions.length + 1, 'one line per mention and a summary');
      const unresolved = c.mentions.filter((m: { key: string | null }) => m.key === null).length;
      assert.match(tl[tl.length - 1]!, new RegExp(`^${c.documents.length} documents?, ${c.mentions.length} mentions?, ${unresolved} unresolved$`));
      // resolving across the files given: a short form in 000 that only 003 cites in full
      const alone = JSON.parse((await h.run(['citations', '--format', 'json', SEED_000], dir)).stdout);
      const defIn = new Map<string, string>(c.documents.filter((d: Json) => d.definition).map((d: { key: string; definition: { path: string } }) => [d.key, d.definition.path]));
      const crossed = c.mentions.filter((m: { path: string; key: string | null; range: unknown }) => m.path === SEED_000 && m.key && defIn.get(m.key) === SEED_003 &&
        alone.mentions.some((a: { key: string | null; range: unknown }) => a.key === null && JSON.stringify(a.range) === JSON.stringify(m.range)));
      if (c.mentions.length) assert.ok(crossed.length > 0, 'some mention of seed 000 resolves only through seed 003');
    },
  },
  {
    name: 'worker threads give exactly the same output as one thread',
    async run(h, dir) {
      for (let i = 0; i < 3; i++) {
        seed(dir, SEED_000, `c/a${i}.txt`);
        seed(dir, SEED_003, `c/b${i}.md`);
      }
      write(dir, 'c/bad.md', Buffer.from([0x41, 0x00, 0x42]));
      const one = await h.run(['lint', '--format', 'json', '--jobs', '1', 'c'], dir);
      const many = await h.run(['lint', '--format', 'json', '--jobs', '3', 'c'], dir, { workers: true });
      assert.strictEqual(many.code, one.code);
      assert.strictEqual(many.code, 2);
      assert.strictEqual(many.stdout, one.stdout);
      assert.strictEqual(many.stderr, one.stderr);
      assert.strictEqual(parseLintJson(many.stdout).files.length, 6);
      // --fix in workers writes exactly what one thread writes
      fs.cpSync(path.join(dir, 'c'), path.join(dir, 'd'), { recursive: true });
      const f1 = await h.run(['lint', '--fix', '--format', 'json', '--jobs', '1', 'c'], dir);
      const f3 = await h.run(['lint', '--fix', '--format', 'json', '--jobs', '3', 'd'], dir, { workers: true });
      assert.strictEqual(f3.stdout, f1.stdout.replace(/"path":"c\//g, '"path":"d/'));
      for (const name of fs.readdirSync(path.join(dir, 'c'))) {
        assert.ok(fs.readFileSync(path.join(dir, 'c', name)).equals(fs.readFileSync(path.join(dir, 'd', name))), name);
      }
    },
  },
];

/** Define the mocha suite for one host. */
export function defineSuite(host: Host): void {
  suite(`cli (${host.name === 'main' ? 'in-process main()' : 'node server/out/main.js'})`, () => {
    for (const c of cases) {
      if (c.only && c.only !== host.name) continue;
      test(c.name, async function () {
        // the exec host starts a process (and loads the model) per run; shared CI machines can be slow
        this.timeout(host.name === 'exec' ? 120_000 : 60_000);
        const missing = missingRules(c);
        if (missing.length) this.skip();
        const dir = tempDir();
        try {
          await c.run(host, dir);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
