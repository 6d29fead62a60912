// Train, Stop, Check gradients, Set initialization strategy and Compare: each runs in a
// worker of the real extension host and leaves its result where the user looks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { NnspecApi } from '../../../src/extension/extension';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { activateExtension, waitFor, waitForDiagnostics } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('nnspec jobs', () => {
  let api: NnspecApi;
  before(async () => {
    api = (await activateExtension<NnspecApi>('nnspec.nnspec')).exports;
  });

  it('Train network writes a weights file whose final cost is below the initial cost', async () => {
    const uri = writeSpec('train-me.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const weights = uri.fsPath.replace(/\.nnspec$/, '.weights.json');
    fs.rmSync(weights, { force: true });
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.equal(final?.type, 'trained', JSON.stringify(final));
    const file = JSON.parse(fs.readFileSync(weights, 'utf8')) as { format: string; layers: { rows: number; cols: number }[]; run: { finalCost: number; partial: boolean } };
    assert.equal(file.format, 'nnspec-weights');
    assert.deepEqual(file.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
    assert.ok(final.type === 'trained' && file.run.finalCost < final.summary.initialCost, `${file.run.finalCost} vs ${final.type === 'trained' && final.summary.initialCost}`);
    assert.equal(file.run.partial, false);
    // Kept for an inspector opened later: the run's J per iteration, dated, complete.
    const last = api.ctx.lastRuns.of(uri);
    assert.ok(last, 'the run is kept in the workspace state');
    assert.equal(last.partial, false);
    assert.equal(last.reason, final.type === 'trained' ? final.summary.reason : '');
    assert.ok(Math.abs(Date.now() - Date.parse(last.finishedAt)) < 60_000, last.finishedAt);
    assert.equal(last.history.iterations.length, Math.min(500, final.type === 'trained' ? final.summary.costHistory.length : 0));
    assert.equal(last.history.train.at(-1), file.run.finalCost);
  });

  it('Stop training ends a long run early; the weights saved are the last finite ones, marked partial', async () => {
    const long = XOR_SPEC.replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 100000000\n  learningRate: 0.1\n  tolerance: 0');
    const uri = writeSpec('long.nnspec', long);
    await vscode.window.showTextDocument(uri);
    const running = vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    await waitFor(api.ctx.jobs.onProgress, () => api.ctx.jobs.isRunning(uri, 'train'), (r) => r, 20_000, 'training to start');
    await vscode.commands.executeCommand('nnspec.stopTraining', uri);
    const final = await running;
    assert.equal(final?.type, 'trained');
    assert.ok(final.type === 'trained' && final.summary.reason === 'cancelled' && final.partial);
    const file = JSON.parse(fs.readFileSync(uri.fsPath.replace(/\.nnspec$/, '.weights.json'), 'utf8')) as { run: { partial: boolean } };
    assert.equal(file.run.partial, true);
    assert.equal(api.ctx.lastRuns.of(uri)?.partial, true, 'the kept run says it was cut short');
    assert.equal(api.ctx.lastRuns.of(uri)?.reason, 'cancelled');
  });

  it('Check gradients puts one diagnostic on each layer the weights feed', async () => {
    const spec = XOR_SPEC.replace('  - units: 2\n    activation: sigmoid', '  - units: 3\n    activation: tanh\n  - units: 2\n    activation: sigmoid');
    const uri = writeSpec('check-me.nnspec', spec);
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.checkGradients', uri);
    assert.equal(final?.type, 'checked');
    const checks = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d).startsWith('gradient-check')))).filter((d) => codeOf(d).startsWith('gradient-check'));
    assert.equal(checks.length, 3);
    // Θ^(1) feeds layer 2 (line 3), Θ^(2) layer 3 (line 5), Θ^(3) layer 4 (line 7).
    assert.deepEqual(checks.map((d) => d.range.start.line).sort(), [3, 5, 7]);
    assert.ok(checks.every((d) => d.severity === vscode.DiagnosticSeverity.Information && codeOf(d) === 'gradient-check-passed'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.equal(lenses.filter((l) => /gradient check passed/.test(l.command?.title ?? '')).length, 3);
  });

  it('Set initialization strategy edits the spec’s init, keeping the rest', async () => {
    const uri = writeSpec('init-me.nnspec', `${XOR_SPEC}# a trailing comment\n`);
    const editor = await vscode.window.showTextDocument(uri);
    const ok = await vscode.commands.executeCommand<boolean>('nnspec.setInitStrategy', uri, { strategy: 'he', epsilon: null, seed: 5 });
    assert.equal(ok, true);
    const text = editor.document.getText();
    assert.match(text, /^init:\n {2}strategy: he\n {2}seed: 5\n/m);
    assert.ok(!text.includes('epsilon'));
    assert.ok(text.endsWith('# a trailing comment\n'));
  });

  it('after training with zeros, the spec says symmetry was not broken, on `init`', async () => {
    const spec = XOR_SPEC.replace('strategy: uniform\n  epsilon: 0.12\n  seed: 4', 'strategy: zeros').replace('[[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]', '[[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0], [0, 1, 1]]');
    const uri = writeSpec('zeros-run.nnspec', spec);
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.equal(final?.type, 'trained');
    const symmetric = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'symmetry-not-broken'))).find((d) => codeOf(d) === 'symmetry-not-broken')!;
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.lineAt(symmetric.range.start.line).text.trim(), 'strategy: zeros');
  });

  it('saturated hidden units are reported on their layer after training', async () => {
    const spec = XOR_SPEC.replace('  - units: 2\n    activation: sigmoid', '  - units: 4\n    activation: sigmoid')
      .replace('epsilon: 0.12\n  seed: 4', 'epsilon: 40\n  seed: 2').replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 1\n  learningRate: 0.001');
    const uri = writeSpec('saturated.nnspec', spec);
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.ok(final?.type === 'trained' && final.health.length === 1, JSON.stringify(final));
    const saturated = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'saturated-units'))).find((d) => codeOf(d) === 'saturated-units')!;
    const document = await vscode.workspace.openTextDocument(uri);
    // Layer 2 is the second entry of `layers` (line 3, 0-based).
    assert.equal(saturated.range.start.line, 3, document.lineAt(saturated.range.start.line).text);
    assert.equal(saturated.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('a diverging run is stopped at once and the diagnostic sits on learningRate', async () => {
    const spec = XOR_SPEC.replace('name: xor', 'name: xor\ntask: regression')
      .replace('activation: sigmoid\n  - units: 1\n    activation: sigmoid', 'activation: relu\n  - units: 1\n    activation: linear')
      .replace('optimizer: lbfgs', 'optimizer: gd\n  learningRate: 1e6');
    const uri = writeSpec('diverge.nnspec', spec);
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.ok(final?.type === 'trained' && final.summary.reason === 'not-finite', JSON.stringify(final));
    const diverged = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'training-diverged'))).find((d) => codeOf(d) === 'training-diverged')!;
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.lineAt(diverged.range.start.line).text, /learningRate: 1e6/);
    assert.match(diverged.message, /iteration \d+/);
  });

  it('Compare initialization strategies runs every strategy; zeros stays symmetric', async () => {
    const uri = writeSpec('compare.nnspec', XOR_SPEC.replace('[1, 1, 0]]', '[1, 1, 0], [0, 1, 1]]'));
    await vscode.window.showTextDocument(uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.compareInit', uri);
    assert.equal(final?.type, 'compared');
    if (final.type !== 'compared') return;
    assert.deepEqual(final.runs.map((r) => r.strategy), ['zeros', 'uniform', 'xavier', 'he', 'debug']);
    assert.ok(final.runs.find((r) => r.strategy === 'zeros')!.symmetry.length > 0);
    assert.ok(final.runs.find((r) => r.strategy === 'uniform')!.symmetry.length === 0);
  });
});
