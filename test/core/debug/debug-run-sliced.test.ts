import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DebugRun, type DebugHost, type DebugRunOptions, type ResumeCommand, type RunEnd, type Stop } from '../../../src/core/debug/debug-run';
import { stepLocations } from '../../../src/core/debug/step-locations';
import { initialTheta } from '../../../src/core/train/architecture-of';
import { trainNetwork } from '../../../src/core/train/trainer';
import { openSpec } from '../../../src/jobs/open-spec';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const XOR = path.join(EXAMPLES, 'xor.nnspec');
// examples/xor.nnspec, 0-based lines: layer 2 at 8, cost: 12, train: 18.
const LAYER2 = 8, COST = 12, TRAIN = 18;

function xor(edit: (text: string) => string = (t) => t) {
  const text = edit(readFileSync(XOR, 'utf8'));
  const opened = openSpec(XOR, { workspaceRoot: EXAMPLES, allowOutside: false }, text);
  if (!opened.ok) throw new Error(opened.failure.message);
  const { spec, architecture, data } = opened.value;
  return { problem: { architecture, data, theta0: initialTheta(spec).theta, train: spec.train, gradientCheck: spec.gradientCheck }, locations: stepLocations(text) };
}

const MINI_BATCH_ADAM = (t: string): string => t.replace('optimizer: lbfgs               #', 'optimizer: adam\n  batchSize: 2                   #').replace('iterations: 400', 'iterations: 30');
const GD = (t: string): string => t.replace('optimizer: lbfgs', 'optimizer: gd').replace('iterations: 400', 'iterations: 40');

/** What a stop showed, as numbers to compare across drivers. */
interface Seen {
  readonly stop: Stop;
  readonly J: number | undefined;
  readonly theta: number[];
  readonly D: number[] | undefined;
}

interface Script {
  readonly name: string;
  readonly edit?: (t: string) => string;
  readonly options: DebugRunOptions;
  readonly breakpoints?: readonly number[];
  readonly stopOnEntry?: boolean;
  /** The answer to the n-th stop (0-based); Continue after the script. */
  readonly answer: (n: number, stop: Stop, run: DebugRun) => ResumeCommand;
}

const SCRIPTS: readonly Script[] = [
  { name: 'one evaluation, stepped from the entry', options: { mode: 'evaluate', stepped: (i) => i < 2 }, stopOnEntry: true, answer: (n) => (n < 12 ? 'next' : n < 16 ? 'stepIn' : 'continue') },
  { name: 'lbfgs with breakpoints on cost: and train:, stepping out of evaluations', options: { mode: 'train' }, breakpoints: [COST, TRAIN], answer: (n) => (n > 40 ? 'terminate' : n % 3 === 0 ? 'stepOut' : 'continue') },
  { name: 'gd with a layer breakpoint, then α set at an iteration', edit: GD, options: { mode: 'train', stepped: (i) => i === 1 }, breakpoints: [LAYER2, TRAIN],
    answer: (n, stop, run) => {
      if (stop.step.kind === 'iteration' && stop.step.iteration === 3) run.setLearningRate(2);
      return n < 60 ? 'continue' : 'terminate';
    } },
  { name: 'mini-batch adam stopping at every iteration', edit: MINI_BATCH_ADAM, options: { mode: 'train' }, breakpoints: [TRAIN], answer: () => 'continue' },
];

function record(script: Script, asynchronous: boolean): { run: DebugRun; seen: Seen[]; done: Promise<RunEnd> | RunEnd } {
  const { problem, locations } = xor(script.edit);
  const seen: Seen[] = [];
  const bound: { run?: DebugRun } = {};
  const answer = (stop: Stop): ResumeCommand => {
    const view = bound.run!.view!;
    seen.push({ stop, J: view.J, theta: Array.from(view.theta), D: view.D && Array.from(view.D) });
    return script.answer(seen.length - 1, stop, bound.run!);
  };
  const host: DebugHost = {
    // The sliced driver's host answers later, as a user would (a macrotask away).
    stopped: asynchronous ? (stop) => new Promise((resolve) => setImmediate(() => resolve(answer(stop)))) : answer,
    poll: () => undefined,
  };
  const run = new DebugRun(problem, locations, host, script.options);
  bound.run = run;
  run.setBreakpoints(script.breakpoints ?? []);
  const stopOnEntry = script.stopOnEntry ?? false;
  const done = asynchronous ? run.runSliced(stopOnEntry, { sliceMs: 0, yieldTurn: () => new Promise((r) => setImmediate(r)), now: () => performance.now() }) : run.run(stopOnEntry);
  return { run, seen, done };
}

