// esbuild plugin: a data table (*.bin) as bytes in the bundle, like esbuild's `binary` loader,
// but as base64 literals of at most 1 MiB each, joined and decoded at first use. Both plugins
// make the module's default export a function that returns the bytes (server/src/data.d.ts).
// V8 compiles a script holding one string literal of more than about 3 MiB far more slowly: on
// Node 20, once the spelling table's base64 grew past 3.1 M characters, `bulletin-ls --version`
// took 0.30 s of CPU instead of 0.26; with these pieces it takes 0.25 s. (Measured on the
// production bundle, 10 runs each: 2 MiB pieces, or pieces decoded one by one and concatenated,
// were slower.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const PIECE = 1 << 20;

export const binaryChunks = {
  name: 'binary-chunks',
  setup(build) {
    build.onLoad({ filter: /\.bin$/ }, async args => {
      const b64 = (await readFile(args.path)).toString('base64');
      const pieces = [];
      for (let i = 0; i < b64.length; i += PIECE) pieces.push(JSON.stringify(b64.slice(i, i + PIECE)));
      return {
        contents: `let bytes;\nexport default () => (bytes ??= new Uint8Array(Buffer.from([\n${pieces.join(',\n')}\n].join(''), 'base64')));\n`,
        loader: 'js',
      };
    });
  },
};

// esbuild plugin for the server bundle (server/out/main.js, which is also the CLI): a data table
// (*.bin) is read from its file next to the bundle at first use, not carried in
// the bundle as base64. Decoding 3.2 M characters of base64 and compiling a 4 MB script cost
// every process about 60-80 ms at start-up (and a few MB of memory); reading 2.4 MB costs a few.
// The file's path is written relative to the bundle, so the repository layout, the npm package
// and the VSIX (which ships server/data/spelling.bin, see .vscodeignore) all find it.
export const binaryFiles = {
  name: 'binary-files',
  setup(build) {
    const outfile = build.initialOptions.outfile;
    if (!outfile) throw new Error('binary-files: the build needs an outfile');
    const outDir = path.dirname(path.resolve(outfile));
    build.onLoad({ filter: /\.bin$/ }, async args => {
      const rel = path.relative(outDir, args.path).split(path.sep).join('/');
      return {
        contents: `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
let bytes;
export default () => {
  if (!bytes) {
    const file = join(__dirname, ${JSON.stringify(rel)});
    let b;
    try { b = readFileSync(file); } catch (e) { throw new Error('cannot read the data table ' + file + ' (' + (e && e.code || e) + ')'); }
    bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  return bytes;
};
`,
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

/**
 * Bundles `contents` (TypeScript importing from the repository at `root`) into a CommonJS
 * script at `outfile` for Node 20, with the data tables inside: the engine runners of the eval
 * and bench scripts.
 */
export function bundleScript(root, outfile, contents, logLevel = 'warning') {
  return esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: path.basename(outfile).replace(/\.cjs$/, '.ts'), loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, plugins: [binaryChunks], logLevel,
  });
}
