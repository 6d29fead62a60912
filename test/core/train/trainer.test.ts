import assert from 'node:assert/strict';
import { prepareData, tableFromRows } from '../../../src/core/data';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { findSymmetricUnits } from '../../../src/core/nn/symmetry';
import { specSchema, type Spec, type SpecInput } from '../../../src/core/spec/schema';
import { architectureOf, initialTheta } from '../../../src/core/train/architecture-of';
import { trainNetwork, type TrainingProblem } from '../../../src/core/train/trainer';
import type { TrainingProgress } from '../../../src/core/train/progress';

const XOR_ROWS = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];

function problemFor(input: SpecInput): { spec: Spec; problem: TrainingProblem } {
  const spec = specSchema.parse(input);
  if (!('rows' in spec.data)) throw new Error('inline data only');
  const table = tableFromRows(spec.data.rows, spec.task);
  assert.ok(table.ok);
  const prepared = prepareData(spec, table.value, spec.layers.at(-1)!.units);
  assert.ok(prepared.ok, prepared.ok ? '' : prepared.error.message);
  return { spec, problem: { architecture: architectureOf(spec), data: prepared.value, theta0: initialTheta(spec).theta, train: spec.train } };
}

const xor = (overrides: Partial<SpecInput> = {}): SpecInput => ({
  layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
  init: { strategy: 'uniform', epsilon: 0.12, seed: 4 },
  train: { optimizer: 'lbfgs', iterations: 400 },
  data: { rows: XOR_ROWS },
  ...overrides,
});

describe('trainNetwork', () => {
  it('learns XOR with a 2-2-1 sigmoid network to 100 % training accuracy', () => {
    const { problem } = problemFor(xor());
    const { summary } = trainNetwork(problem);
    assert.equal(summary.trainAccuracy, 1);
    assert.ok(summary.finalCost < summary.initialCost / 10, `J went from ${summary.initialCost} to ${summary.finalCost}`);
    assert.equal(summary.costHistory[0], summary.initialCost);
  });

  for (const optimizer of ['gd', 'momentum', 'adam', 'cg', 'lbfgs'] as const) {
    it(`lowers the cost with ${optimizer}`, () => {
      const { problem } = problemFor(xor({ train: { optimizer, iterations: 50, ...(optimizer === 'adam' ? { learningRate: 0.05 } : {}), ...(optimizer === 'momentum' || optimizer === 'adam' ? { batchSize: 2 } : {}) } }));
      const { summary, theta } = trainNetwork(problem);
      assert.ok(summary.finalCost < summary.initialCost);
      assert.ok(theta.every(Number.isFinite));
    });
  }

  it('leaves the hidden units of a zero-initialised network identical, and the detector says so', () => {
    const { problem, spec } = problemFor(xor({ init: { strategy: 'zeros' }, train: { optimizer: 'lbfgs', iterations: 100 } }));
    const { theta } = trainNetwork(problem);
    const symmetric = findSymmetricUnits(theta, spec.layers.map((l) => l.units), 1e-9);
    assert.deepEqual(symmetric, [{ layer: 2, groups: [[1, 2]] }]);
  });

  it('reports every iteration with per-layer statistics', () => {
    const { problem } = problemFor(xor({ train: { optimizer: 'gd', iterations: 7, learningRate: 1 } }));
    const seen: TrainingProgress[] = [];
    const { summary } = trainNetwork(problem, { onProgress: (p) => seen.push(p) });
    assert.deepEqual(seen.map((p) => p.iteration), [1, 2, 3, 4, 5, 6, 7]);
    for (const p of seen) {
      assert.equal(p.layers.length, 2);
      assert.ok(p.layers.every((l) => l.gradientNorm > 0 && l.meanAbsDelta > 0));
      assert.equal(p.maxIterations, 7);
    }
    assert.equal(summary.costHistory.length, 8);
    assert.equal(seen.at(-1)!.cost, summary.finalCost);
  });

  it('stops within one iteration once cancelled and keeps finite weights', () => {
    const { problem } = problemFor(xor({ train: { optimizer: 'gd', iterations: 1000 } }));
    const signal = { aborted: false };
    const { summary, theta } = trainNetwork(problem, {
      signal,
      onProgress: (p) => {
        if (p.iteration === 5) signal.aborted = true;
      },
    });
    assert.equal(summary.reason, 'cancelled');
    assert.equal(summary.iterations, 5);
    assert.ok(theta.every(Number.isFinite));
  });

  it('stops at once when the cost diverges, names the iteration and a layer, keeps the last finite weights', () => {
    const { problem } = problemFor(
      xor({
        layers: [{ units: 2 }, { units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }],
        cost: 'squared-error',
        task: 'regression',
        train: { optimizer: 'gd', iterations: 500, learningRate: 1e3 },
      }),
    );
    const { summary, theta } = trainNetwork(problem);
    assert.equal(summary.reason, 'not-finite');
    assert.ok(summary.notFinite && summary.notFinite.iteration >= 1 && summary.notFinite.iteration < 500);
    assert.ok(summary.notFinite.layer === 1 || summary.notFinite.layer === 2);
    assert.ok(theta.every(Number.isFinite));
    assert.ok(Number.isFinite(summary.finalCost));
  });

  it('reports validation cost and accuracy when data is held out', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2, (i >> 1) % 2, (i % 2) ^ ((i >> 1) % 2)]);
    const { problem } = problemFor(
      xor({ layers: [{ units: 2 }, { units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], init: { seed: 1 }, data: { rows, validation: 0.25, seed: 4 } }),
    );
    const { summary } = trainNetwork(problem);
    assert.ok(summary.validationCost !== undefined && Number.isFinite(summary.validationCost));
    assert.equal(summary.validationAccuracy, 1);
  });
});

describe('trainNetwork progress', () => {
  it('hands each report the parameters reached, which give the reported cost', () => {
    const { problem } = problemFor(xor({ train: { optimizer: 'gd', iterations: 5, learningRate: 1 } }));
    const seen: { cost: number; theta: Float64Array }[] = [];
    trainNetwork(problem, { onProgress: (p, theta) => seen.push({ cost: p.cost, theta: Float64Array.from(theta) }) });
    assert.equal(seen.length, 5);
    const evaluator = new NetworkEvaluator(problem.architecture, 4);
    for (const { cost, theta } of seen) assert.ok(Math.abs(evaluator.cost(theta, problem.data.train) - cost) < 1e-12);
    assert.notDeepEqual(seen[0]!.theta, seen[4]!.theta);
  });
});
