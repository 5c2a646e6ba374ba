// Plain data describing the citations recognised in one bulletin. Spans are ANALYSIS offsets.
import type { Span } from '../parse/model';

export type SymbolFamily = 'party' | 'qh' | 'qppl' | 'admin' | 'congvan';

export type SymbolProblemKind =
  | 'no-diacritic'      // QD for QĐ, HDND for HĐND
  | 'tu-hook'           // TƯ for TU
  | 'no-legislature'    // 1111/NQ-UBTVQH
  | 'mixed-separators'  // 217/QĐ-TW
  | 'unknown-issuer';   // an issuer code not in the tables

export interface SymbolProblem {
  kind: SymbolProblemKind;
  /** The exact text to replace. */
  span: Span;
  /** What to put there instead, when the intent is clear. */
  replacement?: string;
  /** Other plausible replacements. */
  alternatives?: string[];
}

export interface ParsedSymbol {
  span: Span;
  /** As written (whitespace and line breaks included). */
  raw: string;
  family: SymbolFamily;
  /** Leading number as written ("09"). */
  number: string;
  /** Year inside a normative symbol. */
  year?: number;
  /** Canonical type code (QĐ, NQ…); absent for QH/UBTVQH normative symbols and công văn. */
  typeCode?: string;
  typeSpan?: Span;
  /** Canonical issuer (TU, HĐND, QH15, UBTVQH14, CP…). */
  issuer: string;
  issuerSpan: Span;
  /** Legislature number of QH/UBTVQH issuers. */
  legislature?: number;
  /** Canonical symbol: "26-NQ/TU", "98/2023/QH15", "71/NQ-HĐND". */
  canonical: string;
  problems: SymbolProblem[];
}

export interface CitationDate {
  /** The date itself ("24/6/2023", "14 tháng 10 năm 2020"). */
  span: Span;
  /** The whole slot, "ngày …" included. */
  slot: Span;
  y: number; m: number; d: number;
  /** yyyy-mm-dd (may be an impossible date such as 2023-02-29). */
  iso: string;
  valid: boolean;
  /** Span of a duplicated "ngày". */
  duplicateKeyword?: Span;
}

export interface IssuerPhrase {
  span: Span;
  /** The body's name without "của" and the term. */
  bodySpan: Span;
  /** The phrase as written, whitespace collapsed. */
  text: string;
  /** Canonical body name. */
  name: string;
  body: string;
  order: 'party' | 'state';
  codes: string[];
  /** khóa / term as a number (XIII -> 13). */
  term?: number;
}

export type MentionKind = 'full' | 'short' | 'alias' | 'named';

export type Resolution =
  | 'definition'   // this mention defines the document (symbol + date and/or issuer)
  | 'resolved'     // a short form that found its antecedent earlier in the file
  | 'forward'      // found, but only later in the file
  | 'ambiguous'    // several documents fit
  | 'unresolved'   // nothing in the file
  | 'named';       // self-identifying named document (no antecedent needed)

export interface CitationMention {
  id: number;
  kind: MentionKind;
  /** Citation core: type word … issuer (or … symbol / number for short forms). */
  span: Span;
  /** Text of the core span, whitespace collapsed. */
  text: string;
  typeWord?: { name: string; code: string; span: Span };
  symbol?: ParsedSymbol;
  /** A bare number short form ("Nghị quyết 98"). */
  bareNumber?: { value: string; span: Span };
  date?: CitationDate;
  issuer?: IssuerPhrase;
  subject?: { span: Span; text: string };
  /** For alias definitions: the alias text (folded, whitespace collapsed) and the clause. */
  alias?: { folded: string; text: string };
  /** Id of the mention an alias clause belongs to (kind 'alias'). */
  aliasOf?: number;
  /** For named documents: their key and title. */
  named?: { key: string; title: string; full: boolean };
  /** Coordinated group id (members share date/issuer/subject). */
  group?: number;
  /** Resolved document key (null when unresolved or ambiguous). */
  key: string | null;
  resolution: Resolution;
  /** Candidate keys for ambiguous mentions. */
  candidates?: string[];
  /** Id of the mention that defines the document, when resolved in the file. */
  definitionId?: number;
}

/** One cited document as known from a bulletin (merged over its mentions). */
export interface CitedDocument {
  key: string;
  typeName: string;
  /** Canonical symbol ("98/2023/QH15"); empty for named documents. */
  symbol: string;
  date?: string;
  issuer?: string;
  subject?: string;
  /** The defining mention (first dated one, else first identified one). */
  definitionId?: number;
  mentionIds: number[];
  named: boolean;
}

/** A symbol that does not parse, and its repair when OCR only misread the type code's letters. */
export interface BadSymbol extends Span {
  /** "19-KL/TU" for "19-KI/TU" after "Kết luận số": the type word's code in place of a look-alike. */
  repair?: string;
  /**
   * The bulletin's own number ("Số 58/NQ-HDND" opening its line), which is no citation: reported
   * only with a `repair`, the symbol with a code OCR stripped of its Đ restored (`no-diacritic`)
   * or a separator OCR misread put back (`separator`: "218-TB.HU" -> 218-TB/HU).
   */
  own?: 'no-diacritic' | 'separator';
}

export interface CitationAnalysis {
  mentions: CitationMention[];
  documents: Map<string, CitedDocument>;
  /** Number-and-separator tokens after a type word that are not valid symbols ("26-NQQ/TU"). */
  badSymbols: BadSymbol[];
  /** The bulletin's own date (meeting date or config), ISO. */
  bulletinDate?: { iso: string; span?: Span };
}
