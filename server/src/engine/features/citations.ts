// Citation navigation: hover card, definition, references, highlights, workspace symbols,
// completion of known documents, and the "cited documents" outline group. Pure functions over a
// parsed document, the workspace index and the user catalogue. Offsets are ANALYSIS offsets in
// `doc` (doc.source.offsetAt(position)).
import type { BulletinDocument } from '../parse/model';
import type { Location, OutlineItem, Range } from '../types';
import type { IndexedBulletin, WorkspaceIndex } from '../workspace';
import type { Resources } from '../resources';
import type { CitationAnalysis, CitationMention } from '../citations/model';
import { analyzeCitations, definitionOf, foldedText, mentionAt } from '../citations/resolve';
import { couldDefine, externalDefinitions, fileLabel } from '../citations/crossfile';
import { catalogueMatches, type KnownDocument } from '../citations/catalogue';
import { TYPE_WORDS } from '../citations/lexicon';
import { foldKey } from '../citations/fold';

export interface HoverResult { markdown: string; range: Range }
export interface Highlight { range: Range; kind: 'read' | 'write' }
export interface WorkspaceSymbolData { name: string; detail: string; location: Location; containerName?: string }
export interface CompletionData { label: string; detail?: string; documentation?: string; insertText: string; filterText?: string; replace?: Range }
export interface FeatureEnv { workspace: WorkspaceIndex; resources: Resources; locale: 'en' | 'vi' }

type L = 'en' | 'vi';
const tr = (l: L, en: string, vi: string): string => (l === 'vi' ? vi : en);

