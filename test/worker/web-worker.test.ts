// The browser's training worker (src/worker/web-worker.ts), bundled for the browser exactly
// as the build bundles it, run in a Node thread that plays the Web Worker (`self` is its
// port: extension/training/message-worker-thread.ts, as a Node host runs it) and driven as the web host drives it (extension/web/web-worker-job.ts): the job,
// its inputs on request, a cancel and the inspector's wishes by message, the weights saved on
// request. Also what a host that lies gets: messages of no known shape, a second start,
// inputs that were never asked for, a CSV the host could not read.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as esbuild from 'esbuild';
import type * as vscode from 'vscode';
import { startMessageWorkerThread } from '../../src/extension/training/message-worker-thread';
import type { BrowserWorker } from '../../src/extension/web/browser-worker';
import type { WebHostMessage, WebWorkerJob, WebWorkerMessage } from '../../src/protocol/web-worker-protocol';
import type { FinalWorkerEvent } from '../../src/protocol/worker-protocol';
import { isFinal } from '../../src/protocol/worker-protocol';
import { onnxProducer, PYTORCH_MARKER } from '../../src/data/exported-by-nnspec';
import { exportContents, trainedWeights } from '../../src/jobs/export-job';
import { validateOpened } from '../../src/jobs/opened-spec';
import { XOR_SPEC } from '../fixtures/xor-spec';

const ROOT = path.resolve(__dirname, '..', '..');
const LONG = XOR_SPEC.replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 100000000\n  learningRate: 0.1\n  tolerance: 0');
const POLICY = { workspaceRoot: ROOT, allowOutside: false };

type Answer = (message: WebWorkerMessage, send: (m: WebHostMessage | unknown) => void) => void;

/**
 * The worker, started as a Node host starts it for a virtual workspace (the product's
 * `self` shim over a worker thread), answering its requests with `answer`; resolves with
 * its final event and every message it sent.
 */
async function runWorker(bundle: string, first: (send: (m: unknown) => void) => void, answer: Answer): Promise<{ final: FinalWorkerEvent; messages: WebWorkerMessage[] }> {
  const messages: WebWorkerMessage[] = [];
  let settle!: (outcome: { final: FinalWorkerEvent; messages: WebWorkerMessage[] }) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<{ final: FinalWorkerEvent; messages: WebWorkerMessage[] }>((resolve, fail) => ((settle = resolve), (reject = fail)));
  // Set once started; the handlers below only run after that.
  const thread: { worker?: BrowserWorker } = {};
  const send = (m: unknown): void => thread.worker?.postMessage(m as WebHostMessage);
  const started = await startMessageWorkerThread({ scheme: 'file', fsPath: bundle } as vscode.Uri, {
    onMessage: (message) => {
      messages.push(message);
      if (message.type !== 'need-inputs' && message.type !== 'save-weights' && isFinal(message)) {
        thread.worker?.terminate();
        settle({ final: message, messages });
      } else answer(message, send);
    },
    onError: (reason) => reject(new Error(reason)),
  });
  assert.ok(started.ok, started.ok ? '' : started.reason);
  thread.worker = started.worker;
  first(send);
  return done;
}

function trainJob(specText: string): WebWorkerJob {
  return { type: 'train', specPath: path.join(ROOT, 'examples', 'web.nnspec'), specText, policy: POLICY, weightsPath: '', progressIntervalMs: 20, snapshotIntervalMs: 0 };
}

/** A host that answers as the web host does: no files, and a save that lands. */
const plainHost: Answer = (message, send) => {
  if (message.type === 'need-inputs') send({ type: 'inputs', csv: [], weights: { status: 'missing' } });
  if (message.type === 'save-weights') send({ type: 'weights-saved', saved: { path: '/ws/web.weights.json' } });
};

