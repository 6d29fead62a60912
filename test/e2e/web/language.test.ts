// The language features of the browser build, in the web worker extension host: diagnostics
// at the exact place, a quick fix, hovers, completions, code lenses and the data link.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { XOR_SPEC } from '../../fixtures/xor-spec';
import { assertUnknownValueFixApplies, unknownActivation } from '../lib/quick-fix-check';
import { nnspec, writeWorkspaceFile } from './web-helpers';

const hoverText = (hovers: vscode.Hover[]): string => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('the nnspec language in the browser build', () => {
  before(() => nnspec());

  it('puts the validator’s diagnostics at the exact value, and its quick fix clears them', async () => {
    await assertUnknownValueFixApplies(await writeWorkspaceFile('web-fixable.nnspec', unknownActivation(XOR_SPEC)));
  });

  it('hovers `layers` with the model summary, completes values, and lenses Train', async () => {
    const uri = await writeWorkspaceFile('web-hover.nnspec', XOR_SPEC);
    const document = await vscode.workspace.openTextDocument(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(document.getText().indexOf('layers') + 2));
    assert.match(hoverText(hovers), /Θ\^\(1\): 2 × 3/);
    const at = document.positionAt(document.getText().indexOf('lbfgs'));
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
    const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const optimizer of ['gd', 'adam', 'lbfgs']) assert.ok(labels.includes(optimizer), `${optimizer} among ${labels.join(', ')}`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /Train/.test(t)), titles.join(' | '));
  });

  it('links `csv:` to the file beside the spec, on the workspace’s own file system', async () => {
    const uri = await writeWorkspaceFile('web-link.nnspec', XOR_SPEC.replace(/data:\n.*\n$/, 'data:\n  csv: data/iris.csv\n  target: species\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.equal(links.length, 1);
    assert.equal(document.getText(links[0]!.range), 'data/iris.csv');
    const target = links[0]!.target;
    assert.ok(target, 'the link has its target');
    assert.equal(target.scheme, uri.scheme);
    assert.equal(target.path, vscode.Uri.joinPath(uri, '..', 'data', 'iris.csv').path);
  });
});
