import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { NetworkEvaluator } from '../../src/core/nn/evaluator';
import { parseWeights } from '../../src/core/weights/parse';
import { XOR_SPEC as XOR } from '../fixtures/xor-spec';
import { diskIo } from './disk-io';


describe('nnspec train', () => {
  it('trains, prints a summary and a cost curve, and writes the weights beside the spec', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    const code = await run(['train', 'xor.nnspec'], io);
    assert.equal(code, 0, io.err());
    // The human summary and the curve's caption are this command's output format (the JSON
    // fields are asserted below and in the --json test).
    assert.match(io.out(), /accuracy: training 100\.0 %/);
    assert.match(io.out(), /J( \(log scale\))? over \d+ iterations/);
    const weights = parseWeights(io.read('xor.weights.json'));
    assert.ok(weights.ok);
    assert.equal(weights.value.layers.length, 2);
    assert.deepEqual(weights.value.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
    assert.equal(weights.value.run?.trainAccuracy, 1);
    assert.equal(weights.value.run?.partial, false);
    assert.ok(weights.value.run!.finalCost! < 0.01);
  });

  it('prints one JSON object with --json and honours --out', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    const code = await run(['train', 'xor.nnspec', '--json', '--out', 'w/../trained.json'], io);
    assert.equal(code, 0, io.err());
    const summary = JSON.parse(io.out()) as Record<string, unknown>;
    assert.equal(summary['trainAccuracy'], 1);
    assert.equal(summary['weights'], 'trained.json');
    assert.ok(Array.isArray(summary['costHistory']));
    assert.ok(existsSync(path.join(io.cwd, 'trained.json')));
    assert.ok(!existsSync(path.join(io.cwd, 'xor.weights.json')));
  });

  it('exits 1 and names the iteration and layer when the cost diverges, keeping finite weights', async () => {
    const diverging = XOR.replace('optimizer: lbfgs', 'optimizer: gd\n  learningRate: 1e6').replace(/activation: sigmoid\n {2}- units: 1\n {4}activation: sigmoid/, 'activation: relu\n  - units: 1\n    activation: linear').replace('name: xor', 'name: xor\ntask: regression');
    const io = diskIo({ 'bad.nnspec': diverging });
    const code = await run(['train', 'bad.nnspec', '--json'], io);
    assert.equal(code, 1, io.out() + io.err());
    const summary = JSON.parse(io.out()) as { reason: string; partial: boolean; notFinite?: { iteration: number; where: string; layer?: number } };
    assert.equal(summary.reason, 'not-finite');
    assert.equal(summary.partial, true);
    const { iteration, where, layer } = summary.notFinite!;
    assert.ok(Number.isInteger(iteration) && iteration >= 1, `iteration ${iteration}`);
    assert.ok(where === 'cost' || where === 'gradient', where);
    assert.ok(layer === 1 || layer === 2, `layer ${layer}`);
    const weights = parseWeights(io.read('bad.weights.json'));
    assert.ok(weights.ok, 'the weights file parses: the last finite weights were kept');
    assert.equal(weights.value.run?.partial, true);
    // The human summary names the same iteration and layer (the same seeded run).
    const human = diskIo({ 'bad.nnspec': diverging });
    assert.equal(await run(['train', 'bad.nnspec', '--quiet'], human), 1);
    assert.match(human.out(), new RegExp(`\\biteration ${iteration}\\b.*Θ\\^\\(${layer}\\)`));
  });

  it('shows the spec errors with their places and exits 1 for an invalid spec', async () => {
    const io = diskIo({ 'x.nnspec': XOR.replace('units: 1\n', 'units: 0\n') });
    assert.equal(await run(['train', 'x.nnspec'], io), 1);
    // `file:line:col: severity code: message` is the CLI's one-line diagnostic format (README).
    assert.match(io.err(), /^x\.nnspec:6:12: error out-of-range: /m);
  });

  it('exits 2 for a missing spec file and for usage errors', async () => {
    assert.equal(await run(['train', 'missing.nnspec'], diskIo()), 2);
    assert.equal(await run(['train'], diskIo()), 2);
    assert.equal(await run(['train', 'a', '--bogus'], diskIo()), 2);
  });
});

