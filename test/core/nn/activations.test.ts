import assert from 'node:assert/strict';
import { activations, sigmoidGradient } from '../../../src/core/nn/activations';
import { ACTIVATIONS } from '../../../src/core/spec/schema';

describe('activations', () => {
  it('sigmoid gradient at [−1, −0.5, 0, 0.5, 1] is [0.196612, 0.235004, 0.25, 0.235004, 0.196612] (6 d.p.)', () => {
    const g = sigmoidGradient(new Float64Array(5), new Float64Array([-1, -0.5, 0, 0.5, 1]));
    assert.deepEqual([...g].map((v) => Math.round(v * 1e6) / 1e6), [0.196612, 0.235004, 0.25, 0.235004, 0.196612]);
  });

  it('has one entry per .nnspec name', () => {
    assert.deepEqual(Object.keys(activations).sort(), [...ACTIVATIONS].sort());
  });

  for (const name of ACTIVATIONS) {
    it(`${name}: backprop is the vector–Jacobian product of forward (central differences)`, () => {
      const g = activations[name], width = 4;
      const z = new Float64Array([-1.3, -0.2, 0.4, 2.1, 0.7, -0.6, 1.1, -2.2]); // no relu kink within h
      const upstream = new Float64Array([0.3, -1.2, 0.8, 0.5, -0.4, 1.5, 0.2, -0.9]);
      const a = new Float64Array(8);
      g.forward(a, z, 0, 8, width);
      const vjp = new Float64Array(8);
      g.backprop(vjp, upstream, z, a, 0, 8, width);
      const h = 1e-6, zp = new Float64Array(8), ap = new Float64Array(8), am = new Float64Array(8);
      for (let j = 0; j < 8; j++) {
        zp.set(z);
        zp[j] = z[j]! + h;
        g.forward(ap, zp, 0, 8, width);
        zp[j] = z[j]! - h;
        g.forward(am, zp, 0, 8, width);
        let expected = 0;
        for (let k = 0; k < 8; k++) expected += upstream[k]! * (ap[k]! - am[k]!) / (2 * h);
        assert.ok(Math.abs(vjp[j]! - expected) < 1e-8, `${name} entry ${j}: ${vjp[j]} vs ${expected}`);
        if (g.elementwise) assert.ok(Math.abs(g.derivative(z[j]!, a[j]!) * upstream[j]! - vjp[j]!) < 1e-15);
      }
    });
  }

  it('softmax rows sum to 1 and do not overflow for large z', () => {
    const a = new Float64Array(6);
    activations.softmax.forward(a, new Float64Array([1000, 1001, 1002, -5, 0, 5]), 0, 6, 3);
    assert.ok(a.every(Number.isFinite));
    assert.ok(Math.abs(a[0]! + a[1]! + a[2]! - 1) < 1e-15 && Math.abs(a[3]! + a[4]! + a[5]! - 1) < 1e-15);
  });

  it('forward may run in place (out = z)', () => {
    const z = new Float64Array([-1, 0, 2]);
    activations.tanh.forward(z, z, 0, 3, 3);
    assert.deepEqual([...z], [Math.tanh(-1), 0, Math.tanh(2)]);
  });
});
