import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DebugRun } from '../../../src/core/debug/debug-run';
import { debugStop, STOP_UNITS_LIMIT, type DebugStop } from '../../../src/core/debug/debug-stop';
import { stepLocations } from '../../../src/core/debug/step-locations';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { initialTheta } from '../../../src/core/train/architecture-of';
import { openSpec } from '../../../src/jobs/open-spec';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** Steps (Step Over) through one evaluation of `spec`, stepping `row`, and takes debugStop at every stop. */
function stopsOf(spec: string, row: number, mode: 'evaluate' | 'train' = 'evaluate', edit: (text: string) => string = (t) => t) {
  const text = edit(readFileSync(spec, 'utf8'));
  const opened = openSpec(spec, { workspaceRoot: EXAMPLES, allowOutside: false }, text);
  if (!opened.ok) throw new Error(opened.failure.message);
  const { spec: parsed, architecture, data } = opened.value;
  const problem = { architecture, data, theta0: initialTheta(parsed).theta, train: { ...parsed.train, iterations: 1 }, gradientCheck: parsed.gradientCheck };
  const stops: DebugStop[] = [];
  let run: DebugRun | undefined = undefined;
  run = new DebugRun(problem, stepLocations(text), { stopped: () => (stops.push(debugStop(run!.view!)), 'next'), poll: () => undefined }, { mode, stepped: (r) => r === row });
  run.run(true);
  return { stops, problem };
}

describe('core/debug/debug-stop: what the inspector is told at a stop', () => {
  it('names each step and its layer, and gives the example’s a, z and δ as far as the step has computed them, equal to its backprop trace', () => {
    const { stops, problem } = stopsOf(path.join(EXAMPLES, 'xor.nnspec'), 2);
    assert.deepEqual(stops.map((s) => [s.step, s.layer ?? null, s.example?.index ?? null]), [
      ['forward: z^(2), a^(2)', 2, 2],
      ['forward: z^(3), a^(3)', 3, 2],
      ['output: δ^(3)', 3, 2],
      ['backward: Δ^(2), δ^(2)', 2, 2],
      ['Δ^(1) and the example done', null, 2],
      ['J(θ) and D', null, null],
    ]);
    const trace = new NetworkEvaluator(problem.architecture, 4).trace(problem.theta0, problem.data.train, 2);
    const lengths = (s: DebugStop) => ['a', 'z', 'delta'].map((k) => s.example![k as 'a'].map((v) => v.length).join(','));
    // Forward fills a and z layer by layer; backprop fills δ from L down.
    assert.deepEqual(stops.slice(0, 5).map(lengths), [
      ['2,2,0', '0,2,0', '0,0,0'],
      ['2,2,1', '0,2,1', '0,0,0'],
      ['2,2,1', '0,2,1', '0,0,1'],
      ['2,2,1', '0,2,1', '0,2,1'],
      ['2,2,1', '0,2,1', '0,2,1'],
    ]);
    const done = stops[4]!.example!;
    assert.deepEqual(done.units, [2, 2, 1]);
    assert.equal(done.m, 4);
    assert.equal(done.row, 2);
    for (let l = 1; l <= 3; l++) {
      assert.deepEqual(done.a[l - 1], Array.from(trace.a[l - 1]!), `a^(${l})`);
      if (l > 1) assert.deepEqual(done.z[l - 1], Array.from(trace.z[l - 1]!), `z^(${l})`);
      if (l > 1) assert.deepEqual(done.delta[l - 1], Array.from(trace.delta[l - 1]!), `δ^(${l})`);
    }
    assert.equal(stops[5]!.J !== undefined && Number.isFinite(stops[5]!.J), true);
    assert.equal(stops[0]!.mode, 'evaluate');
    assert.equal(stops[0]!.iteration, undefined);
  });

  it('in a training, carries the iteration the Call Stack shows', () => {
    const { stops } = stopsOf(path.join(EXAMPLES, 'xor.nnspec'), 0, 'train');
    assert.equal(stops[0]!.mode, 'train');
    assert.equal(stops[0]!.iteration, 1);
    assert.equal(stops[0]!.evaluation, 1);
  });

  it('cuts each vector at STOP_UNITS_LIMIT units and says how many the layer has', () => {
    const wide = (t: string): string => t.replace('units: 24', 'units: 300');
    const { stops } = stopsOf(path.join(EXAMPLES, 'spiral.nnspec'), 0, 'evaluate', wide);
    const ex = stops.find((s) => s.kind === 'example-done')!.example!;
    assert.deepEqual(ex.units, [2, 300, 24, 1]);
    assert.deepEqual([ex.a[1]!.length, ex.z[1]!.length, ex.delta[1]!.length], [STOP_UNITS_LIMIT, STOP_UNITS_LIMIT, STOP_UNITS_LIMIT]);
    assert.equal(ex.delta[2]!.length, 24);
  });
});