describe('nnspec init, check, cost and predict', () => {
  it('writes debug weights that the gradient check then passes at', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['init', 'xor.nnspec', '--strategy', 'debug', '--out', 'debug.json'], io), 0, io.err());
    const weights = parseWeights(io.read('debug.json'));
    assert.ok(weights.ok);
    assert.equal(weights.value.layers[0]!.data[0], Math.sin(1) / 10);
    assert.equal(await run(['check', 'xor.nnspec', '--weights', 'debug.json', '--json'], io), 0, io.err());
    const report = JSON.parse(io.out().split('\n').filter(Boolean).at(-1)!) as { passed: boolean; layers: { layer: number; relativeDifference: number }[] };
    assert.equal(report.passed, true);
    assert.deepEqual(report.layers.map((l) => l.layer), [1, 2]);
    assert.ok(report.layers.every((l) => l.relativeDifference < 1e-9));
  });

  it('says zero initialisation leaves the hidden units symmetric', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['init', 'xor.nnspec', '--strategy', 'zeros', '--out', 'z.json'], io), 0);
    // init has no JSON output: this line (its label, the layer and the unit groups) is how it says so.
    assert.match(io.out(), /^ {2}symmetry: layer 2 .*\{1, 2\}/m);
  });

  it('prints the human check table with one row per layer', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['check', 'xor.nnspec'], io), 0, io.err());
    // The table's rows and verdict line are the human format under test (--json: the test above).
    assert.match(io.out(), /^Θ\^\(1\)\s+6\/6\s/m);
    assert.match(io.out(), /^Θ\^\(2\)\s+3\/3\s/m);
    assert.match(io.out(), /all 2 layers pass/);
  });

  it('cost --json gives J and the unrolled gradient, which matches central differences', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['init', 'xor.nnspec', '--strategy', 'debug', '--out', 'w.json'], io), 0);
    const before = io.out().length;
    assert.equal(await run(['cost', 'xor.nnspec', '--weights', 'w.json', '--json'], io), 0, io.err());
    const { cost, gradient } = JSON.parse(io.out().slice(before)) as { cost: number; gradient: number[] };
    assert.equal(gradient.length, 9);
    // The oracle: central differences of the forward-only cost, at the same debug weights.
    const theta = Float64Array.from({ length: 9 }, (_, k) => Math.sin(k - (k >= 6 ? 6 : 0) + 1) / 10);
    const data = { X: Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), Y: Float64Array.from([0, 1, 1, 0]), m: 4 };
    const evaluator = new NetworkEvaluator({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 0 }, 4);
    assert.ok(Math.abs(cost - evaluator.cost(theta, data)) < 1e-12);
    gradient.forEach((g, k) => {
      const plus = Float64Array.from(theta), minus = Float64Array.from(theta);
      plus[k] = theta[k]! + 1e-5;
      minus[k] = theta[k]! - 1e-5;
      const numeric = (evaluator.cost(plus, data) - evaluator.cost(minus, data)) / 2e-5;
      assert.ok(Math.abs(numeric - g) < 1e-9, `θ[${k}]: ${numeric} vs ${g}`);
    });
  });

  it('predict gives each example its class after training', async () => {
    const io = diskIo({ 'xor.nnspec': XOR });
    assert.equal(await run(['train', 'xor.nnspec', '--quiet'], io), 0);
    const before = io.out().length;
    assert.equal(await run(['predict', 'xor.nnspec', '--weights', 'xor.weights.json', '--json'], io), 0, io.err());
    const { predictions } = JSON.parse(io.out().slice(before)) as { predictions: { class: number; output: number[] }[] };
    assert.deepEqual(predictions.map((p) => p.class), [0, 1, 1, 0]);
    io.write('points.csv', 'x1,x2\n1,1\n0,1\n');
    const mark = io.out().length;
    assert.equal(await run(['predict', 'xor.nnspec', '--weights', 'xor.weights.json', '--csv', 'points.csv', '--json'], io), 0, io.err());
    const again = JSON.parse(io.out().slice(mark)) as { predictions: { class: number }[] };
    assert.deepEqual(again.predictions.map((p) => p.class), [0, 1]);
  });

  it('refuses weights of the wrong shape, naming the layer', async () => {
    const io = diskIo({ 'xor.nnspec': XOR, 'wide.nnspec': XOR.replace('  - units: 2\n    activation', '  - units: 3\n    activation') });
    assert.equal(await run(['init', 'wide.nnspec', '--out', 'wide.json'], io), 0);
    assert.equal(await run(['check', 'xor.nnspec', '--weights', 'wide.json'], io), 1);
    assert.match(io.err(), /^nnspec check: wide\.json: error weights-layer-shape: /m);
  });
});

describe('resource limits on the command line', () => {
  const WIDE = XOR.replace('  - units: 2\n    activation: sigmoid', '  - units: 4000\n    activation: sigmoid');

  it('--max-memory-mb refuses a run whose estimate is over it, before training', async () => {
    const io = diskIo({ 'wide.nnspec': WIDE });
    assert.equal(await run(['validate', 'wide.nnspec', '--json'], io), 0, io.out());
    assert.equal(await run(['train', 'wide.nnspec', '--max-memory-mb', '1'], io), 1);
    assert.match(io.err(), /^wide\.nnspec:\d+:\d+: error too-much-memory: /m);
    assert.ok(!existsSync(path.join(io.cwd, 'wide.weights.json')));
  });

  it('--max-params refuses a network over the limit, naming its parameter count', async () => {
    const io = diskIo({ 'wide.nnspec': WIDE });
    assert.equal(await run(['validate', 'wide.nnspec', '--max-params', '1000', '--json'], io), 1);
    const report = JSON.parse(io.out()) as { diagnostics: { code: string; message: string }[] };
    const tooMany = report.diagnostics.find((d) => d.code === 'too-many-parameters');
    // No field carries the count: that the message gives it is the code's contract (codes.ts).
    assert.ok(tooMany && /16,001/.test(tooMany.message), JSON.stringify(report.diagnostics));
  });
});
