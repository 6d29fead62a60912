import assert from 'node:assert/strict';
import { describeStep, type StepPoint } from '../../../src/core/debug/step-point';
import { SteppedEvaluation } from '../../../src/core/debug/stepped-evaluation';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { createRng } from '../../../src/core/nn/rng';
import { assertClose, randomCase } from '../../kernels/random-case';

/** Runs the stepped evaluation to its end, calling `at` at every step point. */
function runAll(ev: SteppedEvaluation, at: (step: StepPoint) => void = () => undefined): number {
  const steps = ev.steps();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    at(r.value);
  }
}

describe('core/debug/stepped-evaluation: backprop that stops between its steps', () => {
  it('gives the evaluator’s J, D and statistics to 1e-12 for random shapes, activations and costs, λ > 0, m = 1 … 70, any examples stepped', () => {
    const rng = createRng(131);
    for (let trial = 0; trial < 80; trial++) {
      const m = [1, 2, 3, 7, 64, 70][trial % 6]!;
      const { arch, theta, batch, rowsBatch } = randomCase(rng, m);
      const data = trial % 3 === 2 ? rowsBatch : batch;
      const every = trial % 4; // 0: every example stepped; else every `every`-th
      const stepped = (i: number): boolean => every === 0 || i % every === 1;
      const reference = new NetworkEvaluator(arch, 64, { parallel: 'single' });
      const D = new Float64Array(theta.length);
      const J = reference.costAndGradient(theta, data, D);
      const ev = new SteppedEvaluation(arch, theta, data, { stepped });
      const got = runAll(ev);
      const what = `trial ${trial}: ${arch.sizes.join('-')} ${arch.activations.join(',')} ${arch.cost}, m ${m}`;
      assert.ok(Math.abs(got - J) <= 1e-12 * Math.abs(J), `${what}: J ${got} vs ${J}`);
      assertClose(ev.D, D, 1e-12, what);
      assertClose(ev.stats.gradientNorm, reference.stats.gradientNorm, 1e-12, `${what} (‖D‖)`);
      assertClose(ev.stats.meanAbsDelta, reference.stats.meanAbsDelta, 1e-12, `${what} (mean |δ|)`);
    }
  });

  it('stops in the lecture’s order, and the values at each stop are the backprop trace of that example', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 20; trial++) {
      const { arch, theta, batch } = randomCase(rng, 5);
      const L = arch.sizes.length;
      const reference = new NetworkEvaluator(arch, 8);
      const ev = new SteppedEvaluation(arch, theta, batch, { stepped: (i) => i === 1 || i === 3 });
      const seen: string[] = [];
      runAll(ev, (step) => {
        if (step.kind === 'cost' || step.kind === 'iteration') throw new Error(`an evaluation yields no ${step.kind} step`);
        seen.push(`${step.kind}${'layer' in step ? ` ${step.layer}` : ''} #${step.example}`);
        const t = reference.trace(theta, batch, step.example);
        if (step.kind === 'forward') {
          const v = ev.values(step.layer);
          assert.deepEqual(Array.from(v.z), Array.from(t.z[step.layer - 1]!), `z^(${step.layer})`);
          assert.deepEqual(Array.from(v.a), Array.from(t.a[step.layer - 1]!), `a^(${step.layer})`);
          assert.deepEqual(Array.from(ev.values(1).a), Array.from(t.a[0]!), 'a^(1) = x');
        }
        if (step.kind === 'output-delta' || step.kind === 'backward') {
          assert.deepEqual(Array.from(ev.values(step.layer).delta), Array.from(t.delta[step.layer - 1]!), `δ^(${step.layer})`);
        }
      });
      const one = (i: number): string[] => [
        ...Array.from({ length: L - 1 }, (_, k) => `forward ${k + 2} #${i}`),
        `output-delta ${L} #${i}`,
        ...Array.from({ length: L - 2 }, (_, k) => `backward ${L - 1 - k} #${i}`),
        `example-done #${i}`,
      ];
      assert.deepEqual(seen, [...one(1), ...one(3)], arch.sizes.join('-'));
    }
  });

  it('with no example stepped, runs straight to J, the evaluator’s bit for bit (the same chunks)', () => {
    const { arch, theta, batch } = randomCase(createRng(9), 40);
    const reference = new NetworkEvaluator(arch, 64, { parallel: 'single' });
    const D = new Float64Array(theta.length);
    const J = reference.costAndGradient(theta, batch, D);
    const ev = new SteppedEvaluation(arch, theta, batch, { stepped: () => false });
    const kinds: string[] = [];
    assert.equal(runAll(ev, (s) => kinds.push(s.kind)), J);
    assert.deepEqual(kinds, []);
    assert.deepEqual(Array.from(ev.D), Array.from(D));
  });

  it('labels each step in the lecture’s notation', () => {
    assert.equal(describeStep({ kind: 'forward', example: 0, layer: 3 }), 'forward: z^(3), a^(3)');
    assert.equal(describeStep({ kind: 'output-delta', example: 0, layer: 4 }), 'output: δ^(4)');
    assert.equal(describeStep({ kind: 'backward', example: 2, layer: 2 }), 'backward: Δ^(2), δ^(2)');
  });

  it('refuses an invalid architecture, a short θ and an empty batch with a RangeError', () => {
    const { arch, theta, batch } = randomCase(createRng(2), 3);
    assert.throws(() => new SteppedEvaluation({ ...arch, sizes: [2] }, theta, batch), RangeError);
    assert.throws(() => new SteppedEvaluation(arch, theta.subarray(1), batch), RangeError);
    assert.throws(() => new SteppedEvaluation(arch, theta, { ...batch, m: 0 }), RangeError);
  });
});
