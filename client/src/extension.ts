// Placeholder; the extension work replaces this.
export function activate(): void { /* nothing yet */ }
export function deactivate(): void { /* nothing yet */ }
