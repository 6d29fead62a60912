// The real extension (repo root) loads in the extension host and registers every command
// its manifest contributes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

interface Manifest {
  contributes?: { commands?: { command: string }[] };
}

describe('extension activation', () => {
  it('activates without error', async () => {
    const extension = await activateExtension('nnspec.nnspec');
    assert.ok(extension.isActive);
  });

  it('registers every contributed command', async () => {
    const extension = await activateExtension('nnspec.nnspec');
    const contributed = ((extension.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });
});
