// Cross-document knowledge available to rules and features.
// Placeholder: the citation work extends this (index of every bulletin in the workspace).
export interface WorkspaceIndex {
  /** URIs of indexed bulletins other than the one being checked. */
  uris(): readonly string[];
}

export const emptyWorkspace: WorkspaceIndex = { uris: () => [] };
