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

/** The bundled spelling model, decoded once per process (pure: no I/O, bytes are bundled). */
export function loadSpellingModel(): SpellingModel {
  if (!defaultSpelling) defaultSpelling = new SpellingModel(spellingBytes);
  return defaultSpelling;
}

/** Resources with the bundled data tables; cached module-wide. */
export function loadDefaultResources(documents: KnownDocument[] = []): Resources {
  return { spelling: loadSpellingModel(), documents };
}
