// The user's data in .bulletin/: word list and catalogue, read without ever throwing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addWord, findUserDataFolder, parseWords, readUserData, readWordsFile } from '../../../server/src/node/userData';

function tmp(): string { return fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-ud-')); }

suite('node/userData', () => {
  test('words.txt: one word per line, # comments and blank lines ignored, NFC, no duplicates', () => {
    assert.deepStrictEqual(parseWords('# header\nphổ\n\n  Thủ Thiêm  # a place\r\nphổ\nho\u0300a\n'), ['phổ', 'Thủ Thiêm', 'hòa']);
  });

  test('a folder without .bulletin has no words, no documents and no problems', () => {
    const d = tmp();
    assert.deepStrictEqual(readUserData(d), { folder: d, words: [], documents: [], problems: [] });
  });

  test('unreadable data gives a bilingual problem, not an exception', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, '.bulletin'));
    fs.mkdirSync(path.join(d, '.bulletin', 'words.txt')); // a directory where a file should be
    fs.writeFileSync(path.join(d, '.bulletin', 'documents.json'), '{ not json');
    const r = readUserData(d);
    assert.deepStrictEqual(r.words, []);
    assert.strictEqual(r.problems.length, 2, JSON.stringify(r.problems));
    for (const p of r.problems) {
      assert.ok(p.message.en && p.message.vi && p.message.en !== p.message.vi);
      assert.ok(p.file.startsWith(path.join(d, '.bulletin')));
    }
  });

  test('invalid UTF-8 in words.txt is reported', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, '.bulletin'));
    fs.writeFileSync(path.join(d, '.bulletin', 'words.txt'), Buffer.from([0x70, 0xff, 0xfe, 0x0a]));
    const r = readWordsFile(path.join(d, '.bulletin', 'words.txt'));
    assert.deepStrictEqual(r.words, []);
    assert.match(r.problems[0]!.message.en, /UTF-8/);
  });

  test('addWord creates the file, appends once, and keeps CRLF line endings', () => {
    const d = tmp();
    const r1 = addWord(d, 'phổ');
    assert.ok(r1.ok && r1.added);
    const r2 = addWord(d, 'phổ');
    assert.ok(r2.ok && !r2.added);
    assert.deepStrictEqual(readWordsFile(path.join(d, '.bulletin', 'words.txt')).words, ['phổ']);
    const e = tmp();
    fs.mkdirSync(path.join(e, '.bulletin'));
    fs.writeFileSync(path.join(e, '.bulletin', 'words.txt'), 'a\r\nb');
    assert.ok(addWord(e, 'c').ok);
    assert.strictEqual(fs.readFileSync(path.join(e, '.bulletin', 'words.txt'), 'utf8'), 'a\r\nb\r\nc\r\n');
    const bad = addWord(d, 'two\nlines');
    assert.strictEqual(bad.ok, false);
  });

  test('findUserDataFolder walks up to the nearest .bulletin, not above the stop folder', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, '.bulletin'));
    fs.mkdirSync(path.join(d, 'a', 'b'), { recursive: true });
    assert.strictEqual(findUserDataFolder(path.join(d, 'a', 'b')), d);
    assert.strictEqual(findUserDataFolder(path.join(d, 'a', 'b'), path.join(d, 'a')), undefined);
  });
});
