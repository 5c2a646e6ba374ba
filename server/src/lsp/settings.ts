// The user's `bulletin.*` settings, fetched per document URI with workspace/configuration and
// cached until didChangeConfiguration (the lsp-sample pattern).
import type { Connection } from 'vscode-languageserver/node';
import type { ActivationMode, PartialConfig } from '../engine/config';

export interface Settings {
  activation: ActivationMode;
  rules: Record<string, unknown>;
  words: string[];
  spelling: { contextThreshold?: number; maxSuggestions?: number };
  citations: { bulletinDate?: string };
  /** Most diagnostics shown per document (0 = no limit). */
  maxProblems: number;
  trace: string;
}

export const DEFAULT_MAX_PROBLEMS = 1000;
export const defaultSettings: Settings = { activation: 'auto', rules: {}, words: [], spelling: {}, citations: {}, maxProblems: DEFAULT_MAX_PROBLEMS, trace: 'off' };

function obj(x: unknown): Record<string, unknown> {
  return x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** Accepts the nested object VS Code returns for section "bulletin" (or flat dotted keys). */
export function sanitize(raw: unknown): Settings {
  const r = obj(raw);
  const get = (nested: unknown, dotted: string) => (nested !== undefined ? nested : r[dotted]);
  const activation = r['activation'];
  const spelling = obj(r['spelling']);
  const citations = obj(r['citations']);
  const words = r['words'];
  const ct = get(spelling['contextThreshold'], 'spelling.contextThreshold');
  const ms = get(spelling['maxSuggestions'], 'spelling.maxSuggestions');
  const bd = get(citations['bulletinDate'], 'citations.bulletinDate');
  const trace = get(obj(r['trace'])['server'], 'trace.server');
  const mp = r['maxProblems'];
  return {
    activation: activation === 'bulletinOnly' || activation === 'always' || activation === 'auto' ? activation : 'auto',
    rules: obj(r['rules']),
    words: Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [],
    spelling: {
      contextThreshold: typeof ct === 'number' ? ct : undefined,
      maxSuggestions: typeof ms === 'number' ? ms : undefined,
    },
    citations: { bulletinDate: typeof bd === 'string' && bd ? bd : undefined },
    maxProblems: typeof mp === 'number' && Number.isFinite(mp) && mp >= 0 ? Math.floor(mp) : DEFAULT_MAX_PROBLEMS,
    trace: typeof trace === 'string' ? trace : 'off',
  };
}

/** The engine-facing part of the settings (resolveConfig validates each value again). */
export function toPartialConfig(s: Settings): PartialConfig {
  return {
    rules: s.rules as PartialConfig['rules'],
    words: s.words,
    spelling: s.spelling,
    citations: s.citations,
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Used when the client cannot answer workspace/configuration. */
  private global: Settings = defaultSettings;
  generation = 0;

  constructor(private readonly connection: Connection, private readonly supportsConfiguration: () => boolean, private readonly log: (m: string) => void) {}

  get(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration()) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'bulletin' })
        .then(sanitize, (e: unknown) => {
          this.log(`workspace/configuration failed for ${uri}: ${(e as Error)?.message ?? e}`);
          this.cache.delete(uri);
          return defaultSettings;
        });
      this.cache.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: drop the cache; `pushed` is the payload clients without pull send. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const b = obj(pushed)['bulletin'];
    if (b !== undefined) this.global = sanitize(b);
    this.generation++;
  }

  forget(uri: string): void { this.cache.delete(uri); }
}
