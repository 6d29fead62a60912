// Export trained network…: the weights beside a trained spec become an ONNX model or a
// PyTorch script beside it, written through vscode.workspace.fs by the export job in a
// worker; an earlier export is replaced, someone else's file only when the caller says so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../src/extension/commands/export-network';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { onnxProducer, PYTORCH_MARKER } from '../../../src/data/exported-by-nnspec';
import { activateExtension } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';

describe('nnspec export', function () {
  this.timeout(60_000);
  let spec: vscode.Uri;
  const beside = (extension: string): string => spec.fsPath.replace(/\.nnspec$/, extension);

  before(async () => {
    await activateExtension('nnspec.nnspec');
    spec = writeSpec('export-me.nnspec', XOR_SPEC);
    for (const extension of ['.onnx', '.py', '.weights.json']) fs.rmSync(beside(extension), { force: true });
  });

  it('says the spec needs training first when it has no weights, and writes nothing', async () => {
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'onnx');
    assert.ok(outcome && 'refused' in outcome, JSON.stringify(outcome));
    assert.match(outcome.refused, /no trained weights yet \(export-me\.weights\.json\): train it first/);
    assert.equal(fs.existsSync(beside('.onnx')), false);
  });

  it('writes an ONNX model of nnspec’s beside the trained spec, float32 by default and float64 when asked', async () => {
    const trained = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', spec);
    assert.equal(trained?.type, 'trained');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'onnx');
    assert.deepEqual(outcome, { written: vscode.Uri.file(beside('.onnx')).toString() });
    const float32 = fs.readFileSync(beside('.onnx'));
    assert.equal(onnxProducer(float32), 'nnspec');
    // Replacing an earlier export needs no question.
    const again = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'onnx-float64');
    assert.ok(again && 'written' in again, JSON.stringify(again));
    const float64 = fs.readFileSync(beside('.onnx'));
    // The same initializers, each number in 8 bytes instead of 4.
    assert.ok(float64.length >= float32.length + 9 * 4, `${float64.length} vs ${float32.length} bytes`);
  });

  it('writes a PyTorch script that embeds the weights', async () => {
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'pytorch');
    assert.ok(outcome && 'written' in outcome, JSON.stringify(outcome));
    const script = fs.readFileSync(beside('.py'), 'utf8');
    assert.ok(script.includes(PYTORCH_MARKER));
    assert.match(script, /python3 export-me\.py < rows\.csv/);
  });

  it('leaves a file nnspec did not export as it is, unless told to replace it', async () => {
    fs.writeFileSync(beside('.py'), 'print("mine")\n');
    const refused = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'pytorch');
    assert.ok(refused && 'refused' in refused, JSON.stringify(refused));
    assert.match(refused.refused, /exists and was not exported by nnspec; it was left as it is/);
    assert.equal(fs.readFileSync(beside('.py'), 'utf8'), 'print("mine")\n');
    const replaced = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'pytorch', { replace: true });
    assert.ok(replaced && 'written' in replaced, JSON.stringify(replaced));
    assert.ok(fs.readFileSync(beside('.py'), 'utf8').includes(PYTORCH_MARKER));
    assert.deepEqual(fs.readdirSync(vscode.Uri.joinPath(spec, '..').fsPath).filter((n) => n.startsWith('export-me') && n.endsWith('.tmp')), []);
  });

  it('names a format it does not know', async () => {
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', spec, 'tensorflow');
    assert.ok(outcome && 'refused' in outcome);
    assert.match(outcome.refused, /no export format 'tensorflow'; the formats are onnx, onnx-float64, pytorch/);
  });
});
