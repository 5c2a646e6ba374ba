// Shared helpers of the citation.* rules.
import type { RuleContext } from '../rule';
import type { CitationAnalysis, CitationMention } from '../../citations/model';
import { analyzeCitations } from '../../citations/resolve';
import type { Location, Msg } from '../../types';

export function analysis(ctx: RuleContext): CitationAnalysis {
  return analyzeCitations(ctx.doc, ctx.workspace);
}

/** Location of a mention in the checked document. */
export function here(ctx: RuleContext, m: CitationMention): Location {
  return { uri: ctx.doc.uri, range: ctx.doc.source.rangeOf(m.span.start, m.span.end) };
}

export function lineOf(ctx: RuleContext, offset: number): number {
  return ctx.doc.source.positionAt(offset).line + 1;
}

export function quote(s: string): string {
  return s.length > 90 ? `“${s.slice(0, 87)}…”` : `“${s}”`;
}

export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

export function both(en: string, vi: string): Msg { return { en, vi }; }
