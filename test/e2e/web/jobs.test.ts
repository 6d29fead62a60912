// Jobs in the browser build: Train, Stop, Check gradients, Compare and the inspector's values
// run in the browser's training worker (a Web Worker), reading the spec's CSV through
// vscode.workspace.fs by the desktop's rules, and saving the weights through it atomically.
// A read-only file system is told apart, and nothing half-written is left. Debug still says
// why it cannot run, and Open example copies through vscode.workspace.fs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NnspecApi } from '../../../src/extension/activate';
import type { TrainingProgress } from '../../../src/core/train/progress';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { XOR_SPEC } from '../../fixtures/xor-spec';
import { nnspec, readText, waitFor, workspaceFile, writeWorkspaceFile } from './web-helpers';
import { ReadOnlyMemoryFs } from './lib/read-only-memory-fs';

/** A run that lasts until stopped: gd for 10⁸ iterations with no tolerance. */
const LONG = XOR_SPEC.replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 100000000\n  learningRate: 0.1\n  tolerance: 0');

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** The names in the workspace folder that look like a save's temporary files. */
async function tempFiles(): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceFile());
  return entries.map(([name]) => name).filter((name) => name.endsWith('.tmp'));
}

describe('jobs in the browser build', function () {
  this.timeout(120_000);
  let api: NnspecApi;
  before(async () => {
    api = await nnspec();
  });

  it('Train learns XOR in the Web Worker and saves its weights beside the spec', async () => {
    const uri = await writeWorkspaceFile('web-train.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent | undefined>('nnspec.train', uri);
    assert.ok(final?.type === 'trained', JSON.stringify(final));
    assert.equal(final.summary.reason === 'cancelled', false);
    assert.ok(final.summary.finalCost < 0.05 * final.summary.initialCost, `J ${final.summary.initialCost} → ${final.summary.finalCost}`);
    assert.equal(final.weightsError, undefined);
    assert.match(final.weightsPath ?? '', /web-train\.weights\.json$/);
    const weights = JSON.parse(await readText(workspaceFile('web-train.weights.json'))) as { layers: { rows: number; cols: number }[]; run: { partial: boolean } };
    // Θ^(l) of shape s(l+1) × (s(l)+1).
    assert.deepEqual(weights.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
    assert.equal(weights.run.partial, false);
    assert.deepEqual(await tempFiles(), []);
  });

  it('Train reads a CSV beside the spec through vscode.workspace.fs (iris)', async () => {
    const uri = workspaceFile('iris.nnspec');
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent | undefined>('nnspec.train', uri);
    assert.ok(final?.type === 'trained', JSON.stringify(final));
    assert.ok((final.summary.trainAccuracy ?? 0) > 0.9, `accuracy ${final.summary.trainAccuracy}`);
    await vscode.workspace.fs.delete(workspaceFile('iris.weights.json'));
  });

  it('a CSV the rules refuse ends the job with the desktop’s code (outside the workspace)', async () => {
    const uri = await writeWorkspaceFile('web-outside.nnspec', XOR_SPEC.replace(/data:\n.*\n$/, 'data:\n  csv: ../../outside.csv\n  target: y\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    const final = await api.ctx.jobs.train(document, 'outside', () => undefined);
    assert.ok(final?.type === 'failed', JSON.stringify(final));
    assert.equal(final.code, 'spec-invalid');
    assert.ok(final.diagnostics?.some((d) => d.code === 'csv-outside-workspace'), JSON.stringify(final.diagnostics));
  });

  it('Stop ends a run of 10⁸ iterations: the cancel reaches the worker as a message, partial weights are saved', async () => {
    const uri = await writeWorkspaceFile('web-cancel.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const progress: TrainingProgress[] = [];
    const listener = api.ctx.jobs.onProgress((e) => e.uri.toString() === uri.toString() && progress.push(e.progress));
    try {
      const final = vscode.commands.executeCommand<FinalWorkerEvent | undefined>('nnspec.train', uri);
      await waitFor(api.ctx.jobs.onProgress, () => progress.length, (n) => n > 0, 30_000, 'the first progress report');
      await vscode.commands.executeCommand('nnspec.stopTraining', uri);
      const result = await final;
      assert.ok(result?.type === 'trained' && result.summary.reason === 'cancelled', JSON.stringify(result));
      assert.ok(result.partial);
      assert.ok(result.summary.iterations < 100_000_000);
      const weights = JSON.parse(await readText(workspaceFile('web-cancel.weights.json'))) as { run: { partial: boolean } };
      assert.equal(weights.run.partial, true);
      assert.deepEqual(await tempFiles(), []);
    } finally {
      listener.dispose();
    }
  });

  it('an inspector following a training gets snapshots from the worker (the wish goes by message)', async () => {
    const uri = await writeWorkspaceFile('web-snapshots.nnspec', LONG);
    const document = await vscode.workspace.openTextDocument(uri);
    const subscription = api.ctx.jobs.followSnapshots(uri, 2);
    let snapshots = 0;
    let example = -1;
    const listener = api.ctx.jobs.onProgress((e) => {
      if (e.uri.toString() !== uri.toString() || !e.snapshot) return;
      snapshots++;
      example = e.snapshot.trace?.example ?? -1;
    });
    try {
      const final = api.ctx.jobs.train(document, 'snapshots', () => undefined);
      await waitFor(api.ctx.jobs.onProgress, () => snapshots, (n) => n >= 2, 30_000, 'two snapshots');
      assert.equal(example, 2);
      await api.ctx.jobs.stop(uri, 'train');
      const result = await final;
      assert.ok(result?.type === 'trained' && result.inspection, 'the final event carries the trained network for the inspector');
    } finally {
      listener.dispose();
      subscription.dispose();
    }
  });

  it('Check gradients runs in the worker: every layer passes, and the verdict lands on the layers', async () => {
    const uri = await writeWorkspaceFile('web-check.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent | undefined>('nnspec.checkGradients', uri);
    assert.ok(final?.type === 'checked', JSON.stringify(final));
    assert.deepEqual(final.report.layers.map((l) => [l.layer, l.passed]), [[1, true], [2, true]]);
    const diagnostics = await waitFor(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('gradient-check')), (d) => d.length === 2, 10_000, 'the verdict on both layers');
    assert.equal(diagnostics.length, 2);
  });

  it('Compare initialization strategies runs every strategy in the worker', async () => {
    const uri = await writeWorkspaceFile('web-compare.nnspec', XOR_SPEC);
    const document = await vscode.workspace.openTextDocument(uri);
    const final = await api.ctx.jobs.compareInit(document, 30);
    assert.ok(final?.type === 'compared', JSON.stringify(final));
    assert.deepEqual(final.runs.map((r) => r.costHistory.length > 0), final.runs.map(() => true));
    const zeros = final.runs.find((r) => r.strategy === 'zeros');
    assert.ok(zeros && zeros.symmetry.length > 0, 'zeros shows the symmetry problem');
  });

  it('an inspection reads the trained weights beside the spec', async () => {
    const uri = workspaceFile('web-train.nnspec');
    const document = await vscode.workspace.openTextDocument(uri);
    const final = await api.ctx.jobs.inspect(document, 'web-train.weights.json', 0);
    assert.ok(final.type === 'inspected', JSON.stringify(final));
    assert.equal(final.snapshot.source, 'weights-file');
    assert.equal(final.weightsNote, undefined);
  });

  it('on a read-only file system, Train says the weights cannot be saved and writes nothing', async () => {
    const fs = new ReadOnlyMemoryFs({ 'xor.nnspec': XOR_SPEC });
    const registration = vscode.workspace.registerFileSystemProvider(ReadOnlyMemoryFs.scheme, fs, { isReadonly: true });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: ReadOnlyMemoryFs.scheme, path: '/xor.nnspec' }));
      const final = await api.ctx.jobs.train(document, 'read-only', () => undefined);
      assert.ok(final?.type === 'trained', JSON.stringify(final));
      assert.equal(final.weightsPath, undefined);
      assert.match(final.weightsError ?? '', /read-only/);
      assert.deepEqual(fs.written, []);
    } finally {
      registration.dispose();
    }
  });

  it('a save the file system refuses leaves no temporary file and says why', async () => {
    const fs = new ReadOnlyMemoryFs({ 'xor.nnspec': XOR_SPEC }, { refuseWrites: true });
    const registration = vscode.workspace.registerFileSystemProvider(ReadOnlyMemoryFs.scheme, fs, { isReadonly: false });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: ReadOnlyMemoryFs.scheme, path: '/xor.nnspec' }));
      const final = await api.ctx.jobs.train(document, 'refused', () => undefined);
      assert.ok(final?.type === 'trained', JSON.stringify(final));
      assert.match(final.weightsError ?? '', /no permission/);
      assert.deepEqual(fs.names(), ['xor.nnspec']);
    } finally {
      registration.dispose();
    }
  });

  it('Debug network starts no session', async () => {
    const uri = await writeWorkspaceFile('web-debug.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const started = await vscode.commands.executeCommand<boolean>('nnspec.debug', uri);
    assert.equal(started, false);
    assert.equal(vscode.debug.activeDebugSession, undefined);
  });

  it('Open example copies the example into the extension’s storage and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('nnspec.openExample', 'iris.nnspec');
    assert.ok(uri, 'an example opened');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.ok(await exists(vscode.Uri.joinPath(uri, '..', 'data', 'iris.csv')), 'its data folder came along');
  });
});
