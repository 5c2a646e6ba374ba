// Placeholder: the document-model work implements the outline and folding.
import type { BulletinDocument } from '../parse/model';
import type { FoldingRangeData, OutlineItem } from '../types';

export function outline(_doc: BulletinDocument): OutlineItem[] { return []; }
export function foldingRanges(_doc: BulletinDocument): FoldingRangeData[] { return []; }
