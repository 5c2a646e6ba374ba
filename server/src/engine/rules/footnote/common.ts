// Shared views of a document's footnotes for the footnote.* rules.
import type { BulletinDocument, FootnoteDef, FootnoteRef } from '../../parse/model';
import { memo } from '../../parse/model';

export interface FootnoteIndex {
  /** Markers in the body text (outside every definition), in reading order. */
  body: FootnoteRef[];
  /** Markers inside a definition other than their own (cross-references). */
  cross: FootnoteRef[];
  /** Markers inside their own definition. */
  self: FootnoteRef[];
  /** Definitions by number, in reading order. */
  defs: Map<number, FootnoteDef[]>;
  /** Numbers used by a body marker or a cross-reference. */
  used: Set<number>;
}

export function footnoteIndex(doc: BulletinDocument): FootnoteIndex {
  return memo(doc, 'footnote.index', () => {
    const body: FootnoteRef[] = [], cross: FootnoteRef[] = [], self: FootnoteRef[] = [];
    for (const r of doc.footnoteRefs) {
      if (r.insideDefinition === undefined) body.push(r);
      else if (r.insideDefinition === r.n) self.push(r);
      else cross.push(r);
    }
    const defs = new Map<number, FootnoteDef[]>();
    for (const d of doc.footnoteDefs) {
      const list = defs.get(d.n);
      if (list) list.push(d); else defs.set(d.n, [d]);
    }
    const used = new Set<number>([...body, ...cross].map(r => r.n));
    return { body, cross, self, defs, used };
  });
}

/** How the marker for footnote n is written in this document, for messages. */
export function markerText(doc: BulletinDocument, r: { start: number; end: number }): string {
  return doc.text.slice(r.start, r.end);
}
