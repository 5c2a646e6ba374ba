// Protocol tests: outline, folding and citation navigation on the seeds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CompletionRequest, DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, DocumentHighlightRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest,
  ReferencesRequest, WorkspaceSymbolRequest,
  type CompletionItem, type CompletionList, type DocumentHighlight, type FoldingRange, type DocumentSymbol, type Hover, type Location, type LocationLink, type Range, type SymbolInformation,
} from 'vscode-languageserver/node';
import { TestClient, fileUri, positionOf, seed, tmpDir } from './helper';
import { WARM_STEPS } from '../../server/src/lsp/server';

const OCR = 'file:///virtual/000.bulletin';
const MD = 'file:///virtual/003.bulletin.md';

function inside(inner: Range, outer: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function walk(ss: DocumentSymbol[], f: (s: DocumentSymbol, parent?: DocumentSymbol) => void, parent?: DocumentSymbol): void {
  for (const s of ss) { f(s, parent); walk(s.children ?? [], f, s); }
}

function locations(r: Location[] | Location | LocationLink[] | null): Location[] {
  if (!r) return [];
  const list = Array.isArray(r) ? r : [r];
  return list.map(x => ('targetUri' in x ? { uri: x.targetUri, range: x.targetSelectionRange } : x));
}

/** Position inside the n-th occurrence (0-based) of `needle`, a few characters in. */
function at(text: string, needle: string, nth = 0, into = 2): { line: number; character: number } {
  let from = 0;
  for (let i = 0; i < nth; i++) from = text.indexOf(needle, from) + 1;
  const p = positionOf(text, needle, from);
  return { line: p.line, character: p.character + into };
}

suite('lsp: outline and folding', () => {
  let c: TestClient;
  suiteSetup(async () => { c = await TestClient.start(); await c.openAndWait(MD, seed('markdown')); await c.openAndWait(OCR, seed('ocr')); });
  suiteTeardown(async () => { await c.stop(); });

  test('document symbols of the Markdown seed form a tree: sections I and II with numbered items under II', async () => {
    const ss = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: MD } }) as DocumentSymbol[];
    assert.ok(ss.length > 0, 'no symbols');
    const all: DocumentSymbol[] = [];
    walk(ss, (s, parent) => {
      all.push(s);
      assert.ok(inside(s.selectionRange, s.range), `selectionRange outside range for "${s.name}"`);
      if (parent) assert.ok(inside(s.range, parent.range), `"${s.name}" lies outside its parent "${parent.name}"`);
    });
    const sec2 = all.find(s => /PHƯƠNG HƯỚNG, NHIỆM VỤ/.test(s.name));
    assert.ok(sec2, `no symbol for section II; names: ${all.map(s => s.name).slice(0, 20).join(' | ')}`);
    assert.ok((sec2.children ?? []).length >= 5, `section II has ${(sec2.children ?? []).length} children`);
    assert.ok(all.some(s => /TÌNH HÌNH KINH TẾ - XÃ HỘI 09 THÁNG/.test(s.name)), 'no symbol for section I');
  });

  test('document symbols of the OCR seed include the numbered items of section I', async () => {
    const ss = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: OCR } }) as DocumentSymbol[];
    const names: string[] = [];
    walk(ss, s => names.push(s.name));
    assert.ok(names.some(n => /Tồn tại, hạn chế/.test(n)), names.slice(0, 30).join(' | '));
  });

  test('folding ranges cover the sections of the Markdown seed', async () => {
    const text = seed('markdown');
    const fr = await c.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: MD } }) as FoldingRange[] | null;
    assert.ok(fr && fr.length > 0, 'no folding ranges');
    const line = positionOf(text, '## I. VỀ TÌNH HÌNH').line;
    assert.ok(fr.some(f => f.startLine === line && f.endLine > line), `no range starts at line ${line}`);
    for (const f of fr) assert.ok(f.endLine >= f.startLine);
  });
});

