// Sets the extension-facing keys of package.json (contributes, activationEvents, capabilities,
// categories, keywords, the "package" script) without touching anything else in the file.
// Run: node scripts/set-manifest.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));

const LEVEL = { type: 'string', enum: ['off', 'hint', 'information', 'warning', 'error'] };

/** Every rule code of the registry (one rule per file: `code: 'family.name'`), for settings IntelliSense. */
function ruleCodes() {
  const dir = fileURLToPath(new URL('../server/src/engine/rules/', import.meta.url));
  const codes = new Set();
  const walk = d => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(path.join(d, e.name), 'utf8').matchAll(/\bcode: '([a-z]+\.[a-z-]+)'/g)) codes.add(m[1]);
    }
  };
  walk(dir);
  return [...codes].sort();
}

pkg.activationEvents = ['onLanguage:bulletin', 'onLanguage:markdown', 'onLanguage:plaintext'];
pkg.categories = ['Linters', 'Programming Languages', 'Other'];
pkg.keywords = ['vietnamese', 'tiếng việt', 'bulletin', 'spell checker', 'ocr', 'diacritics', 'citations', 'footnotes', 'markdown', 'language server'];
pkg.capabilities = {
  untrustedWorkspaces: { supported: true },
  virtualWorkspaces: { supported: 'limited', description: '%bulletin.virtualWorkspaces.description%' },
};
pkg.contributes = {
  languages: [{
    id: 'bulletin',
    aliases: ['Bulletin', 'bulletin'],
    extensions: ['.bulletin.md', '.bulletin'],
    configuration: './language-configuration.json',
  }],
  grammars: [{
    language: 'bulletin',
    scopeName: 'text.html.markdown.bulletin',
    path: './syntaxes/bulletin.tmLanguage.json',
  }],
  commands: [
    { command: 'bulletin.restartServer', title: '%bulletin.restartServer.title%', category: 'Bulletin' },
    { command: 'bulletin.showOutput', title: '%bulletin.showOutput.title%', category: 'Bulletin' },
    { command: 'bulletin.fixAll', title: '%bulletin.fixAll.title%', category: 'Bulletin' },
  ],
  menus: {
    commandPalette: [
      { command: 'bulletin.fixAll', when: 'editorLangId == bulletin || editorLangId == markdown || editorLangId == plaintext' },
    ],
  },
  configuration: {
    title: 'Bulletin',
    properties: {
      'bulletin.activation': {
        scope: 'resource',
        type: 'string',
        enum: ['auto', 'bulletinOnly', 'always'],
        default: 'auto',
        enumDescriptions: ['%bulletin.activation.auto%', '%bulletin.activation.bulletinOnly%', '%bulletin.activation.always%'],
        markdownDescription: '%bulletin.activation.description%',
      },
      'bulletin.rules': {
        scope: 'resource',
        type: 'object',
        default: {},
        markdownDescription: '%bulletin.rules.description%',
        properties: Object.fromEntries(['spelling', 'citation', 'footnote', 'structure', ...ruleCodes()].map(k => [k, LEVEL])),
        additionalProperties: LEVEL,
      },
      'bulletin.words': {
        scope: 'resource',
        type: 'array',
        items: { type: 'string' },
        default: [],
        markdownDescription: '%bulletin.words.description%',
      },
      'bulletin.spelling.contextThreshold': {
        scope: 'resource',
        type: 'number',
        minimum: 0,
        maximum: 1,
        default: 0.5,
        markdownDescription: '%bulletin.spelling.contextThreshold.description%',
      },
      'bulletin.spelling.maxSuggestions': {
        scope: 'resource',
        type: 'integer',
        minimum: 1,
        maximum: 20,
        default: 5,
        markdownDescription: '%bulletin.spelling.maxSuggestions.description%',
      },
      'bulletin.maxProblems': {
        scope: 'resource',
        type: 'integer',
        minimum: 0,
        default: 1000,
        markdownDescription: '%bulletin.maxProblems.description%',
      },
      'bulletin.citations.bulletinDate': {
        scope: 'resource',
        type: 'string',
        default: '',
        pattern: '^(\\d{4}-\\d{2}-\\d{2})?$',
        markdownDescription: '%bulletin.citations.bulletinDate.description%',
      },
      'bulletin.trace.server': {
        scope: 'resource',
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        markdownDescription: '%bulletin.trace.server.description%',
      },
    },
  },
  configurationDefaults: {
    '[bulletin]': { 'editor.wordWrap': 'on' },
  },
};
pkg.scripts = { ...pkg.scripts, package: pkg.scripts?.package ?? 'vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links -o bulletin-ls.vsix' };

writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json: set activationEvents, categories, keywords, capabilities, contributes, scripts.package');
