import type { SpellingModel } from './vietnamese/model';
import type { KnownDocument } from './citations/catalogue';

/** Loaded once per process and shared by every document. */
export interface Resources {
  spelling: SpellingModel | null;
  /** User catalogue (.bulletin/documents.json). */
  documents: KnownDocument[];
}

export const noResources: Resources = { spelling: null, documents: [] };
