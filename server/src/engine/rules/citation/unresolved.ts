// citation.unresolved: a short form with no full citation in the bulletin (citations.md 2.9).
// Each bulletin is read on its own: a full citation in another bulletin does not silence the
// finding, but the message names that bulletin and the quick fix offers its full form.
import type { Rule } from '../rule';
import { analysis, both, dmy, here, lineOf, quote } from './common';
import { catalogueMatches } from '../../citations/catalogue';
import { externalDefinitionsTop, fileLabel } from '../../citations/crossfile';
import { keyPrefix } from '../../citations/resolve';
import type { CitationMention } from '../../citations/model';

/** Other bulletins citing the document in full that a finding's data names (the first, in order). */
const MAX_ELSEWHERE = 10;

function fullText(d: CitationMention): string {
  const s = d.symbol!;
  const parts = [`${d.typeWord?.name ?? ''} số ${s.canonical}`.trim()];
  if (d.date) parts.push(`ngày ${dmy(d.date.iso)}`);
  if (d.issuer) parts.push(`của ${d.issuer.text.replace(/^(của|cùa|cua|cũa|cửa)\s+/i, '')}`);
  return parts.join(' ');
}

export const rule: Rule = {
  code: 'citation.unresolved',
  family: 'citation',
  description: both('A short citation, alias or undated symbol without a full citation in the bulletin',
    'Trích dẫn rút gọn, tên viết tắt hoặc số ký hiệu không có trích dẫn đầy đủ trong bản tin'),
  rationale: 'Readers must be able to identify every cited document from the bulletin itself: the first mention gives the type, number and symbol, date and issuer; later mentions may be short.',
  defaultSeverity: 'error',
  fixable: false,
  check(ctx) {
    const a = analysis(ctx);
    const undatedReported = new Set<string>();
    for (const m of a.mentions) {
      if (m.kind === 'alias' || m.kind === 'named' && m.resolution === 'named') continue;
      if (m.resolution === 'forward') {
        const def = m.definitionId !== undefined ? a.mentions[m.definitionId] : undefined;
        const line = def ? lineOf(ctx, def.span.start) : undefined;
        ctx.report({
          span: m.span, severity: 'hint',
          message: both(`${quote(m.text)} is used before its full citation${line ? ` (line ${line})` : ''}`,
            `${quote(m.text)} được dùng trước trích dẫn đầy đủ${line ? ` (dòng ${line})` : ''}`),
          data: { key: m.key, reason: 'forward' },
          related: def ? [{ location: here(ctx, def), message: both('full citation', 'trích dẫn đầy đủ') }] : undefined,
        });
        continue;
      }
      if (m.resolution === 'ambiguous') {
        const c = (m.candidates ?? []).join(', ');
        ctx.report({
          span: m.span, severity: 'warning',
          message: both(`${quote(m.text)} is ambiguous: it could refer to ${c}`, `${quote(m.text)} không rõ chỉ văn bản nào: có thể là ${c}`),
          data: { candidates: m.candidates ?? [], reason: 'ambiguous' },
        });
        continue;
      }
      if (m.resolution === 'definition') {
        // Party / administrative symbol with an issuer but no date anywhere in the bulletin
        const fam = m.symbol?.family;
        if (!m.key || fam === 'qh' || fam === 'qppl' || undatedReported.has(m.key)) continue;
        const doc = a.documents.get(m.key);
        if (!doc || doc.date) continue;
        undatedReported.add(m.key);
        // dated definitions come first: the first one is dated if any is
        const first = externalDefinitionsTop(ctx.workspace, ctx.doc.uri, m, 1)[0];
        const ext = first?.mention.date ? first : undefined;
        const extMsg = ext ? both(`; ${fileLabel(ext.file.uri)} dates it ${dmy(ext.mention.date!.iso)}`, `; ${fileLabel(ext.file.uri)} ghi ngày ${dmy(ext.mention.date!.iso)}`) : both('', '');
        ctx.report({
          span: m.span, severity: 'information',
          message: both(`${quote(m.text)} is never cited with its date in this bulletin${extMsg.en}`,
            `${quote(m.text)} không được trích dẫn kèm ngày ban hành trong bản tin này${extMsg.vi}`),
          data: { key: m.key, reason: 'undated' },
        });
        continue;
      }
      if (m.resolution !== 'unresolved') continue;
      const code = m.typeWord?.code ?? (m.symbol ? keyPrefix(m) : undefined);
      if (catalogueMatches(m, ctx.resources.documents, code).length) continue;
      const ext = externalDefinitionsTop(ctx.workspace, ctx.doc.uri, m, MAX_ELSEWHERE);
      const symbolOnly = !!m.symbol;
      const where = ext[0];
      const tailEn = where ? `; ${fileLabel(where.file.uri)} cites ${where.key} in full (line ${where.file.source().positionAt(where.mention.span.start).line + 1})` : '';
      const tailVi = where ? `; ${fileLabel(where.file.uri)} trích dẫn đầy đủ ${where.key} (dòng ${where.file.source().positionAt(where.mention.span.start).line + 1})` : '';
      const suggestions = where?.mention.symbol && !symbolOnly ? [fullText(where.mention)] : [];
      ctx.report({
        span: m.span,
        severity: symbolOnly ? 'warning' : 'error',
        message: symbolOnly
          ? both(`${quote(m.text)} is not cited in full (with date or issuer) anywhere in this bulletin${tailEn}`,
            `${quote(m.text)} không có trích dẫn đầy đủ (ngày, cơ quan ban hành) trong bản tin này${tailVi}`)
          : both(`${quote(m.text)} does not identify a document cited in full in this bulletin${tailEn}`,
            `${quote(m.text)} không chỉ tới văn bản nào đã được trích dẫn đầy đủ trong bản tin này${tailVi}`),
        suggestions,
        data: { reason: symbolOnly ? 'symbol-only' : 'short', elsewhere: ext.map(e => ({ uri: e.file.uri, key: e.key })) },
        related: where ? [{
          location: { uri: where.file.uri, range: where.file.source().rangeOf(where.mention.span.start, where.mention.span.end) },
          message: both('full citation in another bulletin', 'trích dẫn đầy đủ ở bản tin khác'),
        }] : undefined,
      });
    }
  },
};
