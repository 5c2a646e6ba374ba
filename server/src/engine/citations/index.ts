// The citation engine's public surface (for the LSP glue, the CLI and tests).
export type * from './model';
export { analyzeCitations, analyzeText, definitionOf, mentionAt, ownKey, foldedText } from './resolve';
export { recognize } from './recognize';
export { foldText, foldKey } from './fold';
export { parseSymbolAt } from './symbol';
export { parseCatalogue, catalogueMatches, type KnownDocument } from './catalogue';
export { externalDefinitions, fileLabel } from './crossfile';
export { citationsReport, formatCitationsText, type CitationsReport, type CitationsReportDocument, type CitationsReportMention } from './report';
