import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DebugRun, type DebugHost, type DebugRunOptions, type ResumeCommand, type RunEnd, type Stop } from '../../../src/core/debug/debug-run';
import { resolveBreakpoint, stepLocations } from '../../../src/core/debug/step-locations';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { initialTheta } from '../../../src/core/train/architecture-of';
import { trainNetwork } from '../../../src/core/train/trainer';
import { openSpec } from '../../../src/jobs/open-spec';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const XOR = path.join(EXAMPLES, 'xor.nnspec');
// examples/xor.nnspec, 0-based lines: layers at 7, 8 (–9), 10 (–11); cost: 12; train: 18.
const LAYER2 = 8, LAYER3 = 10, COST = 12, TRAIN = 18;

function xor(edit: (text: string) => string = (t) => t) {
  const text = edit(readFileSync(XOR, 'utf8'));
  const opened = openSpec(XOR, { workspaceRoot: EXAMPLES, allowOutside: false }, text);
  if (!opened.ok) throw new Error(opened.failure.message);
  const { spec, architecture, data } = opened.value;
  const problem = { architecture, data, theta0: initialTheta(spec).theta, train: spec.train, gradientCheck: spec.gradientCheck };
  return { problem, spec, locations: stepLocations(text) };
}

/** A host that answers each stop with the next scripted command (then Continue), recording the stops. */
function scripted(commands: ResumeCommand[], poll: () => 'pause' | 'terminate' | undefined = () => undefined) {
  const stops: Stop[] = [];
  const views: unknown[] = [];
  let run: DebugRun | undefined;
  const host: DebugHost = {
    stopped(stop) {
      stops.push(stop);
      views.push(run?.view);
      return commands.shift() ?? 'continue';
    },
    poll,
  };
  return { host, stops, views, bind: (r: DebugRun) => (run = r) };
}

/** "reason: kind layer #example" of a stop. */
function where(stop: Stop): string {
  const s = stop.step;
  const detail = s.kind === 'iteration' ? ` ${s.iteration}` : s.kind === 'cost' ? ` ${s.evaluation}` : `${'layer' in s ? ` ${s.layer}` : ''} #${s.example}`;
  return `${stop.reason}: ${s.kind}${detail}`;
}

function start(options: DebugRunOptions, commands: ResumeCommand[], setup: (run: DebugRun) => void = () => undefined, stopOnEntry = false, edit?: (t: string) => string) {
  const { problem, locations } = xor(edit);
  const s = scripted(commands);
  const run = new DebugRun(problem, locations, s.host, options);
  s.bind(run);
  setup(run);
  const end = run.run(stopOnEntry);
  return { end, stops: s.stops.map(where), raw: s.stops, views: s.views, problem, run };
}

