import assert from 'node:assert/strict';
import { optimizers, optimizerSteps, runInSlices, type IterationReport, type Objective, type OptimizeOptions, type OptimizeResult, type OptimizerName, type Slicing } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { logistic, rosenbrock, rosenbrockStart } from './problems';
import { assertSameValues, describeSendAt, FakeClock, immediateTurn, MessageCancel, SEND_AT, type SendAt } from './turns';

const NAMES: OptimizerName[] = ['gd', 'momentum', 'adam', 'cg', 'lbfgs'];
const m = 40;
const logisticObjective = logistic(m, false, 13).objective;

/** A problem that keeps `name` busy for dozens of iterations: logistic regression (mini-batches of 8 for momentum and adam), Rosenbrock for cg and lbfgs. */
function problemFor(name: OptimizerName, extra: Partial<OptimizeOptions> = {}): { objective: Objective; theta0: Float64Array; options: OptimizeOptions } {
  const options: OptimizeOptions = { maxIterations: 200, tolerance: 0, learningRate: 0.1, examples: m, rng: createRng(4), ...extra };
  if (name === 'cg' || name === 'lbfgs') return { objective: rosenbrock, theta0: rosenbrockStart(4), options };
  return { objective: logisticObjective, theta0: Float64Array.of(0.3, 0.1, -0.2), options: { batchSize: name === 'gd' ? 'all' : 8, ...options } };
}

interface Recorded {
  result: OptimizeResult;
  /** Every report, copied. */
  reports: Omit<IterationReport, 'theta' | 'gradient'>[];
  thetas: Float64Array[];
  gradients: Float64Array[];
  /** θ and the batch of every objective call. */
  calls: { theta: Float64Array; batch?: number[] }[];
}

/** Runs `name` through `drive`, recording every report and every objective call. */
async function recorded(name: OptimizerName, drive: (objective: Objective, theta0: Float64Array, options: OptimizeOptions) => OptimizeResult | Promise<OptimizeResult>, onCall?: () => void): Promise<Recorded> {
  const { objective, theta0, options } = problemFor(name);
  const out: Omit<Recorded, 'result'> = { reports: [], thetas: [], gradients: [], calls: [] };
  const watching: Objective = (theta, grad, batch) => {
    out.calls.push({ theta: Float64Array.from(theta), ...(batch ? { batch: Array.from(batch) } : {}) });
    onCall?.();
    return objective(theta, grad, batch);
  };
  const result = await drive(watching, theta0, {
    ...options,
    onIteration: (r) => {
      const { theta, gradient, ...rest } = r;
      out.reports.push({ ...rest });
      out.thetas.push(Float64Array.from(theta));
      out.gradients.push(Float64Array.from(gradient));
    },
  });
  return { result, ...out };
}

