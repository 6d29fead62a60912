import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugStop } from '../../src/core/debug/debug-stop';
import { ADAPTER, adapterEnv, EXAMPLES } from './adapter-process';

const XOR = path.join(EXAMPLES, 'xor.nnspec');
// examples/xor.nnspec, 1-based lines: layer 1 at 8, layer 2 at 9–10, layer 3 at 11–12, cost: at 13, train: at 19.
const LAYER3 = 11, COST = 13, TRAIN = 19;

/** A copy of a spec in a fresh folder (its csv: made absolute), so that weights written beside it are the test's own. */
function copySpec(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-debug-'));
  const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8').replace(/csv: (\S+)/, (_, p: string) => `csv: ${path.join(EXAMPLES, p)}`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** DebugClient's own process kill: private in its typings, the only way to end an adapter that has already disconnected. */
const killAdapter = (dc: DebugClient): void => (dc as unknown as { stopAdapter(): void }).stopAdapter();

const launch = (args: Record<string, unknown>): DebugProtocol.LaunchRequestArguments => args as DebugProtocol.LaunchRequestArguments;

describe('debug adapter, mode "train": the optimiser’s iterations under the debugger', function () {
  this.timeout(60000);
  let dc: DebugClient;
  /** Set by a test that has already disconnected: the adapter is gone, and a second disconnect would wait forever. */
  let disconnected = false;
  const output: string[] = [];

  beforeEach(async () => {
    output.length = 0;
    disconnected = false;
    dc = new DebugClient(process.execPath, ADAPTER, 'nnspec', { env: adapterEnv() }, true);
    dc.defaultTimeout = 40000;
    dc.on('output', (e: DebugProtocol.OutputEvent) => output.push(e.body.output));
    await dc.start();
  });
  afterEach(async () => {
    if (disconnected) killAdapter(dc);
    else await dc.stop();
  });

  it('stops on train: at the iteration a condition names, with the iteration frame, the Run scope and the console’s names', async () => {
    await Promise.all([
      dc.initializeRequest().then(() => dc.launch(launch({ spec: XOR, mode: 'train' }))),
      dc.waitForEvent('initialized').then(async () => {
        await dc.setBreakpointsRequest({ source: { path: XOR }, breakpoints: [{ line: TRAIN, condition: 'iteration == 3' }] });
        await dc.configurationDoneRequest();
      }),
      dc.assertStoppedLocation('breakpoint', { path: XOR, line: TRAIN }),
    ]);
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames.length, 1);
    assert.match(frames[0]!.name, /^iteration 3: J = \d/);
    const scopes = (await dc.scopesRequest({ frameId: 1 })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Network', 'Run']);
    const run = (await dc.variablesRequest({ variablesReference: scopes[1]!.variablesReference })).body.variables;
    const value = (name: string): string | undefined => run.find((v) => v.name === name)?.value;
    assert.equal(value('iteration'), '3');
    assert.equal(value('optimizer'), 'lbfgs');
    assert.equal((await dc.evaluateRequest({ expression: 'iteration * 2', frameId: 1, context: 'repl' })).body.result, '6');
    assert.match((await dc.evaluateRequest({ expression: 'size(D[1])', frameId: 1, context: 'repl' })).body.result, /2.*3/);
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
    assert.match(output.join(''), /Trained: J = .* after \d+ iterations/);
    assert.match(output.join(''), /weights were not saved/);
  });

  it('steps into an iteration’s next evaluation, to its example’s layers, and out again to J and the next iteration', async () => {
    await dc.hitBreakpoint(launch({ spec: XOR, mode: 'train', examples: [2] }), { path: XOR, line: TRAIN }, { path: XOR, line: TRAIN });
    await Promise.all([dc.stepInRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: XOR, line: 9 })]);
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.map((f) => [f.name.replace(/evaluation \d+/, 'evaluation k'), f.line]), [
      ['forward: z^(2), a^(2)', 9], ['example 2 of 4', 25], ['evaluation k: J(θ) and D', COST], ['iteration 2', TRAIN],
    ]);
    // The inline values of the layer lines while stopped inside the example.
    const summaries = (await dc.customRequest('nnspec/layerSummaries')) as DebugProtocol.Response;
    const layers = (summaries.body as { layers: { layer: number; line: number; text: string }[] }).layers;
    assert.deepEqual(layers.map((l) => [l.layer, l.line]), [[1, 8], [2, 9]]);
    assert.match(layers[1]!.text, /^mean a -?\d\.\d+$/);
    // What the inspector is told: the step, its layer, the iteration and the example's values so far.
    const stop = ((await dc.customRequest('nnspec/stop')) as DebugProtocol.Response).body as { stop?: DebugStop };
    assert.deepEqual([stop.stop?.step, stop.stop?.layer, stop.stop?.iteration, stop.stop?.example?.row], ['forward: z^(2), a^(2)', 2, 2, 1]);
    assert.deepEqual(stop.stop?.example?.delta.map((d) => d.length), [0, 0, 0]);
    assert.deepEqual(stop.stop?.example?.a.map((a) => a.length), [2, 2, 0]);
    await Promise.all([dc.stepOutRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    assert.equal((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0]!.name, 'Δ^(1) and the example done');
    await Promise.all([dc.stepOutRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: XOR, line: COST })]);
    await Promise.all([dc.stepOutRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { path: XOR, line: TRAIN })]);
    assert.match((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0]!.name, /^iteration 2:/);
    const atIteration = ((await dc.customRequest('nnspec/stop')) as DebugProtocol.Response).body as { stop?: DebugStop };
    assert.deepEqual([atIteration.stop?.kind, atIteration.stop?.iteration, atIteration.stop?.example], ['iteration', 2, undefined]);
  });

  it('saves the weights beside the spec only with saveWeights, after a training that ran to its end; a session with `weights` starts from them, and refuses a file of another network', async () => {
    const spec = copySpec('xor.nnspec');
    const weights = path.join(path.dirname(spec), 'xor.weights.json');
    await Promise.all([dc.configurationSequence(), dc.launch(launch({ spec, mode: 'train', saveWeights: true })), dc.waitForEvent('terminated')]);
    const saved = JSON.parse(fs.readFileSync(weights, 'utf8')) as { layerSizes?: number[]; layers?: unknown[] };

    assert.ok(Array.isArray(saved.layers) && saved.layers.length === 2, Object.keys(saved).join(','));
    assert.match(output.join(''), /Weights saved to .*xor\.weights\.json/);

    // A second session starts from that file (launch attribute `weights`) instead of the spec's init.
    const second = new DebugClient(process.execPath, ADAPTER, 'nnspec', { env: adapterEnv() }, true);
    second.defaultTimeout = 40000;
    await second.start();
    try {
      await Promise.all([second.configurationSequence(), second.launch(launch({ spec, weights: 'xor.weights.json', stopOnEntry: true })), second.assertStoppedLocation('entry', {})]);
      // Θ^(1) is stored row-major, 2 × 3: entry (2,3) is the sixth.
      const theta = (saved.layers as { data: number[] }[])[0]!.data[5]!;
      // The console prints 6 digits: compared in the console, to the file's full value.
      const shown = await second.evaluateRequest({ expression: `abs(Theta[1][2,3] - (${theta}))`, frameId: 1, context: 'repl' });
      assert.equal(Number(shown.body.result), 0, `Θ^(1)_2,3 from the file: ${theta}, difference ${shown.body.result}`);
    } finally {
      await second.stop();
    }
    // A weights file of another network is refused at launch, naming the mismatch.
    const wrong = path.join(path.dirname(spec), 'other.weights.json');
    fs.writeFileSync(wrong, JSON.stringify({ ...saved, layers: [{ rows: 3, cols: 3, data: new Array(9).fill(0) }, ...(saved.layers ?? []).slice(1)] }));
    const third = new DebugClient(process.execPath, ADAPTER, 'nnspec', { env: adapterEnv() }, true);
    third.defaultTimeout = 40000;
    await third.start();
    try {
      await assert.rejects(Promise.all([third.configurationSequence(), third.launch(launch({ spec, weights: 'other.weights.json' }))]), /layer|size|shape|2-2-1|2-3-1/i);
    } finally {
      await third.stop();
    }
  });

  it('Pause stops a running training at its next step point; a disconnect then ends the adapter and writes nothing', async () => {
    const spec = copySpec('digits.nnspec');
    const weights = path.join(path.dirname(spec), 'digits.weights.json');
    await Promise.all([dc.configurationSequence(), dc.launch(launch({ spec, mode: 'train', saveWeights: true, allowOutside: true }))]);
    // Listen before asking: the stopped event may come in the same read as the pause's response,
    // and the client emits events at once but resolves the response's promise a turn later.
    const [, stopped] = (await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.waitForEvent('stopped')])) as [unknown, DebugProtocol.StoppedEvent];
    assert.equal(stopped.body.reason, 'pause');
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.ok(frames.length >= 1);
    await dc.disconnectRequest({});
    disconnected = true;
    assert.equal(fs.existsSync(weights), false);
  });

  it('a breakpoint on train: in an evaluation is unverified, and a layer breakpoint stops in the first evaluation of a training', async () => {
    await dc.initializeRequest();
    const set = await dc.setBreakpointsRequest({ source: { path: XOR }, breakpoints: [{ line: LAYER3 }] });
    assert.equal(set.body.breakpoints[0]!.verified, true);
    await Promise.all([dc.launch(launch({ spec: XOR, mode: 'train', examples: [1] })), dc.configurationDoneRequest(), dc.assertStoppedLocation('breakpoint', { path: XOR, line: LAYER3 })]);
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.map((f) => f.name), ['forward: z^(3), a^(3)', 'example 1 of 4', 'evaluation 1: J(θ) and D', 'iteration 1']);
  });

  it('Set Value on α while training with gd: the Run scope shows it; 0 is refused', async () => {
    const gd = copySpec('xor.nnspec');
    fs.writeFileSync(gd, fs.readFileSync(gd, 'utf8').replace('optimizer: lbfgs', 'optimizer: gd'));
    await Promise.all([
      dc.initializeRequest().then(() => dc.launch(launch({ spec: gd, mode: 'train' }))),
      dc.waitForEvent('initialized').then(async () => {
        await dc.setBreakpointsRequest({ source: { path: gd }, breakpoints: [{ line: TRAIN }] });
        await dc.configurationDoneRequest();
      }),
      dc.assertStoppedLocation('breakpoint', { path: gd, line: TRAIN }),
    ]);
    const setExpression = (expression: string, value: string) => dc.customRequest('setExpression', { expression, value, frameId: 1 });
    await assert.rejects(setExpression('alpha', '0'), /learning rate α must be > 0/);
    await setExpression('alpha', '0.05 * 2');
    const scopes = (await dc.scopesRequest({ frameId: 1 })).body.scopes;
    const run = (await dc.variablesRequest({ variablesReference: scopes.find((s) => s.name === 'Run')!.variablesReference })).body.variables;
    const alpha = run.find((v) => v.name === 'α (learning rate)');
    assert.equal(alpha?.value, '0.1');
    assert.equal(alpha?.evaluateName, 'alpha', 'Set Value in Variables goes through setExpression');
    const evaluated = await dc.evaluateRequest({ expression: 'alpha', context: 'repl' });
    assert.equal(evaluated.body.result, '0.1');
  });
});

