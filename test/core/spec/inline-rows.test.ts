import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateSpec } from '../../../bench/validate-300-lines';
import { findInlineRows } from '../../../src/core/spec/inline-rows';
import { parseSourceTree, parseSourceTreeTraced, type SourceTree } from '../../../src/core/spec/yaml-tree';

const XOR = readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'xor.nnspec'), 'utf8');

/** The fast path's tree must be the full parse's, entry order included (locateAt breaks ties by it). */
function assertSameTree(actual: SourceTree, expected: SourceTree, text: string): void {
  const message = JSON.stringify(text);
  assert.deepStrictEqual(actual.value, expected.value, message);
  assert.deepStrictEqual([...actual.entries], [...expected.entries], message);
  assert.deepStrictEqual(actual.diagnostics, expected.diagnostics, message);
  assert.equal(actual.syntaxErrors, expected.syntaxErrors, message);
}

/** Parses both ways, checks they agree, and says whether the fast path was taken. */
function fastPathAgrees(text: string): boolean {
  const { tree, inlineRows } = parseSourceTreeTraced(text);
  assertSameTree(tree, parseSourceTree(text, { inlineRowsFastPath: false }), text);
  return inlineRows;
}

function spec(rowsBlock: string): string {
  return `name: t\ndata:\n  normalize: standard\n${rowsBlock}train:\n  iterations: 3\n`;
}

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('findInlineRows', () => {
  it('reads values, ranges and the key, and cuts the lines between the first and the last row', () => {
    const text = spec('  rows:   # x, y, class\n    # first\n    - [1, -0.5 , a]  # note\n\n    - [ 2,3e2,b-c ]\n    # last\n    - [+4, .5, Word_1.x]\n');
    const rows = findInlineRows(text)!;
    assert.equal(slice(text, [rows.keyStart, rows.keyStart + 5]), 'rows:');
    assert.deepEqual(rows.rows.map((r) => r.values), [[1, -0.5, 'a'], [2, 300, 'b-c'], [4, 0.5, 'Word_1.x']]);
    assert.deepEqual(rows.rows.map((r) => slice(text, r.range)), ['[1, -0.5 , a]', '[ 2,3e2,b-c ]', '[+4, .5, Word_1.x]']);
    assert.deepEqual(rows.rows[1]!.ranges.map((r) => slice(text, r)), ['2', '3e2', 'b-c']);
    assert.deepEqual(rows.keptRows, [rows.rows[0], rows.rows[2]]);
    assert.equal(rows.parsedText, spec('  rows:   # x, y, class\n    # first\n    - [1, -0.5 , a]  # note\n    - [+4, .5, Word_1.x]\n'));
    assert.equal(text.slice(rows.cutAt, rows.cutAt + rows.cutLength), '\n    - [ 2,3e2,b-c ]\n    # last\n');
  });

  it('resolves numbers as the yaml package does, and keeps other words as text', () => {
    const rows = findInlineRows(spec('  rows:\n    - [007, -0, 2., 1e-3, +.5e+2, 1E400, nan, inf, yes, e5]\n'))!;
    const values = rows.rows[0]!.values;
    assert.deepStrictEqual(values, [7, -0, 2, 0.001, 50, Infinity, 'nan', 'inf', 'yes', 'e5']);
    assert.ok(Object.is(values[1], -0));
  });

  it('accepts rows at the key’s own indentation, CRLF line ends and a block that ends the text', () => {
    assert.equal(findInlineRows('data:\n  rows:\n  - [1]\n  - [2]\n  validation: 0.2\n')?.rows.length, 2);
    assert.equal(findInlineRows('data:\r\n  rows:\r\n    - [1, a]\r\n    - [2, b]\r\n    - [3, c]\r\n')?.rows.length, 3);
    assert.equal(findInlineRows('data:\n  rows:\n    - [1]')?.rows.length, 1);
  });

  const refused: [string, string][] = [
    ['no rows key', 'data:\n  csv: a.csv\n'],
    ['two rows keys', 'data:\n  rows:\n    - [1]\nother:\n  rows:\n    - [2]\n'],
    ['a value after the key', 'data:\n  rows: [[1]]\n'],
    ['a comment glued to the key', 'data:\n  rows:# c\n    - [1]\n'],
    ['no row', 'data:\n  rows:\n  csv: a.csv\n'],
    ['a double-quoted item', 'data:\n  rows:\n    - [1, "a"]\n'],
    ['a single-quoted item', "data:\n  rows:\n    - [1, 'a']\n"],
    ['an empty item', 'data:\n  rows:\n    - [1, , 2]\n'],
    ['an empty row', 'data:\n  rows:\n    - []\n'],
    ['a trailing comma', 'data:\n  rows:\n    - [1, 2,]\n'],
    ['a row over two lines', 'data:\n  rows:\n    - [1,\n      2]\n'],
    ['a flow mapping', 'data:\n  rows:\n    - {a: 1}\n'],
    ['a nested flow sequence', 'data:\n  rows:\n    - [[1], 2]\n'],
    ['a colon in an item', 'data:\n  rows:\n    - [a:b]\n'],
    ['two words in an item', 'data:\n  rows:\n    - [a b]\n'],
    ['null', 'data:\n  rows:\n    - [1, null]\n'],
    ['a boolean', 'data:\n  rows:\n    - [True, 1]\n'],
    ['a hexadecimal number', 'data:\n  rows:\n    - [0x1F]\n'],
    ['an octal number', 'data:\n  rows:\n    - [0o17]\n'],
    ['infinity', 'data:\n  rows:\n    - [.inf]\n'],
    ['not a number', 'data:\n  rows:\n    - [.nan]\n'],
    ['a non-ASCII word', 'data:\n  rows:\n    - [é]\n'],
    ['a tab in the indentation', 'data:\n  rows:\n    \t- [1]\n'],
    ['a tab after the dash', 'data:\n  rows:\n    -\t[1]\n'],
    ['a tab inside the row', 'data:\n  rows:\n    - [1,\t2]\n'],
    ['no blank after the dash', 'data:\n  rows:\n    -[1]\n'],
    ['rows at two indentations', 'data:\n  rows:\n    - [1]\n     - [2]\n'],
    ['a row back at the key’s indentation', 'data:\n  rows:\n    - [1]\n  - [2]\n'],
    ['something else under the key', 'data:\n  rows:\n    - [1]\n    csv: a.csv\n'],
    ['a comment glued to the row', 'data:\n  rows:\n    - [1]# c\n'],
    ['text after the row', 'data:\n  rows:\n    - [1] x\n'],
    ['a lone carriage return', 'data:\n  rows:\n    - [1]\r    - [2]\n'],
    ['a lone carriage return in a comment', 'data:\n  rows:\n    - [1]\n    # a\r- [2]\n'],
  ];
  for (const [reason, text] of refused) {
    it(`refuses ${reason}`, () => assert.equal(findInlineRows(text), undefined));
  }
});

