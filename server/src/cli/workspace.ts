// The workspace the CLI gives the engine: every file named on the command line (after
// expansion), so citation checks can name another given bulletin that cites a document in full,
// and `citations` resolves across all of them. Texts are indexed as read; parsing and citation
// analysis happen lazily, only when a rule asks.
import { createWorkspaceIndex, emptyWorkspace, type WorkspaceIndex } from '../engine/workspace';

export interface IndexedText { uri: string; text: string }

export function workspaceOf(texts: readonly IndexedText[]): WorkspaceIndex {
  if (texts.length < 2) return emptyWorkspace; // nothing to find in other files
  const ws = createWorkspaceIndex();
  for (const t of texts) ws.update(t.uri, t.text, 0);
  return ws;
}
