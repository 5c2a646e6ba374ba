// Open buffers. Our own sync handlers (instead of TextDocuments.listen) so that out-of-order,
// stale or malformed notifications are logged and ignored instead of corrupting a buffer.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export type DocEvent = { kind: 'open' | 'change' | 'close'; doc: TextDocument };

function isRange(r: unknown): boolean {
  const p = (x: unknown) => !!x && typeof (x as { line?: unknown }).line === 'number' && typeof (x as { character?: unknown }).character === 'number';
  return !!r && typeof r === 'object' && p((r as { start?: unknown }).start) && p((r as { end?: unknown }).end);
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly log: (m: string) => void, private readonly listener: (e: DocEvent) => void) {}

  get(uri: string): TextDocument | undefined { return this.docs.get(uri); }
  all(): TextDocument[] { return [...this.docs.values()]; }
  has(uri: string): boolean { return this.docs.has(uri); }

  open(p: DidOpenTextDocumentParams): void {
    const td = p?.textDocument;
    if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') { this.log('didOpen: malformed params ignored'); return; }
    const doc = TextDocument.create(td.uri, String(td.languageId ?? 'plaintext'), typeof td.version === 'number' ? td.version : 0, td.text);
    this.docs.set(td.uri, doc);
    this.listener({ kind: 'open', doc });
  }

  change(p: DidChangeTextDocumentParams): void {
    const id = p?.textDocument;
    if (!id || typeof id.uri !== 'string') { this.log('didChange: malformed params ignored'); return; }
    const doc = this.docs.get(id.uri);
    if (!doc) { this.log(`didChange for a document that is not open: ${id.uri}`); return; }
    if (typeof id.version !== 'number') { this.log(`didChange without a version ignored: ${id.uri}`); return; }
    if (id.version <= doc.version) { this.log(`stale didChange ignored: ${id.uri} version ${id.version} <= ${doc.version}`); return; }
    const changes = Array.isArray(p.contentChanges) ? p.contentChanges : [];
    const valid: TextDocumentContentChangeEvent[] = [];
    for (const c of changes) {
      if (!c || typeof (c as { text?: unknown }).text !== 'string') { this.log(`didChange: malformed change ignored in ${id.uri}`); return; }
      const r = (c as { range?: unknown }).range;
      if (r !== undefined && !isRange(r)) { this.log(`didChange: malformed range ignored in ${id.uri}`); return; }
      valid.push(c);
    }
    if (!valid.length) return;
    TextDocument.update(doc, valid, id.version);
    this.listener({ kind: 'change', doc });
  }

  close(p: DidCloseTextDocumentParams): void {
    const uri = p?.textDocument?.uri;
    if (typeof uri !== 'string') { this.log('didClose: malformed params ignored'); return; }
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.delete(uri);
    this.listener({ kind: 'close', doc });
  }
}