describe('parseSourceTree with inline rows', () => {
  it('takes the fast path for the benchmark spec and the XOR example', () => {
    assert.ok(fastPathAgrees(generateSpec(300)));
    assert.ok(fastPathAgrees(XOR));
  });

  it('gives the full parse’s ranges where the rows end the mapping, the text, or precede comments', () => {
    assert.ok(fastPathAgrees('data:\n  rows:\n    - [1]\n    - [2]\n    - [3]   # last'));
    assert.ok(fastPathAgrees('data:\n  rows:\n    - [1]\n    - [2]\n    - [3]   # last\n    # after\n  # less\n# least\n\nx: 1\n'));
    assert.ok(fastPathAgrees('data:\n  rows:\n  - [1]\n\n  - [2]\n  - [3]\n\n\n'));
    assert.ok(fastPathAgrees('data: # the data\n rows:\n - [1]\n - [2]\n - [3]\n validation: 0.5\n'));
  });

  const fallBack: [string, string][] = [
    ['rows at another path', 'train:\n  rows:\n    - [1]\n    - [2]\n    - [3]\n'],
    ['rows at the top level', 'rows:\n- [1]\n- [2]\n- [3]\n'],
    ['rows under a list item', 'data:\n  - a: 1\n    rows:\n      - [1]\n      - [2]\n      - [3]\n'],
    ['an alias of the data', 'data: &d\n  rows:\n    - [1]\n    - [2]\n    - [3]\ncopy: *d\n'],
    ['an alias elsewhere', 'a: &a 1\nb: *a\ndata:\n  rows:\n    - [1]\n    - [2]\n    - [3]\n'],
    ['a flow mapping around the rows', 'data: {\n  rows:\n    - [1]\n    - [2]\n    - [3]\n}\n'],
    ['the rows key inside a block scalar', 'notes: |\n  rows:\n    - [1]\n    - [2]\n    - [3]\ndata:\n  csv: a.csv\n'],
    ['a second rows key before', 'data:\n  rows: [[0]]\n  rows:\n    - [1]\n    - [2]\n    - [3]\n'],
    ['a second data key before', 'data:\n  csv: a.csv\ndata:\n  rows:\n    - [1]\n    - [2]\n    - [3]\n'],
    ['a syntax error elsewhere', 'name: [x\ndata:\n  rows:\n    - [1]\n    - [2]\n    - [3]\n'],
    ['rows after a line of tabs (blank to the parser, the end of the rows to the scanner)', 'data:\n  rows:\n    - [1]\n    - [2]\n\t\n    - [3]\n'],
    ['a warning elsewhere', '%FOO bar\n---\ndata:\n  rows:\n    - [1]\n    - [2]\n    - [3]\n'],
  ];
  for (const [reason, text] of fallBack) {
    it(`falls back to the full parse for ${reason}`, () => {
      assert.ok(findInlineRows(text), 'the scanner accepts the rows; the parse refuses them');
      assert.equal(fastPathAgrees(text), false);
    });
  }

  it('keeps the diagnostics of the walk when the fast path is taken', () => {
    const text = 'data:\n  rows:\n    - [1]\n    - [2]\n    - [3]\n  rows2: 1\nname: a\nname: b\n';
    assert.ok(fastPathAgrees(text));
    assert.deepEqual(parseSourceTree(text).diagnostics.map((d) => d.code), ['duplicate-key']);
  });
});

