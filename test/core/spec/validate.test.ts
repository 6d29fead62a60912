import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CsvProbeResult, DataProbe } from '../../../src/core/spec/data-probe';
import { DEFAULT_MAX_SPEC_LENGTH, MAX_SPEC_BYTES, validateSpec } from '../../../src/core/spec/validate';

const XOR = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'defining-example.nnspec'), 'utf8');

const codes = (text: string, options = {}): string[] => validateSpec(text, options).diagnostics.map((d) => d.code);
/** The text a diagnostic's range covers. */
const covered = (text: string, code: string, options = {}): string[] =>
  validateSpec(text, options)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => text.slice(d.range[0], d.range[1]));

const TINY = 'layers:\n  - units: 2\n  - units: 1\ndata:\n  generate: xor\n';

describe('validateSpec', () => {
  it('accepts the issue\'s xor example and fills in the defaults', () => {
    const result = validateSpec(XOR);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['learning-rate-unused']);
    assert.equal(result.hasErrors, false);
    const spec = result.spec!;
    assert.equal(spec.train.optimizer, 'lbfgs');
    assert.equal(spec.train.momentum, 0.9);
    assert.equal(spec.init.epsilon, 0.12);
    assert.equal(spec.gradientCheck.samplesPerLayer, 200);
    assert.equal(spec.gradientCheck.epsilon, 1e-4);
    assert.equal(spec.layers[0]!.activation, undefined);
    assert.deepEqual(result.data, { features: 2, classes: 2 });
    assert.equal(result.parameterCount, 9n);
  });

  it('fills every default of a minimal spec', () => {
    const spec = validateSpec(TINY).spec!;
    assert.equal(spec.task, 'classification');
    assert.equal(spec.lambda, 0);
    assert.equal(spec.init.strategy, 'uniform');
    assert.equal(spec.train.batchSize, 'all');
    assert.deepEqual(spec.data, { generate: 'xor', samples: 200, noise: 0.1, normalize: 'none', validation: 0, seed: 0 });
  });

  it('returns no spec when there is an error, and a spec despite warnings', () => {
    assert.equal(validateSpec(TINY.replace('units: 1', 'units: 0')).spec, undefined);
    const warned = validateSpec(TINY.replace('layers:', 'init: {strategy: zeros}\nlayers:').replace('  - units: 1', '  - units: 3\n  - units: 1'));
    assert.deepEqual(warned.diagnostics.map((d) => d.code), ['zero-init-symmetry']);
    assert.ok(warned.spec);
  });

  it('suggests the nearest key or value as a fix replacing exactly the bad text', () => {
    const text = TINY.replace('  - units: 1', '  - units: 1\n    activaton: sigmod');
    const [d] = validateSpec(text).diagnostics;
    assert.equal(d?.code, 'unknown-key');
    assert.equal(d.fix?.text, 'activation');
    assert.equal(text.slice(d.fix.range[0], d.fix.range[1]), 'activaton');
    const bad = TINY.replace('  - units: 1', '  - units: 1\n    activation: sigmod');
    const v = validateSpec(bad).diagnostics[0]!;
    assert.equal(v.code, 'unknown-value');
    assert.equal(v.fix?.text, 'sigmoid');
    // No field lists the allowed values: that the message does is unknown-value's contract (codes.ts).
    assert.match(v.message, /sigmoid, tanh, relu, linear, softmax/);
    // Nothing near: no fix, but the allowed values are still listed.
    const far = validateSpec(bad.replace('sigmod', 'banana')).diagnostics[0]!;
    assert.equal(far.fix, undefined);
  });

  it('offers fixes for the units and the cost', () => {
    const text = 'layers:\n  - units: 3\n  - units: 4\n    activation: softmax\ncost: squared-error\ndata:\n  rows:\n    - [0, 0, a]\n    - [0, 1, b]\n    - [1, 1, c]\n';
    const fixes = Object.fromEntries(validateSpec(text).diagnostics.map((d) => [d.code, d.fix?.text]));
    assert.deepEqual(fixes, { 'input-units-mismatch': '2', 'output-units-mismatch': '3', 'softmax-squared-error': 'cross-entropy' });
  });

  it('accepts labels 1..K and 0..K−1 alike, and text classes', () => {
    const net = (k: number, targets: string[]): string =>
      `layers:\n  - units: 1\n  - units: ${k}\n    activation: softmax\ndata:\n  rows:\n${targets.map((t, i) => `    - [${i}, ${t}]\n`).join('')}`;
    assert.deepEqual(codes(net(3, ['1', '2', '3', '1'])), []);
    assert.deepEqual(codes(net(3, ['0', '1', '2', '2.0'])), []);
    assert.deepEqual(codes(net(3, ['setosa', 'virginica', 'versicolor'])), []);
    assert.deepEqual(codes(net(4, ['1', '2', '3'])), ['output-units-mismatch']);
  });

  it('allows 1 or 2 output units for two classes, only 1 for regression', () => {
    assert.deepEqual(codes(TINY), []);
    assert.deepEqual(codes(TINY.replace('units: 1', 'units: 2')), []);
    const wave = 'task: regression\nlayers:\n  - units: 1\n  - units: 1\n    activation: linear\ndata:\n  generate: wave\n';
    assert.deepEqual(codes(wave), []);
    assert.deepEqual(codes(wave.replace('units: 1\n    activation', 'units: 2\n    activation')), ['output-units-mismatch']);
  });

  it('counts parameters exactly and rejects networks over the limit', () => {
    // 2-1: Θ^(1) is 1 × (2 + 1).
    assert.deepEqual(codes(TINY, { maxParameters: 3 }), []);
    const over = validateSpec(TINY, { maxParameters: 2 });
    assert.deepEqual(over.diagnostics.map((d) => d.code), ['too-many-parameters']);
    assert.equal(over.parameterCount, 3n);
    // The message giving the count and the limit is too-many-parameters' contract (codes.ts).
    assert.match(over.diagnostics[0]!.message, /\b3\b.*\b2\b/);
    const big = 'layers:\n  - units: 2\n  - units: 9007199254740991\n  - units: 9007199254740991\n  - units: 1\ndata:\n  generate: xor\n';
    const s = 9007199254740991n;
    const result = validateSpec(big);
    assert.equal(result.parameterCount, s * 3n + s * (s + 1n) + (s + 1n));
    assert.match(result.diagnostics[0]!.message, /81,129,638,414,606,/);
  });

  it('skips the CSV checks without a probe or while it is pending, and reports a failed probe on the path', () => {
    const csv = 'layers:\n  - units: 9\n  - units: 7\ndata:\n  csv: data/x.csv\n  target: y\n';
    assert.deepEqual(codes(csv), []);
    const pending: DataProbe = () => ({ status: 'pending' });
    assert.deepEqual(codes(csv, { probe: pending }), []);
    const failed: DataProbe = () => ({ status: 'failed', error: { code: 'csv-too-large', message: 'too large' } });
    assert.deepEqual(covered(csv, 'csv-too-large', { probe: failed }), ['data/x.csv']);
  });

  it('reads the features and classes of a CSV from the probe', () => {
    const answer: CsvProbeResult = {
      status: 'ok',
      summary: {
        rows: 4,
        columns: [
          { name: 'a', numeric: true, distinct: ['1'], distinctTruncated: false },
          { name: 'b', numeric: true, distinct: ['2'], distinctTruncated: false },
          { name: 'y', numeric: true, distinct: ['1', '2', '3', '3.0'], distinctTruncated: false },
        ],
      },
    };
    const probe: DataProbe = (p) => (p === 'd.csv' ? answer : { status: 'pending' });
    const text = 'layers:\n  - units: 2\n  - units: 3\n    activation: softmax\ndata:\n  csv: d.csv\n  target: y\n';
    const result = validateSpec(text, { probe });
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.data, { features: 2, classes: 3 });
    assert.deepEqual(covered(text.replace('target: y', 'target: z'), 'csv-missing-column', { probe }), ['z']);
  });

  it('checks the generator\'s shape, from the table the caller may replace', () => {
    assert.deepEqual(codes(TINY.replace('units: 2', 'units: 3')), ['input-units-mismatch']);
    const shapes = { xor: { features: 3, task: 'classification', classes: 2 } } as never;
    assert.deepEqual(codes(TINY.replace('units: 2', 'units: 3'), { generatorShapes: shapes }), []);
  });

  it('keeps the first of duplicate keys', () => {
    const text = 'layers:\n  - units: 2\n    units: 5\n  - units: 1\ndata:\n  generate: xor\n';
    assert.deepEqual(covered(text, 'duplicate-key'), ['units']);
    assert.deepEqual(codes(text), ['duplicate-key']);
  });

  it('reports every problem at once, in text order', () => {
    const text = 'task: regresion\nlayers:\n  - units: -1\n  - units: 1\nlambda: -2\ndata:\n  generate: spirl\n';
    assert.deepEqual(codes(text), ['unknown-value', 'out-of-range', 'out-of-range', 'unknown-value']);
  });

  it('treats a key with `__proto__` as an ordinary unknown key', () => {
    assert.deepEqual(codes(`__proto__: {layers: 1}\n${TINY}`), ['unknown-key']);
  });

  it('reports an alias of no anchor once, as a YAML error, not also as an empty value', () => {
    const text = 'name: t\nlayers:\n  - units: 2\n  - units: *u\n    activation: sigmoid\ndata:\n  generate: xor\n';
    const at = text.indexOf('*u');
    const found = validateSpec(text).diagnostics.filter((d) => d.range[0] === at);
    assert.deepEqual(found.map((d) => [d.code, d.range]), [['yaml-unknown-alias', [at, at + 2]]]);
  });

  it('reports each YAML error that empties a value once, not also what the schema says of that value', () => {
    // [the code, a spec whose `units` or `lambda` that error leaves null, the alias it is reported at]
    const cases: [string, string, string][] = [
      ['yaml-unknown-alias', 'layers:\n  - units: *u\n  - units: 1\ndata:\n  generate: xor\n', '*u'],
      ['yaml-recursive-alias', 'layers:\n  - &n {units: *n}\n  - units: 1\ndata:\n  generate: xor\n', '*n'],
      // The 1,001st alias is the first over the limit; `x` and `y` are unknown keys.
      ['yaml-alias-expansion-limit', `x: &a 1\ny: [${Array(1000).fill('*a').join(', ')}]\n${TINY}lambda: *a\n`, 'lambda: [[*a]]'],
    ];
    for (const [code, text, alias] of cases) {
      const marked = /^(.*)\[\[(.*)\]\]$/.exec(alias);
      const at = marked ? text.indexOf(alias.replace(/\[\[|\]\]/g, '')) + marked[1]!.length : text.indexOf(alias);
      const length = marked ? marked[2]!.length : alias.length;
      const found = validateSpec(text).diagnostics.filter((d) => d.range[0] === at && d.range[1] === at + length);
      assert.deepEqual(found.map((d) => d.code), [code], code);
    }
  });

  it('gives the parser\'s MULTIPLE_DOCS its own code, on the second document, and its other errors yaml-syntax', () => {
    const two = `${TINY}---\nname: second\n`;
    const second = two.indexOf('---');
    assert.deepEqual(
      validateSpec(two).diagnostics.map((d) => [d.code, d.range]),
      [['yaml-multiple-documents', [second, two.length - 1]]],
    );
    const unclosed = `${TINY}name: 'xor\n`; // the parser's MISSING_CHAR
    assert.deepEqual(codes(unclosed), ['yaml-syntax']);
  });

  it('reports nesting past 64 levels as yaml-too-deep, whether in the text or through aliases', () => {
    // The text: refused before it is composed, at the 64th bracket (the mapping is the first level).
    const brackets = `layers: ${'['.repeat(100)}`;
    assert.deepEqual(validateSpec(brackets).diagnostics.map((d) => [d.code, d.range]), [['yaml-too-deep', [8 + 63, 8 + 64]]]);
    // Through an alias: 40 levels aliased inside 40 more; the text itself nests 41 deep.
    const aliased = `${TINY}a: &a ${'['.repeat(40)}1${']'.repeat(40)}\nb: ${'['.repeat(40)}*a${']'.repeat(40)}\n`;
    assert.deepEqual(codes(aliased).filter((c) => c.startsWith('yaml-')), ['yaml-too-deep']);
  });

  it('refuses 5,000 levels after quotes in plain and block scalars, quoted lines and comments, once, where the 65th level starts', () => {
    const heads = ["name: it's a net\n", "name: rock 'n roll\n", 'name: |\n  say "hi\n', "name: >\n  rock 'n roll\n", "name: 'it''s\n  a \" ['\n", "# it's [[[\nname: x # ]]] \"\n"];
    // [the structure, where its 64th level starts: the spec's mapping is the first]
    const deep: [string, number][] = [
      [`x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 3 + 63],
      [`x:\n${'- '.repeat(5000)}y\nz: 1\n`, 3 + 2 * 63],
      [`x: ${'{a: '.repeat(5000)}y${'}'.repeat(5000)}\n`, 3 + 4 * 63],
    ];
    for (const head of heads) {
      for (const [structure, at] of deep) {
        const { diagnostics } = validateSpec(head + structure);
        const where = `${JSON.stringify(head)} then ${JSON.stringify(structure.slice(0, 8))}`;
        assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['yaml-too-deep', [head.length + at, head.length + at + 1]]], where);
        assert.ok(!diagnostics.some((d) => /call stack/i.test(d.message)), where);
      }
    }
  });

  it('accepts a spec 64 levels deep, and its aliases expanding to 64 but not 65', () => {
    const nested = (n: number, inside: string): string => `${'['.repeat(n)}${inside}${']'.repeat(n)}`;
    // The spec's mapping and the 63 brackets of `a` make 64.
    assert.deepEqual(codes(`${TINY}a: ${nested(63, '1')}\n`), ['unknown-key']);
    // `*a` takes the place of the 30 brackets it is in: 1 + 3 + 30 + 30.
    const aliased = (k: number): string => `${TINY}a: &a ${nested(30, '1')}\nb: ${nested(k, '*a')}\n`;
    assert.deepEqual(codes(aliased(33)), ['unknown-key', 'unknown-key']);
    assert.deepEqual(codes(aliased(34)).filter((c) => c.startsWith('yaml-')), ['yaml-too-deep']);
  });

  it('refuses the start of a longer file (textIsPrefix) as spec-too-large, on its first line, unparsed', () => {
    assert.deepEqual(codes(TINY, { textIsPrefix: true }), ['spec-too-large']);
    assert.deepEqual(covered(TINY, 'spec-too-large', { textIsPrefix: true }), ['layers:']);
    // A reader may stop at MAX_SPEC_BYTES: no UTF-16 unit takes more than 3 bytes of UTF-8, valid or not.
    assert.equal(MAX_SPEC_BYTES, 3 * DEFAULT_MAX_SPEC_LENGTH);
    for (const t of ['a', '\u00e9', '\u20ac', '\uFEFF', '\u{1F600}']) assert.ok(Buffer.byteLength(t) <= 3 * t.length, t);
    for (const bytes of [[0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80]]) assert.ok(Buffer.from(bytes).toString('utf8').length * 3 >= bytes.length, String(bytes));
  });

  it('returns diagnostics, never throws, for hostile input', () => {
    const inputs = ['', '\u0000', '{', '[', '*', '&a', '!!binary AAAA', 'layers: !!set {a}', '['.repeat(5000), '- '.repeat(3000), 'a: &a [*a]', '%YAML 9.9\n---\n'];
    for (const text of inputs) {
      const result = validateSpec(text);
      assert.ok(result.diagnostics.length > 0, JSON.stringify(text.slice(0, 20)));
      assert.ok(!result.diagnostics.some((d) => d.code === 'internal-error'), JSON.stringify(text.slice(0, 20)));
    }
  });
});
