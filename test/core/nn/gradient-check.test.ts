import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { checkNetworkGradients, FULL_CHECK_LIMIT } from '../../../src/core/nn/gradient-check';
import { debugMatrix, initializeTheta } from '../../../src/core/nn/init';
import { layerShapes, parameterCount, type Architecture } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';

/** The course's checkNNGradients: 3-5-3, debug weights, X = debug 5 × 3, y = 1 + (1…m mod 3). */
function courseProblem(lambda: number) {
  const arch: Architecture = { sizes: [3, 5, 3], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda };
  const theta = initializeTheta(new Float64Array(parameterCount(arch.sizes)), layerShapes(arch.sizes), 'debug', createRng(0));
  const m = 5, X = debugMatrix(m, 3), Y = new Float64Array(m * 3);
  for (let i = 1; i <= m; i++) Y[(i - 1) * 3 + (i % 3)] = 1; // class 1 + (i mod 3), 1-based
  return { arch, theta, data: { X, Y, m } };
}

describe('gradient check', () => {
  for (const lambda of [0, 3]) {
    it(`the course's 3-5-3 network with debug weights, m = 5, λ = ${lambda}: relative difference < 1e-9 in every layer`, () => {
      const { arch, theta, data } = courseProblem(lambda);
      const report = checkNetworkGradients(arch, theta, data, { examples: 5, tolerance: 1e-9 });
      assert.ok(report.passed);
      assert.equal(report.examples, 5);
      assert.equal(report.samplesPerLayer, undefined);
      assert.deepEqual(report.layers.map((l) => [l.layer, l.checked, l.total]), [[1, 20, 20], [2, 18, 18]]);
      for (const l of report.layers) assert.ok(l.relativeDifference < 1e-9, `layer ${l.layer}: ${l.relativeDifference}`);
    });
  }

  for (const bad of [1, 2, 3]) {
    it(`a backprop corrupted in Θ^(${bad}) only fails layer ${bad} and only it, naming the worst parameter there`, () => {
      const arch: Architecture = { sizes: [4, 5, 4, 3], activations: ['tanh', 'sigmoid', 'softmax'], cost: 'cross-entropy', lambda: 1 };
      const rng = createRng(9);
      const theta = new Float64Array(parameterCount(arch.sizes)).map(() => rng.next() - 0.5);
      const m = 6, X = new Float64Array(m * 4).map(() => rng.next()), Y = new Float64Array(m * 3);
      for (let i = 0; i < m; i++) Y[i * 3 + (i % 3)] = 1;
      const data = { X, Y, m };
      const ev = new NetworkEvaluator(arch, m);
      const shape = layerShapes(arch.sizes)[bad - 1]!;
      const wrongIndex = shape.offset + 1 * shape.cols + 2; // Θ^(bad)_{2,2} (1-based row 2, column 2)
      const report = checkNetworkGradients(arch, theta, data, { examples: m }, (t, out) => {
        ev.costAndGradient(t, data, out);
        out[wrongIndex] = out[wrongIndex]! + 1e-3;
      });
      assert.equal(report.passed, false);
      assert.deepEqual(report.layers.map((l) => l.passed), [1, 2, 3].map((l) => l !== bad));
      const failed = report.layers[bad - 1]!;
      assert.deepEqual([failed.worst?.layer, failed.worst?.i, failed.worst?.j], [bad, 2, 2]);
      assert.ok(Math.abs(failed.maxAbsDifference - 1e-3) < 1e-8);
    });
  }

  it('samples a seeded subset of each layer above 5,000 parameters, reporting the count', () => {
    const arch: Architecture = { sizes: [100, 60, 2], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 0.5 };
    assert.ok(parameterCount(arch.sizes) > FULL_CHECK_LIMIT);
    const rng = createRng(4);
    const theta = new Float64Array(parameterCount(arch.sizes)).map(() => 0.2 * (rng.next() - 0.5));
    const X = new Float64Array(300).map(() => rng.next()), Y = new Float64Array([1, 0, 0, 1, 1, 0]);
    const options = { examples: 3, samplesPerLayer: 25, seed: 7 };
    const a = checkNetworkGradients(arch, theta, { X, Y, m: 3 }, options);
    const b = checkNetworkGradients(arch, theta, { X, Y, m: 3 }, options);
    assert.equal(a.samplesPerLayer, 25);
    assert.deepEqual(a.layers.map((l) => [l.checked, l.total]), [[25, 6060], [25, 122]]);
    assert.deepEqual(a.layers.map((l) => l.worst?.index), b.layers.map((l) => l.worst?.index));
    assert.ok(a.passed);
  });

  it('stops when cancelled and reports progress fractions up to the stop', () => {
    const { arch, theta, data } = courseProblem(0);
    const fractions: number[] = [];
    let calls = 0;
    const report = checkNetworkGradients(arch, theta, data, {
      examples: 5,
      onProgress: (f) => fractions.push(f),
      isCancelled: () => ++calls > 25,
    });
    assert.equal(report.cancelled, true);
    assert.equal(report.passed, false);
    assert.deepEqual(report.layers.map((l) => l.layer), [1]);
    assert.ok(fractions.length > 0 && fractions.every((f, i) => f > 0 && f < 1 && (i === 0 || f > fractions[i - 1]!)));
    const full: number[] = [];
    checkNetworkGradients(arch, theta, data, { examples: 5, onProgress: (f) => full.push(f) });
    assert.equal(full.at(-1), 1);
  });

  it('notes relu kinks when a failing layer feeds a relu unit with z near 0', () => {
    const arch: Architecture = { sizes: [1, 1, 1], activations: ['relu', 'linear'], cost: 'squared-error', lambda: 0 };
    // z^(2) = 0 + 1·x = 0 exactly for x = 0: central differences straddle the kink.
    const theta = new Float64Array([0, 1, 0, 1]);
    const report = checkNetworkGradients(arch, theta, { X: new Float64Array([0]), Y: new Float64Array([1]), m: 1 }, { examples: 1 });
    const layer1 = report.layers[0]!;
    assert.equal(layer1.passed, false);
    assert.match(layer1.note ?? '', /relu/);
  });

  it('leaves θ unchanged', () => {
    const { arch, theta, data } = courseProblem(3);
    const copy = Float64Array.from(theta);
    checkNetworkGradients(arch, theta, data, { examples: 5 });
    assert.deepEqual(theta, copy);
  });
});
