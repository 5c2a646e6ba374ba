declare module '*.bin' {
  /**
   * The table's bytes, read or decoded on first call (scripts/esbuild-binary.mjs: tests and tools
   * carry them in their bundle; the server bundle reads them from server/data/ next to it).
   */
  const bytes: () => Uint8Array;
  export default bytes;
}
