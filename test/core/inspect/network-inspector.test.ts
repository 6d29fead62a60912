import * as assert from 'node:assert/strict';
import { confusionMatrix } from '../../../src/core/inspect/confusion';
import { PLANE_CELLS } from '../../../src/core/inspect/decision-grid';
import { NetworkInspector } from '../../../src/core/inspect/network-inspector';
import type { PlaneGrid, CurveGrid } from '../../../src/core/inspect/snapshot';
import type { PreparedData } from '../../../src/core/nn/dataset';
import type { Architecture } from '../../../src/core/nn/network';
import { activationDerivative, traceLines, unitStep } from '../../../webview/logic/backprop-trace';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** A 2-2-1 sigmoid network on XOR, with fixed weights. */
const arch: Architecture = { sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 0 };
const theta = new Float64Array([0.1, -0.4, 0.3, -0.2, 0.5, 0.6, 0.2, -0.7, 0.9]);
const xor: PreparedData = {
  train: { m: 4, n: 2, k: 1, X: new Float64Array([0, 0, 0, 1, 1, 0, 1, 1]), Y: new Float64Array([0, 1, 1, 0]), labels: new Int32Array([0, 1, 1, 0]) },
  normalization: { kind: 'none', shift: [0, 0], scale: [1, 1] },
  featureNames: ['a', 'b'],
  classes: [0, 1],
};

/** An independent forward pass of the 2-2-1 network, by hand. */
function forward(x: [number, number]): { z2: number[]; a2: number[]; z3: number; h: number } {
  const z2 = [0, 1].map((i) => theta[i * 3]! + theta[i * 3 + 1]! * x[0] + theta[i * 3 + 2]! * x[1]);
  const a2 = z2.map(sigmoid);
  const z3 = theta[6]! + theta[7]! * a2[0]! + theta[8]! * a2[1]!;
  return { z2, a2, z3, h: sigmoid(z3) };
}

function cost(t: Float64Array): number {
  const saved = Float64Array.from(theta);
  theta.set(t);
  let J = 0;
  for (let i = 0; i < 4; i++) {
    const { h } = forward([xor.train.X[2 * i]!, xor.train.X[2 * i + 1]!]);
    const y = xor.train.Y[i]!;
    J -= y * Math.log(h) + (1 - y) * Math.log(1 - h);
  }
  theta.set(saved);
  return J / 4;
}