describe('core/debug/debug-run: one evaluation or a training, stopping where the debugger asks', () => {
  it('finds each layer entry, cost: and train: in the spec (0-based lines)', () => {
    const { locations } = xor();
    assert.deepEqual(locations.layerLines, [7, LAYER2, LAYER3]);
    assert.deepEqual(locations.layerEndLines, [7, 9, 11]);
    assert.equal(locations.costLine, COST);
    assert.equal(locations.trainLine, TRAIN);
  });

  it('moves a breakpoint inside a layer entry to its first line; train: is valid only in a training; other lines are unverified with the reason', () => {
    const { locations } = xor();
    assert.deepEqual(resolveBreakpoint(locations, 9), { verified: true, line: LAYER2, on: { kind: 'layer', layer: 2 } });
    assert.deepEqual(resolveBreakpoint(locations, COST), { verified: true, line: COST, on: { kind: 'cost' } });
    const train = resolveBreakpoint(locations, TRAIN);
    assert.equal(train.verified, false);
    assert.match(!train.verified ? train.message : '', /train:/);
    assert.deepEqual(resolveBreakpoint(locations, TRAIN, 'train'), { verified: true, line: TRAIN, on: { kind: 'iteration' } });
    assert.equal(resolveBreakpoint(locations, 24).verified, false);
  });

  it('steps over forward layer by layer, then δ^(L), δ^(L−1), the example, the next example, and J, equal to the evaluator’s', () => {
    const r = start({ mode: 'evaluate', stepped: (i) => i < 2 }, Array(11).fill('next'), undefined, true);
    assert.deepEqual(r.stops, [
      'entry: forward 2 #0', 'step: forward 3 #0', 'step: output-delta 3 #0', 'step: backward 2 #0', 'step: example-done #0',
      'step: forward 2 #1', 'step: forward 3 #1', 'step: output-delta 3 #1', 'step: backward 2 #1', 'step: example-done #1',
      'step: cost 1',
    ]);
    const D = new Float64Array(r.problem.theta0.length);
    const J = new NetworkEvaluator(r.problem.architecture, 4).costAndGradient(r.problem.theta0, r.problem.data.train, D);
    assert.equal(r.end.kind, 'evaluated');
    const cost = (r.end as Extract<RunEnd, { kind: 'evaluated' }>).cost;
    assert.ok(Math.abs(cost - J) <= 1e-12 * J, `${cost} vs ${J}`);
  });

  it('stops at breakpoints on a layer (forward and backward) and on cost:, and Continue runs between them', () => {
    let set: ReturnType<DebugRun['setBreakpoints']> = [];
    const r = start({ mode: 'evaluate', stepped: (i) => i === 3 }, [], (run) => (set = run.setBreakpoints([9, COST, 24])));
    assert.deepEqual(set.map((b) => [b.verified, b.line]), [[true, LAYER2], [true, COST], [false, 24]]);
    assert.deepEqual(r.stops, ['breakpoint: forward 2 #3', 'breakpoint: backward 2 #3', 'breakpoint: cost 1']);
    assert.deepEqual(r.raw[0]!.breakpoints, [set[0]!.id]);
    assert.equal(r.raw[0]!.line, LAYER2);
  });

  it('reports the first step as the entry even when a breakpoint shares it, then runs to the breakpoint’s next hit', () => {
    const r = start({ mode: 'evaluate', stepped: (i) => i === 0 }, [], (run) => run.setBreakpoints([LAYER2]), true);
    assert.deepEqual(r.stops, ['entry: forward 2 #0', 'breakpoint: backward 2 #0']);
  });

  it('steps out of an example to its end, then to J', () => {
    const r = start({ mode: 'evaluate' }, ['stepOut', 'stepOut', 'continue'], undefined, true);
    assert.deepEqual(r.stops, ['entry: forward 2 #0', 'step: example-done #0', 'step: cost 1']);
  });

  it('stops where the first NaN appears, naming the quantity, layer, unit and example, once; even when the evaluation ran at full speed', () => {
    const nan = (run: DebugRun): void => {
      run.problem.theta0[4] = NaN; // Θ^(1)_2,1 (row 2, the weight from unit 1): z^(2)_2 turns NaN in every example
    };
    for (const stepped of [true, false]) {
      // With a layer breakpoint the evaluation goes example by example; without, it is located by a second pass.
      const r = start({ mode: 'evaluate' }, [], (run) => {
        nan(run);
        if (stepped) run.setBreakpoints([LAYER3]);
      });
      assert.equal(r.stops[0], 'exception: forward 2 #0', `stepped ${stepped}`);
      const e = r.raw[0]!.exception;
      assert.deepEqual([e?.filter, e?.quantity, e?.layer, e?.units, e?.example], ['nonFinite', 'z^(2)_2', 2, [2], 0]);
      assert.equal(r.raw.filter((s) => s.reason === 'exception').length, 1);
    }
    const off = start({ mode: 'evaluate', filters: [] }, [], nan);
    assert.deepEqual(off.stops, []);
  });

  it('trains with no breakpoints to the weights and iteration count of trainNetwork, bit for bit', () => {
    const r = start({ mode: 'train' }, []);
    assert.deepEqual(r.stops, []);
    assert.equal(r.end.kind, 'trained');
    const got = (r.end as Extract<RunEnd, { kind: 'trained' }>).result;
    const want = trainNetwork({ architecture: r.problem.architecture, data: r.problem.data, theta0: r.problem.theta0, train: r.problem.train });
    assert.deepEqual(Array.from(got.theta), Array.from(want.theta));
    assert.equal(got.summary.iterations, want.summary.iterations);
    assert.ok(want.summary.iterations > 5);
  });

  it('stops at train: after each iteration, with a condition deciding; the training still ends as trainNetwork’s', () => {
    const iterations: number[] = [];
    const r = start({ mode: 'train' }, [], (run) => run.setBreakpoints([TRAIN], (_id, view) => view.step.kind === 'iteration' && view.step.iteration % 10 === 0));
    for (const s of r.raw) if (s.step.kind === 'iteration') iterations.push(s.step.iteration);
    const got = (r.end as Extract<RunEnd, { kind: 'trained' }>).result;
    const want = trainNetwork({ architecture: r.problem.architecture, data: r.problem.data, theta0: r.problem.theta0, train: r.problem.train });
    assert.deepEqual(iterations, Array.from({ length: Math.floor(want.summary.iterations / 10) }, (_, k) => 10 * (k + 1)));
    assert.deepEqual(Array.from(got.theta), Array.from(want.theta));
  });

  it('Set Value on the learning rate at an iteration stop: the view shows it at once, and the next gd step uses it', () => {
    const { problem, locations } = xor((t) => t.replace(/optimizer: lbfgs/, 'optimizer: gd'));
    const seen: { theta: Float64Array; D: Float64Array; alpha: number | undefined }[] = [];
    const host: DebugHost = {
      stopped(stop) {
        const view = run.view!;
        if (stop.step.kind === 'iteration' && stop.step.iteration === 1) run.setLearningRate(0.125);
        seen.push({ theta: Float64Array.from(view.theta), D: Float64Array.from(view.D!), alpha: run.view!.training?.learningRate });
        return seen.length < 2 ? 'continue' : 'terminate';
      },
      poll: () => undefined,
    };
    const run = new DebugRun(problem, locations, host, { mode: 'train' });
    assert.equal(run.hasLearningRate, true);
    run.setBreakpoints([TRAIN]);
    run.run(false);
    assert.equal(seen.length, 2);
    const [first, second] = seen as [typeof seen[0], typeof seen[0]];
    assert.equal(first.alpha, 0.125, 'the stop shows the new α');
    // gd: θ_2 = θ_1 − α ∇J(θ_1), with the α just set (the spec's is 0.5).
    for (let i = 0; i < first.theta.length; i++) assert.equal(second.theta[i], first.theta[i]! - 0.125 * first.D[i]!, `θ entry ${i}`);
  });

  it('in a training, Step Over goes iteration to iteration, Step Into into the next evaluation’s examples, Step Out back to the evaluation and the iteration', () => {
    const r = start({ mode: 'train', stepped: (i) => i === 1 }, ['next', 'stepIn', 'stepOut', 'stepOut', 'stepOut', 'terminate'], (run) => run.setBreakpoints([TRAIN]));
    // Where a step ends on a breakpoint, the stop is the breakpoint's.
    assert.deepEqual(r.stops.slice(0, 2), ['breakpoint: iteration 1', 'breakpoint: iteration 2']);
    // L-BFGS: evaluation 1 at θ0, one line-search evaluation an iteration on this smooth problem.
    assert.match(r.stops[2]!, /^step: forward 2 #1$/);
    assert.equal(r.stops[3], 'step: example-done #1');
    assert.match(r.stops[4]!, /^step: cost \d+$/);
    assert.equal(r.stops[5], 'breakpoint: iteration 3');
    assert.equal(r.end.kind, 'terminated');
  });

  it('Pause stops at the next step point, and Stop ends the run with nothing returned', () => {
    let polls = 0;
    const { problem, locations } = xor();
    const s = scripted(['terminate'], () => (++polls === 30 ? 'pause' : undefined));
    const run = new DebugRun(problem, locations, s.host, { mode: 'train' });
    const end = run.run(false);
    assert.equal(s.stops.length, 1);
    assert.equal(s.stops[0]!.reason, 'pause');
    assert.equal(end.kind, 'terminated');
    const t = scripted([], () => 'terminate');
    assert.equal(new DebugRun(problem, locations, t.host, { mode: 'train' }).run(false).kind, 'terminated');
  });

  it('Dead units: stops once when relu units output 0 on every example, naming the layer and the units', () => {
    // A relu hidden layer whose bias weights are very negative: both hidden units are dead from the start.
    const edit = (t: string): string => t.replace('activation: sigmoid          #', 'activation: relu          #');
    const r = start({ mode: 'evaluate', filters: ['deadUnits'] }, [], (run) => {
      run.problem.theta0[0] = -100;
      run.problem.theta0[3] = -100;
    }, false, edit);
    assert.equal(r.stops.length, 1);
    const e = r.raw[0]!.exception;
    assert.deepEqual([e?.filter, e?.layer, e?.units], ['deadUnits', 2, [1, 2]]);
    assert.match(e!.description, /Layer 2: units 1, 2 of 2 dead/);
    const off = start({ mode: 'evaluate', filters: [] }, [], (run) => void (run.problem.theta0[0] = -100), false, edit);
    assert.deepEqual(off.stops, []);
  });

  it('Gradient check fails: with a tolerance no check meets, stops at iteration 1 naming Θ^(1), then at iteration 2 naming Θ^(2): each layer once', () => {
    const edit = (t: string): string => t.replace('tolerance: 1e-7', 'tolerance: 1e-300');
    const r = start({ mode: 'train', filters: ['gradientCheck'] }, ['continue', 'terminate'], undefined, false, edit);
    assert.deepEqual(r.stops, ['exception: iteration 1', 'exception: iteration 2']);
    assert.deepEqual(r.raw.map((s) => [s.exception?.filter, s.exception?.layer]), [['gradientCheck', 1], ['gradientCheck', 2]]);
    assert.match(r.raw[0]!.exception!.description, /Gradient check fails for Θ\^\(1\): relative difference .* > tolerance 1e-300/);
  });
});
