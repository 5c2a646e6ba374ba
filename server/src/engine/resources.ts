import { SpellingModel } from './vietnamese/model';
import type { KnownDocument } from './citations/catalogue';
import spellingBytes from '../../data/spelling.bin';

/** Loaded once per process and shared by every document. */
export interface Resources {
  spelling: SpellingModel | null;
  /** User catalogue (.bulletin/documents.json). */
  documents: KnownDocument[];
}

export const noResources: Resources = { spelling: null, documents: [] };

let defaultSpelling: SpellingModel | null = null;

/**
 * The spelling model, decoded once per process. The engine does no I/O of its own: the bytes
 * come from the build (carried in the bundle for tests and tools, read from server/data/ next to
 * the server bundle; see scripts/esbuild-binary.mjs). Throws when they cannot be had.
 */
export function loadSpellingModel(): SpellingModel {
  if (!defaultSpelling) defaultSpelling = new SpellingModel(spellingBytes());
  return defaultSpelling;
}

/** Resources with the bundled data tables; cached module-wide. */
export function loadDefaultResources(documents: KnownDocument[] = []): Resources {
  return { spelling: loadSpellingModel(), documents };
}
