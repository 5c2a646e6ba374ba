// Builds the client bundle, the server bundle (which is also the CLI `bulletin-ls`)
// and, with --tests, the test bundles under test/out.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import { binaryChunks, binaryFiles } from './scripts/esbuild-binary.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // derived data tables are bundled as bytes (see server/data/ and scripts/esbuild-binary.mjs);
  // the server bundle reads them from their files instead
  plugins: [binaryChunks],
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // the server (and CLI) reads its data tables from server/data/ next to it (scripts/esbuild-binary.mjs)
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/main.js', banner: { js: '#!/usr/bin/env node' }, plugins: [binaryFiles] },
];

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'out' || name === 'workspace' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

if (tests) {
  const entries = ['test/unit', 'test/lsp', 'test/e2e', 'test/helpers'].flatMap(d => walk(d));
  if (entries.length) {
    builds.push({
      ...common,
      entryPoints: entries,
      outdir: 'test/out',
      outbase: 'test',
      external: ['vscode', 'mocha', '@vscode/test-electron', 'playwright-core', 'fast-check', 'typescript', 'recheck'],
      sourcemap: 'inline',
    });
  }
}

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('[watch] build started');
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
  if (existsSync('server/out/main.js')) chmodSync('server/out/main.js', 0o755);
}
