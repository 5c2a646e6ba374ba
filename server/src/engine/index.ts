// The engine's public API. Editor-independent: hosts (LSP, CLI, tests) call only this.
import type { BulletinDocument } from './parse/model';
import { parseDocument } from './parse/index';
import { rules } from './rules/index';
import type { Report, Rule, RuleContext } from './rules/rule';
import { levelFor, type EngineConfig } from './config';
import type { Resources } from './resources';
import { noResources } from './resources';
import { emptyWorkspace, type WorkspaceIndex } from './workspace';
import { suppressionFilter } from './suppress';
import type { CancellationLike, Finding, Msg } from './types';
import { prefetchNeighbourRates } from './rules/spelling/analyze';

export { parseDocument } from './parse/index';
export { resolveConfig, defaultConfig, type EngineConfig, type PartialConfig } from './config';
export { rules, ruleByCode } from './rules/index';
export { fixEdits, applyEdits } from './fix';
export type * from './types';
export type { BulletinDocument } from './parse/model';
export type { Resources } from './resources';
export type { WorkspaceIndex } from './workspace';

export class CancelledError extends Error {
  constructor() { super('cancelled'); }
}

export interface LintOptions {
  resources?: Resources;
  workspace?: WorkspaceIndex;
  token?: CancellationLike;
  /** Restrict to these rules (e.g. in tests). */
  only?: readonly Rule[];
}

export function msg(m: Msg, config: EngineConfig): string {
  return config.locale === 'vi' ? m.vi : m.en;
}

/** Run every enabled rule on a parsed document. Throws CancelledError when cancelled. */
export function lint(doc: BulletinDocument, config: EngineConfig, opts: LintOptions = {}): Finding[] {
  const resources = opts.resources ?? noResources;
  const workspace = opts.workspace ?? emptyWorkspace;
  const suppressed = suppressionFilter(doc);
  const findings: Finding[] = [];
  const src = doc.source;
  for (const rule of opts.only ?? rules) {
    const level = levelFor(config, rule.code, rule.defaultSeverity);
    if (level === 'off') continue;
    if (opts.token?.isCancellationRequested) throw new CancelledError();
    const explicit = config.rules[rule.code] ?? config.rules[rule.family];
    const ctx: RuleContext = {
      doc, config, resources, workspace, token: opts.token,
      report(r: Report) {
        const range = src.rangeOf(r.span.start, r.span.end);
        if (suppressed(rule.code, r.span.start, range.start.line)) return;
        const start = src.toOriginal(r.span.start);
        const f: Finding = {
          code: rule.code,
          severity: explicit && explicit !== 'off' ? explicit : (r.severity ?? rule.defaultSeverity),
          range,
          message: msg(r.message, config),
          source: 'bulletin',
          suggestions: r.suggestions ? [...r.suggestions] : [],
          offsets: { start, end: Math.max(start, src.toOriginal(r.span.end)) },
        };
        if (r.safe && f.suggestions.length) f.safe = true;
        if (r.data) f.data = r.data;
        if (r.related) f.related = r.related.map(x => ({ location: x.location, message: msg(x.message, config) }));
        findings.push(f);
      },
    };
    rule.check(ctx);
  }
  findings.sort((a, b) => a.offsets.start - b.offsets.start || a.offsets.end - b.offsets.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return findings;
}

/**
 * Idle work for an editor: decides ahead of need what a later edit of this document may ask for
 * (the spelling blocks at the error rates next to the document's: prefetchNeighbourRates), at
 * most `maxBlocks` decisions per call. True when nothing is left for this document version.
 * Findings never depend on whether it ran.
 */
export function prefetch(doc: BulletinDocument, config: EngineConfig, resources: Resources, maxBlocks: number): boolean {
  const model = resources.spelling;
  if (!model || !rules.some(r => r.family === 'spelling' && levelFor(config, r.code, r.defaultSeverity) !== 'off')) return true;
  return prefetchNeighbourRates(doc, config, model, maxBlocks);
}

/** Convenience: parse and lint in one call. */
export function lintText(uri: string, text: string, config: EngineConfig, opts: LintOptions = {}): Finding[] {
  return lint(parseDocument(uri, text), config, opts);
}

export type { Rule, RuleContext, Report } from './rules/rule';

import { outline } from './features/outline';
import { citedDocumentsOutline, type FeatureEnv } from './features/citations';
import type { OutlineItem } from './types';
export { foldingRanges } from './features/outline';
export { canRestoreDiacritics, restoreDiacritics } from './features/diacritics';
export * as citationFeatures from './features/citations';

/** The document symbols both the editor's Outline and `bulletin-ls outline` show. */
export function documentSymbols(doc: BulletinDocument, env: FeatureEnv): OutlineItem[] {
  const items = outline(doc, env.locale);
  const cited = citedDocumentsOutline(doc, env);
  return cited ? [...items, cited] : items;
}
