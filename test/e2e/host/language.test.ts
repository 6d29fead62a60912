// Validation, quick fixes, hovers, completions and code lenses of .nnspec files, in the real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitForDiagnostics } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';
import { assertUnknownValueFixApplies, unknownActivation } from '../lib/quick-fix-check';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('the nnspec language', () => {
  before(() => activateExtension('nnspec.nnspec'));

  it('puts the validator’s diagnostics at the exact key or value', async () => {
    const uri = writeSpec('bad-language.nnspec', XOR_SPEC.replace('    activation: sigmoid\n  - units: 1', '    activation: sigmoidd\n  - units: 1').replace('lbfgs', 'lbfgz'));
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.filter((d) => d.source === 'nnspec').length >= 2);
    const byCode = new Map(diagnostics.map((d) => [codeOf(d), d]));
    const activation = byCode.get('unknown-value');
    assert.ok(activation, diagnostics.map(codeOf).join());
    const found = diagnostics.filter((d) => codeOf(d) === 'unknown-value').map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]);
    assert.deepEqual(found.sort((a, b) => a[0]! - b[0]!), [[4, 16, 24], [12, 13, 18]]);
    assert.equal(activation.severity, vscode.DiagnosticSeverity.Error);
    const target = typeof activation.code === 'object' ? activation.code.target : undefined;
    assert.ok(target?.path.endsWith('docs/format.md') && target.fragment === 'unknown-value');
  });

  it('applies the quick fix for an unknown value and the error goes away', async () => {
    await assertUnknownValueFixApplies(writeSpec('fixable.nnspec', unknownActivation(XOR_SPEC)));
  });

  it('hovers a key with its documentation and `layers` with the model summary', async () => {
    const uri = writeSpec('hover.nnspec', XOR_SPEC);
    const document = await vscode.workspace.openTextDocument(uri);
    const layersAt = document.positionAt(document.getText().indexOf('layers') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, layersAt);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Θ\^\(1\): 2 × 3/);
    assert.match(text, /\*\*9\*\*/);
    const lambdaAt = document.positionAt(document.getText().indexOf('optimizer') + 1);
    const more = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, lambdaAt);
    assert.match(more.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /lbfgs/);
  });

  it('completes enum values and the keys valid at the cursor', async () => {
    const text = 'layers:\n  - units: 2\n  - units: 1\n    activation: \ntrain:\n  \n';
    const uri = writeSpec('complete.nnspec', text);
    const document = await vscode.workspace.openTextDocument(uri);
    const valueAt = document.positionAt(text.indexOf('activation: ') + 'activation: '.length);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, valueAt);
    const labels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const g of ['sigmoid', 'tanh', 'relu', 'linear', 'softmax']) assert.ok(labels.includes(g), g);
    const keyAt = document.positionAt(text.length - 1);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, keyAt);
    const keyLabels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const k of ['optimizer', 'iterations', 'learningRate']) assert.ok(keyLabels.includes(k), k);
  });

  it('shows Train, Debug, Check gradients and Inspect above `layers:`', async () => {
    const uri = writeSpec('lenses.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.deepEqual(titles.map((t) => t.replace(/\$\([\w-]+\) /, '')), ['Train', 'Debug', 'Check gradients', 'Inspect']);
    assert.ok(lenses.every((l) => l.range.start.line === 1));
  });
});
