// The Outline (document symbols) of .nnspec files, in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, workspaceFile } from './helpers';
import { writeSpec } from './fixtures';

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
});
