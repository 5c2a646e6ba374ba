// Invariant: the engine is editor-independent. It never imports VS Code, the LSP library,
// Node's file system or process, so the CLI and the editor run exactly the same analysis.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const engineDir = path.join(root, 'server/src/engine');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

const FORBIDDEN = [
  /^vscode$/, /^vscode-languageserver(\/.*)?$/, /^vscode-languageclient(\/.*)?$/, /^vscode-jsonrpc(\/.*)?$/,
  /^(node:)?fs(\/.*)?$/, /^(node:)?path$/, /^(node:)?child_process$/, /^(node:)?worker_threads$/, /^(node:)?process$/,
];

suite('architecture', () => {
  const engineFiles = files(engineDir);

  test('the engine folder exists and has modules', () => {
    assert.ok(engineFiles.length > 10, `only ${engineFiles.length} engine files found`);
  });

  test('engine modules import no editor, LSP or Node I/O packages', () => {
    const bad: string[] = [];
    for (const f of engineFiles) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (FORBIDDEN.some(r => r.test(spec))) bad.push(`${path.relative(root, f)} imports ${spec}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  test('engine modules do not touch the global process object', () => {
    const bad = engineFiles.filter(f => /\bprocess\.(env|argv|cwd|exit|stdout|stderr)\b/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(bad.map(f => path.relative(root, f)), []);
  });

  test('only server/src/lsp imports vscode-languageserver', () => {
    const serverSrc = path.join(root, 'server/src');
    const bad = files(serverSrc)
      .filter(f => !f.startsWith(path.join(serverSrc, 'lsp') + path.sep))
      .filter(f => /from\s*['"]vscode-languageserver(\/node)?['"]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(bad.map(f => path.relative(root, f)), []);
  });
});