function endOf(end: RunEnd): unknown {
  return end.kind === 'trained' ? { kind: end.kind, theta: Array.from(end.result.theta), iterations: end.result.summary.iterations } : end;
}

describe('core/debug/debug-run: the sliced driver, for a thread that cannot block', () => {
  for (const script of SCRIPTS) {
    it(`${script.name}: the same stops, values and end as the blocking driver`, async () => {
      const blocking = record(script, false);
      const sliced = record(script, true);
      const end = await sliced.done;
      assert.ok(blocking.seen.length >= 5, `a run with ${blocking.seen.length} stops proves little`);
      assert.deepEqual(sliced.seen, blocking.seen);
      assert.deepEqual(endOf(end), endOf(blocking.done as RunEnd));
    });
  }

  it('hears Pause while running, as a message handled during a turn, and stops at the next step point', async () => {
    const { problem, locations } = xor();
    let asked: 'pause' | 'terminate' | undefined, turns = 0;
    const stops: Stop[] = [];
    const host: DebugHost = {
      stopped: async (stop): Promise<ResumeCommand> => {
        stops.push(stop);
        return 'terminate';
      },
      poll: () => {
        const a = asked;
        asked = undefined;
        return a;
      },
    };
    const run = new DebugRun(problem, locations, host, { mode: 'train' });
    const end = await run.runSliced(false, {
      sliceMs: 0,
      now: () => 0,
      yieldTurn: async () => {
        // The message arrives during the 20th turn, as a port's would.
        if (++turns === 20) asked = 'pause';
      },
    });
    assert.equal(end.kind, 'terminated');
    assert.equal(stops.length, 1);
    assert.equal(stops[0]!.reason, 'pause');
    assert.ok(run.position.evaluation >= 1 && run.position.evaluation < 400, `paused at evaluation ${run.position.evaluation}`);
  });

  it('shows at an iteration stop the θ and D of that iteration, copied before the optimiser reuses them (a mini-batch epoch clears its mean gradient)', () => {
    const { problem } = xor(MINI_BATCH_ADAM);
    const want: { theta: number[]; D: number[] }[] = [];
    trainNetwork(problem, { onIteration: (r) => void want.push({ theta: Array.from(r.theta), D: Array.from(r.gradient) }) });
    const { seen } = record(SCRIPTS[3]!, false);
    const iterations = seen.filter((s) => s.stop.step.kind === 'iteration');
    assert.equal(iterations.length, want.length);
    assert.ok(want.every((w) => w.D.some((v) => v !== 0)));
    iterations.forEach((s, i) => {
      assert.deepEqual(s.theta, want[i]!.theta, `θ at iteration ${i + 1}`);
      assert.deepEqual(s.D, want[i]!.D, `D at iteration ${i + 1}`);
    });
  });

  it('gives the iterate a Θ entry set at an iteration stop (Set Value): the next step starts from it', () => {
    const edit = (t: string): string => t.replace('optimizer: lbfgs', 'optimizer: gd').replace('iterations: 400', 'iterations: 30\n  tolerance: 0');
    const { problem, locations } = xor(edit);
    let edited: Float64Array | undefined, D: Float64Array | undefined, alpha = NaN;
    const bound: { run?: DebugRun } = {};
    const host: DebugHost = {
      stopped: (stop) => {
        if (stop.step.kind === 'iteration' && stop.step.iteration === 1) {
          const view = bound.run!.view!;
          view.theta[0] = 0.5;
          edited = Float64Array.from(view.theta);
          D = Float64Array.from(view.D!);
          alpha = view.training!.learningRate!;
          bound.run!.setBreakpoints([]);
        }
        return 'continue';
      },
      poll: () => undefined,
    };
    const run = new DebugRun(problem, locations, host, { mode: 'train' });
    bound.run = run;
    run.setBreakpoints([TRAIN]);
    const end = run.run(false);
    assert.ok(end.kind === 'trained' && edited && D);
    // Iteration 2 steps from the edited θ along the gradient already in hand (D at the stop):
    // θ2 = θ1' − αD; gd keeps no other state, so the 28 iterations after it are a training from θ2.
    const theta2 = edited.map((v, i) => v - alpha * D![i]!);
    const want = trainNetwork({ ...problem, theta0: theta2, train: { ...problem.train, iterations: 28 } });
    assert.deepEqual(Array.from(end.result.theta), Array.from(want.theta));
  });

  it('refuses, in the blocking driver, a host that answers later', () => {
    const { problem, locations } = xor();
    const run = new DebugRun(problem, locations, { stopped: async (): Promise<ResumeCommand> => 'continue', poll: () => undefined }, { mode: 'evaluate' });
    assert.throws(() => run.run(true), /answers a stop at once/);
  });
});