describe('core/inspect: NetworkInspector', () => {
  const inspector = new NetworkInspector(arch, xor);
  const snap = inspector.snapshot(theta, { source: 'initial', example: 2, confusion: true });

  it('traces the chosen example: z, a and δ agree with a hand-written forward pass and δ^(L) = a^(L) − y', () => {
    const f = forward([1, 0]);
    const t = snap.trace!;
    assert.equal(t.example, 2);
    assert.deepEqual(t.x, [1, 0]);
    for (let i = 0; i < 2; i++) assert.ok(Math.abs(t.z[1]![i]! - f.z2[i]!) < 1e-12);
    assert.ok(Math.abs(t.a[2]![0]! - f.h) < 1e-12);
    assert.ok(Math.abs(t.delta[2]![0]! - (f.h - 1)) < 1e-12);
  });

  it('sends θ and D for small networks; D matches central differences of J', () => {
    assert.equal(snap.theta?.length, 9);
    const eps = 1e-6;
    for (let k = 0; k < 9; k++) {
      const plus = Float64Array.from(theta), minus = Float64Array.from(theta);
      plus[k]! += eps;
      minus[k]! -= eps;
      const numeric = (cost(plus) - cost(minus)) / (2 * eps);
      assert.ok(Math.abs(numeric - snap.gradient![k]!) < 1e-8, `D[${k}]`);
    }
    assert.deepEqual(snap.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
    assert.equal(snap.trainExamples, 4);
  });

  it('draws the class map of a two-feature classifier: cells agree with the hand forward pass', () => {
    const grid = snap.grid as PlaneGrid;
    assert.equal(grid.kind, 'plane');
    assert.equal(grid.cls.length, PLANE_CELLS * PLANE_CELLS);
    for (const [r, c] of [[0, 0], [10, 40], [47, 47]] as const) {
      const x = grid.x0 + ((c + 0.5) / grid.nx) * (grid.x1 - grid.x0), y = grid.y0 + ((r + 0.5) / grid.ny) * (grid.y1 - grid.y0);
      const h = forward([x, y]).h;
      assert.equal(grid.cls[r * grid.nx + c], h >= 0.5 ? 1 : 0);
      assert.ok(Math.abs(grid.confidence[r * grid.nx + c]! - Math.max(h, 1 - h)) < 1e-12);
    }
    assert.equal(grid.points.length, 4);
  });

  it('counts the confusion matrix [actual][predicted]', () => {
    const predicted = [0, 1, 2, 3].map((i) => (forward([xor.train.X[2 * i]!, xor.train.X[2 * i + 1]!]).h >= 0.5 ? 1 : 0));
    const expected = [[0, 0], [0, 0]];
    predicted.forEach((p, i) => expected[xor.train.labels![i]!]![p]!++);
    assert.deepEqual(snap.confusion?.counts, expected);
    const m = confusionMatrix(new Float64Array([0.1, 0.8, 0.1, 0.2, 0.2, 0.6]), new Int32Array([1, 1]), 2, 3, ['a', 'b', 'c']);
    assert.deepEqual(m.counts, [[0, 0, 0], [0, 1, 1], [0, 0, 0]]);
    assert.deepEqual(m.classes, ['a', 'b', 'c']);
  });

  it('finds symmetric hidden units after zero initialisation', () => {
    const zeros = inspector.snapshot(new Float64Array(9), { source: 'initial', example: 0 });
    assert.deepEqual(zeros.symmetry, [{ layer: 2, groups: [[1, 2]] }]);
  });

  it('leaves θ out of snapshots of large networks and draws the prediction curve of a one-input regression', () => {
    const m = 5;
    const data: PreparedData = { train: { m, n: 1, k: 1, X: new Float64Array([0, 1, 2, 3, 4]), Y: new Float64Array([0, 1, 4, 9, 16]) }, normalization: { kind: 'none', shift: [0], scale: [1] }, featureNames: ['x'] };
    const big: Architecture = { sizes: [1, 20_000, 1], activations: ['tanh', 'linear'], cost: 'squared-error', lambda: 0 };
    const s = new NetworkInspector(big, data).snapshot(new Float64Array(60_001).fill(0.001), { source: 'initial', example: 9 });
    assert.equal(s.theta, undefined);
    assert.equal(s.trace?.example, m - 1, 'the example is clamped into the set');
    const curve = s.grid as CurveGrid;
    assert.equal(curve.kind, 'curve');
    assert.equal(curve.xs.length, curve.ys.length);
    assert.equal(curve.points.length, m);
  });
});

describe('webview/logic/backprop-trace', () => {
  const snap = new NetworkInspector(arch, xor).snapshot(theta, { source: 'initial', example: 1 });
  const trace = snap.trace!;

  it('writes the trace in the lecture notation, forward then backward then the Δ contributions', () => {
    const lines = traceLines(trace, ['sigmoid', 'sigmoid']);
    const formulas = lines.map((l) => l.formula);
    assert.equal(formulas[0], 'a⁽¹⁾ = x');
    assert.ok(formulas.includes('z⁽²⁾ = Θ⁽¹⁾ a⁽¹⁾'));
    assert.ok(formulas.includes('δ⁽³⁾ = a⁽³⁾ − y'));
    assert.ok(formulas.includes("δ⁽²⁾ = (Θ⁽²⁾)ᵀ δ⁽³⁾ .* g'(z⁽²⁾)"));
    assert.deepEqual(lines.map((l) => l.section).filter((s, k, all) => s !== all[k - 1]), ['forward', 'backward', 'gradient']);
  });

  it('splits a hidden unit’s δ into local × upstream gradient, which agree with backprop', () => {
    for (const unit of [1, 2]) {
      const s = unitStep(trace, snap.sizes, ['sigmoid', 'sigmoid'], 2, unit, snap.theta)!;
      const a = trace.a[1]![unit - 1]!;
      assert.ok(Math.abs(s.local! - a * (1 - a)) < 1e-15);
      assert.ok(Math.abs(s.upstream! - theta[6 + unit]! * trace.delta[2]![0]!) < 1e-15);
      assert.ok(Math.abs(s.local! * s.upstream! - s.delta) < 1e-12);
      assert.equal(s.incoming[0]!.value, s.delta, 'the bias contribution is δ · 1');
    }
    assert.equal(unitStep(trace, snap.sizes, [], 1, 1), undefined, 'the input layer has no δ');
  });

  it('knows the local gradients of every activation', () => {
    assert.equal(activationDerivative('tanh', 0, 0.5), 0.75);
    assert.equal(activationDerivative('relu', -1, 0), 0);
    assert.equal(activationDerivative('relu', 2, 2), 1);
    assert.equal(activationDerivative('linear', 5, 5), 1);
  });
});
