// Faults in the real extension host: a worker that dies, two jobs at once, a spec edited or
// deleted during a run, a cancelled run. Each has a defined outcome, asserted here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { NnspecApi } from '../../../src/extension/extension';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import type { TrainingProgress } from '../../../src/core/train/progress';
import { activateExtension, waitFor } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';

/** A run that lasts until stopped: gd for 10⁸ iterations with no tolerance. */
const LONG = XOR_SPEC.replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 100000000\n  learningRate: 0.1\n  tolerance: 0');

describe('faults and concurrency', () => {
  let api: NnspecApi;
  before(async () => {
    api = (await activateExtension<NnspecApi>('nnspec.nnspec')).exports;
  });

  /** Replaces the spec's text in the editor and saves it (so the next job reads exactly this). */
  async function setText(uri: vscode.Uri, text: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    assert.equal(document.getText(), text);
  }

  /** Starts training `uri` and resolves once its worker reports progress. */
  async function startLong(uri: vscode.Uri): Promise<{ final: Thenable<FinalWorkerEvent | undefined>; progress: TrainingProgress[] }> {
    const progress: TrainingProgress[] = [];
    const listener = api.ctx.jobs.onProgress((e) => e.uri.toString() === uri.toString() && progress.push(e.progress));
    const final = vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    await waitFor(api.ctx.jobs.onProgress, () => progress.length, (n) => n > 0, 20_000, 'the first progress report');
    void Promise.resolve(final).finally(() => listener.dispose());
    return { final, progress };
  }

  it('a worker killed mid-run is reported as crashed, its job is cleaned up, and the next Train works', async () => {
    const uri = writeSpec('crash.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const { final } = await startLong(uri);
    await api.ctx.jobs.jobOf(uri, 'train')!.worker.terminate();
    const crashed = await final;
    assert.equal(crashed?.type, 'failed');
    assert.ok(crashed?.type === 'failed' && crashed.code === 'worker-crashed', JSON.stringify(crashed));
    assert.equal(api.ctx.jobs.isRunning(uri, 'train'), false);
    await setText(uri, XOR_SPEC);
    const again = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.equal(again?.type, 'trained');
  });

  it('Stop ends a run of 10⁸ iterations promptly: partial weights, and only a few iterations after the last report', async () => {
    const uri = writeSpec('cancel.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const { final, progress } = await startLong(uri);
    await vscode.commands.executeCommand('nnspec.stopTraining', uri);
    const seenAtStop = progress.at(-1)!.iteration;
    const result = await final;
    assert.ok(result?.type === 'trained' && result.summary.reason === 'cancelled');
    // Progress is throttled, so the run may have finished a few unreported iterations, never
    // thousands: the stop is honoured within an iteration of the moment the flag is read.
    assert.ok(result.summary.iterations - seenAtStop < 5_000, `${result.summary.iterations} vs ${seenAtStop}`);
    assert.ok(result.partial);
  });

  it('a second Train on the same spec, answered "restart", stops the first and runs anew', async () => {
    const uri = writeSpec('twice.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const first = await startLong(uri);
    await setText(uri, XOR_SPEC);
    const second = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri, { ifRunning: 'restart' });
    const firstResult = await first.final;
    assert.ok(firstResult?.type === 'trained' && firstResult.summary.reason === 'cancelled', JSON.stringify(firstResult));
    assert.ok(second?.type === 'trained' && second.summary.reason !== 'cancelled', JSON.stringify(second));
  });

  it('a second Train answered "keep" leaves the first running and starts nothing', async () => {
    const uri = writeSpec('keep.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const first = await startLong(uri);
    const second = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri, { ifRunning: 'keep' });
    assert.equal(second, undefined);
    assert.equal(api.ctx.jobs.isRunning(uri, 'train'), true);
    await vscode.commands.executeCommand('nnspec.stopTraining', uri);
    assert.equal((await first.final)?.type, 'trained');
  });

  it('Check gradients during a Train runs in its own worker and both finish', async () => {
    const uri = writeSpec('both.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const training = await startLong(uri);
    const check = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.checkGradients', uri);
    assert.ok(check?.type === 'checked' && check.report.passed, JSON.stringify(check));
    assert.equal(api.ctx.jobs.isRunning(uri, 'train'), true);
    await vscode.commands.executeCommand('nnspec.stopTraining', uri);
    assert.equal((await training.final)?.type, 'trained');
  });

  it('editing the spec during a run: the run keeps the network it started with', async () => {
    const uri = writeSpec('edited.nnspec', LONG);
    const editor = await vscode.window.showTextDocument(uri);
    const training = await startLong(uri);
    // Widen the hidden layer from 2 to 3 units while the 2-2-1 network trains.
    const at = editor.document.positionAt(LONG.indexOf('units: 2\n    activation') + 'units: '.length);
    await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 1)), '3'));
    await vscode.commands.executeCommand('nnspec.stopTraining', uri);
    const result = await training.final;
    assert.ok(result?.type === 'trained' && result.summary.reason === 'cancelled' && result.weightsPath);
    const file = JSON.parse(fs.readFileSync(result.weightsPath, 'utf8')) as { layers: { rows: number; cols: number }[] };
    assert.deepEqual(file.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('deleting the spec during a run stops it at once and writes no weights', async () => {
    const uri = writeSpec('deleted.nnspec', LONG);
    await vscode.window.showTextDocument(uri);
    const weights = uri.fsPath.replace(/\.nnspec$/, '.weights.json');
    fs.rmSync(weights, { force: true });
    const training = await startLong(uri);
    await vscode.workspace.fs.delete(uri);
    const result = await training.final;
    assert.ok(result?.type === 'failed' && result.code === 'worker-terminated', JSON.stringify(result));
    assert.match(result.message, /deleted/);
    assert.equal(fs.existsSync(weights), false);
  });
});
