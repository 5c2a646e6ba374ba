// A small glob matcher for command-line paths: `*`, `**`, `?`, `[...]` (with `!`/`^` negation
// and ranges). No backtracking: the pattern is compiled to a tiny NFA and simulated with a
// state set, so matching is O(path length × pattern length) for every input (no ReDoS).
//
// Semantics (as in shells and .gitignore-style tools):
//   *      any run of characters except '/'
//   ?      one character except '/'
//   [a-z]  one character from the class (never '/'); [!x] or [^x] negates
//   **     as a whole path segment ("a/**/b", "**/x", "a/**"): any number of segments, including none
//   \c     the literal character c

type Tok =
  | { t: 'lit'; c: string }
  | { t: 'any' }                                   // ?
  | { t: 'star' }                                  // *  (loops on non-'/')
  | { t: 'globdir' }                               // "**/": empty, or anything ending in '/'
  | { t: 'rest' }                                  // trailing "/**" after '/': anything at all
  | { t: 'class'; neg: boolean; items: (string | [string, string])[] };

export function hasGlobChars(s: string): boolean {
  return /[*?[]/.test(s);
}

export class Glob {
  private readonly toks: Tok[];
  constructor(readonly pattern: string) {
    this.toks = compile(pattern);
  }

  /** Whether `path` (with '/' separators) matches the whole pattern. */
  match(path: string): boolean {
    const toks = this.toks;
    const n = toks.length;
    let cur = new Uint8Array(n + 1);
    let next = new Uint8Array(n + 1);
    const close = (set: Uint8Array): void => {
      // epsilon moves: star, globdir and rest may match the empty string
      for (let i = 0; i < n; i++) {
        if (set[i] && (toks[i]!.t === 'star' || toks[i]!.t === 'globdir' || toks[i]!.t === 'rest')) set[i + 1] = 1;
      }
    };
    cur[0] = 1;
    close(cur);
    for (let p = 0; p < path.length; p++) {
      const ch = path[p]!;
      next.fill(0);
      let any = false;
      for (let i = 0; i < n; i++) {
        if (!cur[i]) continue;
        const tk = toks[i]!;
        switch (tk.t) {
          case 'lit': if (tk.c === ch) { next[i + 1] = 1; any = true; } break;
          case 'any': if (ch !== '/') { next[i + 1] = 1; any = true; } break;
          case 'star': if (ch !== '/') { next[i] = 1; any = true; } break;
          case 'rest': next[i] = 1; any = true; break;
          case 'globdir':
            next[i] = 1; any = true;
            if (ch === '/') next[i + 1] = 1;
            break;
          case 'class': if (ch !== '/' && classMatch(tk, ch)) { next[i + 1] = 1; any = true; } break;
        }
      }
      if (!any) return false;
      close(next);
      const tmp = cur; cur = next; next = tmp;
    }
    return cur[n] === 1;
  }
}

function classMatch(tk: { neg: boolean; items: (string | [string, string])[] }, ch: string): boolean {
  let hit = false;
  for (const it of tk.items) {
    if (typeof it === 'string' ? it === ch : ch >= it[0] && ch <= it[1]) { hit = true; break; }
  }
  return tk.neg ? !hit : hit;
}

function compile(p: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) { toks.push({ t: 'lit', c: p[i + 1]! }); i += 2; continue; }
    if (c === '*') {
      let j = i;
      while (j < p.length && p[j] === '*') j++;
      const atSegStart = i === 0 || p[i - 1] === '/';
      if (j - i >= 2 && atSegStart && (j === p.length || p[j] === '/')) {
        if (j === p.length) {
          // "a/**" (or "**" alone): everything below
          toks.push({ t: 'rest' });
          i = j;
        } else {
          // "**/"
          toks.push({ t: 'globdir' });
          i = j + 1;
        }
        continue;
      }
      toks.push({ t: 'star' });
      i = j;
      continue;
    }
    if (c === '?') { toks.push({ t: 'any' }); i++; continue; }
    if (c === '[') {
      const cls = parseClass(p, i);
      if (cls) { toks.push(cls.tok); i = cls.end; continue; }
      toks.push({ t: 'lit', c: '[' }); i++; continue;
    }
    toks.push({ t: 'lit', c });
    i++;
  }
  return toks;
}

function parseClass(p: string, start: number): { tok: Tok; end: number } | null {
  let i = start + 1;
  let neg = false;
  if (p[i] === '!' || p[i] === '^') { neg = true; i++; }
  const items: (string | [string, string])[] = [];
  let first = true;
  while (i < p.length) {
    let c = p[i]!;
    if (c === ']' && !first) return { tok: { t: 'class', neg, items }, end: i + 1 };
    first = false;
    if (c === '\\' && i + 1 < p.length) { i++; c = p[i]!; }
    if (p[i + 1] === '-' && i + 2 < p.length && p[i + 2] !== ']') {
      let hi = p[i + 2]!;
      let adv = 3;
      if (hi === '\\' && i + 3 < p.length) { hi = p[i + 3]!; adv = 4; }
      items.push([c, hi]);
      i += adv;
      continue;
    }
    items.push(c);
    i++;
  }
  return null; // unterminated: '[' is literal
}

/** The leading part of a pattern that has no glob characters, cut at a '/' ("seeds/*.txt" -> "seeds"). */
export function staticPrefix(pattern: string): string {
  let cut = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '*' || c === '?' || c === '[') break;
    if (c === '/') cut = i;
  }
  if (cut < 0) return '';
  return cut === 0 ? '/' : pattern.slice(0, cut);
}
