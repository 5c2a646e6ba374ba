// One table of capital look-alikes serves both checks that repair a capital code: spelling's
// acronym repair and the citation checks' type and issuer codes. A family added for one
// (U/V for issuers, U/I for acronyms) now helps the other.
import * as assert from 'assert';
import { lintText, resolveConfig, type Finding } from '../../../server/src/engine/index';
import { loadDefaultResources } from '../../../server/src/engine/resources';
import { CAPITAL_LOOKALIKES, looksAlike } from '../../../server/src/engine/lookalike';

const resources = loadDefaultResources();
const lint = (text: string): Finding[] => lintText('file:///t.txt', text, resolveConfig({}), { resources });

suite('lookalike', () => {
  test('the relation is symmetric, within families only, and not transitive', () => {
    for (const g of CAPITAL_LOOKALIKES) for (const a of g) for (const b of g) assert.ok(looksAlike(a, b) && looksAlike(b, a), `${a} ${b}`);
    assert.ok(looksAlike('U', 'V') && looksAlike('U', 'I') && looksAlike('I', 'T'));
    assert.ok(!looksAlike('U', 'T'), 'U looks like I and I like T, but U not like T');
    assert.ok(!looksAlike('A', 'B') && !looksAlike('N', 'U'));
  });

  test('acronym repair reads U for V ("VBND tỉnh" is "UBND tỉnh")', () => {
    const text = 'Ban Thường vụ Tỉnh ủy đề nghị VBND tỉnh chỉ đạo các sở, ngành triển khai thực hiện.';
    const f = lint(text).find(x => x.code.startsWith('spelling.') && text.slice(x.offsets.start, x.offsets.end) === 'VBND');
    assert.ok(f, 'VBND is reported');
    assert.deepStrictEqual(f!.suggestions, ['UBND']);
    assert.match(f!.message, /acronym "UBND"/);
  });

  test('an issuer code read with I for U ("15-NQ/TI của Tỉnh ủy") is offered as TU', () => {
    const text = 'Thực hiện Nghị quyết số 15-NQ/TI của Tỉnh ủy về phát triển kinh tế.';
    const f = lint(text).find(x => x.code === 'citation.malformed');
    assert.ok(f, 'the symbol is reported');
    assert.strictEqual(f!.severity, 'warning');
    assert.match(f!.message, /“TU” \(Tỉnh ủy\) misread\?/);
  });
});
