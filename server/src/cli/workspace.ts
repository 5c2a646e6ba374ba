// The workspace the CLI gives the engine: every file named on the command line (after
// expansion), so citation checks can name another given bulletin that cites a document in full,
// and `citations` resolves across all of them. Texts are indexed as read; parsing and citation
// analysis happen lazily, only when a rule asks.
import { createWorkspaceIndex, emptyWorkspace, type BulletinIndex, type IndexSummary, type WorkspaceIndex } from '../engine/workspace';

export interface IndexedText { uri: string; text: string }

export function workspaceOf(texts: readonly IndexedText[]): WorkspaceIndex {
  if (texts.length < 2) return emptyWorkspace; // nothing to find in other files
  return indexOf(texts);
}

/** The index itself (for the main thread, which also summarises it for the workers). */
export function indexOf(texts: readonly IndexedText[]): BulletinIndex {
  const ws = createWorkspaceIndex();
  for (const t of texts) ws.update(t.uri, t.text, 0);
  // every file's citations are analysed anyway (each file's own check shares its analysis); done
  // now, the index is settled while the files are checked, and cross-file look-ups are cached
  ws.prepare(() => true);
  return ws;
}

/** A worker's index: the texts, with the citations the main thread analysed (never re-analysed). */
export function summarisedWorkspace(texts: readonly IndexedText[], summaries: readonly IndexSummary[]): WorkspaceIndex {
  if (texts.length < 2) return emptyWorkspace;
  const byUri = new Map(texts.map(t => [t.uri, t.text]));
  const ws = createWorkspaceIndex();
  for (const s of summaries) {
    const text = byUri.get(s.uri);
    if (text !== undefined) ws.addSummarised(text, s);
  }
  return ws;
}
