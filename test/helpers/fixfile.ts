// The CLI's --fix on a text, twice, in a scratch folder: what the first run wrote and reported,
// and what the second (which must change nothing) did.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile } from '../../server/src/cli/check';
import { resolveConfig } from '../../server/src/engine/index';
import type { Resources } from '../../server/src/engine/resources';

export function fixTwice(before: string, resources: Resources): {
  first: ReturnType<typeof checkFile>; after: string; second: ReturnType<typeof checkFile>; afterSecond: string;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-fix-twice-'));
  try {
    const f = path.join(dir, 'a.txt');
    fs.writeFileSync(f, before);
    const config = resolveConfig({});
    const first = checkFile({ path: 'a.txt', abs: f, fix: true }, config, resources, undefined, {});
    const after = fs.readFileSync(f, 'utf8');
    const second = checkFile({ path: 'a.txt', abs: f, fix: true }, config, resources, undefined, {});
    return { first, after, second, afterSecond: fs.readFileSync(f, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
