// The browser's debug worker (src/debug/web-debug-worker.ts), bundled for the browser exactly
// as the build bundles it, run in a Node thread that plays the Web Worker (the product's `self`
// shim, extension/training/message-worker-thread.ts) and driven as the inline adapter drives
// it (extension/web/web-debug-adapter.ts): the spec with `start`, the Debug Adapter Protocol
// in `dap` messages, the inputs on request, the weights saved on request. Also what a host
// that lies gets: messages of no known shape, requests before initialize, a second start.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type * as esbuild from 'esbuild';
import type * as vscode from 'vscode';
import { startMessageWorkerThread } from '../../src/extension/training/message-worker-thread';
import type { BrowserWorker } from '../../src/extension/web/browser-worker';
import type { WebDebugHostMessage, WebDebugWorkerMessage } from '../../src/protocol/web-debug-protocol';
import { XOR_SPEC } from '../fixtures/xor-spec';

const ROOT = path.resolve(__dirname, '..', '..');
const SPEC_PATH = '/ws/xor.nnspec';
const POLICY = { workspaceRoot: '/ws', allowOutside: false };
// XOR_SPEC's 0-based lines: layer 2 at 3, train: at 11.
const LAYER2_LINE = 4, TRAIN_LINE = 12;

type HostAnswer = (message: WebDebugWorkerMessage, send: (m: WebDebugHostMessage) => void) => void;

/** A host that answers as the web host does: no files, and a save that lands. */
const plainHost: HostAnswer = (message, send) => {
  if (message.type === 'need-inputs') send({ type: 'inputs', csv: [], weights: { status: 'missing' } });
  if (message.type === 'save-weights') send({ type: 'weights-saved', saved: { path: '/ws/xor.weights.json' } });
};

/** A DAP client over the worker's messages: requests answered by request_seq, events collected. */
class MessageDapClient {
  private seq = 1;
  private readonly waiting = new Map<number, (r: DebugProtocol.Response) => void>();
  readonly events: DebugProtocol.Event[] = [];
  private eventWaiters: { name: string; after: number; resolve: (e: DebugProtocol.Event) => void }[] = [];
  readonly hostMessages: WebDebugWorkerMessage[] = [];

  constructor(private readonly worker: BrowserWorker<WebDebugHostMessage>, private readonly answer: HostAnswer) {}

  receive(message: WebDebugWorkerMessage): void {
    if (message.type !== 'dap') {
      this.hostMessages.push(message);
      this.answer(message, (m) => this.worker.postMessage(m));
      return;
    }
    const m = message.message;
    if (m.type === 'response') {
      const r = m as DebugProtocol.Response;
      this.waiting.get(r.request_seq)?.(r);
      this.waiting.delete(r.request_seq);
    } else if (m.type === 'event') {
      const e = m as DebugProtocol.Event;
      this.events.push(e);
      const index = this.events.length - 1;
      this.eventWaiters = this.eventWaiters.filter((w) => {
        if (w.name !== e.event || index < w.after) return true;
        w.resolve(e);
        return false;
      });
    }
  }

  request<R extends DebugProtocol.Response>(command: string, args?: object): Promise<R> {
    const seq = this.seq++;
    const answered = new Promise<R>((resolve) => this.waiting.set(seq, resolve as (r: DebugProtocol.Response) => void));
    this.worker.postMessage({ type: 'dap', message: { type: 'request', seq, command, ...(args ? { arguments: args } : {}) } as DebugProtocol.Request });
    return answered;
  }

  /** The next event `name` after those seen so far (or after index `after`). */
  next<E extends DebugProtocol.Event>(name: string, after = this.events.length): Promise<E> {
    const seen = this.events.slice(after).find((e) => e.event === name);
    if (seen) return Promise.resolve(seen as E);
    return new Promise((resolve) => this.eventWaiters.push({ name, after, resolve: resolve as (e: DebugProtocol.Event) => void }));
  }

  output(): string {
    return this.events.filter((e) => e.event === 'output').map((e) => (e.body as { output: string }).output).join('');
  }
}

