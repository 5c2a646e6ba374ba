// Protocol tests: the user catalogue .bulletin/documents.json as the server reads it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic, type Hover } from 'vscode-languageserver/node';
import { TestClient, fileUri, positionOf, seed, tmpDir } from './helper';

const CATALOGUE = JSON.stringify({
  documents: [
    { type: 'Nghị quyết', number: '24-NQ/TW', date: '2022-10-07', issuer: 'Bộ Chính trị', title: 'về phát triển kinh tế - xã hội và bảo đảm quốc phòng, an ninh vùng Đông Nam Bộ đến năm 2030' },
  ],
}, null, 2);

/** The short form "Nghị quyết 24 của Bộ Chính trị" (seed 000, line 307) has no full citation in the file. */
function unresolved24(text: string, ds: Diagnostic[]): Diagnostic | undefined {
  const line = positionOf(text, 'Nghị quyết 24 của Bộ Chính trị').line;
  return ds.find(d => d.code === 'citation.unresolved' && d.range.start.line === line);
}

function folderWith(catalogue?: string): { dir: string; uri: string; text: string } {
  const dir = tmpDir();
  const text = seed('ocr');
  const file = path.join(dir, '000.bulletin');
  fs.writeFileSync(file, text);
  if (catalogue !== undefined) {
    fs.mkdirSync(path.join(dir, '.bulletin'));
    fs.writeFileSync(path.join(dir, '.bulletin', 'documents.json'), catalogue);
  }
  return { dir, uri: fileUri(file), text };
}

suite('lsp: user catalogue', () => {
  let c: TestClient;
  teardown(async () => { await c?.stop(); });

  test('a document listed in .bulletin/documents.json resolves the short form that was unresolved', async () => {
    const without = folderWith();
    c = await TestClient.start({ folder: without.dir });
    assert.ok(unresolved24(without.text, await c.openAndWait(without.uri, without.text)), 'the short form is not reported without a catalogue');
    await c.stop();

    const withCat = folderWith(CATALOGUE);
    c = await TestClient.start({ folder: withCat.dir });
    const ds = await c.openAndWait(withCat.uri, withCat.text);
    assert.strictEqual(unresolved24(withCat.text, ds), undefined, 'still unresolved with the catalogue');
    const pos = positionOf(withCat.text, 'Nghị quyết 24 của Bộ Chính trị');
    const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: withCat.uri }, position: { line: pos.line, character: pos.character + 3 } }) as Hover | null;
    assert.ok(h, 'no hover');
    assert.match(JSON.stringify(h.contents), /24-NQ\/TW/);
  });

  test('a catalogue created while the file is open is read after the watcher reports it', async () => {
    const f = folderWith();
    c = await TestClient.start({ folder: f.dir });
    assert.ok(unresolved24(f.text, await c.openAndWait(f.uri, f.text)));
    fs.mkdirSync(path.join(f.dir, '.bulletin'));
    const cat = path.join(f.dir, '.bulletin', 'documents.json');
    fs.writeFileSync(cat, CATALOGUE);
    const next = c.waitForDiagnostics(f.uri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(cat), type: FileChangeType.Created }] });
    assert.strictEqual(unresolved24(f.text, await next), undefined);
  });

  test('a broken catalogue is reported to the user (file named) and the bulletin is still checked', async () => {
    const f = folderWith('{ "documents": [ { "number": "not a symbol" } ');
    c = await TestClient.start({ folder: f.dir });
    const ds = await c.openAndWait(f.uri, f.text);
    assert.ok(ds.length > 0);
    const msg = await c.waitFor('a warning about documents.json', () => c.messages.find(m => /documents\.json/.test(m.message)));
    assert.strictEqual(msg.type, 2); // Warning
  });
});
