import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, open, positionOf, seedUri, summarize, waitForDiagnostics } from '../helper';

const FAMILIES = /^(spelling|citation|footnote|structure)\.[a-z-]+$/;

suite('e2e: diagnostics', () => {
  suiteSetup(activate);

  test('seed 000 (raw OCR): findings from the bulletin server, with valid codes', async () => {
    const uri = seedUri('000');
    await open(uri);
    const ds = await waitForDiagnostics(uri);
    assert.ok(ds.every(d => d.source === 'bulletin'), `sources: ${[...new Set(ds.map(d => d.source))].join(', ')}`);
    assert.ok(ds.every(d => FAMILIES.test(codeOf(d))), summarize(ds));
  });

  test('seed 000: "thành phổ" is a spelling.context finding that suggests "phố"', async () => {
    const uri = seedUri('000');
    const { document: doc } = await open(uri);
    const at = positionOf(doc, 'Đảng bộ thành phổ lần thử 24', 'Đảng bộ thành '.length);
    const ds = await waitForDiagnostics(uri, all => all.some(d => d.range.contains(at)));
    const d = ds.find(x => x.range.contains(at))!;
    assert.equal(codeOf(d), 'spelling.context', summarize(ds.filter(x => x.range.start.line === at.line)));
    assert.equal(doc.getText(d.range), 'phổ');
    assert.match(d.message, /phố/);
  });

  test('seed 003 (Markdown): footnote 8 cites itself (footnote.self-reference)', async () => {
    const uri = seedUri('003');
    const { document: doc } = await open(uri);
    // the definition of footnote 8 ends with a marker <sup>8</sup> that points to itself
    const def = positionOf(doc, '<sup>8</sup> Tính đến ngày 11 tháng 7 năm 2023');
    const ds = await waitForDiagnostics(uri, all => all.some(d => codeOf(d) === 'footnote.self-reference'));
    const selfRefs = ds.filter(d => codeOf(d) === 'footnote.self-reference');
    assert.equal(selfRefs.length, 1, summarize(ds));
    assert.equal(selfRefs[0].range.start.line, def.line, 'reported on the definition line of footnote 8');
    assert.match(doc.getText(selfRefs[0].range), /8/);
    assert.ok(ds.every(d => d.source === 'bulletin'));
  });

  test('seed 003: heading level inconsistent with the numbering (structure.heading-level)', async () => {
    const uri = seedUri('003');
    await open(uri);
    const ds = await waitForDiagnostics(uri, all => all.some(d => codeOf(d) === 'structure.heading-level'));
    assert.ok(ds.some(d => codeOf(d) === 'structure.heading-level'));
  });

  test('the Problems data carries severities VS Code can show', async () => {
    const uri = seedUri('000');
    await open(uri);
    const ds = await waitForDiagnostics(uri);
    const severities = new Set(ds.map(d => d.severity));
    for (const s of severities) assert.ok(s >= vscode.DiagnosticSeverity.Error && s <= vscode.DiagnosticSeverity.Hint);
  });
});