/** `specText` null: the host could not read the spec. */
async function startWorker(bundle: string, answer: HostAnswer = plainHost, specText: string | null = XOR_SPEC): Promise<{ dc: MessageDapClient; worker: BrowserWorker<WebDebugHostMessage> }> {
  const holder: { dc?: MessageDapClient } = {};
  const started = await startMessageWorkerThread<WebDebugHostMessage, WebDebugWorkerMessage>({ scheme: 'file', fsPath: bundle } as vscode.Uri, {
    onMessage: (message) => holder.dc?.receive(message),
    onError: (reason) => assert.fail(reason),
  });
  assert.ok(started.ok, started.ok ? '' : started.reason);
  const dc = new MessageDapClient(started.worker, answer);
  holder.dc = dc;
  started.worker.postMessage({ type: 'start', spec: { path: SPEC_PATH, sourcePath: SPEC_PATH, name: 'xor.nnspec', text: specText ?? undefined }, policy: POLICY });
  return { dc, worker: started.worker };
}

/** initialize, the breakpoints, configurationDone and launch, as VS Code sends them. */
async function launch(dc: MessageDapClient, args: object, lines: number[] = []): Promise<DebugProtocol.Response> {
  const init = await dc.request('initialize', { adapterID: 'nnspec', linesStartAt1: true, columnsStartAt1: true });
  assert.equal(init.success, true);
  await dc.next('initialized');
  const launched = dc.request('launch', { spec: SPEC_PATH, ...args });
  await dc.request('setBreakpoints', { source: { path: SPEC_PATH }, breakpoints: lines.map((line) => ({ line })) });
  await dc.request('configurationDone');
  return launched;
}