describe('the browser’s training worker (dist/web/worker.js)', function () {
  this.timeout(60_000);
  let bundle: string;
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-web-worker-'));
    bundle = path.join(dir, 'worker.js');
    const { browserBundle } = (await import('../../scripts/build/browser-bundle.mjs')) as { browserBundle: (o: esbuild.BuildOptions) => Promise<esbuild.BuildResult> };
    await browserBundle({ entryPoints: [path.join(ROOT, 'src/worker/web-worker.ts')], bundle: true, outfile: bundle, format: 'iife', logLevel: 'silent' });
  });
  after(() => fs.rmSync(path.dirname(bundle), { recursive: true, force: true }));

  it('trains XOR: asks for its inputs, asks to save the weights (a weights file’s text), and reports where they went', async () => {
    let saved = '';
    const { final, messages } = await runWorker(bundle, (send) => send({ type: 'start', job: trainJob(XOR_SPEC) }), (message, send) => {
      if (message.type === 'save-weights') saved = message.text;
      plainHost(message, send);
    });
    assert.deepEqual(messages[0], { type: 'need-inputs', csvPaths: [] });
    assert.ok(final.type === 'trained' && final.summary.reason !== 'cancelled', JSON.stringify(final));
    assert.equal(final.weightsPath, '/ws/web.weights.json');
    assert.ok(final.summary.finalCost < 0.05 * final.summary.initialCost);
    const file = JSON.parse(saved) as { layers: { rows: number; cols: number }[] };
    assert.deepEqual(file.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
  });

  it('hears a cancel between slices of a run of 10⁸ iterations, and saves partial weights', async () => {
    let progress = 0;
    const { final } = await runWorker(bundle, (send) => send({ type: 'start', job: trainJob(LONG) }), (message, send) => {
      if (message.type === 'progress' && ++progress === 3) send({ type: 'cancel' });
      plainHost(message, send);
    });
    assert.ok(final.type === 'trained' && final.summary.reason === 'cancelled', JSON.stringify(final));
    assert.equal(final.partial, true);
    assert.equal(final.weightsPath, '/ws/web.weights.json');
  });

  it('attaches snapshots of the example asked for once an inspector wants them, and none before', async () => {
    let progress = 0;
    const traced: number[] = [];
    const { messages } = await runWorker(bundle, (send) => send({ type: 'start', job: trainJob(LONG) }), (message, send) => {
      if (message.type === 'progress') {
        progress++;
        if (message.snapshot) traced.push(message.snapshot.trace?.example ?? -1);
        if (progress === 2) send({ type: 'snapshots', wanted: true, example: 3 });
        if (traced.length === 2) send({ type: 'cancel' });
      }
      plainHost(message, send);
    });
    const first = messages.findIndex((m) => m.type === 'progress');
    assert.ok(first >= 0 && !(messages[first]!.type === 'progress' && messages[first]!.snapshot), 'no snapshot before it was wanted');
    assert.deepEqual(traced.slice(0, 2), [3, 3]);
  });

  it('opens a CSV from the bytes its host read, and passes on the host’s refusal with the desktop’s code', async () => {
    const spec = XOR_SPEC.replace(/data:\n.*\n$/, 'data:\n  csv: data/xor.csv\n  target: y\n');
    const csv = new TextEncoder().encode('a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    const read = await runWorker(bundle, (send) => send({ type: 'start', job: trainJob(spec) }), (message, send) => {
      if (message.type === 'need-inputs') send({ type: 'inputs', csv: message.csvPaths.map((p) => [p, { ok: true, value: { file: `/ws/${p}`, bytes: csv } }]), weights: { status: 'missing' } });
      else plainHost(message, send);
    });
    assert.deepEqual(read.messages[0], { type: 'need-inputs', csvPaths: ['data/xor.csv'] });
    assert.equal(read.final.type, 'trained', JSON.stringify(read.final));
    const refused = await runWorker(bundle, (send) => send({ type: 'start', job: trainJob(spec) }), (message, send) => {
      const error = { code: 'csv-outside-workspace', file: '/elsewhere/xor.csv', message: '/elsewhere/xor.csv lies outside the workspace folder /ws.' };
      if (message.type === 'need-inputs') send({ type: 'inputs', csv: message.csvPaths.map((p) => [p, { ok: false, error }]), weights: { status: 'missing' } });
    });
    assert.ok(refused.final.type === 'failed' && refused.final.code === 'spec-invalid', JSON.stringify(refused.final));
    assert.ok(refused.final.diagnostics?.some((d) => d.code === 'csv-outside-workspace'));
  });

  it('an inspection at weights that do not fit says so, and inspects the initial weights', async () => {
    const job: WebWorkerJob = { type: 'inspect', specPath: '/ws/web.nnspec', specText: XOR_SPEC, policy: POLICY, weightsPath: '/ws/web.weights.json', example: 0 };
    const { final } = await runWorker(bundle, (send) => send({ type: 'start', job }), (message, send) => {
      if (message.type === 'need-inputs') send({ type: 'inputs', csv: [], weights: { status: 'read', text: '{"format": "nope"}' } });
    });
    assert.ok(final.type === 'inspected', JSON.stringify(final));
    assert.equal(final.snapshot.source, 'initial');
    assert.ok(final.weightsNote && final.weightsNote.length > 0);
  });

  it('exports a trained network from the weights its host read, the bytes the CLI writes, without asking for its data', async () => {
    let weightsText = '';
    await runWorker(bundle, (send) => send({ type: 'start', job: trainJob(XOR_SPEC) }), (message, send) => {
      if (message.type === 'save-weights') weightsText = message.text;
      plainHost(message, send);
    });
    // The same network over a CSV that is not there: an export must not need it.
    const spec = XOR_SPEC.replace(/data:\n[\s\S]*$/, 'data:\n  csv: data/gone.csv\n  target: y\n');
    const exportJob = (kind: 'onnx' | 'pytorch'): WebWorkerJob => ({ type: 'export', specPath: '/ws/web.nnspec', specText: spec, policy: POLICY, weightsPath: '/ws/web.weights.json', target: { kind, fileName: kind === 'onnx' ? 'web.onnx' : 'web.py' } });
    const withWeights: Answer = (message, send) => {
      if (message.type === 'need-inputs') send({ type: 'inputs', csv: [], weights: { status: 'read', text: weightsText } });
    };
    const onnx = await runWorker(bundle, (send) => send({ type: 'start', job: exportJob('onnx') }), withWeights);
    assert.deepEqual(onnx.messages[0], { type: 'need-inputs', csvPaths: [] });
    assert.ok(onnx.final.type === 'exported' && onnx.final.contents instanceof Uint8Array, JSON.stringify(onnx.final).slice(0, 300));
    assert.equal(onnxProducer(onnx.final.contents), 'nnspec');
    // The desktop's step on the same spec and weights gives the same bytes.
    const opened = validateOpened('/ws/web.nnspec', { text: spec, complete: true }, POLICY);
    assert.ok(opened.ok);
    const weights = trainedWeights(opened.value, weightsText);
    assert.ok(weights.ok);
    assert.ok(Buffer.from(onnx.final.contents).equals(Buffer.from(exportContents(opened.value, weights.value, { kind: 'onnx', fileName: 'web.onnx' }))), "the same bytes as the desktop's export");
    // Trained on the CSV-less spec's twin with inline rows: the data changed, so the weights are stale.
    assert.equal(onnx.final.staleWeights, true);
    const script = await runWorker(bundle, (send) => send({ type: 'start', job: exportJob('pytorch') }), withWeights);
    assert.ok(script.final.type === 'exported' && typeof script.final.contents === 'string');
    assert.ok(script.final.contents.includes(PYTORCH_MARKER));
  });

  it('an export with no weights file asks for a training', async () => {
    const job: WebWorkerJob = { type: 'export', specPath: '/ws/web.nnspec', specText: XOR_SPEC, policy: POLICY, weightsPath: '/ws/web.weights.json', target: { kind: 'onnx', fileName: 'web.onnx' } };
    const { final } = await runWorker(bundle, (send) => send({ type: 'start', job }), plainHost);
    assert.ok(final.type === 'failed' && final.code === 'weights-unreadable', JSON.stringify(final));
    assert.match(final.message, /web\.weights\.json: no such file; train the network first/);
  });

  it('ignores what is not a message of its host, a second start and unasked inputs, and still runs its one job', async () => {
    const { final, messages } = await runWorker(
      bundle,
      (send) => {
        for (const junk of [null, 42, 'start', {}, { type: 7 }, { type: 'no-such-message' }, { type: 'inputs', csv: [], weights: { status: 'missing' } }, { type: 'weights-saved', saved: { path: 'x' } }]) send(junk);
        send({ type: 'start', job: trainJob(XOR_SPEC) });
        send({ type: 'start', job: trainJob(LONG) });
      },
      plainHost,
    );
    assert.equal(final.type, 'trained', JSON.stringify(final));
    assert.equal(messages.filter((m) => m.type === 'need-inputs').length, 1);
    assert.ok(final.type === 'trained' && final.summary.iterations <= 400, 'the first job ran, not the second');
  });

  it('a job that is no job ends in one failed event, not a crash', async () => {
    const { final } = await runWorker(bundle, (send) => send({ type: 'start', job: { type: 'train' } }), plainHost);
    assert.equal(final.type, 'failed');
    assert.ok(final.type === 'failed' && final.code === 'internal-error', JSON.stringify(final));
  });
});
