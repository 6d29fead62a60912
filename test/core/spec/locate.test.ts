import assert from 'node:assert/strict';
import { docAt, locateInText } from '../../../src/core/spec/locate';
import { describeType, fieldAt, formatPath } from '../../../src/core/spec/schema-walk';

const TEXT = 'layers:\n  - units: 2\n  - units: 1\n    activation: sigmoid\ntrain:\n  optimizer: adam\ndata:\n  csv: d.csv\n  target: y\n';

describe('locateInText', () => {
  it('finds the key or value under an offset, with its path', () => {
    const at = (needle: string, delta = 0) => locateInText(TEXT, TEXT.indexOf(needle) + delta);
    assert.deepEqual(at('optimizer'), { path: ['train', 'optimizer'], on: 'key', range: [TEXT.indexOf('optimizer'), TEXT.indexOf('optimizer') + 9] });
    assert.deepEqual(at('adam', 2)?.path, ['train', 'optimizer']);
    assert.equal(at('adam', 2)?.on, 'value');
    assert.deepEqual(at('sigmoid', 7)?.path, ['layers', 1, 'activation']);
    assert.deepEqual(at('units: 1', 1)?.path, ['layers', 1, 'units']);
    assert.deepEqual(at('d.csv')?.path, ['data', 'csv']);
  });
});

describe('docAt', () => {
  it('gives the schema\'s description, type, default and allowed names', () => {
    const optimizer = docAt(['train', 'optimizer'])!;
    assert.equal(optimizer.defaultValue, 'lbfgs');
    assert.deepEqual(optimizer.allowed, ['gd', 'momentum', 'adam', 'cg', 'lbfgs']);
    assert.equal(optimizer.required, false);
    assert.match(optimizer.description ?? '', /conjugate gradient/);
    const units = docAt(['layers', 3, 'units'])!;
    assert.equal(units.required, true);
    assert.equal(units.type, 'a whole number ≥ 1');
    assert.deepEqual(docAt(['train'])!.keys.slice(0, 2), ['optimizer', 'iterations']);
    assert.equal(docAt(['nope']), undefined);
    assert.equal(docAt(['train', 'optimizer', 'x']), undefined);
  });

  it('reads the data keys of the kind in use', () => {
    assert.equal(docAt(['data', 'target'])?.required, true);
    assert.deepEqual(docAt(['data'], 'generate')!.keys, ['generate', 'samples', 'noise', 'normalize', 'validation', 'seed']);
    assert.ok(docAt(['data'])!.keys.includes('rows') && docAt(['data'])!.keys.includes('csv'));
  });

  it('describes types and paths in words', () => {
    assert.equal(describeType(fieldAt(['data', 'validation'], 'rows')!.schema), 'a number in [0, 1)');
    assert.equal(describeType(fieldAt(['train', 'batchSize'])!.schema), '`all` or a whole number ≥ 1');
    assert.equal(describeType(fieldAt(['init', 'epsilon'])!.schema), 'a number > 0');
    assert.equal(formatPath(['layers', 2, 'units']), 'layers[2].units');
    assert.equal(formatPath([]), 'the spec');
  });
});