describe('parseSourceTree with inline rows (properties)', () => {
  /** Mostly `usual`, now and then `unusual`: most documents keep the fast path, some test its refusals. */
  const rarely = <T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>, odds = 20): fc.Arbitrary<T> =>
    fc.oneof({ arbitrary: usual, weight: odds - 1 }, { arbitrary: unusual, weight: 1 });
  const blanks = (max: number) => fc.integer({ min: 0, max }).map((n) => ' '.repeat(n));
  const digits = fc.stringMatching(/^[0-9]{1,4}$/);
  const sign = fc.constantFrom('', '', '-', '+');
  const number = fc.oneof(
    fc.tuple(sign, digits).map(([s, d]) => s + d),
    fc.tuple(sign, digits, digits).map(([s, a, b]) => `${s}${a}.${b}`),
    fc.tuple(sign, digits).map(([s, d]) => `${s}${d}.`),
    fc.tuple(sign, digits).map(([s, d]) => `${s}.${d}`),
    fc.tuple(sign, digits, fc.constantFrom('e', 'E'), sign, fc.stringMatching(/^[0-9]{1,3}$/)).map(([s, d, e, es, x]) => `${s}${d}${e}${es}${x}`),
    fc.double({ noNaN: true }).map(String),
  );
  const word = fc.oneof(fc.constantFrom('setosa', 'a', 'b-c', 'x_1', 'v1.2', 'yes', 'no', 'inf', 'nan', 'e5', 'Inf'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,6}$/));
  const keyword = fc.constantFrom('null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE');
  const odd = fc.constantFrom('', '"a"', "'b'", '0x1F', '0o7', '.inf', '-.inf', '.nan', '~', 'a b', '{a: 1}', '[1]', 'a:b', 'a: b', '#', 'a #c', '-', '1_000', 'é', '*a', '&a x', '!!str 1', '?', '|', '@x', '\t1', '1\t');
  const item = rarely(fc.oneof({ arbitrary: number, weight: 3 }, { arbitrary: word, weight: 1 }), fc.oneof(keyword, odd), 40);
  const separator = fc.tuple(blanks(2), blanks(2)).map(([a, b]) => `${a},${b}`);
  const row = fc
    .tuple(fc.array(fc.tuple(item, separator), { minLength: 1, maxLength: 5 }), blanks(2), blanks(2), fc.integer({ min: 1, max: 3 }), rarely(fc.constantFrom('', '', ' ', '  # note', ' #'), fc.constantFrom('#glued', ' x', ',', ':', ' :')))
    .map(([items, open, close, dash, end]) => `-${' '.repeat(dash)}[${open}${items.map(([v, s], i) => (i === 0 ? v : s + v)).join('')}${close}]${end}`);
  const comment = fc.tuple(blanks(6), fc.constantFrom('#', '# c', '#: [x]', '# - [1, 2]', '# \u2028 \u0085 \u0000')).map(([b, c]) => b + c);
  const weird = fc.constantFrom('\t', '  \t  ', '  \t# c', '\t#', '\t- [1]', '    foo: 1', '      - [1]', '  - [1,\n    2]', '    - {a: 1}', '    ? x', '    - - [1]', '---', '...', '    - [1]\r');
  /** A rows block: lines at `indent` (a row now and then slightly off), blanks and comments between. */
  const block = fc
    .tuple(
      fc.array(rarely(fc.oneof({ arbitrary: row.map((r) => ({ row: r })), weight: 6 }, { arbitrary: comment, weight: 1 }, { arbitrary: fc.constantFrom('', '  ', '      '), weight: 1 }), weird, 40), { maxLength: 10 }),
      fc.integer({ min: 0, max: 100 }),
    )
    .map(([lines, offIndex]) => ({ lines, offIndex }));
  const document = fc
    .record({
      before: rarely(fc.constantFrom('', 'name: t\n', '# top\n', '---\n'), fc.constantFrom('a: &a 1\nb: *a\n', 'name: [x\n', 'notes: |\n  rows:\n', 'data:\n  csv: a.csv\n')),
      parent: rarely(fc.constantFrom('data', '"data"'), fc.constantFrom('train', '- data', 'data: {')),
      keyIndent: fc.integer({ min: 1, max: 4 }),
      rowIndentExtra: fc.integer({ min: 0, max: 3 }),
      keySuffix: rarely(fc.constantFrom('', '', ' ', '   # comment', '\t# tab', ' #'), fc.constantFrom('#glued', ' x', ' &r', ' !!seq')),
      siblingsBefore: fc.boolean(),
      siblingsAfter: fc.boolean(),
      block,
      after: rarely(fc.constantFrom('', 'train:\n  iterations: 3\n', '  # trailing\n# top\n', '\n\n', 'data:\n  csv: b.csv\n'), fc.constantFrom('copy: *d\n', 'rows:\n  - [9]\n', '}\n')),
      anchor: fc.boolean(),
      crlf: fc.boolean(),
      finalBreak: fc.boolean(),
    })
    .map((d) => {
      const key = ' '.repeat(d.keyIndent);
      const rowIndent = ' '.repeat(d.keyIndent + d.rowIndentExtra);
      const lines = [...d.before.split('\n').filter((l) => l !== ''), `${d.parent}:${d.anchor ? ' &d' : ''}`];
      if (d.siblingsBefore) lines.push(`${key}normalize: standard`);
      lines.push(`${key}rows:${d.keySuffix}`);
      d.block.lines.forEach((line, i) => {
        if (typeof line === 'string') lines.push(line);
        else lines.push((i === d.block.offIndex ? ' ' : '') + rowIndent + line.row);
      });
      if (d.siblingsAfter) lines.push(`${key}validation: 0.2`);
      lines.push(...d.after.split('\n').slice(0, -1));
      const text = lines.join(d.crlf ? '\r\n' : '\n');
      return d.finalBreak ? text + (d.crlf ? '\r\n' : '\n') : text;
    });

  it('gives the full parse’s tree for random rows blocks, and takes the fast path for many', () => {
    let fast = 0;
    const runs = 1000;
    fc.assert(
      fc.property(document, (text) => {
        if (fastPathAgrees(text)) fast++;
      }),
      { numRuns: runs },
    );
    // The generator must reach the fast path often, or the property says little.
    assert.ok(fast > runs / 10, `fast path taken ${fast} times in ${runs}`);
  });

  it('gives the full parse’s tree for random edits of specs with rows', () => {
    const snippet = fc.constantFrom(' ', '\n', '\r\n', '\t', '#', ' # c', '- ', '-', '[', ']', ',', ', ', ':', ': ', '"', "'", '{', '}', '&a ', '*a', '1', '-0', '.5', 'x', 'null', 'rows:', '\n  rows:\n', '\n    - [1, 2, 3]');
    const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 4 }), insert: fc.oneof(snippet, fc.string({ maxLength: 3 })) });
    const bases = [XOR, generateSpec(120)];
    assert.ok(bases.every((b) => findInlineRows(b) !== undefined));
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 3 }), (base, edits) => {
        const text = edits.reduce((t, e) => {
          const at = e.at % (t.length + 1);
          return t.slice(0, at) + e.insert + t.slice(at + e.remove);
        }, base);
        fastPathAgrees(text);
      }),
      { numRuns: 1000 },
    );
  });
});
