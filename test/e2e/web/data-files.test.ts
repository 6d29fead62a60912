// CSV files in the browser build: read through vscode.workspace.fs by the desktop's parser,
// under the desktop's rules (beside the spec, inside the workspace, a file, within the size
// limit), with the desktop's codes at the `csv:` value.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, nnspec, readText, waitForDiagnostics, workspaceFile, writeWorkspaceFile } from './web-helpers';

/** iris.nnspec of the examples with another `csv:` value (and optionally another target). */
async function irisWith(name: string, csv: string, target?: string): Promise<vscode.Uri> {
  let text = (await readText(workspaceFile('iris.nnspec'))).replace(/csv: \S+/, `csv: ${csv}`);
  if (target) text = text.replace(/target: \S+/, `target: ${target}`);
  return writeWorkspaceFile(name, text);
}

const dataCodes = (ds: vscode.Diagnostic[]): string[] => ds.filter((d) => d.source === 'nnspec' && codeOf(d).startsWith('csv-')).map(codeOf);

describe('CSV files in the browser build', function () {
  this.timeout(60_000);
  before(() => nnspec());

  it('validates iris.nnspec against its CSV: no problem, and a wrong target column is named', async () => {
    await vscode.window.showTextDocument(workspaceFile('iris.nnspec'));
    const good = await irisWith('web-iris-target.nnspec', 'data/iris.csv', 'nope');
    await vscode.window.showTextDocument(good);
    const found = await waitForDiagnostics(good, (ds) => ds.some((d) => d.source === 'nnspec' && codeOf(d) !== 'csv-pending'));
    assert.ok(found.some((d) => /nope/.test(d.message)), found.map((d) => `${codeOf(d)}: ${d.message}`).join('\n'));
    const iris = vscode.languages.getDiagnostics(workspaceFile('iris.nnspec')).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(iris.map(codeOf), []);
  });

  it('says a missing file does not exist, at the `csv:` value', async () => {
    const uri = await irisWith('web-missing.nnspec', 'data/nope.csv');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [missing] = (await waitForDiagnostics(uri, (ds) => dataCodes(ds).length > 0)).filter((d) => codeOf(d) === 'csv-not-found');
    assert.ok(missing, 'csv-not-found');
    assert.equal(document.getText(missing.range), 'data/nope.csv');
    assert.match(missing.message, /nope\.csv does not exist/);
  });

  it('refuses a file outside the workspace folder, and a folder', async () => {
    const outside = await irisWith('web-outside.nnspec', '../../outside.csv');
    await vscode.window.showTextDocument(outside);
    assert.deepEqual(dataCodes(await waitForDiagnostics(outside, (ds) => dataCodes(ds).length > 0)), ['csv-outside-workspace']);
    const folder = await irisWith('web-folder.nnspec', 'data');
    await vscode.window.showTextDocument(folder);
    assert.deepEqual(dataCodes(await waitForDiagnostics(folder, (ds) => dataCodes(ds).length > 0)), ['csv-not-a-file']);
  });

  it('refuses a file over nnspec.data.maxCsvBytes before reading it, and takes it again when the limit is raised', async () => {
    const uri = await irisWith('web-large.nnspec', 'data/iris.csv');
    await vscode.window.showTextDocument(uri);
    const settings = vscode.workspace.getConfiguration('nnspec');
    await settings.update('data.maxCsvBytes', 1000, vscode.ConfigurationTarget.Global);
    try {
      const [tooLarge] = (await waitForDiagnostics(uri, (ds) => dataCodes(ds).includes('csv-too-large'))).filter((d) => codeOf(d) === 'csv-too-large');
      assert.match(tooLarge!.message, /over the 1000 bytes limit/);
    } finally {
      await settings.update('data.maxCsvBytes', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, (ds) => dataCodes(ds).length === 0);
  });
});
