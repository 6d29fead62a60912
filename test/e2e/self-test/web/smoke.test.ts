// The harness's self-test inside VS Code's web worker extension host, against the browser
// entry of test/e2e/fixture-extension (web.js).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inWebWorker } from '../../web/lib/where';

const fixtureId = 'nnspec.nnspec-e2e-fixture';

/** Resolves with the fixture's diagnostics for `uri` once there are some. */
function diagnosticsOf(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (now.length) return resolve(now);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!diagnostics.length) return;
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

describe('harness self-test: web worker extension host', () => {
  it('runs in a web worker, not on Node', () => {
    const scope = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    assert.equal(typeof scope.importScripts, 'function');
    assert.equal(scope.process?.versions?.node, undefined);
    assert.ok(inWebWorker());
    assert.ok(vscode.version.startsWith('1.'), vscode.version);
  });

  it('shares its host with the fixture, which runs its browser entry', async () => {
    const extension = vscode.extensions.getExtension(fixtureId);
    assert.ok(extension, `${fixtureId} is not in this extension host`);
    await extension.activate();
    assert.equal(await vscode.commands.executeCommand('nnspecFixture.where'), 'web');
  });

  it('sees the browser entry report a diagnostic at the expected range', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'hello.nnfix');
    await vscode.window.showTextDocument(uri);
    const [diagnostic, ...rest] = await diagnosticsOf(uri);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic!.code, 'FIX001');
    assert.deepEqual(
      [diagnostic!.range.start.line, diagnostic!.range.start.character, diagnostic!.range.end.line, diagnostic!.range.end.character],
      [1, 8, 1, 11],
    );
  });

  it('compares deeply in the browser: the aliased assert tells unequal values apart', () => {
    assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
    assert.throws(() => assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }), { name: 'AssertionError' });
    assert.throws(() => assert.equal(0, -0), /strictly equal/);
  });
});