suite('lsp: citation navigation', () => {
  let c: TestClient;
  const text = seed('ocr');
  suiteSetup(async () => { c = await TestClient.start(); await c.openAndWait(OCR, text); });
  suiteTeardown(async () => { await c.stop(); });

  // "Nghị quyết 98" (A16, line 251) resolves to the full citation of 98/2023/QH15 on line 115.
  const short98 = () => at(text, 'Nghị quyết 31 và Nghị quyết 98', 0, 20);

  test('hover on a short form shows the resolved document', async () => {
    const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: OCR }, position: short98() }) as Hover | null;
    assert.ok(h, 'no hover');
    const value = typeof h.contents === 'string' ? h.contents : 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
    assert.match(value, /98\/2023\/QH15/);
  });

  test('go to definition jumps to the full citation', async () => {
    const r = locations(await c.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: OCR }, position: short98() }));
    const full = positionOf(text, '98/2023/QH15');
    assert.ok(r.some(l => l.uri === OCR && l.range.start.line <= full.line && l.range.end.line >= full.line), JSON.stringify(r));
  });

  test('find references lists every mention of the document', async () => {
    const r = (await c.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri: OCR }, position: short98(), context: { includeDeclaration: true } }) ?? []) as Location[];
    assert.ok(r.length >= 6, `${r.length} references`);
    assert.ok(r.every(l => l.uri === OCR));
  });

  test('document highlights mark the mentions in this file', async () => {
    const r = (await c.conn.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: OCR }, position: short98() }) ?? []) as DocumentHighlight[];
    assert.ok(r.length >= 6, `${r.length} highlights`);
  });

  test('workspace symbols find a document by its number', async () => {
    const r = await c.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '98/2023' }) as SymbolInformation[] | null;
    assert.ok(r && r.some(s => /98\/2023\/QH15/.test(s.name) && s.location.uri === OCR), JSON.stringify(r?.slice(0, 5)));
  });

  test('completion after "Nghị quyết " offers the documents cited in the bulletin', async () => {
    const lines = text.split('\n');
    const last = lines.length;
    const uri = 'file:///virtual/000-edit.bulletin';
    const edited = text + '\nTheo Nghị quyết ';
    await c.openAndWait(uri, edited);
    const r = await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: last, character: 'Theo Nghị quyết '.length } }) as CompletionItem[] | CompletionList | null;
    const items = Array.isArray(r) ? r : r?.items ?? [];
    const texts = items.map(i => `${i.label} ${i.insertText ?? ''} ${i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : ''}`);
    assert.ok(texts.some(t => /98\/2023\/QH15|\b98\b/.test(t)), texts.slice(0, 10).join(' | '));
  });
});

/**
 * A folder holding seed 000 as 000.bulletin beside `others` (file name -> text), and a client
 * started on it: the setup of the tests that read bulletins from disk.
 */
async function ocrInFolder(others: Record<string, string>): Promise<{ c: TestClient; dir: string; uri: string; text: string }> {
  const dir = tmpDir();
  for (const [name, t] of Object.entries(others)) fs.writeFileSync(path.join(dir, name), t);
  const text = seed('ocr');
  const file000 = path.join(dir, '000.bulletin');
  fs.writeFileSync(file000, text);
  return { c: await TestClient.start({ folder: dir }), dir, uri: fileUri(file000), text };
}

