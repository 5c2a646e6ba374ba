import * as assert from 'assert';
import { parseArgs, localeFromEnv, UsageError } from '../../../server/src/cli/args';

suite('cli arguments', () => {
  test('defaults', () => {
    const o = parseArgs(['lint', 'a.md']);
    assert.deepStrictEqual(o, { command: 'lint', format: 'text', fix: false, maxWarnings: -1, quiet: false, color: undefined, inputs: ['a.md'], help: false });
  });

  test('options before, between and after inputs; --opt=value and --opt value', () => {
    const o = parseArgs(['lint', '--format=json', 'a.md', '--max-warnings', '3', '-', '--quiet', '--fix', '--config', 'c.json', '--no-color', '--lang=vi', 'b.md']);
    assert.strictEqual(o.format, 'json');
    assert.strictEqual(o.maxWarnings, 3);
    assert.strictEqual(o.quiet, true);
    assert.strictEqual(o.fix, true);
    assert.strictEqual(o.config, 'c.json');
    assert.strictEqual(o.color, false);
    assert.strictEqual(o.lang, 'vi');
    assert.deepStrictEqual(o.inputs, ['a.md', '-', 'b.md']);
  });

  test('-- ends options, so a file may start with a dash', () => {
    assert.deepStrictEqual(parseArgs(['lint', '--', '--weird.md', '-x.md']).inputs, ['--weird.md', '-x.md']);
  });

  test('usage errors', () => {
    const bad: string[][] = [
      ['lint', '--nope'],
      ['lint', '--format', 'xml'],
      ['outline', '--format', 'sarif'],
      ['citations', '--quiet'],
      ['lint', '--max-warnings', '-2'],
      ['lint', '--max-warnings', '1.5'],
      ['lint', '--max-warnings'],
      ['lint', '--fix=yes'],
      ['lint', '--lang', 'fr'],
      ['lint', '--jobs', 'x'],
    ];
    for (const argv of bad) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
  });

  test('language from the environment: LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.strictEqual(localeFromEnv({}), 'en');
    assert.strictEqual(localeFromEnv({ LANG: 'vi_VN.UTF-8' }), 'vi');
    assert.strictEqual(localeFromEnv({ LANG: 'vi' }), 'vi');
    assert.strictEqual(localeFromEnv({ LC_MESSAGES: 'vi_VN', LANG: 'en_US' }), 'vi');
    assert.strictEqual(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'vi_VN' }), 'en');
    assert.strictEqual(localeFromEnv({ LANG: 'vim' }), 'en');
    assert.strictEqual(localeFromEnv({ LANG: 'C' }), 'en');
  });
});
