// The Outline (document symbols) and the `csv:` link of .nnspec files, in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, waitForDiagnostics, workspaceFile } from './helpers';
import { writeSpec } from './fixtures';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The examples' digits spec, copied under another name so edits here touch no other suite's file. */
function digitsCopy(name: string): vscode.Uri {
  return writeSpec(name, fs.readFileSync(workspaceFile('digits.nnspec').fsPath, 'utf8'));
}

/** The 0-based line of the first line of `document` equal to `text`. */
function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document.getText().split(/\r?\n/).indexOf(text);
  assert.ok(line >= 0, `no line ${JSON.stringify(text)}`);
  return line;
}

describe('the nnspec outline, links and inlay hints', () => {
  before(() => activateExtension('nnspec.nnspec'));

  it('gives the Outline every top-level key, and `layers` opened into a^(1) … a^(L) at their entries', async () => {
    const uri = digitsCopy('outline-digits.nnspec');
    const document = await vscode.workspace.openTextDocument(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((s) => s.name), ['name', 'task', 'layers', 'cost', 'lambda', 'init', 'train', 'data', 'gradientCheck']);
    const layers = symbols.find((s) => s.name === 'layers')!;
    assert.equal(layers.kind, vscode.SymbolKind.Array);
    assert.deepEqual(layers.children.map((c) => c.name), ['a^(1): 64 units · input', 'a^(2): 25 units · sigmoid', 'a^(3): 10 units · sigmoid']);
    const hidden = layers.children[1]!;
    assert.equal(hidden.range.start.line, lineOf(document, '  - units: 25'));
    assert.equal(hidden.range.end.line, lineOf(document, '    activation: sigmoid'));
    assert.equal(document.getText(hidden.selectionRange), 'units: 25');
    const train = symbols.find((s) => s.name === 'train')!;
    assert.equal(document.getText(train.selectionRange), 'train');
    assert.deepEqual(train.children.map((c) => c.name), ['optimizer', 'iterations']);
    assert.equal(train.range.end.line, lineOf(document, '  iterations: 100'));
  });

  it('keeps an Outline of what it can read while the spec is half typed', async () => {
    const uri = writeSpec('outline-half.nnspec', 'name: half\nlayers:\n  - units: 3\n  - uni');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [['name', []], ['layers', ['a^(1): 3 units · input', 'a^(2): ? units · sigmoid']]]);
  });

  it('links the `csv:` path to the file beside the spec; a missing file keeps its one diagnostic, and its link, both relative to the spec', async () => {
    const uri = workspaceFile('iris.nnspec');
    const document = await vscode.workspace.openTextDocument(uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.equal(links.length, 1);
    assert.equal(document.getText(links[0]!.range), 'data/iris.csv');
    assert.equal(links[0]!.target?.fsPath, workspaceFile('data', 'iris.csv').fsPath);

    // The same spec one folder down: its path is relative to the spec's folder, for the link as for validation.
    fs.mkdirSync(workspaceFile('linked').fsPath, { recursive: true });
    const missing = writeSpec('linked/iris.nnspec', document.getText());
    await vscode.window.showTextDocument(missing);
    const diagnostics = await waitForDiagnostics(missing, (ds) => ds.some((d) => codeOf(d) === 'csv-not-found'));
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'csv-not-found').length, 1);
    const [link] = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', missing);
    assert.equal(link?.target?.fsPath, workspaceFile('linked', 'data', 'iris.csv').fsPath);
  });
});