describe('the browser’s debug worker (dist/web/debug-worker.js)', function () {
  this.timeout(60_000);
  let bundle: string;
  const workers: BrowserWorker<WebDebugHostMessage>[] = [];
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-web-debug-'));
    bundle = path.join(dir, 'debug-worker.js');
    const { browserBundle } = (await import('../../scripts/build/browser-bundle.mjs')) as { browserBundle: (o: esbuild.BuildOptions) => Promise<esbuild.BuildResult> };
    await browserBundle({ entryPoints: [path.join(ROOT, 'src/debug/web-debug-worker.ts')], bundle: true, outfile: bundle, format: 'iife', logLevel: 'silent' });
  });
  afterEach(() => workers.splice(0).forEach((w) => w.terminate()));
  after(() => fs.rmSync(path.dirname(bundle), { recursive: true, force: true }));

  it('stops on entry at layer 2’s line, shows a^(l), steps over forward propagation, and evaluates J to the end', async () => {
    const { dc, worker } = await startWorker(bundle);
    workers.push(worker);
    const launched = await launch(dc, { mode: 'evaluate', stopOnEntry: true });
    assert.equal(launched.success, true, launched.message);
    const stopped = await dc.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(stopped.body.reason, 'entry');
    assert.deepEqual(dc.hostMessages[0], { type: 'need-inputs', csvPaths: [] });
    const trace = await dc.request<DebugProtocol.StackTraceResponse>('stackTrace', { threadId: 1 });
    const top = trace.body.stackFrames[0]!;
    assert.equal(top.source?.path, SPEC_PATH);
    assert.equal(top.line, LAYER2_LINE);
    const scopes = await dc.request<DebugProtocol.ScopesResponse>('scopes', { frameId: top.id });
    const first = await dc.request<DebugProtocol.VariablesResponse>('variables', { variablesReference: scopes.body.scopes[0]!.variablesReference });
    assert.ok(first.body.variables.some((v) => /^a/.test(v.name)), JSON.stringify(first.body.variables.map((v) => v.name)));
    const J = await dc.request<DebugProtocol.EvaluateResponse>('evaluate', { expression: 'a[1]', context: 'repl' });
    assert.equal(J.success, true, J.message);

    const before = dc.events.length;
    await dc.request('next', { threadId: 1 });
    const again = await dc.next<DebugProtocol.StoppedEvent>('stopped', before);
    assert.equal(again.body.reason, 'step');
    const deeper = await dc.request<DebugProtocol.StackTraceResponse>('stackTrace', { threadId: 1 });
    assert.notEqual(deeper.body.stackFrames[0]!.line, LAYER2_LINE, 'Step Over moved to the next layer');

    await dc.request('continue', { threadId: 1 });
    await dc.next('terminated');
    assert.match(dc.output(), /J\(θ\) = 0\.69\d* over m = 4 examples/);
  });

  it('trains under the debugger: a breakpoint on train: stops at an iteration, cleared it runs to the end, and saveWeights asks the host to save', async () => {
    let saved = '';
    const { dc, worker } = await startWorker(bundle, (message, send) => {
      if (message.type === 'save-weights') saved = message.text;
      plainHost(message, send);
    });
    workers.push(worker);
    await launch(dc, { mode: 'train', saveWeights: true }, [TRAIN_LINE]);
    const atIteration = await dc.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(atIteration.body.reason, 'breakpoint');
    const trace = await dc.request<DebugProtocol.StackTraceResponse>('stackTrace', { threadId: 1 });
    assert.equal(trace.body.stackFrames[0]!.line, TRAIN_LINE);
    assert.match(trace.body.stackFrames[0]!.name, /iteration 1\b/);

    await dc.request('setBreakpoints', { source: { path: SPEC_PATH }, breakpoints: [] });
    const running = dc.events.length;
    await dc.request('continue', { threadId: 1 });
    await dc.next('terminated', running);
    assert.match(dc.output(), /Trained: J = [0-9.e-]+ after \d+ iterations/);
    assert.match(dc.output(), /Weights saved to \/ws\/xor\.weights\.json\./);
    const file = JSON.parse(saved) as { layers: { rows: number; cols: number }[] };
    assert.deepEqual(file.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
  });

  it('hears Pause in a long training, and Stop (terminate) at the stop ends the session without saving', async () => {
    const long = XOR_SPEC.replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 100000000\n  learningRate: 0.1\n  tolerance: 0');
    const { dc, worker } = await startWorker(bundle, plainHost, long);
    workers.push(worker);
    await launch(dc, { mode: 'train', saveWeights: true });
    await new Promise((r) => setTimeout(r, 200));
    const running = dc.events.length;
    await dc.request('pause', { threadId: 1 });
    const stopped = await dc.next<DebugProtocol.StoppedEvent>('stopped', running);
    assert.equal(stopped.body.reason, 'pause');
    await dc.request('terminate');
    await dc.next('terminated', running);
    assert.ok(!dc.hostMessages.some((m) => m.type === 'save-weights'), 'a stopped session saves nothing');
  });

  it('refuses a launch whose spec could not be read, or whose weights file is missing, with the reason', async () => {
    const unread = await startWorker(bundle, plainHost, null);
    workers.push(unread.worker);
    const refused = await launch(unread.dc, { mode: 'evaluate' });
    assert.equal(refused.success, false);
    assert.match(refused.message ?? JSON.stringify(refused.body), /xor\.nnspec could not be read/);

    const noWeights = await startWorker(bundle);
    workers.push(noWeights.worker);
    const missing = await launch(noWeights.dc, { mode: 'evaluate', weights: 'xor.weights.json' });
    assert.equal(missing.success, false);
    assert.deepEqual(noWeights.dc.hostMessages[0], { type: 'need-inputs', csvPaths: [], weightsPath: 'xor.weights.json' });
    assert.match(JSON.stringify(missing), /xor\.weights\.json does not exist/);
  });

  it('ignores what is not a message of ours, answers a request before initialize with an error, and keeps its first start', async () => {
    const { dc, worker } = await startWorker(bundle);
    workers.push(worker);
    for (const junk of [null, 42, 'dap', { type: 7 }, { type: 'dap' }, { type: 'dap', message: null }, { type: 'inputs' }, { type: 'nonsense' }]) worker.postMessage(junk as unknown as WebDebugHostMessage);
    worker.postMessage({ type: 'start', spec: { path: '/elsewhere.nnspec', sourcePath: '/elsewhere.nnspec', name: 'elsewhere.nnspec', text: undefined }, policy: POLICY });
    const early = await dc.request('threads');
    assert.equal(early.success, false);
    assert.match(early.message ?? '', /before "initialize"/);
    const launched = await launch(dc, { mode: 'evaluate' });
    assert.equal(launched.success, true, launched.message);
    await dc.next('terminated');
    assert.match(dc.output(), /J\(θ\) = /);
  });
});