/** A spec whose inline rows (under the 1,000,000-character spec limit) make a YAML tree larger than a small heap. */
function specWithManyInlineRows(rows: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-debug-')), 'many-rows.nnspec');
  const lines = Array.from({ length: rows }, (_, i) => `    - [${((i % 97) / 97).toFixed(4)}, ${((i % 89) / 89).toFixed(4)}, ${i % 2}]`);
  const xor = fs.readFileSync(XOR, 'utf8');
  fs.writeFileSync(file, xor.replace(/ {2}rows:[\s\S]*?(?=gradientCheck:)/, `  rows:\n${lines.join('\n')}\n`));
  return file;
}

describe('debug adapter: a worker that dies ends the session with a message', function () {
  this.timeout(60000);

  it('a worker out of memory (its heap limit set low) answers the pending launch with the reason, ends the session, and answers the disconnect', async () => {
    const dc = new DebugClient(process.execPath, ADAPTER, 'nnspec', { env: { ...adapterEnv(), NNSPEC_DEBUG_WORKER_HEAP_MB: '16' } }, true);
    dc.defaultTimeout = 40000;
    const output: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => output.push(e.body.output));
    await dc.start();
    try {
      const spec = specWithManyInlineRows(30000);
      assert.ok(fs.statSync(spec).size < 1_000_000);
      const outcome = (request: Promise<unknown>): Promise<string> => request.then(() => 'answered', (e: Error) => e.message);
      const [configured, launched] = await Promise.all([
        outcome(dc.configurationSequence()),
        outcome(dc.launch(launch({ spec }))),
        dc.waitForEvent('terminated'),
      ]);
      const reason = /the debugger's worker ran out of memory \(heap limit 16 MB\); the session has ended\./;
      assert.match(launched, reason);
      assert.ok(configured === 'answered' || reason.test(configured), configured); // done before or after the worker died: answered either way
      assert.match(output.join(''), reason);
      assert.doesNotMatch(output.join(''), /\n\s+at /);
      assert.match(await outcome(dc.evaluateRequest({ expression: 'J', context: 'repl' })), reason);
      await dc.disconnectRequest({});
    } finally {
      killAdapter(dc);
    }
  });
});
