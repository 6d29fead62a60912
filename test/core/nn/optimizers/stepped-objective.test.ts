import assert from 'node:assert/strict';
import { optimizers, optimizerSteps, type IterationReport, type Objective, type OptimizeOptions, type OptimizerName, type SteppedObjective } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { logistic, rosenbrock, rosenbrockStart } from './problems';

const NAMES: OptimizerName[] = ['gd', 'momentum', 'adam', 'cg', 'lbfgs'];
const m = 40;
const logisticObjective = logistic(m, false, 13).objective;

function problemFor(name: OptimizerName): { objective: Objective; theta0: Float64Array; options: OptimizeOptions } {
  const options: OptimizeOptions = { maxIterations: 60, tolerance: 0, learningRate: 0.1, examples: m, rng: createRng(4) };
  if (name === 'cg' || name === 'lbfgs') return { objective: rosenbrock, theta0: rosenbrockStart(4), options };
  return { objective: logisticObjective, theta0: Float64Array.of(0.3, 0.1, -0.2), options: { batchSize: name === 'gd' ? 'all' : 8, ...options } };
}

/** The objective as steps: it yields three times inside each evaluation, marking each yield, as the debugger's stops do. */
function yieldingThrice(objective: Objective, inside: { depth: number }): SteppedObjective {
  return {
    *steps(theta, gradOut, batch) {
      for (let i = 0; i < 3; i++) {
        inside.depth++;
        yield;
        inside.depth--;
      }
      return objective(theta, gradOut, batch);
    },
  };
}

describe('optimizers as steps: an objective that yields inside its evaluations (the debugger’s)', () => {
  for (const name of NAMES) {
    it(`${name}: the same run as with the plain objective, the objective's yields reaching the driver`, () => {
      const { objective, theta0, options } = problemFor(name);
      const reports = (into: Omit<IterationReport, 'theta' | 'gradient'>[]) => (r: IterationReport) => {
        const { theta: _t, gradient: _g, ...rest } = r;
        into.push(rest);
      };
      const wantReports: Omit<IterationReport, 'theta' | 'gradient'>[] = [];
      const want = optimizers[name](objective, theta0, { ...options, rng: createRng(4), onIteration: reports(wantReports) });
      assert.ok(want.iterations >= 20);

      const gotReports: Omit<IterationReport, 'theta' | 'gradient'>[] = [];
      const inside = { depth: 0 };
      const steps = optimizerSteps[name](yieldingThrice(objective, inside), theta0, { ...options, rng: createRng(4), onIteration: reports(gotReports) });
      let insideYields = 0, otherYields = 0;
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          assert.deepEqual(Array.from(r.value.theta), Array.from(want.theta));
          assert.deepEqual({ ...r.value, theta: [] }, { ...want, theta: [] });
          break;
        }
        if (inside.depth > 0) insideYields++;
        else otherYields++;
      }
      assert.deepEqual(gotReports, wantReports);
      assert.equal(insideYields, 3 * want.evaluations, 'every yield inside an evaluation reaches the driver');
      assert.ok(otherYields >= want.evaluations, 'the optimiser’s own safe points are still there');
    });
  }
});
