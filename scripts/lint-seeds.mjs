// `npm run lint:seeds`: the README's first command. Runs the built CLI on seeds/ exactly as CI
// would (`bulletin-ls lint seeds`), prints its findings, then explains the exit code. Exit code 1
// means "the linter found errors", which is the expected outcome on the raw OCR seed, so this
// script treats it as success; exit code 2 (a file could not be checked, bad usage) still fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = ['lint', 'seeds', ...process.argv.slice(2)];
const r = spawnSync(process.execPath, [path.join(root, 'server/out/main.js'), ...args], { cwd: root, stdio: 'inherit' });
if (r.error) { console.error(`lint:seeds: could not run the CLI: ${r.error.message}`); process.exit(2); }
const code = r.status ?? 2;
const meaning = { 0: 'no errors', 1: 'errors found (expected: seed 000 is raw OCR text)', 2: 'a file could not be checked or the command was wrong' }[code] ?? 'unexpected';
console.log(`\nbulletin-ls lint ${args.slice(1).join(' ')} exited with ${code}: ${meaning}.`);
process.exit(code === 1 ? 0 : code);
