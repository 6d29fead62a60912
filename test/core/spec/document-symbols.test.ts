import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { layerSymbolName, specSymbols, type SpecSymbol } from '../../../src/core/spec/document-symbols';
import { DEFAULT_MAX_SPEC_LENGTH } from '../../../src/core/spec/validate';

const DIGITS = fs.readFileSync(path.join(__dirname, '../../../examples/digits.nnspec'), 'utf8');

/** The text a range covers: the oracle for ranges is the spec's own text. */
const slice = (text: string, [start, end]: readonly [number, number]): string => text.slice(start, end);

/** Every symbol of a tree, depth first. */
const all = (symbols: readonly SpecSymbol[]): SpecSymbol[] => symbols.flatMap((s) => [s, ...all(s.children)]);

/** What VS Code requires of a symbol tree (it refuses the whole answer otherwise). */
function assertWellFormed(text: string, symbols: readonly SpecSymbol[]): void {
  for (const s of all(symbols)) {
    assert.ok(s.name.trim() !== '', `a blank name in ${JSON.stringify(text)}`);
    assert.ok(0 <= s.range[0] && s.range[0] <= s.range[1] && s.range[1] <= text.length, `${s.name}: range ${s.range} outside the text`);
    assert.ok(s.range[0] <= s.selectionRange[0] && s.selectionRange[1] <= s.range[1], `${s.name}: selection ${s.selectionRange} outside ${s.range}`);
  }
}

describe('specSymbols', () => {
  it('lists every top-level key in the text’s order, `layers` opened into its layers', () => {
    const symbols = specSymbols(DIGITS);
    assert.deepEqual(symbols.map((s) => s.name), ['name', 'task', 'layers', 'cost', 'lambda', 'init', 'train', 'data', 'gradientCheck']);
    const layers = symbols.find((s) => s.name === 'layers')!;
    assert.equal(layers.kind, 'list');
    assert.equal(layers.detail, '64-25-10');
    assert.deepEqual(layers.children.map((c) => c.name), ['a^(1): 64 units · input', 'a^(2): 25 units · sigmoid', 'a^(3): 10 units · sigmoid']);
    assert.ok(layers.children.every((c) => c.kind === 'layer'));
    assertWellFormed(DIGITS, symbols);
  });

  it('gives each symbol its key as selection and key through value as range', () => {
    const symbols = specSymbols(DIGITS);
    const byName = new Map(symbols.map((s) => [s.name, s]));
    for (const s of symbols) assert.equal(slice(DIGITS, s.selectionRange), s.name);
    assert.equal(slice(DIGITS, byName.get('lambda')!.range), 'lambda: 1');
    assert.equal(slice(DIGITS, byName.get('train')!.range), 'train:\n  optimizer: lbfgs\n  iterations: 100');
    assert.equal(byName.get('train')!.kind, 'section');
    assert.deepEqual(byName.get('train')!.children.map((c) => [c.name, c.detail, slice(DIGITS, c.range)]), [
      ['optimizer', 'lbfgs', 'optimizer: lbfgs'],
      ['iterations', '100', 'iterations: 100'],
    ]);
    const [input, hidden] = byName.get('layers')!.children;
    assert.equal(slice(DIGITS, input!.selectionRange), 'units: 64');
    assert.equal(slice(DIGITS, hidden!.range), 'units: 25\n    activation: sigmoid');
    assert.equal(slice(DIGITS, hidden!.selectionRange), 'units: 25');
  });

  it('names layers by what is written: a misspelt activation as written, the default sigmoid, “?” for units it cannot read', () => {
    const text = 'layers:\n  - units: 2\n  - units: 3\n    activation: sigmoidd\n  - units: many\n  - units: 1\n    activation: relu\n';
    assert.deepEqual(specSymbols(text)[0]!.children.map((c) => c.name), [
      'a^(1): 2 units · input',
      'a^(2): 3 units · sigmoidd',
      'a^(3): ? units · sigmoid',
      'a^(4): 1 unit · relu',
    ]);
    assert.equal(specSymbols(text)[0]!.detail, undefined, 'no architecture while an s_l is unknown');
    assert.equal(layerSymbolName({ l: 1, units: 400, activation: 'tanh' }), 'a^(1): 400 units · input');
  });

  it('counts the items of a list without opening it (inline rows may be thousands)', () => {
    const text = 'data:\n  rows: [[0, 0, 0], [0, 1, 1], [1, 0, 1]]\n  validation: 0\n';
    const data = specSymbols(text)[0]!;
    assert.deepEqual(data.children.map((c) => [c.name, c.kind, c.detail, c.children.length]), [
      ['rows', 'list', '3 items', 0],
      ['validation', 'value', '0', 0],
    ]);
  });

  it('opens a layer reached through an alias at the alias, not at its anchor', () => {
    const text = 'layers:\n  - &two {units: 2, activation: tanh}\n  - *two\n  - units: 1\n';
    const [, second] = specSymbols(text)[0]!.children;
    assert.equal(second!.name, 'a^(2): 2 units · tanh');
    assert.equal(slice(text, second!.range), '*two');
    assert.equal(slice(text, second!.selectionRange), '*two');
    assertWellFormed(text, specSymbols(text));
  });

  it('gives what it can find of a broken or half-typed spec', () => {
    const half = 'name: x\nlayers:\n  - units: 2\n  - uni';
    assert.deepEqual(specSymbols(half)[1]!.children.map((c) => c.name), ['a^(1): 2 units · input', 'a^(2): ? units · sigmoid']);
    const unclosed = 'layers: [\n  {units: 2}, {units: 3\ntrain:\n  optimizer: adam\n';
    assert.deepEqual(specSymbols(unclosed)[0]!.children.map((c) => c.name).slice(0, 2), ['a^(1): 2 units · input', 'a^(2): 3 units · sigmoid']);
    const empty = 'train:\nlayers:\n';
    assert.deepEqual(specSymbols(empty).map((s) => [s.name, s.kind, s.children.length]), [['train', 'value', 0], ['layers', 'value', 0]]);
    assert.deepEqual(specSymbols('"": 1\n" ": 2\n').map((s) => s.name), ['""', '" "']);
    for (const text of [half, unclosed, empty]) assertWellFormed(text, specSymbols(text));
  });

  it('gives nothing for what is no mapping, or too long to parse on every edit', () => {
    for (const text of ['', '# only a comment\n', '- 1\n- 2\n', 'just text', '{{{', '\t- ::']) assert.deepEqual(specSymbols(text), []);
    assert.deepEqual(specSymbols(`name: x\n# ${'.'.repeat(DEFAULT_MAX_SPEC_LENGTH)}\n`), []);
  });

  it('never throws, and VS Code accepts every answer, on every prefix of a spec and on the corpora of broken specs', () => {
    for (let n = 0; n <= DIGITS.length; n++) assertWellFormed(DIGITS.slice(0, n), specSymbols(DIGITS.slice(0, n)));
    const corpora = ['../../corpus/invalid', '../../reliability/corpus/specs'].map((dir) => path.join(__dirname, dir));
    const files = corpora.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.nnspec')).map((f) => path.join(dir, f)));
    assert.ok(files.length > 100, `only ${files.length} specs`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assertWellFormed(text, specSymbols(text));
    }
  });
});
