// Per-file configuration and resources: the --config file, the user's data in the nearest
// `.bulletin/` folder (words.txt → config.words, documents.json → resources.documents), and the
// shared resources (spelling model) loaded once per thread.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, type EngineConfig, type PartialConfig, type Resources } from '../engine/index';
import { loadDefaultResources } from '../engine/resources';
import { findUserDataFolder, readUserData } from '../node/userData';
import { describeFsError } from './files';
import { UsageError } from './args';

let base: Resources | undefined;

/** The engine's default resources (the spelling model), decoded once per thread. */
export function baseResources(): Resources {
  if (!base) {
    try {
      base = loadDefaultResources();
    } catch (e) {
      // a damaged installation (server/data/spelling.bin missing): say so, exit 2
      throw new UsageError(`cannot load the spelling model: ${(e as Error)?.message ?? e}`);
    }
  }
  return base;
}

/** Read and validate a --config file: JSON with any of { rules, words, spelling, citations, locale }. */
export function readConfigFile(file: string, cwd: string): PartialConfig {
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read config file (${describeFsError(e)})`);
  }
  let v: unknown;
  try {
    v = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`${file}: config file is not valid JSON (${String((e as Error).message).split('\n')[0]})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`${file}: config file must hold a JSON object`);
  const known = new Set(['rules', 'words', 'spelling', 'citations', 'locale', '$schema']);
  const unknown = Object.keys(v).filter(k => !known.has(k));
  if (unknown.length) throw new UsageError(`${file}: unknown config key${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `'${k}'`).join(', ')} (expected rules, words, spelling, citations)`);
  return v as PartialConfig;
}

export interface Setup {
  /** Folder holding `.bulletin/`, or '' when none. */
  folder: string;
  config: EngineConfig;
  documents: Resources['documents'];
}

export class Setups {
  private readonly byFolder = new Map<string, Setup>();
  private readonly folderOfDir = new Map<string, string>();
  /** Problems found in user data files, one line each (warnings on stderr; they do not fail the run). */
  readonly warnings: string[] = [];

  constructor(private readonly cwd: string, private readonly fileConfig: PartialConfig | undefined, private readonly locale: 'en' | 'vi') {}

  /** Setup for a file (abs path) or for standard input (undefined): nearest `.bulletin/` above the file, else in cwd. */
  forFile(abs: string | undefined): Setup {
    const dir = abs ? path.dirname(abs) : this.cwd;
    let folder = this.folderOfDir.get(dir);
    if (folder === undefined) {
      folder = findUserDataFolder(dir) ?? findUserDataFolder(this.cwd, this.cwd) ?? '';
      this.folderOfDir.set(dir, folder);
    }
    let s = this.byFolder.get(folder);
    if (!s) {
      let words: string[] = [];
      let documents: Resources['documents'] = [];
      if (folder) {
        const ud = readUserData(folder);
        words = ud.words;
        documents = ud.documents;
        for (const p of ud.problems) {
          const m = this.locale === 'vi' ? p.message.vi : p.message.en;
          this.warnings.push(p.line ? `${p.file}:${p.line}: ${m}` : m);
        }
      }
      const config = resolveConfig(this.fileConfig, { words }, { locale: this.locale });
      s = { folder, config, documents };
      this.byFolder.set(folder, s);
    }
    return s;
  }

  all(): Setup[] { return [...this.byFolder.values()]; }
}

export function resourcesFor(setup: Setup): Resources {
  const b = baseResources();
  return setup.documents.length ? { ...b, documents: [...b.documents, ...setup.documents] } : b;
}
