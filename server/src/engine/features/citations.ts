// Placeholder: the citation work implements navigation features here.
// Offsets are ANALYSIS offsets in `doc` (doc.source.offsetAt(position)).
import type { BulletinDocument } from '../parse/model';
import type { Location, OutlineItem, Range } from '../types';
import type { WorkspaceIndex } from '../workspace';
import type { Resources } from '../resources';

export interface HoverResult { markdown: string; range: Range }
export interface Highlight { range: Range; kind: 'read' | 'write' }
export interface WorkspaceSymbolData { name: string; detail: string; location: Location; containerName?: string }
export interface CompletionData { label: string; detail?: string; documentation?: string; insertText: string; filterText?: string; replace?: Range }
export interface FeatureEnv { workspace: WorkspaceIndex; resources: Resources; locale: 'en' | 'vi' }

export function hover(_doc: BulletinDocument, _offset: number, _env: FeatureEnv): HoverResult | null { return null; }
export function definition(_doc: BulletinDocument, _offset: number, _env: FeatureEnv): Location[] { return []; }
export function references(_doc: BulletinDocument, _offset: number, _env: FeatureEnv, _includeDeclaration: boolean): Location[] { return []; }
export function highlights(_doc: BulletinDocument, _offset: number, _env: FeatureEnv): Highlight[] { return []; }
export function workspaceSymbols(_query: string, _env: FeatureEnv): WorkspaceSymbolData[] { return []; }
export function completions(_doc: BulletinDocument, _offset: number, _env: FeatureEnv): CompletionData[] { return []; }
/** The outline group listing the documents the bulletin cites (null when none). */
export function citedDocumentsOutline(_doc: BulletinDocument, _env: FeatureEnv): OutlineItem | null { return null; }
