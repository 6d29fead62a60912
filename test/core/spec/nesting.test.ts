import assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { excessiveNesting } from '../../../src/core/spec/nesting';

/** Where `text` first nests more than `limit` deep, measured on the yaml parser's tokens. */
function pastLimit(text: string, limit: number): number | undefined {
  return excessiveNesting(new Parser().parse(text), limit);
}

/** The deepest level of `text`: the least limit it stays within. */
function depthOf(text: string): number {
  let limit = 0;
  while (pastLimit(text, limit) !== undefined) limit++;
  return limit;
}

describe('excessiveNesting', () => {
  it('counts block and flow mappings and sequences, keys as well as values', () => {
    assert.equal(depthOf('a: 1\n'), 1);
    assert.equal(depthOf('plain scalar\n'), 0);
    assert.equal(depthOf(''), 0);
    assert.equal(depthOf('a: [b, {c: d}]\n'), 3);
    assert.equal(depthOf('- - - a\n'), 3);
    assert.equal(depthOf('? [a, [b]]\n: c\n'), 3);
    assert.equal(depthOf('[a, b]: c\n'), 2);
    assert.equal(depthOf('layers:\n  - units: 2\n    activation: relu\ndata:\n  rows: [[1, 2], [3, 4]]\n'), 4);
  });

  it('counts a pair in a flow sequence as a mapping of its own, as the composer makes it', () => {
    assert.equal(depthOf('[a: b]'), 2);
    assert.equal(pastLimit('x: [a: b]', 2), 4);
    assert.equal(depthOf('[{a: b}]'), 2);
    assert.equal(depthOf('[a, b]'), 1);
    assert.equal(depthOf('[? a]'), 2);
    // An empty key: the pair starts at its `:`.
    assert.equal(pastLimit('[: b]', 1), 1);
    // In a flow mapping, a pair is the mapping's own.
    assert.equal(depthOf('{a: b}'), 1);
    assert.equal(depthOf('[a: [b: c]]'), 4);
  });

  it('follows flow collections inside block ones and block ones inside block ones', () => {
    const text = 'a:\n  - [ {b: [c]} ]\n  - d: e\n';
    assert.equal(depthOf(text), 5);
    assert.equal(pastLimit(text, 4), text.indexOf('[c]'));
    const staircase = 'a:\n  b:\n    - c:\n        [d]\n';
    assert.equal(depthOf(staircase), 5);
    assert.equal(pastLimit(staircase, 4), staircase.indexOf('[d]'));
  });

  it('gives the first level past the limit in document order, keys before values', () => {
    const later = 'a: [[x]]\nb: [[[y]]]\n';
    assert.equal(pastLimit(later, 3), later.indexOf('[y]'));
    const both = 'a: [[[x]]]\nb: [[[[y]]]]\n';
    assert.equal(pastLimit(both, 3), both.indexOf('[x]'));
    const keyFirst = '? [[x]]\n: [[y]]\n';
    assert.equal(pastLimit(keyFirst, 2), keyFirst.indexOf('[x]'));
    const documents = 'a: [x]\n---\n[[[y]]]\n';
    assert.equal(pastLimit(documents, 2), documents.indexOf('[y]'));
  });

  it('sees no nesting in scalars of any style or in comments', () => {
    const texts = [
      "name: it's a net\n",
      "name: rock 'n roll\n",
      'name: 12" record\n',
      `name: a${'['.repeat(70)}\n`,
      'name: |\n  say "hi [ {\n  - a\n',
      "name: >\n  rock 'n roll\n  [ {\n",
      'name: "a\n  \'b [ {\n  c"\n',
      "name: 'it''s\n  a ''b'' \" [\n  c'\n",
      "# it's [[[ {{{\nname: x # ]]] \"\n",
      "l: # it's [\n  x\n",
    ];
    for (const text of texts) assert.equal(depthOf(text), 1, JSON.stringify(text));
  });

  it('measures any depth without recursion', () => {
    // The package's parser builds these trees without recursion (yaml-parse.test.ts).
    const brackets = '['.repeat(100_000);
    assert.equal(pastLimit(brackets, 100_000), undefined);
    assert.equal(pastLimit(brackets, 99_999), 99_999);
    assert.equal(pastLimit(brackets, 64), 64);
    assert.equal(pastLimit('- '.repeat(100_000), 99_999), 2 * 99_999);
  });
});
