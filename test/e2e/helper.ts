// Helpers for the e2e suite, which runs inside a real VS Code extension host (code-server or
// test-electron). They wait on VS Code's own events, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bulletin-ls.bulletin-ls';
/** Repository root: the suite bundles live in test/out/e2e/suite/. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function workspaceFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the e2e workspace folder (test/e2e/workspace) is not open');
  return f.uri;
}

/** The seed copy in the e2e workspace whose name starts with `prefix` ('000' OCR, '003' Markdown). */
export function seedUri(prefix: '000' | '003'): vscode.Uri {
  const dir = workspaceFolder().fsPath;
  const name = fs.readdirSync(dir).find(n => n.startsWith(prefix) && /\.bulletin(\.md)?$/.test(n));
  assert.ok(name, `no ${prefix}*.bulletin[.md] in ${dir}`);
  return vscode.Uri.file(path.join(dir, name));
}

export async function activate(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  if (!ext.isActive) await ext.activate();
  return ext;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

/** Resolves with the document's diagnostics once `ready` accepts them; polls the
 *  onDidChangeDiagnostics event, rejects after `ms` with what was last seen. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (ds: vscode.Diagnostic[]) => boolean = ds => ds.length > 0,
  ms = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = () => {
      if (done) return;
      const ds = vscode.languages.getDiagnostics(uri);
      if (ready(ds)) { finish(); resolve(ds); }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      const ds = vscode.languages.getDiagnostics(uri);
      reject(new Error(`timed out after ${ms} ms waiting for diagnostics on ${path.basename(uri.fsPath)}; ` +
        `last seen ${ds.length}: ${summarize(ds)}`));
    }, ms);
    function finish() { done = true; clearTimeout(timer); sub.dispose(); }
    check();
  });
}

export function summarize(ds: readonly vscode.Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(codeOf(d), (counts.get(codeOf(d)) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${c}×${n}`).join(', ') || '(none)';
}

/** Position of the `index`-th occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, index = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= index; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${index + 1}) not found in ${path.basename(doc.uri.fsPath)}`);
  }
  return doc.positionAt(at + delta);
}

/** Undo every unsaved change of the document, so each test starts from the seed text. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${path.basename(doc.uri.fsPath)} is still dirty after revert`);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
}

export function locationsOf(r: (vscode.Location | vscode.LocationLink)[] | undefined): vscode.Location[] {
  return (r ?? []).map(l => 'targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l);
}
