// Test helpers: locating the repository and the seeds, and reading the expectation comments
// that fixture documents carry (`<!-- expect: footnote.unused structure.heading-level -->`).
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (the folder holding package.json), found upward from this bundle. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let k = 0; k < 8; k++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('repository root not found from ' + __dirname);
}

export const SEED_000 = '000_a564b550e16160e0.txt';
export const SEED_003 = '003_ac34d902066b54a2.txt';

/** The text of a seed bulletin (seeds/ holds them byte-for-byte). */
export function seedText(name: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'seeds', name), 'utf8');
}

export interface Expectation {
  /** 0-based line of the offending text. */
  line: number;
  code: string;
  /** Optional quoted text the finding must cover, e.g. `spelling.context "phổ"`. */
  text?: string;
}

const EXPECT = /<!--\s*expect:([^]*?)-->/g;
const ITEM = /([a-z]+(?:\.[a-z0-9-]+)+)(?:\s+"([^"]*)")?/g;

/**
 * Expectations written in a fixture: every `<!-- expect: code [code "text"] … -->` comment
 * applies to the line it sits on; on a line of its own, to the next non-blank line.
 */
export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expectation[] = [];
  lines.forEach((ln, i) => {
    if (!ln.includes('<!--')) return;
    // a comment alone on its line applies to the next non-blank line
    let target = i;
    if (ln.replace(EXPECT, '').trim() === '') {
      target = i + 1;
      while (target < lines.length && lines[target]!.trim() === '') target++;
    }
    EXPECT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = EXPECT.exec(ln))) {
      ITEM.lastIndex = 0;
      let it: RegExpExecArray | null;
      while ((it = ITEM.exec(m[1]!))) {
        const e: Expectation = { line: target, code: it[1]! };
        if (it[2] !== undefined) e.text = it[2];
        out.push(e);
      }
    }
  });
  return out;
}
