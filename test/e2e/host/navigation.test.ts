// The Outline (document symbols), the `csv:` link and the Θ inlay hints of .nnspec files, in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, waitFor, waitForDiagnostics, workspaceFile } from './helpers';
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

async function hintsOf(document: vscode.TextDocument): Promise<{ label: string; line: number; character: number }[]> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
  return hints.map((h) => ({ label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''), line: h.position.line, character: h.position.character }));
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

  it('shows Θ^(l) on the line of layer l + 1, follows edits, and goes with nnspec.inlayHints.enabled', async () => {
    const uri = digitsCopy('hints-digits.nnspec');
    const editor = await vscode.window.showTextDocument(uri);
    const document = editor.document;
    const end = (text: string): { line: number; character: number } => ({ line: lineOf(document, text), character: text.length });
    assert.deepEqual(await hintsOf(document), [
      { label: 'Θ^(1) 25×65 · 1,625 params', ...end('  - units: 25') },
      { label: 'Θ^(2) 10×26 · 260 params', ...end('  - units: 10') },
    ]);

    const at = document.getText().indexOf('units: 25') + 'units: '.length;
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 2)), '400')));
    assert.deepEqual((await hintsOf(document)).map((h) => h.label), ['Θ^(1) 400×65 · 26,000 params', 'Θ^(2) 10×401 · 4,010 params']);

    const settings = vscode.workspace.getConfiguration('nnspec');
    try {
      await settings.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('nnspec').get('inlayHints.enabled'), (on) => on === false);
      assert.deepEqual(await hintsOf(document), []);
    } finally {
      await settings.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await hintsOf(document)).length, 2);
  });
});
