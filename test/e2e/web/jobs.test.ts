// What the browser build cannot do yet says so: Train, Check gradients and Debug end with a
// clear message (no worker, no adapter), and nothing is written beside the spec. Open example
// copies through vscode.workspace.fs and opens the copy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { XOR_SPEC } from '../../fixtures/xor-spec';
import { nnspec, workspaceFile, writeWorkspaceFile } from './web-helpers';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

describe('jobs in the browser build', function () {
  this.timeout(60_000);
  before(() => nnspec());

  it('Train and Check gradients end with worker-unavailable and its reason, and write no weights', async () => {
    const uri = await writeWorkspaceFile('web-train.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    for (const command of ['nnspec.train', 'nnspec.checkGradients']) {
      const final = await vscode.commands.executeCommand<FinalWorkerEvent | undefined>(command, uri);
      assert.equal(final?.type, 'failed', command);
      assert.equal(final.type === 'failed' && final.code, 'worker-unavailable', command);
      assert.match(final.type === 'failed' ? final.message : '', /browser build/);
    }
    assert.equal(await exists(workspaceFile('web-train.weights.json')), false);
  });

  it('Debug network starts no session', async () => {
    const uri = await writeWorkspaceFile('web-debug.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const started = await vscode.commands.executeCommand<boolean>('nnspec.debug', uri);
    assert.equal(started, false);
    assert.equal(vscode.debug.activeDebugSession, undefined);
  });

  it('Open example copies the example into the extension’s storage and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('nnspec.openExample', 'iris.nnspec');
    assert.ok(uri, 'an example opened');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.ok(await exists(vscode.Uri.joinPath(uri, '..', 'data', 'iris.csv')), 'its data folder came along');
  });
});
