import assert from 'node:assert/strict';
import { ExpressionFault } from '../../../../src/core/debug/expression/errors';
import { tokenize } from '../../../../src/core/debug/expression/lexer';

const kinds = (text: string): string[] => tokenize(text).map((t) => (t.kind === 'eof' ? 'eof' : `${t.kind}:${t.text}`));

describe('expression lexer', () => {
  it('reads numbers in every float64 spelling, with their ranges', () => {
    const tokens = tokenize('3 0.5 .5 1e-4 2.5E+3 7.');
    assert.deepEqual(tokens.filter((t) => t.kind === 'number').map((t) => (t as { value: number }).value), [3, 0.5, 0.5, 1e-4, 2500, 7]);
    assert.deepEqual(tokens.slice(0, 3).map((t) => [t.start, t.end]), [[0, 1], [2, 5], [6, 8]]);
  });

  it("gives the dot to the operator in 1.*2, 1./2, 1.^2 and 1.'", () => {
    assert.deepEqual(kinds('1.*2'), ['number:1', 'op:.*', 'number:2', 'eof']);
    assert.deepEqual(kinds('1./2'), ['number:1', 'op:./', 'number:2', 'eof']);
    assert.deepEqual(kinds('1.^2'), ['number:1', 'op:.^', 'number:2', 'eof']);
    assert.deepEqual(kinds("1.'"), ['number:1', "op:.'", 'eof']);
  });

  it('does not take a letter after e for an exponent', () => {
    assert.deepEqual(kinds('2e'), ['number:2', 'name:e', 'eof']);
  });

  it('tells keywords from names and reads two-character operators whole', () => {
    assert.deepEqual(kinds('not a and b or end_x <= >= == != ~= && ||'),
      ['op:not', 'name:a', 'op:and', 'name:b', 'op:or', 'name:end_x', 'op:<=', 'op:>=', 'op:==', 'op:!=', 'op:!=', 'op:&&', 'op:||', 'eof']);
  });

  it("reads ' always as the transpose (there are no strings)", () => {
    assert.deepEqual(kinds("a''"), ['name:a', "op:'", "op:'", 'eof']);
  });

  it('refuses an unknown character with its offset', () => {
    for (const [text, at] of [['a # b', 2], ['J ! 1', 2], ['δ', 0], ['1 & 2', 2]] as const) {
      assert.throws(() => tokenize(text), (e: unknown) => e instanceof ExpressionFault && e.code === 'syntax' && e.start === at, text);
    }
  });

  it('lexes only the given part of a text, with offsets into the whole', () => {
    const tokens = tokenize('J = {J + 1}', 5, 10);
    assert.deepEqual(tokens.map((t) => [t.text, t.start]), [['J', 5], ['+', 7], ['1', 9], ['', 10]]);
  });
});
