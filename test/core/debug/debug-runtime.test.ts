import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DebugRuntime, type RunResult } from '../../../src/core/debug/debug-runtime';
import { resolveBreakpoint, stepLocations } from '../../../src/core/debug/step-locations';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { initialTheta } from '../../../src/core/train/architecture-of';
import { openSpec } from '../../../src/jobs/open-spec';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const XOR = path.join(EXAMPLES, 'xor.nnspec');

function xor() {
  const opened = openSpec(XOR, { workspaceRoot: EXAMPLES, allowOutside: false });
  if (!opened.ok) throw new Error(opened.failure.message);
  const { spec, architecture, data } = opened.value;
  return { architecture, theta: initialTheta(spec).theta, batch: data.train, locations: stepLocations(readFileSync(XOR, 'utf8')) };
}

/** "kind layer #example" of a stop, or "ended". */
function where(r: RunResult): string {
  if ('ended' in r) return 'ended';
  const s = r.stopped.step;
  return `${r.stopped.reason}: ${s.kind}${'layer' in s ? ` ${s.layer}` : ''}${'example' in s ? ` #${s.example}` : ''}`;
}

describe('core/debug/debug-runtime: continue, step and breakpoints on the spec’s lines', () => {
  it('finds each layer entry, cost: and train: in the spec (0-based lines)', () => {
    const { locations } = xor();
    assert.deepEqual(locations.layerLines, [7, 8, 10]);
    assert.deepEqual(locations.layerEndLines, [7, 9, 11]);
    assert.equal(locations.costLine, 12);
    assert.equal(locations.trainLine, 18);
  });

  it('moves a breakpoint inside a layer entry to its first line, and leaves other lines unverified with the reason', () => {
    const { locations } = xor();
    assert.deepEqual(resolveBreakpoint(locations, 9), { verified: true, line: 8, on: { kind: 'layer', layer: 2 } });
    assert.deepEqual(resolveBreakpoint(locations, 12), { verified: true, line: 12, on: { kind: 'cost' } });
    const train = resolveBreakpoint(locations, 18);
    assert.equal(train.verified, false);
    assert.match(!train.verified ? train.message : '', /train:/);
    assert.equal(resolveBreakpoint(locations, 24).verified, false);
  });

  it('steps over forward layer by layer, then δ^(L), δ^(L−1), the example, the next example, and J', () => {
    const { architecture, theta, batch, locations } = xor();
    const rt = new DebugRuntime(architecture, theta, batch, locations, { stepped: (i) => i < 2 });
    const seen = [where(rt.start(true))];
    for (let k = 0; k < 12; k++) seen.push(where(rt.next()));
    assert.deepEqual(seen, [
      'entry: forward 2 #0', 'step: forward 3 #0', 'step: output-delta 3 #0', 'step: backward 2 #0', 'step: example-done #0',
      'step: forward 2 #1', 'step: forward 3 #1', 'step: output-delta 3 #1', 'step: backward 2 #1', 'step: example-done #1',
      'step: cost', 'ended', 'ended',
    ]);
    const D = new Float64Array(theta.length);
    const J = new NetworkEvaluator(architecture, 4).costAndGradient(theta, batch, D);
    assert.ok(Math.abs(rt.finalCost! - J) <= 1e-12 * J);
  });

  it('stops at breakpoints on a layer (forward and backward) and on cost:, and Continue runs between them', () => {
    const { architecture, theta, batch, locations } = xor();
    const rt = new DebugRuntime(architecture, theta, batch, locations, { stepped: (i) => i === 3 });
    const set = rt.setBreakpoints([9, 12, 24]);
    assert.deepEqual(set.map((b) => [b.verified, b.line]), [[true, 8], [true, 12], [false, 24]]);
    const first = rt.start(false);
    assert.equal(where(first), 'breakpoint: forward 2 #3');
    assert.deepEqual('stopped' in first ? first.stopped.breakpoints : [], [set[0]!.id]);
    assert.equal('stopped' in first ? first.stopped.line : -1, 8);
    assert.equal(where(rt.continue()), 'breakpoint: backward 2 #3');
    assert.equal(where(rt.continue()), 'breakpoint: cost');
    assert.equal(where(rt.continue()), 'ended');
  });

  it('reports the first step as the entry even when a breakpoint shares it, then runs to the breakpoint’s next hit', () => {
    const { architecture, theta, batch, locations } = xor();
    const rt = new DebugRuntime(architecture, theta, batch, locations, { stepped: (i) => i === 0 });
    rt.setBreakpoints([8]);
    assert.equal(where(rt.start(true)), 'entry: forward 2 #0');
    assert.equal(where(rt.continue()), 'breakpoint: backward 2 #0');
  });

  it('steps out of an example to its end, then to J', () => {
    const { architecture, theta, batch, locations } = xor();
    const rt = new DebugRuntime(architecture, theta, batch, locations);
    assert.equal(where(rt.start(true)), 'entry: forward 2 #0');
    assert.equal(where(rt.stepOut()), 'step: example-done #0');
    assert.equal(where(rt.stepOut()), 'step: cost');
  });

  it('stops where the first NaN appears, naming the quantity, layer, unit and example, once', () => {
    const { architecture, theta, batch, locations } = xor();
    const bad = Float64Array.from(theta);
    bad[4] = NaN; // Θ^(1)_2,1 (row 2, the weight from unit 1): z^(2)_2 turns NaN in every example
    const rt = new DebugRuntime(architecture, bad, batch, locations);
    const r = rt.start(false);
    assert.equal(where(r), 'exception: forward 2 #0');
    const e = 'stopped' in r ? r.stopped.exception : undefined;
    assert.deepEqual([e?.quantity, e?.layer, e?.unit, e?.example], ['z^(2)_2', 2, 2, 0]);
    assert.equal(where(rt.continue()), 'ended');
    const off = new DebugRuntime(architecture, bad, batch, locations, { stopOnNonFinite: false });
    assert.equal(where(off.start(false)), 'ended');
  });
});
