// Command-line parsing. Strict: an unknown option or a bad value is a usage error (exit 2).
export type Command = 'lint' | 'citations' | 'outline';
export type Format = 'text' | 'json' | 'sarif';

export interface Options {
  command: Command;
  format: Format;
  fix: boolean;
  /** -1 = no limit. */
  maxWarnings: number;
  config?: string;
  quiet: boolean;
  color: boolean | undefined;
  lang?: 'vi' | 'en';
  /** Worker threads: undefined = automatic, 0/1 = none. */
  jobs?: number;
  inputs: string[];
  help: boolean;
}

export class UsageError extends Error {}

const FORMATS: Record<Command, Format[]> = {
  lint: ['text', 'json', 'sarif'],
  citations: ['text', 'json'],
  outline: ['text', 'json'],
};

export function parseArgs(argv: readonly string[]): Options {
  const command = argv[0] as Command;
  const o: Options = { command, format: 'text', fix: false, maxWarnings: -1, quiet: false, color: undefined, inputs: [], help: false };
  const lintOnly = (name: string): void => {
    if (command !== 'lint') throw new UsageError(`option '${name}' is only valid for 'lint'`);
  };
  let i = 1;
  let noMoreOptions = false;
  const value = (name: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline;
    if (i + 1 >= argv.length) throw new UsageError(`option '${name}' needs a value`);
    return argv[++i]!;
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (noMoreOptions || a === '-' || !a.startsWith('-')) { o.inputs.push(a); continue; }
    if (a === '--') { noMoreOptions = true; continue; }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const flag = (): void => { if (inline !== undefined) throw new UsageError(`option '${name}' takes no value`); };
    switch (name) {
      case '-h': case '--help': flag(); o.help = true; break;
      case '-f': case '--format': {
        const v = value(name, inline);
        if (!(FORMATS[command] as string[]).includes(v)) {
          throw new UsageError(`invalid --format '${v}' for '${command}' (expected ${FORMATS[command].join('|')})`);
        }
        o.format = v as Format;
        break;
      }
      case '--fix': flag(); lintOnly(name); o.fix = true; break;
      case '--max-warnings': {
        lintOnly(name);
        const v = value(name, inline);
        if (!/^-?\d+$/.test(v) || Number(v) < -1) throw new UsageError(`invalid --max-warnings '${v}' (expected a whole number >= 0, or -1 for no limit)`);
        o.maxWarnings = Number(v);
        break;
      }
      case '-c': case '--config': lintOnly(name); o.config = value(name, inline); break;
      case '-q': case '--quiet': flag(); lintOnly(name); o.quiet = true; break;
      case '--no-color': flag(); o.color = false; break;
      case '--color': flag(); o.color = true; break;
      case '--lang': {
        const v = value(name, inline);
        if (v !== 'vi' && v !== 'en') throw new UsageError(`invalid --lang '${v}' (expected vi|en)`);
        o.lang = v;
        break;
      }
      case '-j': case '--jobs': {
        const v = value(name, inline);
        if (!/^\d+$/.test(v)) throw new UsageError(`invalid --jobs '${v}' (expected a whole number)`);
        o.jobs = Number(v);
        break;
      }
      default:
        throw new UsageError(`unknown option '${a}'`);
    }
  }
  return o;
}

/** vi when LC_ALL, LC_MESSAGES or LANG (first one set, in POSIX order) starts with "vi". */
export function localeFromEnv(env: Record<string, string | undefined>): 'vi' | 'en' {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.@-]|$)/i.test(v) ? 'vi' : 'en';
}
