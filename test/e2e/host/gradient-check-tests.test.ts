// Gradient checks in the Test Explorer, through the extension's real test controller: the
// workspace's specs discovered with a Θ^(l) under each, a run that passes a good spec layer by
// layer, one that fails with the relative difference at the layer's line, a broken spec
// errored, and a cancelled run skipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NnspecApi } from '../../../src/extension/extension';
import { activateExtension } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';

describe('gradient checks in the Test Explorer', function () {
  this.timeout(60_000);
  let api: NnspecApi;
  before(async () => {
    api = (await activateExtension<NnspecApi>('nnspec.nnspec')).exports;
  });

  const itemOf = (uri: vscode.Uri): vscode.TestItem | undefined => api.gradientTests.controller.items.get(uri.toString());
  const children = (item: vscode.TestItem): vscode.TestItem[] => {
    const out: vscode.TestItem[] = [];
    item.children.forEach((c) => out.push(c));
    return out;
  };
  const runOn = async (items: vscode.TestItem[], cancelAfterMs?: number): Promise<void> => {
    const source = new vscode.CancellationTokenSource();
    if (cancelAfterMs !== undefined) setTimeout(() => source.cancel(), cancelAfterMs);
    await api.gradientTests.run(new vscode.TestRunRequest(items), source.token);
    source.dispose();
  };

  it('discovers every spec of the workspace with one item per Θ^(l), at the layer entry it feeds', async () => {
    const uri = writeSpec('tests-xor.nnspec', XOR_SPEC);
    await api.gradientTests.discover();
    assert.ok(itemOf(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'digits.nnspec')), 'the shipped digits.nnspec is listed');
    const item = itemOf(uri);
    assert.ok(item, 'the new spec is listed');
    assert.equal(item.description, '', 'a spec at the workspace root names no folder (not its absolute path)');
    const thetas = children(item);
    assert.deepEqual(thetas.map((t) => t.label), ['Θ^(1)', 'Θ^(2)']);
    // XOR_SPEC: layer 2's entry is line 3 (0-based), layer 3's line 5.
    assert.deepEqual(thetas.map((t) => t.range?.start.line), [3, 5]);
  });

  it('Run passes each Θ^(l) of a correct spec, and fails every one when no check can meet the tolerance, with the relative difference at the layer', async () => {
    const good = writeSpec('tests-good.nnspec', XOR_SPEC);
    const strict = writeSpec('tests-strict.nnspec', XOR_SPEC.replace(/gradientCheck:[\s\S]*$/, '') + 'gradientCheck:\n  tolerance: 1e-300\n');
    await api.gradientTests.discover();
    await runOn([itemOf(good)!, itemOf(strict)!]);
    const outcomes = api.gradientTests.outcomes;
    for (const t of children(itemOf(good)!)) assert.equal(outcomes.get(t.id)?.state, 'passed', `${t.label}: ${JSON.stringify(outcomes.get(t.id))}`);
    assert.equal(outcomes.get(itemOf(good)!.id)?.state, 'passed');
    const failed = children(itemOf(strict)!).map((t) => outcomes.get(t.id));
    assert.deepEqual(failed.map((o) => o?.state), ['failed', 'failed']);
    assert.match(failed[0]!.message!, /Gradient check FAILED for Θ\^\(1\): relative difference \d\.\d+e-\d+ > 1e-300/);
    assert.deepEqual(failed.map((o) => o?.line), [3, 5]);
    // The inline verdict follows the same run.
    const diagnostics = vscode.languages.getDiagnostics(strict).filter((d) => d.code === 'gradient-check-failed');
    assert.equal(diagnostics.length, 2);
  });

  it('a spec with errors is errored with the reason, and nothing is checked', async () => {
    const broken = writeSpec('tests-broken.nnspec', XOR_SPEC.replace('activation: sigmoid', 'activation: sigmoidd'));
    await api.gradientTests.discover();
    await runOn([itemOf(broken)!]);
    const outcome = api.gradientTests.outcomes.get(itemOf(broken)!.id);
    assert.equal(outcome?.state, 'errored');
    assert.match(outcome!.message!, /error/);
  });

  it('cancelling the run stops the check under way: its layers are skipped', async () => {
    // A check long enough to cancel (seconds): 801 parameters, each compared on 2,000 examples.
    const slow = 'name: slow\nlayers:\n  - units: 2\n  - units: 200\n    activation: tanh\n  - units: 1\n    activation: sigmoid\ndata:\n  generate: spiral\n  samples: 2000\n  seed: 1\ngradientCheck:\n  examples: 2000\n';
    const wide = writeSpec('tests-wide.nnspec', slow);
    await api.gradientTests.discover();
    await runOn([itemOf(wide)!], 300);
    const states = [itemOf(wide)!, ...children(itemOf(wide)!)].map((t) => api.gradientTests.outcomes.get(t.id)?.state);
    assert.deepEqual(states, ['skipped', 'skipped', 'skipped']);
  });
});
