import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { ADAPTER, adapterEnv, EXAMPLES } from './adapter-process';

const XOR = path.join(EXAMPLES, 'xor.nnspec');
const OVERFLOW = path.join(EXAMPLES, '..', 'test', 'fixtures', 'debug', 'overflow.nnspec');
// examples/xor.nnspec, 1-based lines: layer 1 at 8, layer 2 at 9–10, layer 3 at 11–12, cost: at 13, data row 2 at 25.
const LAYER2 = 9, LAYER3 = 11, COST = 13, ROW2 = 25;

/** setExpression through the client's generic request (DebugClient has no method of its own for it). */
function setExpression(dc: DebugClient, args: DebugProtocol.SetExpressionArguments): Promise<DebugProtocol.SetExpressionResponse> {
  return dc.customRequest('setExpression', args) as Promise<DebugProtocol.SetExpressionResponse>;
}

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
    assert.deepEqual(r.body?.exceptionBreakpointFilters?.map((f) => [f.filter, f.default]), [['nonFinite', true], ['deadUnits', false], ['saturatedUnits', false], ['gradientCheck', false]]);
  });

  it('stops on entry at layer 2’s line, then steps over forward, δ^(3), δ^(2) with the lecture’s frames', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ spec: XOR, stopOnEntry: true, examples: [2] } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', { path: XOR, line: LAYER2 }),
    ]);
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.map((f) => [f.name, f.line]), [['forward: z^(2), a^(2)', LAYER2], ['example 2 of 4', ROW2], ['evaluation: J(θ) and D', COST]]);
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
    // Every evaluateName evaluates, in the console, to the value Variables shows.
    for (const v of [...layer, ...(await dc.variablesRequest({ variablesReference: layer[0]!.variablesReference })).body.variables]) {
      const e = await dc.evaluateRequest({ expression: v.evaluateName!, frameId: 1, context: 'watch' });
      assert.ok(e.body.result.includes(v.value.split(' ')[0]!.replace(/[[\],]/g, '')), `${v.evaluateName}: ${e.body.result} vs ${v.value}`);
    }
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

  it('evaluates the lecture’s algebra in the console: δ^(2) from Θ^(2)ᵀ δ^(3), with the bias row first', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ spec: XOR, stopOnEntry: true, examples: [3] } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', {}),
    ]);
    for (let k = 0; k < 3; k++) await Promise.all([dc.nextRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    // At "backward: δ^(2)": the formula's rows 2… are δ^(2) exactly; row 1 is the bias unit's, 0.
    const diff = await dc.evaluateRequest({ expression: "max(abs((Theta[2]' * delta[3] .* a[2] .* (1 - a[2]))[2:end] - delta[2]))", frameId: 1, context: 'repl' });
    assert.equal(Number(diff.body.result), 0, diff.body.result);
    const bias = await dc.evaluateRequest({ expression: "(Theta[2]' * delta[3] .* a[2] .* (1 - a[2]))[1]", frameId: 1, context: 'repl' });
    assert.equal(Number(bias.body.result), 0);
    await assert.rejects(dc.evaluateRequest({ expression: 'Thetaa[1]', frameId: 1, context: 'repl' }), /did you mean 'Theta'/);
    await assert.rejects(dc.evaluateRequest({ expression: 'delta[1]', frameId: 1, context: 'repl' }), /layer/);
    await assert.rejects(dc.evaluateRequest({ expression: 'J + (', frameId: 1, context: 'repl' }), /column \d+/);
  });

  it('Set Value on a Θ entry changes what the next steps compute; anything but Θ and λ is refused', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ spec: XOR, stopOnEntry: true, examples: [2] } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', {}),
    ]);
    const set = await setExpression(dc, { expression: 'Theta[2][1,2]', value: '0', frameId: 1 });
    assert.equal(set.body.value, '0');
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    // z^(3) = Θ^(2)[1; a^(2)] with the weight from unit 1 set to 0.
    const check = await dc.evaluateRequest({ expression: 'abs(z[3][1] - (Theta[2][1,1] + Theta[2][1,3] * a[2][3]))', frameId: 1, context: 'repl' });
    assert.ok(Number(check.body.result) < 1e-15, check.body.result);
    await assert.rejects(setExpression(dc, { expression: 'a[2][2]', value: '1', frameId: 1 }), /Only an entry of Θ/);
    await assert.rejects(setExpression(dc, { expression: 'lambda', value: 'NaN', frameId: 1 }), /finite|NaN/i);
    const lambda = await setExpression(dc, { expression: 'lambda', value: '0.5 * 2', frameId: 1 });
    assert.equal(lambda.body.value, '1');
  });

  it('stops only where a condition holds and a hit count is reached; a logpoint prints without stopping', async () => {
    await Promise.all([dc.initializeRequest(), dc.waitForEvent('initialized')]);
    const logged: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => logged.push(e.body.output));
    const set = await dc.setBreakpointsRequest({
      source: { path: XOR },
      breakpoints: [
        { line: LAYER3, logMessage: 'example {example}: h = {h[1]}, J_i known {isfinite(h[1])}' },
        { line: LAYER2, condition: 'example == 3 and any(delta[2] != 0)' },
        { line: COST, hitCondition: '== 1', condition: 'J > 0' },
      ],
    });
    assert.deepEqual(set.body.breakpoints.map((b) => b.verified), [true, true, true]);
    await Promise.all([dc.configurationDoneRequest(), dc.launch({ spec: XOR } as DebugProtocol.LaunchRequestArguments), dc.assertStoppedLocation('breakpoint', { line: LAYER2 })]);
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.map((f) => f.name).slice(0, 2), ['backward: Δ^(2), δ^(2)', 'example 3 of 4']);
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { line: COST })]);
    // Layer 3 hits twice per example (forward, δ^(3)): eight lines, none of which stopped.
    const lines = logged.filter((l) => l.startsWith('example '));
    assert.equal(lines.length, 8, lines.join(''));
    assert.match(lines[0]!, /^example 1: h = 0\.\d+, J_i known (true|1)\n$/);
  });

  it('marks a breakpoint whose condition or hit count does not parse unverified, with the column', async () => {
    await Promise.all([dc.initializeRequest(), dc.waitForEvent('initialized')]);
    const set = await dc.setBreakpointsRequest({ source: { path: XOR }, breakpoints: [{ line: LAYER2, condition: 'J >' }, { line: LAYER3, hitCondition: 'often' }] });
    const [a, b] = set.body.breakpoints;
    assert.equal(a!.verified, false);
    assert.match(a!.message ?? '', /^Condition: column \d+/);
    assert.equal(b!.verified, false);
    assert.match(b!.message ?? '', /^Hit count:/);
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

  it('refuses a launch without a spec, with a missing spec, or a wrong attribute, in one clear message', async () => {
    await dc.initializeRequest();
    for (const [args, pattern] of [
      [{}, /needs "spec"/],
      [{ spec: 42 }, /needs "spec"/],
      [{ spec: path.join(EXAMPLES, 'no-such.nnspec') }, /Cannot read .*no-such\.nnspec: no such file/],
      [{ spec: XOR, mode: 'fit' }, /"mode" is "evaluate" or "train"/],
      [{ spec: XOR, mode: 'train', saveWeights: 'yes' }, /"saveWeights" must be true or false/],
      [{ spec: XOR, examples: [0] }, /"examples"/],
    ] as const) {
      await assert.rejects(dc.launch(args as DebugProtocol.LaunchRequestArguments), (e: Error) => pattern.test(e.message) && !/\n\s+at /.test(e.message));
    }
  });
});
