import assert from 'node:assert/strict';
import { debugMatrix, defaultUniformEpsilon, initializeTheta, initStrategies } from '../../../src/core/nn/init';
import { layerShapes, parameterCount } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';
import { findSymmetricUnits } from '../../../src/core/nn/symmetry';
import { INIT_STRATEGIES, type InitStrategyName } from '../../../src/core/spec/schema';

const SIZES = [30, 20, 10];
const shapes = layerShapes(SIZES);
const init = (strategy: InitStrategyName, seed = 1, epsilon?: number): Float64Array =>
  initializeTheta(new Float64Array(parameterCount(SIZES)), shapes, strategy, createRng(seed), epsilon === undefined ? {} : { epsilon });
const block = (theta: Float64Array, l: number): Float64Array => theta.subarray(shapes[l]!.offset, shapes[l]!.offset + shapes[l]!.size);
const biases = (theta: Float64Array, l: number): number[] => {
  const s = shapes[l]!;
  return Array.from({ length: s.rows }, (_, r) => theta[s.offset + r * s.cols]!);
};
const stdev = (v: ArrayLike<number>): number => {
  const a = Array.from(v), mean = a.reduce((x, y) => x + y, 0) / a.length;
  return Math.sqrt(a.reduce((x, y) => x + (y - mean) ** 2, 0) / a.length);
};

describe('initialisation', () => {
  it('has one strategy per .nnspec name and fills exactly θ (Θ^(l) shapes s_(l+1) × (s_l + 1))', () => {
    assert.deepEqual(Object.keys(initStrategies).sort(), [...INIT_STRATEGIES].sort());
    assert.deepEqual(shapes.map((s) => [s.rows, s.cols, s.offset]), [[20, 31, 0], [10, 21, 620]]);
    for (const strategy of INIT_STRATEGIES) {
      const theta = init(strategy);
      assert.equal(theta.length, 830);
      assert.ok(theta.every(Number.isFinite));
    }
  });

  it('is deterministic by seed, and the seed matters', () => {
    for (const strategy of ['uniform', 'xavier', 'he'] as const) {
      assert.deepEqual(init(strategy, 5), init(strategy, 5));
      assert.notDeepEqual(init(strategy, 5), init(strategy, 6));
    }
  });

  it('uniform: within ±√6/√(s_l + s_(l+1)) per layer by default, within ±ε when given, spreading to near the bounds', () => {
    const theta = init('uniform');
    shapes.forEach((s, l) => {
      const eps = defaultUniformEpsilon(s);
      assert.equal(eps, Math.sqrt(6) / Math.sqrt(SIZES[l]! + SIZES[l + 1]!));
      const b = block(theta, l);
      assert.ok(b.every((v) => Math.abs(v) <= eps));
      assert.ok(Math.max(...b.map(Math.abs)) > 0.9 * eps);
    });
    assert.ok(init('uniform', 1, 0.12).every((v) => Math.abs(v) <= 0.12));
  });

  it('xavier and he: normal weights with σ = √(2/(fan_in + fan_out)) and √(2/fan_in), biases 0', () => {
    const big = [400, 300];
    const bigShapes = layerShapes(big);
    for (const [strategy, sigma] of [['xavier', Math.sqrt(2 / 700)], ['he', Math.sqrt(2 / 400)]] as const) {
      const theta = initializeTheta(new Float64Array(parameterCount(big)), bigShapes, strategy, createRng(3));
      const weights = theta.filter((_, k) => k % 401 !== 0);
      assert.ok(Math.abs(stdev(weights) / sigma - 1) < 0.02, `${strategy}: ${stdev(weights)} vs ${sigma}`);
      for (let r = 0; r < 300; r++) assert.equal(theta[r * 401], 0);
    }
    assert.deepEqual(biases(init('he'), 0), new Array(20).fill(0));
  });

  it('debug: Θ^(l) entry k (row-major, bias included) is sin(k + 1)/10, restarting in each matrix', () => {
    const theta = init('debug');
    shapes.forEach((s, l) => block(theta, l).forEach((v, k) => assert.equal(v, Math.sin(k + 1) / 10)));
    assert.deepEqual([...debugMatrix(2, 2)], [1, 2, 3, 4].map((k) => Math.sin(k) / 10));
  });

  it('zeros: the symmetry detector flags every hidden unit of every hidden layer as one group', () => {
    const sizes = [3, 4, 5, 2];
    const theta = initializeTheta(new Float64Array(parameterCount(sizes)), layerShapes(sizes), 'zeros', createRng(0));
    assert.ok(theta.every((v) => v === 0));
    assert.deepEqual(findSymmetricUnits(theta, sizes), [
      { layer: 2, groups: [[1, 2, 3, 4]] },
      { layer: 3, groups: [[1, 2, 3, 4, 5]] },
    ]);
  });

  it('random strategies leave no symmetric units', () => {
    for (const strategy of ['uniform', 'xavier', 'he', 'debug'] as const) assert.deepEqual(findSymmetricUnits(init(strategy), SIZES), []);
  });
});