describe('optimizers as steps: the sliced driver', () => {
  describe('gives the synchronous run bit for bit', () => {
    for (const name of NAMES) {
      it(`${name}: the same θ, iterations, evaluations, reason, reports and objective calls, with a turn at every safe point or every few`, async () => {
        const want = await recorded(name, optimizers[name]);
        assert.ok(want.result.iterations >= 20, `a run of ${want.result.iterations} iterations proves little`);
        // A turn at every safe point (sliceMs 0), and a turn about every 3 evaluations (the clock moves 10 ms a call).
        const everyPoint = new FakeClock();
        const every: Slicing = { sliceMs: 0, yieldTurn: immediateTurn, now: everyPoint.now };
        const fewClock = new FakeClock();
        const few: Slicing = { sliceMs: 25, yieldTurn: immediateTurn, now: fewClock.now };
        for (const [what, slicing, clock] of [['every safe point', every, everyPoint], ['every few', few, fewClock]] as const) {
          const got = await recorded(name, (o, t, opts) => runInSlices(optimizerSteps[name](o, t, opts), slicing), () => (clock.t += 10));
          assertSameValues(got, want, `${name}, a turn at ${what}`);
        }
      });
    }
  });

  describe('a cancel that arrives only as a message event', () => {
    /** Trains with a cancel posted on a MessageChannel (after an iteration or during a call); the run's objective calls when the message was handled, and at its end. */
    async function cancelledByMessage(name: OptimizerName, sliced: boolean, sendAt: SendAt) {
      const { objective, theta0, options } = problemFor(name);
      let calls = 0;
      const cancel = new MessageCancel(() => calls);
      const counting: Objective = (theta, grad, batch) => {
        if (++calls === sendAt.call) cancel.send();
        return objective(theta, grad, batch);
      };
      const reports: { iteration: number; cost: number; theta: Float64Array }[] = [];
      const watched: OptimizeOptions = {
        ...options,
        signal: cancel.signal,
        onIteration: (r) => {
          reports.push({ iteration: r.iteration, cost: r.cost, theta: Float64Array.from(r.theta) });
          if (r.iteration === sendAt.iteration) cancel.send();
        },
      };
      const clock = new FakeClock();
      const result = sliced
        ? await runInSlices(optimizerSteps[name](counting, theta0, watched), { sliceMs: 0, yieldTurn: immediateTurn, now: clock.now })
        : optimizers[name](counting, theta0, watched);
      const callsAtEnd = calls;
      await cancel.delivered;
      cancel.close();
      return { result, reports, callsAtAbort: cancel.callsAtAbort, callsAtEnd };
    }

    for (const name of NAMES) {
      for (const sendAt of SEND_AT) {
        it(`${name}, sliced, posted ${describeSendAt(sendAt)}: stops at the next safe point, 'cancelled', at the last completed iterate, as a synchronous abort after as many calls`, async () => {
          const { result, reports, callsAtAbort, callsAtEnd } = await cancelledByMessage(name, true, sendAt);
          assert.equal(result.reason, 'cancelled');
          assert.ok(callsAtAbort > 0, 'the message was handled during the run');
          assert.equal(callsAtEnd, callsAtAbort, 'no objective call after the cancel was handled');
          assert.equal(result.evaluations, callsAtAbort);
          const last = reports.at(-1)!;
          assert.ok(last.iteration >= 1);
          assert.equal(result.iterations, last.iteration, 'the iterations completed');
          assert.ok(Object.is(result.cost, last.cost));
          // gd, cg and lbfgs end at the last completed iterate; momentum and adam at the latest mini-batch step (the oracle below).
          if (name === 'gd' || name === 'cg' || name === 'lbfgs') assertSameValues(result.theta, last.theta, `${name}: θ`);

          // The oracle: the synchronous run with the signal set during call number callsAtAbort.
          const { objective, theta0, options } = problemFor(name);
          const signal = { aborted: false };
          let calls = 0;
          const aborting: Objective = (theta, grad, batch) => {
            if (++calls === callsAtAbort) signal.aborted = true;
            return objective(theta, grad, batch);
          };
          const want = optimizers[name](aborting, theta0, { ...options, signal });
          assertSameValues(result, want, `${name}: the result`);
        });
      }

      it(`${name}, synchronous: never sees it (the message is handled only after the run), which is why the sliced driver exists`, async () => {
        const { result, callsAtAbort, callsAtEnd } = await cancelledByMessage(name, false, SEND_AT[0]!);
        assert.notEqual(result.reason, 'cancelled');
        assert.equal(callsAtAbort, callsAtEnd, 'handled after the last call');
        assert.ok(result.iterations > 2);
      });
    }
  });

  describe('yields to the event loop', () => {
    for (const name of NAMES) {
      it(`${name}: a turn at the first safe point after each slice (the clock moves 10 ms an evaluation, slices of 50 ms), so one evaluation at most between safe points`, async () => {
        const { objective, theta0, options } = problemFor(name);
        const clock = new FakeClock();
        const ticking: Objective = (theta, grad, batch) => {
          clock.t += 10;
          return objective(theta, grad, batch);
        };
        const turns: number[] = [];
        const result = await runInSlices(optimizerSteps[name](ticking, theta0, options), {
          sliceMs: 50,
          now: clock.now,
          yieldTurn: () => {
            turns.push(clock.t);
            return immediateTurn();
          },
        });
        const E = result.evaluations;
        assert.ok(E >= 30, `${E} evaluations`);
        // A safe point precedes every evaluation: before evaluation j the clock reads 10(j − 1).
        assert.deepEqual(turns, Array.from({ length: Math.floor((E - 1) / 5) }, (_, i) => 50 * (i + 1)));
      });
    }

    it('no turn when the run fits in one slice; sliceMs < 0 is refused', async () => {
      const { objective, theta0, options } = problemFor('lbfgs');
      let turns = 0;
      const clock = new FakeClock();
      const yieldTurn = () => {
        turns++;
        return immediateTurn();
      };
      const result = await runInSlices(optimizerSteps.lbfgs(objective, theta0, options), { sliceMs: 1, now: clock.now, yieldTurn });
      assert.ok(result.iterations > 20);
      assert.equal(turns, 0);
      await assert.rejects(runInSlices(optimizerSteps.lbfgs(objective, theta0, options), { sliceMs: -1, now: clock.now, yieldTurn }), RangeError);
    });
  });
});
