import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateSpec } from '../../../src/core/spec/validate';

/** The format's defining example (issue 2), verbatim: it must parse and mean exactly this. */
const DEFINING_EXAMPLE = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'defining-example.nnspec'), 'utf8');

describe('the format’s defining example', () => {
  it('parses into exactly the network, training and check it describes', () => {
    const { spec, diagnostics } = validateSpec(DEFINING_EXAMPLE);
    assert.ok(spec);
    // lbfgs ignores a learning rate: a warning, not an error.
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['learning-rate-unused', 'warning']]);
    assert.equal(spec.name, 'xor');
    assert.equal(spec.task, 'classification');
    assert.deepEqual(spec.layers, [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }]);
    assert.equal(spec.cost, 'cross-entropy');
    assert.equal(spec.lambda, 0);
    assert.deepEqual(spec.init, { strategy: 'uniform', epsilon: 0.12, seed: 1 });
    assert.equal(spec.train.optimizer, 'lbfgs');
    assert.equal(spec.train.iterations, 400);
    assert.equal(spec.train.learningRate, 1);
    assert.equal(spec.train.batchSize, 'all');
    assert.deepEqual('rows' in spec.data && spec.data.rows, [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
    assert.deepEqual(spec.gradientCheck, { epsilon: 1e-4, tolerance: 1e-7, examples: 4, samplesPerLayer: 200, seed: 0 });
  });
});
