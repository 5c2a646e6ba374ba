// In-document directives: <!-- bulletin-disable [codes] -->, <!-- bulletin-enable [codes] -->,
// <!-- bulletin-disable-next-line [codes] -->. Both hosts honour them because the engine does.
import type { BulletinDocument, Directive } from './parse/model';

function matches(codes: string[], code: string): boolean {
  if (codes.length === 0) return true;
  return codes.some(c => c === code || code.startsWith(c + '.'));
}

/** Returns a predicate telling whether a finding (code, analysis offset, line) is suppressed. */
export function suppressionFilter(doc: BulletinDocument): (code: string, offset: number, line: number) => boolean {
  const ds: Directive[] = doc.directives;
  if (ds.length === 0) return () => false;
  return (code, offset, line) => {
    let disabled = false;
    for (const d of ds) {
      if (d.kind === 'disable-next-line') {
        if (line === d.line + 1 && matches(d.codes, code)) return true;
        continue;
      }
      if (d.start > offset) break;
      if (!matches(d.codes, code)) continue;
      disabled = d.kind === 'disable';
    }
    return disabled;
  };
}
