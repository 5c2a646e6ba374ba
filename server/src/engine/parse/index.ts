// Minimal placeholder parser (lines + format only). The document-model work replaces the body.
import { SourceText } from '../text';
import type { BulletinDocument, Line } from './model';

export function parseDocument(uri: string, original: string, version = 0): BulletinDocument {
  const source = new SourceText(original);
  const text = source.text;
  const lines: Line[] = [];
  let start = 0, line = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, line: line++ });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  const format = /^\s{0,3}#{1,6}\s|<sup>\d+<\/sup>|\*\*/m.test(text) ? 'markdown' : 'ocr';
  return {
    uri, version, source, text, format, lines,
    blocks: [], headings: [], listItems: [], footnoteRefs: [], footnoteDefs: [], enumLabels: [],
    directives: [], skips: [], memo: new Map(),
  };
}