suite('lsp: workspace index', () => {
  test('editing one open bulletin re-checks another that relies on it (pushed diagnostics)', async () => {
    const c = await TestClient.start();
    try {
      const A = 'file:///virtual/ws/000.bulletin', B = 'file:///virtual/ws/003.bulletin.md';
      const text = seed('ocr');
      const line = positionOf(text, 'Nghị quyết 24 của Bộ Chính trị').line;
      await c.openAndWait(B, seed('markdown'));
      const before = (await c.openAndWait(A, text)).find(d => d.code === 'citation.unresolved' && d.range.start.line === line);
      assert.ok(before, 'no citation.unresolved for "Nghị quyết 24"');
      assert.match(String(before.message), /003\.bulletin\.md/, 'the message does not name the other bulletin');
      const next = c.waitForDiagnostics(A);
      c.change(B, 2, [{ text: seed('markdown').replace('24-NQ/TW', '25-NQ/TW') }]);
      const after = (await next).find(d => d.code === 'citation.unresolved' && d.range.start.line === line);
      assert.ok(after, 'the short form should still be unresolved');
      assert.doesNotMatch(String(after.message), /003\.bulletin\.md/, 'the other bulletin no longer cites 24-NQ/TW');
    } finally {
      await c.stop();
    }
  });

  test('references and workspace symbols reach the other bulletins of the workspace', async () => {
    const c = await TestClient.start();
    try {
      const A = 'file:///virtual/refs/000.bulletin', B = 'file:///virtual/refs/003.bulletin.md';
      const text = seed('ocr');
      await c.openAndWait(B, seed('markdown'));
      await c.openAndWait(A, text);
      const pos = at(text, 'Nghị quyết 31 và Nghị quyết 98', 0, 20);
      const refs = (await c.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri: A }, position: pos, context: { includeDeclaration: true } }) ?? []) as Location[];
      assert.ok(refs.some(l => l.uri === A), 'no reference in this bulletin');
      const inB = refs.filter(l => l.uri === B);
      const mdText = seed('markdown');
      assert.ok(inB.length >= 3, `${inB.length} references in 003`);
      for (const l of inB) assert.match(mdText.split('\n')[l.range.start.line]!, /98\/2023\/QH15/);
      // 24-NQ/TW is cited in full only in 003 (000 has the bare "Nghị quyết 24")
      const syms = await c.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '24-NQ/TW' }) as SymbolInformation[] | null;
      assert.ok(syms?.some(s => s.location.uri === B && /24-NQ\/TW/.test(s.name)), JSON.stringify(syms));
    } finally {
      await c.stop();
    }
  });

  test('the disk scan waits while the user types, and indexes the folder once typing pauses', async function () {
    this.timeout(60000);
    // eight bulletins on disk and the one being edited, opened at once (its buffer wins over its file)
    const { c, uri, text } = await ocrInFolder(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`0${i}.bulletin.md`, seed('markdown')])));
    try {
      await c.openAndWait(uri, text);
      // type without pause for 1.5 s: a letter as soon as the last one's findings are back
      const at = positionOf(text, 'thành phổ lần thử 24');
      const indexedAt = () => c.logs.findIndex(l => /^indexed \d+ bulletin/.test(l));
      const started = Date.now();
      let version = 1;
      while (Date.now() - started < 1500) {
        version++;
        const next = c.waitForDiagnostics(uri, version);
        c.change(uri, version, [{ range: { start: at, end: at }, text: 'a' }]);
        await next;
      }
      assert.ok(version > 5, `typed ${version - 1} letters`);
      // the scan steps aside for at most a second per file, so nine files cannot all be in yet
      assert.strictEqual(indexedAt(), -1, `the scan finished while the user was typing:\n${c.logs.join('\n')}`);
      // once typing pauses it goes on, and the open bulletin is checked again against the folder
      const line = await c.waitFor('the scan to finish', () => c.logs.find(l => /^indexed \d+ bulletin/.test(l)), 20000);
      assert.match(line, /^indexed 8 bulletin\(s\) of 9 candidate file\(s\) in \d+ ms$/);
    } finally {
      await c.stop();
    }
  });

  test('after the first open, the disk scan waits for the idle warm-up, then indexes the folder', async function () {
    this.timeout(60000);
    // the warm-up's re-checks and the scan both run in the idle time after an open; sharing it,
    // the warm-up got through too few re-checks before the user's first edits
    const { c, uri, text } = await ocrInFolder(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`0${i}.bulletin.md`, seed('markdown')])));
    try {
      await c.openAndWait(uri, text);
      const warmed = await c.waitFor('the warm-up to finish', () => c.logs.find(l => l.startsWith('warm-up:')), 30000);
      assert.match(warmed, new RegExp(`^warm-up: ${WARM_STEPS} idle re-checks of `), 'every re-check ran');
      const line = await c.waitFor('the scan to finish', () => c.logs.find(l => /^indexed \d+ bulletin/.test(l)), 20000);
      assert.match(line, /^indexed 8 bulletin\(s\) of 9 candidate file\(s\) in \d+ ms$/);
      assert.ok(c.logs.indexOf(warmed) < c.logs.indexOf(line), `the scan finished before the warm-up:\n${c.logs.join('\n')}`);
    } finally {
      await c.stop();
    }
  });

  test('a bulletin changed or deleted on disk is re-indexed from the file watcher', async () => {
    const { c, dir, uri, text } = await ocrInFolder({ '003.bulletin.md': seed('markdown') });
    const other = path.join(dir, '003.bulletin.md');
    try {
      const line = positionOf(text, 'Nghị quyết 24 của Bộ Chính trị').line;
      const unresolved = (ds: { code?: unknown; range: Range; message: unknown }[]) =>
        ds.find(d => d.code === 'citation.unresolved' && d.range.start.line === line);
      await c.openAndWait(uri, text);
      // the disk scan runs in the background and then re-checks open documents
      const named = await c.waitFor('the unresolved finding to name 003.bulletin.md', () => {
        const last = c.published.get(uri)?.at(-1);
        const d = last && unresolved(last.diagnostics);
        return d && /003\.bulletin\.md/.test(String(d.message)) ? d : undefined;
      });
      assert.ok(named);
      fs.writeFileSync(other, seed('markdown').replace('24-NQ/TW', '25-NQ/TW'));
      let next = c.waitForDiagnostics(uri);
      await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(other), type: FileChangeType.Changed }] });
      const changed = unresolved(await next);
      assert.ok(changed && !/003\.bulletin\.md/.test(String(changed.message)), String(changed?.message));
      fs.writeFileSync(other, seed('markdown'));
      next = c.waitForDiagnostics(uri);
      await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(other), type: FileChangeType.Changed }] });
      assert.match(String(unresolved(await next)?.message), /003\.bulletin\.md/);
      fs.unlinkSync(other);
      next = c.waitForDiagnostics(uri);
      await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(other), type: FileChangeType.Deleted }] });
      assert.doesNotMatch(String(unresolved(await next)?.message), /003\.bulletin\.md/);
    } finally {
      await c.stop();
    }
  });

  test('go to definition reaches a full citation in another bulletin of the folder (read from disk)', async () => {
    const { c, dir, uri, text } = await ocrInFolder({ '003.bulletin.md': seed('markdown') });
    try {
      await c.openAndWait(uri, text);
      // "Nghị quyết 24 của Bộ Chính trị" (A19) is unresolved in 000; 003 cites 24-NQ/TW in full.
      const pos = at(text, 'Nghị quyết 24 của Bộ Chính trị', 0, 12);
      const target = fileUri(path.join(dir, '003.bulletin.md'));
      let r: Location[] = [];
      for (let i = 0; i < 40; i++) { // the index is built in the background
        r = locations(await c.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: pos }));
        if (r.some(l => l.uri === target)) break;
        await new Promise(res => setTimeout(res, 100));
      }
      assert.ok(r.some(l => l.uri === target), JSON.stringify(r));
    } finally {
      await c.stop();
    }
  });
});
