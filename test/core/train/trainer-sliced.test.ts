import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Objective, OptimizerName } from '../../../src/core/nn/optimizers';
import type { Slicing } from '../../../src/core/nn/optimizers/steps';
import type { TrainingProgress } from '../../../src/core/train/progress';
import { trainNetwork, trainSliced, type TrainingHooks, type TrainingProblem, type TrainingResult } from '../../../src/core/train/trainer';
import { initialTheta } from '../../../src/core/train/architecture-of';
import { openSpec } from '../../../src/jobs/open-spec';
import { assertSameValues, channelTurn, describeSendAt, FakeClock, immediateTurn, MessageCancel, SEND_AT, type SendAt } from '../nn/optimizers/turns';

const ROOT = path.join(__dirname, '..', '..', '..');
const NAMES: OptimizerName[] = ['gd', 'momentum', 'adam', 'cg', 'lbfgs'];

/** An example spec trained by `optimizer` for `iterations` (momentum and adam on mini-batches of about a quarter of m). */
function exampleProblem(file: string, optimizer: OptimizerName, iterations: number): TrainingProblem {
  const opened = openSpec(path.join(ROOT, 'examples', file), { workspaceRoot: ROOT, allowOutside: false });
  assert.ok(opened.ok, opened.ok ? '' : opened.failure.message);
  const { spec, architecture, data } = opened.value;
  const miniBatch = optimizer === 'momentum' || optimizer === 'adam';
  const batchSize = miniBatch ? Math.max(1, Math.ceil(data.train.m / 4) - 1) : 'all';
  return { architecture, data, theta0: initialTheta(spec).theta, train: { ...spec.train, optimizer, iterations, batchSize, tolerance: 0 } };
}

interface Run {
  result: TrainingResult;
  progress: { progress: TrainingProgress; theta: Float64Array }[];
}

/** Hooks that record every progress report (θ copied), throttled on a clock that ticks once a call, so `elapsedMs` and the throttling are the same bits run to run. */
function recordingHooks(progress: Run['progress'], extra: Partial<TrainingHooks> = {}): TrainingHooks {
  let t = 0;
  return {
    now: () => ++t,
    progressIntervalMs: 3,
    onProgress: (p, theta) => progress.push({ progress: p, theta: Float64Array.from(theta) }),
    ...extra,
  };
}

describe('trainSliced: the trainer in time slices', () => {
  for (const file of ['xor.nnspec', 'circle.nnspec', 'iris.nnspec', 'spiral.nnspec']) {
    for (const optimizer of NAMES) {
      it(`${file}, ${optimizer}: the same Θ, summary and progress reports as trainNetwork, bit for bit, yielding between slices`, async () => {
        const problem = exampleProblem(file, optimizer, 15);
        const want: Run = { result: undefined!, progress: [] };
        want.result = trainNetwork(problem, recordingHooks(want.progress));
        assert.ok(want.result.summary.iterations >= 5, `${want.result.summary.iterations} iterations`);
        assert.ok(want.progress.length >= 3);

        // Slices of 25 ms on a clock that moves 10 ms an evaluation: a turn (a worker's, on a MessageChannel) every third evaluation.
        const clock = new FakeClock();
        const channel = channelTurn();
        let turns = 0;
        const slicing: Slicing = { sliceMs: 25, now: clock.now, yieldTurn: () => (turns++, channel.yieldTurn()) };
        const ticking = (objective: Objective): Objective => (theta, grad, batch) => ((clock.t += 10), objective(theta, grad, batch));
        const got: Run = { result: undefined!, progress: [] };
        try {
          got.result = await trainSliced(problem, recordingHooks(got.progress, { wrapObjective: ticking }), {}, slicing);
        } finally {
          channel.close();
        }
        assertSameValues(got, want, `${file}, ${optimizer}`);
        assert.equal(turns, Math.floor((want.result.summary.evaluations - 1) / 3), 'a turn after every third evaluation');
      });
    }
  }

  describe('a cancel posted as a message (spiral)', () => {
    /** Trains spiral by `optimizer`; the objective calls when the cancel was handled, and at the end. */
    async function cancelled(optimizer: OptimizerName, sliced: boolean, sendAt: SendAt) {
      const problem = exampleProblem('spiral.nnspec', optimizer, 60);
      let calls = 0;
      const cancel = new MessageCancel(() => calls);
      const iterates: { iteration: number; theta: Float64Array }[] = [];
      const hooks = recordingHooks([], {
        signal: cancel.signal,
        wrapObjective: (objective) => (theta, grad, batch) => {
          if (++calls === sendAt.call) cancel.send();
          return objective(theta, grad, batch);
        },
        onIteration: (r) => {
          iterates.push({ iteration: r.iteration, theta: Float64Array.from(r.theta) });
          if (r.iteration === sendAt.iteration) cancel.send();
        },
      });
      const clock = new FakeClock();
      const result = sliced ? await trainSliced(problem, hooks, {}, { sliceMs: 0, now: clock.now, yieldTurn: immediateTurn }) : trainNetwork(problem, hooks);
      const callsAtEnd = calls;
      await cancel.delivered;
      cancel.close();
      return { problem, result, iterates, callsAtAbort: cancel.callsAtAbort, callsAtEnd };
    }

    for (const optimizer of NAMES) {
      for (const sendAt of SEND_AT) {
        it(`${optimizer}, trainSliced, posted ${describeSendAt(sendAt)}: 'cancelled' at the next safe point, with trainNetwork's result when aborted after as many calls`, async () => {
          const { problem, result, iterates, callsAtAbort, callsAtEnd } = await cancelled(optimizer, true, sendAt);
          const { summary } = result;
          assert.equal(summary.reason, 'cancelled');
          assert.ok(callsAtAbort > 0);
          assert.equal(callsAtEnd, callsAtAbort, 'no evaluation after the cancel was handled');
          assert.equal(summary.evaluations, callsAtAbort);
          assert.ok(summary.iterations >= 1 && summary.iterations < 60);
          const last = iterates.at(-1)!;
          assert.equal(summary.iterations, last.iteration, 'the iterations completed');
          // gd, cg and lbfgs end at the last completed iterate; momentum and adam at the latest mini-batch step (the oracle below).
          if (optimizer === 'gd' || optimizer === 'cg' || optimizer === 'lbfgs') assertSameValues(result.theta, last.theta, 'θ: the last completed iterate');

          const signal = { aborted: false };
          let calls = 0;
          const want = trainNetwork(problem, recordingHooks([], {
            signal,
            wrapObjective: (objective) => (theta, grad, batch) => {
              if (++calls === callsAtAbort) signal.aborted = true;
              return objective(theta, grad, batch);
            },
          }));
          assertSameValues(result, want, `${optimizer}: the result`);
        });
      }

      it(`${optimizer}, trainNetwork: the message is handled only after the run, which goes to the end`, async () => {
        const { result, callsAtAbort, callsAtEnd } = await cancelled(optimizer, false, SEND_AT[0]!);
        assert.notEqual(result.summary.reason, 'cancelled');
        assert.equal(callsAtAbort, callsAtEnd);
      });
    }
  });
});
