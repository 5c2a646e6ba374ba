// Placeholder; the CLI work replaces this.
export async function main(_argv: string[]): Promise<number> { process.stderr.write('bulletin-ls: CLI not built yet\n'); return 2; }
