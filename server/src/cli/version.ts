// The package version, inlined by esbuild from package.json at build time.
import pkg from '../../../package.json';

export const VERSION: string = pkg.version;