function dmy(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

interface Placed { uri: string; source: { rangeOf(s: number, e: number): Range; positionAt(o: number): { line: number; character: number } } }

function loc(doc: Placed, m: CitationMention): Location {
  return { uri: doc.uri, range: doc.source.rangeOf(m.span.start, m.span.end) };
}

/** An indexed bulletin as a place (no re-parse). */
function placed(f: IndexedBulletin): Placed {
  return { uri: f.uri, source: f.source() };
}

function others(env: FeatureEnv, uri: string): readonly IndexedBulletin[] {
  return (env.workspace.files?.() ?? []).filter(f => f.uri !== uri);
}

function filesWithKey(env: FeatureEnv, key: string, uri: string): readonly IndexedBulletin[] {
  const list = env.workspace.filesWithKey ? env.workspace.filesWithKey(key, uri) : (env.workspace.files?.() ?? []);
  return list.filter(f => f.uri !== uri);
}

function safeAnalysis(f: IndexedBulletin): CitationAnalysis | null {
  try { return f.citations(); } catch { return null; }
}

/** The key a mention stands for: its own, else the one other bulletins (or the catalogue) suggest. */
function targetKey(doc: BulletinDocument, m: CitationMention, env: FeatureEnv): { key: string | null; via: 'file' | 'workspace' | 'catalogue' | null } {
  if (m.key) return { key: m.key, via: 'file' };
  const ext = externalDefinitions(env.workspace, doc.uri, m);
  const keys = [...new Set(ext.map(e => e.key))];
  if (keys.length === 1) return { key: keys[0]!, via: 'workspace' };
  const cat = catalogueMatches(m, env.resources.documents, m.typeWord?.code ?? m.symbol?.typeCode);
  if (cat.length === 1) return { key: cat[0]!.key, via: 'catalogue' };
  return { key: null, via: null };
}

// ---------- hover ----------

export function hover(doc: BulletinDocument, offset: number, env: FeatureEnv): HoverResult | null {
  const a = analyzeCitations(doc);
  const m = mentionAt(a, offset);
  if (!m) return null;
  const l = env.locale;
  const { key, via } = targetKey(doc, m, env);
  const lines: string[] = [];
  const range = doc.source.rangeOf(m.span.start, m.span.end);
  if (!key) {
    lines.push(`**${m.text}**`, '');
    if (m.resolution === 'ambiguous') {
      lines.push(tr(l, 'Ambiguous: this could refer to ', 'Không rõ: có thể là ') + (m.candidates ?? []).map(c => `\`${c}\``).join(', '));
    } else {
      lines.push(tr(l, 'Not cited in full in this bulletin.', 'Không có trích dẫn đầy đủ trong bản tin này.'));
      const ext = externalDefinitions(env.workspace, doc.uri, m);
      for (const e of ext.slice(0, 5)) {
        const line = e.file.source().positionAt(e.mention.span.start).line + 1;
        lines.push(`- \`${e.key}\` — ${fileLabel(e.file.uri)}:${line}${e.mention.date ? ` (${dmy(e.mention.date.iso)})` : ''}`);
      }
    }
    return { markdown: lines.join('\n'), range };
  }
  // merge what is known: this file, then other bulletins, then the catalogue
  const info = describe(doc, a, key, env);
  if (!m.key) info.here += a.mentions.filter(x => !x.key && x.kind !== 'alias' && targetKey(doc, x, env).key === key).length;
  const named = key.startsWith('NAMED ');
  const title = info.symbol ? `${info.typeName} ${info.symbol}` : (info.subject ?? key.slice(6));
  lines.push(named ? `**${title}**` : `**${title}** · \`${key}\``, '');
  if (named) info.subject = undefined;
  lines.push(`| | |`, `|---|---|`);
  const row = (k: string, v: string | undefined): void => { if (v) lines.push(`| ${k} | ${v.replace(/\|/g, '\\|')} |`); };
  row(tr(l, 'Type', 'Loại văn bản'), info.typeName);
  row(tr(l, 'Number and symbol', 'Số, ký hiệu'), info.symbol || undefined);
  row(tr(l, 'Date', 'Ngày ban hành'), dmy(info.date));
  row(tr(l, 'Issuer', 'Cơ quan ban hành'), info.issuer);
  row(tr(l, 'Subject', 'Trích yếu'), info.subject && info.subject.length > 240 ? info.subject.slice(0, 237) + '…' : info.subject);
  row(tr(l, 'Cited in full', 'Trích dẫn đầy đủ'), info.where ?? tr(l, 'not in this bulletin', 'không có trong bản tin này'));
  const wsCount = info.workspaceMentions;
  row(tr(l, 'Mentions', 'Số lần nhắc'), tr(l, `${info.here} in this bulletin`, `${info.here} trong bản tin này`) +
    (wsCount.files ? tr(l, ` · ${wsCount.mentions} in ${wsCount.files} other bulletin${wsCount.files > 1 ? 's' : ''}`, ` · ${wsCount.mentions} trong ${wsCount.files} bản tin khác`) : ''));
  if (via === 'workspace') lines.push('', tr(l, '_Not cited in full in this bulletin; resolved from another bulletin._', '_Không có trích dẫn đầy đủ trong bản tin này; xác định nhờ bản tin khác._'));
  if (via === 'catalogue') lines.push('', tr(l, '_Resolved from .bulletin/documents.json._', '_Xác định nhờ .bulletin/documents.json._'));
  if (m.resolution === 'forward') lines.push('', tr(l, '_Used before its full citation._', '_Được dùng trước trích dẫn đầy đủ._'));
  return { markdown: lines.join('\n'), range };
}

interface DocInfo {
  typeName: string; symbol: string; date?: string; issuer?: string; subject?: string; title?: string;
  where?: string; here: number; workspaceMentions: { files: number; mentions: number };
}

function describe(doc: BulletinDocument, a: CitationAnalysis, key: string, env: FeatureEnv): DocInfo {
  const l = env.locale;
  const local = a.documents.get(key);
  const info: DocInfo = { typeName: local?.typeName ?? '', symbol: local?.symbol ?? '', here: local?.mentionIds.length ?? 0, workspaceMentions: { files: 0, mentions: 0 } };
  if (local) {
    info.date = local.date; info.issuer = local.issuer; info.subject = local.subject;
    const def = local.definitionId !== undefined ? a.mentions[local.definitionId] : undefined;
    if (def && (def.resolution === 'definition' || def.named?.full)) info.where = tr(l, `line ${doc.source.positionAt(def.span.start).line + 1}`, `dòng ${doc.source.positionAt(def.span.start).line + 1}`);
  }
  for (const f of filesWithKey(env, key, doc.uri)) {
    const fa = safeAnalysis(f);
    const d = fa?.documents.get(key);
    if (!fa || !d) continue;
    info.workspaceMentions.files++;
    info.workspaceMentions.mentions += d.mentionIds.length;
    info.typeName ||= d.typeName; info.symbol ||= d.symbol;
    info.date ??= d.date; info.issuer ??= d.issuer; info.subject ??= d.subject;
    if (!info.where && d.definitionId !== undefined) {
      const def = fa.mentions[d.definitionId]!;
      info.where = `${fileLabel(f.uri)}:${f.source().positionAt(def.span.start).line + 1}`;
    }
  }
  const cat = env.resources.documents.find(k => k.key === key);
  if (cat) {
    info.typeName ||= cat.type; info.symbol ||= cat.number;
    info.date ??= cat.date; info.issuer ??= cat.issuer; info.subject ??= cat.title;
    info.where ??= '.bulletin/documents.json';
  }
  return info;
}

// ---------- definition, references, highlights ----------

export function definition(doc: BulletinDocument, offset: number, env: FeatureEnv): Location[] {
  const a = analyzeCitations(doc);
  const m = mentionAt(a, offset);
  if (!m) return [];
  if (m.key) {
    const def = definitionOf(a.mentions, m.key);
    if (def) return [loc(doc, def)];
    const out: Location[] = [];
    for (const f of filesWithKey(env, m.key, doc.uri)) {
      const fa = safeAnalysis(f);
      const d = fa && definitionOf(fa.mentions, m.key);
      if (d) out.push(loc(placed(f), d));
    }
    return out;
  }
  return externalDefinitions(env.workspace, doc.uri, m).map(e => loc(placed(e.file), e.mention));
}

export function references(doc: BulletinDocument, offset: number, env: FeatureEnv, includeDeclaration: boolean): Location[] {
  const a = analyzeCitations(doc);
  const m = mentionAt(a, offset);
  if (!m) return [];
  const { key } = targetKey(doc, m, env);
  if (!key) return [loc(doc, m)];
  const out: Location[] = [];
  // a definition of the key from anywhere, to recognise unresolved short forms that mean it
  let anyDef = definitionOf(a.mentions, key);
  if (!anyDef) {
    for (const f of filesWithKey(env, key, doc.uri)) {
      const fa = safeAnalysis(f);
      anyDef = fa ? definitionOf(fa.mentions, key) : undefined;
      if (anyDef) break;
    }
  }
  const collect = (d: Placed, fa: CitationAnalysis): void => {
    const def = definitionOf(fa.mentions, key);
    for (const x of fa.mentions) {
      const hit = x.key === key || (!x.key && anyDef !== undefined && x.kind !== 'alias' && couldDefine(anyDef, x));
      if (!hit) continue;
      if (!includeDeclaration && def && x.id === def.id) continue;
      out.push(loc(d, x));
    }
  };
  collect(doc, a);
  if (!m.key && !out.some(o => o.range.start.line === doc.source.positionAt(m.span.start).line)) out.push(loc(doc, m));
  const seen = new Set<string>([doc.uri]);
  for (const f of [...filesWithKey(env, key, doc.uri), ...others(env, doc.uri)]) {
    if (seen.has(f.uri)) continue;
    seen.add(f.uri);
    const fa = safeAnalysis(f);
    if (fa) collect(placed(f), fa);
  }
  return out;
}

export function highlights(doc: BulletinDocument, offset: number, _env: FeatureEnv): Highlight[] {
  const a = analyzeCitations(doc);
  const m = mentionAt(a, offset);
  if (!m) return [];
  const same = m.key
    ? a.mentions.filter(x => x.key === m.key)
    : a.mentions.filter(x => !x.key && foldKey(x.text) === foldKey(m.text));
  return same.map(x => ({
    range: doc.source.rangeOf(x.span.start, x.span.end),
    kind: x.resolution === 'definition' || (x.resolution === 'named' && x.named?.full) ? 'write' : 'read',
  }));
}

// ---------- workspace symbols ----------

interface Sym { key: string; name: string; detail: string; location?: Location; container?: string; dated: boolean; hay: string }

function squash(s: string): string { return foldKey(s).replace(/\s+/g, ''); }

export function workspaceSymbols(query: string, env: FeatureEnv): WorkspaceSymbolData[] {
  const byKey = new Map<string, Sym>();
  const add = (s: Sym): void => {
    const old = byKey.get(s.key);
    if (!old || (!old.location && s.location) || (!old.dated && s.dated && s.location)) byKey.set(s.key, s);
  };
  for (const f of env.workspace.files?.() ?? []) {
    const fa = safeAnalysis(f);
    if (!fa) continue;
    for (const d of fa.documents.values()) {
      const def = d.definitionId !== undefined ? fa.mentions[d.definitionId] : fa.mentions[d.mentionIds[0]!];
      if (!def) continue;
      const name = d.symbol ? `${d.typeName} ${d.symbol}` : (d.subject ?? d.key);
      add({
        key: d.key, name, detail: [d.key, dmy(d.date), d.issuer].filter(Boolean).join(' · '),
        location: loc(placed(f), def), container: fileLabel(f.uri), dated: !!d.date,
        hay: squash(`${d.key} ${name} ${d.subject ?? ''}`),
      });
    }
  }
  for (const k of env.resources.documents) {
    add({ key: k.key, name: `${k.type} ${k.number}`, detail: [k.key, dmy(k.date), k.issuer].filter(Boolean).join(' · '), dated: !!k.date, container: 'documents.json', hay: squash(`${k.key} ${k.type} ${k.number} ${k.title ?? ''}`) });
  }
  const q = squash(query);
  const out: WorkspaceSymbolData[] = [];
  for (const s of byKey.values()) {
    if (!s.location) continue; // catalogue-only documents have no place to jump to
    if (q && !s.hay.includes(q)) continue;
    const r: WorkspaceSymbolData = { name: s.name, detail: s.detail, location: s.location };
    if (s.container) r.containerName = s.container;
    out.push(r);
  }
  out.sort((x, y) => x.name.localeCompare(y.name));
  return out.slice(0, 500);
}

// ---------- completion ----------

interface Known { key: string; typeCode: string; typeName: string; symbol: string; date?: string; issuer?: string; title?: string }

function typeBefore(f: string, end: number): { code: string; name: string } | null {
  // f[..end] ends with a type word (folded, any whitespace between its words)
  const window = f.slice(Math.max(0, end - 40), end).replace(/\s+/g, ' ');
  for (const tw of TYPE_WORDS) {
    const w = tw.words.join(' ');
    if (window.endsWith(w)) {
      const before = window[window.length - w.length - 1];
      if (before === undefined || !/[a-z0-9]/.test(before)) return { code: tw.code, name: tw.name };
    }
  }
  return null;
}

export function completions(doc: BulletinDocument, offset: number, env: FeatureEnv): CompletionData[] {
  const f = foldedText(doc);
  const t = doc.text;
  let p = offset;
  // the partial number being typed
  while (p > 0 && /[0-9a-z/\-.đ]/i.test(t[p - 1]!) && offset - p < 30) p--;
  const partial = t.slice(p, offset);
  if (partial && !/^\d/.test(partial)) return [];
  let q = p;
  while (q > 0 && (t[q - 1] === ' ' || t[q - 1] === '\t')) q--;
  if (q === p && partial) return []; // "Nghị quyết98": not a citation being typed
  let hasSo = false;
  if (q >= 2 && f.slice(q - 2, q) === 'so' && (q < 3 || !/[a-z0-9]/.test(f[q - 3]!))) { hasSo = true; q -= 2; }
  else if (q >= 3 && f.slice(q - 3, q) === 'so:') { hasSo = true; q -= 3; }
  if (hasSo) while (q > 0 && /\s/.test(t[q - 1]!)) q--;
  const type = typeBefore(f, q);
  if (!type) return [];
  const known = knownDocuments(doc, env);
  const a = analyzeCitations(doc);
  // the type word decides: "Quyết định" (QĐ) does not offer a "Quy định" (QĐi) even with a QĐ code
  const Q = new Set(['QĐi', 'QyĐ']);
  const out: CompletionData[] = [];
  for (const k of known) {
    if (!(k.typeCode === type.code || (Q.has(k.typeCode) && Q.has(type.code)))) continue;
    if (!k.symbol || (partial && !k.symbol.toLowerCase().startsWith(partial.toLowerCase()))) continue;
    const citedHere = a.documents.get(k.key)?.definitionId !== undefined;
    const tail = citedHere ? '' : [k.date ? ` ngày ${dmy(k.date)}` : '', k.issuer ? ` của ${k.issuer}` : ''].join('');
    const insertText = `${hasSo ? '' : 'số '}${k.symbol}${tail}`;
    const item: CompletionData = {
      label: k.symbol,
      detail: [k.typeName, dmy(k.date), k.issuer].filter(Boolean).join(' · '),
      insertText,
      filterText: k.symbol,
      replace: doc.source.rangeOf(p, offset),
    };
    if (k.title) item.documentation = k.title;
    out.push(item);
  }
  return out;
}

function knownDocuments(doc: BulletinDocument, env: FeatureEnv): Known[] {
  const byKey = new Map<string, Known>();
  const put = (k: Known): void => {
    const old = byKey.get(k.key);
    if (!old) { byKey.set(k.key, k); return; }
    old.date ??= k.date; old.issuer ??= k.issuer; old.title ??= k.title;
  };
  const fromAnalysis = (fa: CitationAnalysis): void => {
    for (const d of fa.documents.values()) {
      if (d.named || !d.symbol) continue;
      put({ key: d.key, typeCode: d.key.slice(0, d.key.indexOf(' ')), typeName: d.typeName, symbol: d.symbol, date: d.date, issuer: d.issuer, title: d.subject });
    }
  };
  fromAnalysis(analyzeCitations(doc));
  for (const f of others(env, doc.uri)) { const fa = safeAnalysis(f); if (fa) fromAnalysis(fa); }
  for (const k of env.resources.documents as KnownDocument[]) {
    put({ key: k.key, typeCode: k.key.slice(0, k.key.indexOf(' ')), typeName: k.type, symbol: k.number, date: k.date, issuer: k.issuer, title: k.title });
  }
  return [...byKey.values()];
}

// ---------- outline ----------

/** The outline group listing the documents the bulletin cites (null when none). */
export function citedDocumentsOutline(doc: BulletinDocument, env: FeatureEnv): OutlineItem | null {
  const a = analyzeCitations(doc);
  const l = env.locale;
  const children: { at: number; item: OutlineItem }[] = [];
  for (const d of a.documents.values()) {
    const m = d.definitionId !== undefined ? a.mentions[d.definitionId]! : a.mentions[d.mentionIds[0]!]!;
    const range = doc.source.rangeOf(m.span.start, m.span.end);
    const name = d.symbol ? `${d.typeName} ${d.symbol}` : (d.subject ?? d.key.replace(/^NAMED /, ''));
    const detail = [dmy(d.date), d.issuer, tr(l, `${d.mentionIds.length}×`, `${d.mentionIds.length} lần`)].filter(Boolean).join(' · ');
    children.push({ at: m.span.start, item: { name, kind: 'document', detail, range, selectionRange: range, children: [] } });
  }
  if (!children.length) return null;
  children.sort((x, y) => x.at - y.at);
  const first = children[0]!.item.range, last = children.reduce((acc, c) => (cmp(c.item.range.end, acc) > 0 ? c.item.range.end : acc), children[0]!.item.range.end);
  const range: Range = { start: first.start, end: last };
  return {
    name: tr(l, 'Cited documents', 'Văn bản được trích dẫn'),
    kind: 'documents',
    detail: String(children.length),
    range,
    selectionRange: first,
    children: children.map(c => c.item),
  };
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
