// lint --format sarif: SARIF 2.1.0 (one run). Regions are 1-based with UTF-16 columns
// (columnKind utf16CodeUnits), exactly the LSP positions + 1. Rules come from the engine's
// registry (every rule, so a consumer can show what was checked); a result's level maps
// error→error, warning→warning, information/hint→note. Files that could not be read appear as
// toolExecutionNotifications and make executionSuccessful false. Findings --fix would fix carry
// a SARIF `fixes` entry with the replacement.
import { rules, type Finding, type Severity } from '../../engine/index';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function artifactUri(p: string): string {
  return p.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(
  files: { path: string; findings: Finding[] }[],
  failures: { path: string; reason: string }[],
  version: string,
  locale: 'en' | 'vi',
): string {
  const ruleList = rules.map(r => ({
    id: r.code,
    name: r.code,
    shortDescription: { text: locale === 'vi' ? r.description.vi : r.description.en },
    fullDescription: { text: r.rationale || r.description.en },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { family: r.family, fixable: r.fixable },
  }));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const results = [];
  for (const file of files) {
    for (const f of file.findings) {
      let ri = index.get(f.code);
      if (ri === undefined) {
        ri = ruleList.length;
        ruleList.push({ id: f.code, name: f.code, shortDescription: { text: f.code }, fullDescription: { text: f.code }, defaultConfiguration: { level: LEVEL[f.severity] }, properties: { family: f.code.split('.')[0] as never, fixable: false } });
        index.set(f.code, ri);
      }
      const result: Record<string, unknown> = {
        ruleId: f.code,
        ruleIndex: ri,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(file.path) },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
      };
      if (f.suggestions.length) result.properties = { suggestions: f.suggestions, severity: f.severity };
      else result.properties = { severity: f.severity };
      // the fix --fix would apply (safe findings only), as a SARIF replacement
      if (f.safe && f.suggestions.length) {
        result.fixes = [{
          description: { text: f.suggestions[0] },
          artifactChanges: [{
            artifactLocation: { uri: artifactUri(file.path) },
            replacements: [{ deletedRegion: (result.locations as { physicalLocation: { region: unknown } }[])[0]!.physicalLocation.region, insertedContent: { text: f.suggestions[0] } }],
          }],
        }];
      }
      results.push(result);
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'bulletin-ls', version, rules: ruleList } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: failures.length === 0,
        toolExecutionNotifications: failures.map(x => ({
          level: 'error',
          message: { text: `${x.path}: ${x.reason}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(x.path) } } }],
        })),
      }],
      artifacts: files.map(f => ({ location: { uri: artifactUri(f.path) } })),
      results,
    }],
  };
  return JSON.stringify(sarif) + '\n';
}
