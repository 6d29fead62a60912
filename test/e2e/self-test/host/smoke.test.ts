// The harness's self-test inside the extension host, against test/e2e/fixture-extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, measureEventLoopDelay, openFile, waitForDiagnostics, workspaceFile } from '../../host/helpers';

const fixtureId = 'nnspec.nnspec-e2e-fixture';

describe('harness self-test: extension host', () => {
  it('runs in a real extension host on Node', () => {
    assert.ok(vscode.version.startsWith('1.'), vscode.version);
    assert.ok(Number(process.versions.node.split('.')[0]) >= 20, process.versions.node);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    // run-extension-tests --workspace-trust sets NNSPEC_E2E_WORKSPACE_TRUST=1 (restricted mode).
    assert.equal(vscode.workspace.isTrusted, process.env.NNSPEC_E2E_WORKSPACE_TRUST !== '1');
  });

  it('activates the extension on its language and registers its commands', async () => {
    await openFile('hello.nnfix');
    const extension = await activateExtension(fixtureId);
    assert.ok(extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('nnspecFixture.sumInWorker'));
    assert.ok(commands.includes('nnspecFixture.showCanvas'));
  });

  it('reports a diagnostic at the expected range', async () => {
    await openFile('hello.nnfix');
    const [diagnostic, ...rest] = await waitForDiagnostics(workspaceFile('hello.nnfix'));
    assert.equal(rest.length, 0);
    assert.equal(diagnostic!.code, 'FIX001');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      [diagnostic!.range.start.line, diagnostic!.range.start.character, diagnostic!.range.end.line, diagnostic!.range.end.character],
      [1, 8, 1, 11],
    );
  });

  it('follows an edit: fixing the text clears the diagnostic', async () => {
    const editor = await openFile('hello.nnfix');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri);
    const line = editor.document.lineAt(1);
    const start = line.text.indexOf('bad');
    await editor.edit((edit) => edit.replace(new vscode.Range(1, start, 1, start + 3), 'good'));
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('runs a worker_threads worker from a command', async () => {
    const { result, p99 } = await measureEventLoopDelay(() => vscode.commands.executeCommand('nnspecFixture.sumInWorker', 5_000_000));
    assert.equal(result, 12_500_002_500_000);
    console.log(`      event-loop delay p99 while the worker ran: ${p99.toFixed(1)} ms`);
  });

  it('opens a webview whose canvas draws', async () => {
    const pixel = await vscode.commands.executeCommand<number[]>('nnspecFixture.showCanvas');
    assert.deepEqual(pixel, [255, 0, 0, 255]);
  });
});
