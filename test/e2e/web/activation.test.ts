// The real extension's browser entry loads in VS Code's web worker extension host: run by
// `run-extension-tests.ts --web`, this suite runs in that host too, beside the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inWebWorker } from './lib/where';

describe('web extension activation', () => {
  it('runs in the web worker extension host', () => {
    assert.ok(inWebWorker(), 'expected a web worker without Node');
  });

  it('activates nnspec from its browser entry', async () => {
    const extension = vscode.extensions.getExtension('nnspec.nnspec');
    assert.ok(extension, 'nnspec.nnspec is not in this extension host');
    await extension.activate();
    assert.ok(extension.isActive);
  });
});
