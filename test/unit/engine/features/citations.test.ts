// Citation navigation on a two-bulletin workspace: 000 cites "Nghị quyết 24 của Bộ Chính trị"
// without a full citation, 003 defines 24-NQ/TW.
import * as assert from 'assert';
import { documentSymbols, parseDocument } from '../../../../server/src/engine/index';
import * as F from '../../../../server/src/engine/features/citations';
import { createWorkspaceIndex, emptyWorkspace } from '../../../../server/src/engine/workspace';
import { noResources } from '../../../../server/src/engine/resources';
import { parseCatalogue } from '../../../../server/src/engine/citations/catalogue';
import type { BulletinDocument } from '../../../../server/src/engine/parse/model';
import { SEED_000, SEED_003, seedText } from '../../../helpers/markers';

const U0 = 'file:///ws/000.txt', U3 = 'file:///ws/003.txt';

function setup(locale: 'en' | 'vi' = 'en'): { d0: BulletinDocument; d3: BulletinDocument; env: F.FeatureEnv } {
  const t0 = seedText(SEED_000), t3 = seedText(SEED_003);
  const ws = createWorkspaceIndex();
  ws.update(U0, t0, 1);
  ws.update(U3, t3, 1);
  return { d0: parseDocument(U0, t0), d3: parseDocument(U3, t3), env: { workspace: ws, resources: noResources, locale } };
}

/** Analysis offset of a 1-based line:column. */
const at = (d: BulletinDocument, line: number, col: number): number => d.source.offsetAt({ line: line - 1, character: col - 1 });

