import type { Locale, RuleLevel } from './types';

export type ActivationMode = 'auto' | 'bulletinOnly' | 'always';

export interface EngineConfig {
  locale: Locale;
  /** Per code ("footnote.unused") or per family ("spelling") level; code wins over family. */
  rules: Record<string, RuleLevel>;
  /** Extra words accepted by the spelling checks (settings + .bulletin/words.txt). */
  words: string[];
  spelling: {
    /** Minimum confidence (0..1) for a spelling.context finding to be reported. */
    contextThreshold: number;
    /** Maximum number of suggestions per finding. */
    maxSuggestions: number;
  };
  citations: {
    /** Override the bulletin's own date (ISO yyyy-mm-dd) used for "cited document postdates the bulletin". */
    bulletinDate?: string;
  };
}

export const defaultConfig: EngineConfig = {
  locale: 'en',
  rules: {},
  words: [],
  spelling: { contextThreshold: 0.5, maxSuggestions: 5 },
  citations: {},
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };
export type PartialConfig = DeepPartial<EngineConfig>;

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);
const LEVEL_ALIASES: Readonly<Record<string, RuleLevel>> = Object.assign(Object.create(null) as Record<string, RuleLevel>, { info: 'information', warn: 'warning', on: 'warning', false: 'off' });

/** Merge partial configs over the defaults; unknown or ill-typed values are ignored. */
export function resolveConfig(...parts: (PartialConfig | undefined | null)[]): EngineConfig {
  const c: EngineConfig = {
    locale: defaultConfig.locale,
    rules: {},
    words: [],
    spelling: { ...defaultConfig.spelling },
    citations: { ...defaultConfig.citations },
  };
  for (const p of parts) {
    if (!p || typeof p !== 'object') continue;
    if (p.locale === 'en' || p.locale === 'vi') c.locale = p.locale;
    if (p.rules && typeof p.rules === 'object') {
      for (const [k, v] of Object.entries(p.rules)) {
        const lv = typeof v === 'string' ? (LEVEL_ALIASES[v] ?? v) : v === false ? 'off' : undefined;
        if (typeof lv === 'string' && LEVELS.has(lv)) c.rules[k] = lv as RuleLevel;
      }
    }
    if (Array.isArray(p.words)) for (const w of p.words) if (typeof w === 'string' && w.trim()) c.words.push(w.trim());
    if (p.spelling && typeof p.spelling === 'object') {
      const s = p.spelling;
      if (typeof s.contextThreshold === 'number' && s.contextThreshold >= 0 && s.contextThreshold <= 1) c.spelling.contextThreshold = s.contextThreshold;
      if (typeof s.maxSuggestions === 'number' && s.maxSuggestions >= 1) c.spelling.maxSuggestions = Math.min(20, Math.floor(s.maxSuggestions));
    }
    if (p.citations && typeof p.citations === 'object') {
      const d = p.citations.bulletinDate;
      if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) c.citations.bulletinDate = d;
    }
  }
  return c;
}

/** Effective level of a rule: explicit code setting, else family setting, else the default. */
export function levelFor(config: EngineConfig, code: string, defaultSeverity: RuleLevel): RuleLevel {
  const byCode = config.rules[code];
  if (byCode) return byCode;
  const family = code.slice(0, code.indexOf('.'));
  const byFamily = config.rules[family];
  if (byFamily) return byFamily;
  return defaultSeverity;
}
