import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { ADAPTER, adapterEnv, EXAMPLES } from './adapter-process';

const XOR = path.join(EXAMPLES, 'xor.nnspec');
const OVERFLOW = path.join(EXAMPLES, '..', 'test', 'fixtures', 'debug', 'overflow.nnspec');
// examples/xor.nnspec, 1-based lines: layer 1 at 8, layer 2 at 9–10, layer 3 at 11–12, cost: at 13.
const LAYER2 = 9, LAYER3 = 11, COST = 13;

describe('debug adapter through a real DAP client (DebugClient over stdio)', function () {
  this.timeout(30000);
  let dc: DebugClient;

  beforeEach(async () => {
    dc = new DebugClient(process.execPath, ADAPTER, 'nnspec', { env: adapterEnv() }, true);
    dc.defaultTimeout = 20000;
    await dc.start();
  });
  afterEach(async () => {
    await dc.stop();
  });

  it('answers initialize with its capabilities and the NaN-or-Inf exception filter', async () => {
    const r = await dc.initializeRequest();
    assert.equal(r.body?.supportsConfigurationDoneRequest, true);
    assert.deepEqual(r.body?.exceptionBreakpointFilters?.map((f) => [f.filter, f.default]), [['nonFinite', true]]);
  });

  it('stops on entry at layer 2’s line, then steps over forward, δ^(3), δ^(2) with the lecture’s frames', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ spec: XOR, stopOnEntry: true, examples: [2] } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', { path: XOR, line: LAYER2 }),
    ]);
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.map((f) => [f.name, f.line]), [['forward: z^(2), a^(2)', LAYER2], ['example 2 of 4', 8], ['evaluation: J(θ) and D', COST]]);
    const names: string[] = [];
    for (let k = 0; k < 3; k++) {
      await Promise.all([dc.nextRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
      names.push((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0]!.name);
    }
    assert.deepEqual(names, ['forward: z^(3), a^(3)', 'output: δ^(3)', 'backward: Δ^(2), δ^(2)']);
  });

  it('stops at a breakpoint moved to a layer’s first line and shows a^(l), z^(l), Θ^(l) with evaluateNames', async () => {
    await dc.hitBreakpoint({ spec: XOR, examples: [1] } as DebugProtocol.LaunchRequestArguments, { path: XOR, line: LAYER3 + 1 }, { path: XOR, line: LAYER3 }, { line: LAYER3 });
    const scopes = (await dc.scopesRequest({ frameId: 1 })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Layer', 'Example', 'Network', 'Run']);
    const layer = (await dc.variablesRequest({ variablesReference: scopes[0]!.variablesReference })).body.variables;
    assert.deepEqual(layer.map((v) => [v.name, v.evaluateName]), [['a^(3)', 'a[3]'], ['z^(3)', 'z[3]']]);
    const a3 = (await dc.variablesRequest({ variablesReference: layer[0]!.variablesReference })).body.variables;
    assert.equal(a3.length, 1);
    const a = Number(a3[0]!.value);
    assert.ok(a > 0 && a < 1, `a^(3)_1 = ${a3[0]!.value} is a sigmoid output`);
    const network = (await dc.variablesRequest({ variablesReference: scopes[2]!.variablesReference })).body.variables;
    const theta1 = network.find((v) => v.name === 'Θ^(1)')!;
    assert.equal(theta1.type, '2 × 3');
    const rows = (await dc.variablesRequest({ variablesReference: theta1.variablesReference })).body.variables;
    const entries = (await dc.variablesRequest({ variablesReference: rows[1]!.variablesReference })).body.variables;
    assert.deepEqual(entries.map((e) => e.evaluateName), ['Theta[1][2,1]', 'Theta[1][2,2]', 'Theta[1][2,3]']);
  });

  it('leaves a breakpoint off the layers unverified with the reason, and one on cost: stops when J is known', async () => {
    await Promise.all([dc.initializeRequest(), dc.waitForEvent('initialized')]);
    const set = await dc.setBreakpointsRequest({ source: { path: XOR }, breakpoints: [{ line: 25 }, { line: COST }] });
    const [off, cost] = set.body.breakpoints;
    assert.equal(off!.verified, false);
    assert.match(off!.message ?? '', /layer entry/);
    assert.deepEqual([cost!.verified, cost!.line], [true, COST]);
    await Promise.all([
      dc.configurationDoneRequest(),
      dc.launch({ spec: XOR } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('breakpoint', { path: XOR, line: COST }),
    ]);
    const run = (await dc.scopesRequest({ frameId: 1 })).body.scopes.find((s) => s.name === 'Run')!;
    const J = (await dc.variablesRequest({ variablesReference: run.variablesReference })).body.variables.find((v) => v.name === 'J')!;
    assert.ok(Number(J.value) > 0.69 && Number(J.value) < 0.7, `J = ${J.value}`);
  });

  it('stops where the first NaN or Inf appears and explains it in exceptionInfo', async () => {
    const nan = OVERFLOW;
    await Promise.all([dc.configurationSequence(), dc.launch({ spec: nan } as DebugProtocol.LaunchRequestArguments), dc.assertStoppedLocation('exception', {})]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.description ?? '', /(^[za]\^\(\d\)_\d+|^J) = -?(Infinity|NaN)/);
  });

  it('runs through the same overflow when the NaN-or-Inf filter is off', async () => {
    await Promise.all([dc.initializeRequest(), dc.waitForEvent('initialized')]);
    await dc.setExceptionBreakpointsRequest({ filters: [] });
    let stopped = false;
    dc.on('stopped', () => (stopped = true));
    await Promise.all([dc.configurationDoneRequest(), dc.launch({ spec: OVERFLOW } as DebugProtocol.LaunchRequestArguments), dc.waitForEvent('terminated')]);
    assert.equal(stopped, false);
  });

  it('runs to the end without breakpoints, prints J and terminates', async () => {
    const output = dc.waitForEvent('output');
    await Promise.all([dc.configurationSequence(), dc.launch({ spec: XOR } as DebugProtocol.LaunchRequestArguments), dc.waitForEvent('terminated')]);
    assert.match(String((await output).body.output), /^J\(θ\) = 0\.69\d+ over m = 4 examples/);
  });

  it('refuses a launch without a spec, with a missing spec, or mode "train", in one clear message', async () => {
    await dc.initializeRequest();
    for (const [args, pattern] of [
      [{}, /needs "spec"/],
      [{ spec: 42 }, /needs "spec"/],
      [{ spec: path.join(EXAMPLES, 'no-such.nnspec') }, /Cannot read .*no-such\.nnspec: ENOENT/],
      [{ spec: XOR, mode: 'train' }, /"mode": "train"/],
      [{ spec: XOR, examples: [0] }, /"examples"/],
    ] as const) {
      await assert.rejects(dc.launch(args as DebugProtocol.LaunchRequestArguments), (e: Error) => pattern.test(e.message) && !/\n\s+at /.test(e.message));
    }
  });
});
