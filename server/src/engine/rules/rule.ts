import type { BulletinDocument, Span } from '../parse/model';
import type { CancellationLike, Location, Msg, Severity } from '../types';
import type { EngineConfig } from '../config';
import type { Resources } from '../resources';
import type { WorkspaceIndex } from '../workspace';

export type RuleFamily = 'spelling' | 'citation' | 'footnote' | 'structure';

export interface Report {
  /** Analysis span. */
  span: Span;
  message: Msg;
  /** Replacement texts for the span, best first. */
  suggestions?: string[];
  /** The first suggestion may be applied automatically (fix-all, --fix). */
  safe?: boolean;
  /** Override the rule's default severity for this finding (user config still wins). */
  severity?: Severity;
  data?: Record<string, unknown>;
  related?: { location: Location; message: Msg }[];
}

export interface RuleContext {
  doc: BulletinDocument;
  config: EngineConfig;
  resources: Resources;
  /** Other bulletins of the workspace (may be empty). */
  workspace: WorkspaceIndex;
  token?: CancellationLike;
  report(r: Report): void;
}

export interface Rule {
  /** Stable code, e.g. "footnote.unused". */
  code: string;
  family: RuleFamily;
  /** One-line description (README table, settings). */
  description: Msg;
  /** Why the rule exists. */
  rationale: string;
  defaultSeverity: Severity;
  /** Whether findings can carry a safe automatic fix. */
  fixable: boolean;
  check(ctx: RuleContext): void;
}
