import assert from 'node:assert/strict';
import { interpolate, parseLogMessage, renderLogMessage } from '../../../../src/core/debug/expression/log-message';
import { MAX_MESSAGE_LENGTH } from '../../../../src/core/debug/expression/limits';
import { columnVector, layerList } from '../../../../src/core/debug/expression/values';
import { mat, scope } from './helpers';

const s = scope({ J: 0.693147, D: layerList([mat([[3, 4]])]), delta: layerList([undefined, columnVector([0.5, -0.25])]) });

describe('logpoint messages', () => {
  it("interpolates the issue's message", () => {
    assert.deepEqual(interpolate('J = {J}, |D1| = {norm(D[1])}', s), { text: 'J = 0.693147, |D1| = 5', errors: [] });
  });

  it('{{ and }} are literal braces', () => {
    assert.equal(interpolate('{{J}} = {J}', s).text, '{J} = 0.693147');
    assert.equal(interpolate('set {{ }}', s).text, 'set { }');
  });

  it('a matrix is written on one line with its shape', () => {
    assert.equal(interpolate('δ2 = {delta[2]}', s).text, 'δ2 = [0.5; -0.25] (2×1)');
  });

  it('plain text is itself', () => {
    assert.deepEqual(interpolate('hit', s), { text: 'hit', errors: [] });
    assert.deepEqual(interpolate('', s), { text: '', errors: [] });
  });

  it('syntax errors have their column in the whole message', () => {
    const cases: [string, number, number][] = [
      ['J = {J', 4, 5],          // unclosed {
      ['J = J}', 5, 6],          // unmatched }
      ['J = {}', 4, 6],          // empty
      ['J = { }', 4, 7],
      ['J = {J +}', 8, 8],       // inside the expression
      ['a {J} b {(J}', 11, 11],
    ];
    for (const [text, start, end] of cases) {
      const r = parseLogMessage(text);
      assert.ok(!r.ok, text);
      if (r.ok) continue;
      assert.equal(r.error.code, 'syntax', text);
      assert.deepEqual([r.error.start, r.error.end], [start, end], `${text}: ${r.error.message}`);
      assert.ok(r.error.message.startsWith(`column ${start + 1}: `), r.error.message);
    }
  });

  it('a part that fails to evaluate is shown in place and reported; the rest is still logged', () => {
    const r = interpolate('J = {J}, bad = {lamda}, D = {norm(D[2])}', s);
    assert.equal(r.errors.length, 2);
    assert.deepEqual(r.errors.map((e) => [e.code, e.start]), [['unknown-name', 16], ['index-out-of-range', 36]]);
    assert.ok(r.text.startsWith('J = 0.693147, bad = <error: column 17: '), r.text);
  });

  it('parsed once, rendered at each hit', () => {
    const parsed = parseLogMessage('J = {J}');
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.deepEqual(parsed.value.parts.map((p) => p.kind), ['text', 'expression']);
    assert.equal(renderLogMessage(parsed.value, scope({ J: 1 })).text, 'J = 1');
    assert.equal(renderLogMessage(parsed.value, scope({ J: 2 })).text, 'J = 2');
    assert.equal(renderLogMessage(parsed.value, scope({ J: 2 }), { style: 'block' }).text, 'J = 2');
  });

  it(`refuses a message longer than ${MAX_MESSAGE_LENGTH} characters`, () => {
    const r = parseLogMessage('x'.repeat(MAX_MESSAGE_LENGTH + 1));
    assert.ok(!r.ok && r.error.code === 'too-long');
  });
});
