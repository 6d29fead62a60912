// The walkthrough's "open the example and run the command" links, in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { activateExtension } from './helpers';

describe('the walkthrough’s example links', () => {
  before(() => activateExtension('nnspec.nnspec'));

  it('opens a shipped example in the extension’s storage and trains it there', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('nnspec.openExample', 'zeros.nnspec', 'nnspec.train');
    assert.ok(uri && uri.fsPath.endsWith(path.join('examples', 'zeros.nnspec')));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
    const weights = uri.fsPath.replace(/\.nnspec$/, '.weights.json');
    const file = JSON.parse(fs.readFileSync(weights, 'utf8')) as { format: string };
    assert.equal(file.format, 'nnspec-weights');
  });

  it('opens an example whose data lives in a CSV beside it, and trains it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('nnspec.openExample', 'iris.nnspec');
    assert.ok(fs.existsSync(path.join(path.dirname(uri.fsPath), 'data', 'iris.csv')));
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.ok(final?.type === 'trained' && final.summary.validationAccuracy! >= 0.95, JSON.stringify(final));
  });
});