suite('citation features', () => {
  test('hover on a resolved short form: type, symbol, date, issuer, subject, where cited in full, mentions', () => {
    const { d0, env } = setup();
    const h = F.hover(d0, at(d0, 251, 20), env)!; // "Nghị quyết 31"
    assert.ok(h);
    assert.match(h.markdown, /\*\*Nghị quyết 31-NQ\/TW\*\* · `NQ 31-NQ\/TW`/);
    assert.match(h.markdown, /\| Date \| 30\/12\/2022 \|/);
    assert.match(h.markdown, /\| Issuer \| Bộ Chính trị \|/);
    assert.match(h.markdown, /\| Subject \| về phương hướng, nhiệm vụ phát triển/);
    assert.match(h.markdown, /\| Cited in full \| line 113 \|/);
    assert.match(h.markdown, /\| Mentions \| 4 in this bulletin · 1 in 1 other bulletin \|/);
    assert.deepStrictEqual(h.range, { start: { line: 250, character: 13 }, end: { line: 250, character: 26 } });
  });

  test('hover reaches the full citation in another bulletin, and says so (Vietnamese)', () => {
    const { d0, env } = setup('vi');
    const h = F.hover(d0, at(d0, 307, 15), env)!;
    assert.match(h.markdown, /`NQ 24-NQ\/TW`/);
    assert.match(h.markdown, /\| Ngày ban hành \| 7\/10\/2022 \|/);
    assert.match(h.markdown, /\| Trích dẫn đầy đủ \| 003\.txt:23 \|/);
    assert.match(h.markdown, /Không có trích dẫn đầy đủ trong bản tin này/);
  });

  test('hover on an unresolved form with nothing in the workspace says so; outside citations: null', () => {
    const { d0 } = setup();
    const env = { workspace: emptyWorkspace, resources: noResources, locale: 'en' as const };
    assert.match(F.hover(d0, at(d0, 623, 5), env)!.markdown, /Not cited in full in this bulletin/);
    assert.strictEqual(F.hover(d0, at(d0, 60, 5), env), null);
  });

  test('hover on a named document shows its title, where it is cited in full, and the forward use', () => {
    const { d0, env } = setup();
    const h = F.hover(d0, at(d0, 111, 75), env)!.markdown;
    assert.match(h, /^\*\*Nghị quyết Đại hội Đảng bộ lần thứ XI\*\*/);
    assert.doesNotMatch(h, /NAMED/);
    assert.match(h, /\| Cited in full \| line 220 \|/);
    assert.match(h, /Used before its full citation/);
  });

  test('definition: in the file first, else in another bulletin', () => {
    const { d0, env } = setup();
    assert.deepStrictEqual(F.definition(d0, at(d0, 576, 3), env), [{ uri: U0, range: { start: { line: 114, character: 35 }, end: { line: 115, character: 12 } } }]);
    assert.deepStrictEqual(F.definition(d0, at(d0, 307, 15), env), [{ uri: U3, range: { start: { line: 22, character: 514 }, end: { line: 22, character: 579 } } }]);
    // 14-KL/TW is identified in 000 (no date) and dated in 003: the in-file identified citation wins
    assert.strictEqual(F.definition(d0, at(d0, 548, 20), env)[0]!.uri, U0);
  });

  test('references across the workspace, with and without the declaration', () => {
    const { d0, d3, env } = setup();
    const refs = F.references(d0, at(d0, 251, 35), env, true); // "Nghị quyết 98"
    const in0 = refs.filter(r => r.uri === U0).map(r => r.range.start.line + 1);
    const in3 = refs.filter(r => r.uri === U3).map(r => r.range.start.line + 1);
    assert.deepStrictEqual(in0, [115, 117, 251, 306, 324, 431, 576]);
    assert.deepStrictEqual(in3, [15, 23, 31, 87]);
    const noDecl = F.references(d0, at(d0, 251, 35), env, false);
    assert.strictEqual(noDecl.length, refs.length - 2); // the defining citation of each bulletin
    // from 003's full citation of 24-NQ/TW to 000's unresolved short form
    const r24 = F.references(d3, at(d3, 23, 530), env, true);
    assert.deepStrictEqual(r24.map(r => `${r.uri === U0 ? '000' : '003'}:${r.range.start.line + 1}`), ['003:23', '000:307']);
  });

  test('highlights: the definition is "write", the other mentions "read"', () => {
    const { d0, env } = setup();
    const hs = F.highlights(d0, at(d0, 431, 15), env);
    assert.deepStrictEqual(hs.map(h => `${h.range.start.line + 1}:${h.range.start.character + 1} ${h.kind}`), ['113:12 write', '115:10 read', '251:14 read', '431:11 read']);
  });

  test('workspace symbols: "98/2023" finds the resolution; an empty query lists every document', () => {
    const { env } = setup();
    const s = F.workspaceSymbols('98/2023', env);
    assert.deepStrictEqual(s.map(x => x.name), ['Nghị quyết 98/2023/QH15']);
    assert.strictEqual(s[0]!.location.uri, U0); // the dated full citation wins over 003's undated one
    assert.match(s[0]!.detail, /24\/6\/2023 · Quốc hội/);
    assert.ok(F.workspaceSymbols('', env).length >= 20);
    assert.deepStrictEqual(F.workspaceSymbols('24-nq', env).map(x => x.name), ['Nghị quyết 24-NQ/TW']);
  });

  test('completion after "Nghị quyết", "Kết luận", "Quyết định" offers known documents of that type', () => {
    const { env } = setup();
    const doc = parseDocument('file:///ws/new.md', 'Tiếp tục thực hiện Nghị quyết ');
    const items = F.completions(doc, doc.text.length, env);
    const labels = items.map(i => i.label);
    assert.ok(labels.includes('24-NQ/TW') && labels.includes('98/2023/QH15') && !labels.includes('14-KL/TW'), labels.join(' '));
    const i24 = items.find(i => i.label === '24-NQ/TW')!;
    assert.strictEqual(i24.insertText, 'số 24-NQ/TW ngày 7/10/2022 của Bộ Chính trị');
    const kl = parseDocument('file:///ws/new.md', 'Theo Kết luận số 1');
    assert.deepStrictEqual(F.completions(kl, kl.text.length, env).map(i => i.label).sort(), ['14-KL/TW']);
    const partial = F.completions(kl, kl.text.length, env)[0]!;
    assert.deepStrictEqual(partial.replace, { start: { line: 0, character: 17 }, end: { line: 0, character: 18 } });
    assert.strictEqual(partial.insertText, '14-KL/TW ngày 22/9/2021 của Bộ Chính trị');
    const qd = parseDocument('file:///ws/new.md', 'Tổng kết Quyết định ');
    assert.deepStrictEqual(F.completions(qd, qd.text.length, env).map(i => i.label).sort(), ['217-QĐ/TW', '218-QĐ/TW']);
    const prose = parseDocument('file:///ws/new.md', 'Tiếp tục thực hiện ');
    assert.deepStrictEqual(F.completions(prose, prose.text.length, env), []);
  });

  test('completion of a document already cited in full in the file inserts only the symbol', () => {
    const { d0, env } = setup();
    const text = seedText(SEED_000) + '\nTheo Nghị quyết số ';
    const doc = parseDocument(U0, text);
    const item = F.completions(doc, doc.text.length, env).find(i => i.label === '31-NQ/TW')!;
    assert.strictEqual(item.insertText, '31-NQ/TW');
    void d0;
  });

  test('the catalogue feeds completion and hover', () => {
    const cat = parseCatalogue(JSON.stringify({ documents: [{ number: '57-NQ/TW', type: 'Nghị quyết', date: '2024-12-22', issuer: 'Bộ Chính trị', title: 'về đột phá phát triển khoa học, công nghệ' }] }));
    const env = { workspace: emptyWorkspace, resources: { ...noResources, documents: cat.documents }, locale: 'en' as const };
    const doc = parseDocument('file:///n.md', 'Theo Nghị quyết 57 của Bộ Chính trị. Nghị quyết ');
    assert.deepStrictEqual(F.completions(doc, doc.text.length, env).map(i => i.label), ['57-NQ/TW']);
    const h = F.hover(doc, 8, env)!;
    assert.match(h.markdown, /khoa học, công nghệ/);
    assert.match(h.markdown, /documents\.json/);
  });

  test('outline: a group listing the cited documents, in order of first citation', () => {
    const { d3, env } = setup();
    const g = F.citedDocumentsOutline(d3, env)!;
    assert.strictEqual(g.kind, 'documents');
    assert.strictEqual(g.name, 'Cited documents');
    assert.deepStrictEqual(g.children.map(c => c.name), [
      'Nghị quyết 05-NQ/TU', 'Nghị quyết 98/2023/QH15', 'Nghị quyết 24-NQ/TW', 'Nghị quyết 31-NQ/TW', 'Kết luận 14-KL/TW',
      'Nghị quyết 71/NQ-HĐND', 'Nghị quyết Đại hội Đảng bộ lần thứ XI', 'Quyết định 217-QĐ/TW', 'Quyết định 218-QĐ/TW',
    ]);
    for (const c of g.children) {
      assert.ok(c.range.start.line >= g.range.start.line && c.range.end.line <= g.range.end.line);
    }
    assert.ok(documentSymbols(d3, env).some(s => s.kind === 'documents'));
    assert.strictEqual(F.citedDocumentsOutline(parseDocument('file:///x.md', '# Không trích dẫn\n'), env), null);
  });
});
