import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, open, seedUri, waitForDiagnostics } from '../helper';

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  await open(uri);
  await waitForDiagnostics(uri); // the server has parsed the document
  const r = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  assert.ok(Array.isArray(r) && r.length > 0, 'no document symbols');
  return r;
}

function flatten(s: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return s.flatMap(x => [x, ...flatten(x.children ?? [])]);
}

suite('e2e: outline', () => {
  suiteSetup(activate);

  for (const prefix of ['000', '003'] as const) {
    test(`seed ${prefix}: the outline has the sections I, II, III in order, with numbered items inside`, async () => {
      const all = flatten(await symbols(seedUri(prefix)));
      const sections = ['I', 'II', 'III'].map(n => all.find(s => new RegExp(`^${n}\\.\\s`).test(s.name)));
      sections.forEach((s, i) => assert.ok(s, `section ${['I', 'II', 'III'][i]} missing: ${all.map(x => x.name.slice(0, 30)).join(' | ')}`));
      const lines = sections.map(s => s!.range.start.line);
      assert.deepEqual([...lines].sort((a, b) => a - b), lines, 'sections out of document order');
      assert.ok((sections[0]!.children ?? []).some(c => /^1\.\s/.test(c.name)), `section I has no "1." item: ${sections[0]!.children.map(c => c.name).join(' | ')}`);
    });
  }
});
