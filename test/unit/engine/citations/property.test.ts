// Random citation-shaped text: the citation engine never throws, every range lies inside the
// document, and applying the safe fixes twice equals applying them once.
import * as assert from 'assert';
import { applyEdits, fixEdits, lint, parseDocument, resolveConfig } from '../../../../server/src/engine/index';
import { citationRules } from '../../../../server/src/engine/rules/citation/index';
import * as F from '../../../../server/src/engine/features/citations';
import { createWorkspaceIndex } from '../../../../server/src/engine/workspace';
import { noResources } from '../../../../server/src/engine/resources';

const TOKENS = ['Nghị quyết', 'Nghi quyết', 'NGHỊ QUYẾT', 'Quy định', 'Quyết định', 'Kết luận', 'Chương trình hành động', 'Luật', 'Điều lệ Đảng',
  'số', 'sổ', 'số:', '26-NQ/TU', '131-QD/TW', '1374-QĐ/TƯ', '98/2023/QH15', '1111/NQ-UBTVQH', '71/NQ-\nHĐND', '217/QĐ-TW', '73/2023/ND-CP',
  'ngày', 'ngày ngày', '24/6/2023', '31/4/2023', '14 tháng 10 năm 2020', '07-10-2022', 'của', 'cùa', 'Bộ Chính trị', 'Thành ủy', 'Quốc hội',
  'Hội nghị Trung ương 5', '(khóa XIII)', 'về', 'thí điểm', '(viết tắt', 'Nghị quyết 98)', 'Đại hội XI', 'lần thứ', ',', '.', ';', 'và', '\n', '\n\n',
  '(', ')', '-', '/', '24', '2023', 'Ð', 'Nghi\u0323 quyê\u0301t', '<!--', '-->', '**', '\r\n', '\u00a0'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

suite('citations: properties on random text', () => {
  test('1500 random documents: no throw, ranges inside, safe fixes idempotent, features answer', function () {
    this.timeout(120000);
    const config = resolveConfig({});
    const r = rng(20261122);
    let changed = 0;
    for (let k = 0; k < 1500; k++) {
      const n = 5 + Math.floor(r() * 40);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(TOKENS[Math.floor(r() * TOKENS.length)]!);
      const text = parts.join(r() < 0.5 ? ' ' : '');
      const doc = parseDocument('file:///p.md', text);
      const fs = lint(doc, config, { only: citationRules });
      for (const f of fs) {
        assert.ok(f.offsets.start >= 0 && f.offsets.end <= text.length && f.offsets.start <= f.offsets.end, JSON.stringify(text));
        assert.ok(f.range.start.line < doc.source.lineCount);
      }
      const once = applyEdits(text, fixEdits(text, fs));
      if (once !== text) changed++;
      const doc2 = parseDocument('file:///p.md', once);
      const twice = applyEdits(once, fixEdits(once, lint(doc2, config, { only: citationRules })));
      assert.strictEqual(twice, once, JSON.stringify(text));
      const ws = createWorkspaceIndex();
      ws.update('file:///o.md', text, 1);
      const env = { workspace: ws, resources: noResources, locale: 'en' as const };
      const off = Math.floor(r() * (doc.text.length + 1));
      F.hover(doc, off, env); F.definition(doc, off, env); F.references(doc, off, env, true); F.highlights(doc, off, env);
      F.completions(doc, off, env); F.citedDocumentsOutline(doc, env); F.workspaceSymbols('98', env);
    }
    assert.ok(changed > 50, `only ${changed} documents had a safe fix: the generator is too weak`);
  });
});
