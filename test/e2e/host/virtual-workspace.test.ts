// A spec on a virtual file system in the desktop's extension host (a remote repository opened
// without a clone): its files are reachable through vscode.workspace.fs only, so Train, Check
// and Export take the browser's way (the browser's worker in a worker thread, fed by the
// host), and so does the debugger (the browser's inline adapter). The weights land on that
// file system, and nothing is written to the local disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../src/extension/commands/export-network';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { MemoryFs } from '../lib/memory-fs';
import { activateExtension, waitForDiagnostics } from './helpers';
import { XOR_SPEC } from './fixtures';
import { AdapterMessages, sessionEnded } from '../lib/adapter-messages';

const CSV_SPEC = XOR_SPEC.replace(/data:\n[\s\S]*$/, 'data:\n  csv: xor.csv\n  target: y\n');
const XOR_CSV = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';

describe('a spec on a virtual file system, in the desktop host', function () {
  this.timeout(60_000);
  let memory: MemoryFs;
  let registration: vscode.Disposable;
  const at = (name: string): vscode.Uri => vscode.Uri.from({ scheme: MemoryFs.scheme, path: `/${name}` });

  before(async () => {
    await activateExtension('nnspec.nnspec');
    memory = new MemoryFs({ 'xor.nnspec': CSV_SPEC, 'xor.csv': XOR_CSV, 'bad.nnspec': CSV_SPEC.replace('target: y', 'target: nope') });
    registration = vscode.workspace.registerFileSystemProvider(MemoryFs.scheme, memory, { isReadonly: false });
  });
  after(() => registration.dispose());

  it('validates it, reading its CSV through the file system', async () => {
    const document = await vscode.workspace.openTextDocument(at('bad.nnspec'));
    const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => code(x) === 'csv-missing-column'));
    assert.equal(diagnostics.find((x) => code(x) === 'csv-missing-column')?.range.start.line, CSV_SPEC.split('\n').findIndex((l) => l.includes('target:')));
  });

  it('Train reads the CSV and saves the weights on that file system, not on the local disk', async () => {
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', at('xor.nnspec'));
    assert.ok(final?.type === 'trained', JSON.stringify(final));
    assert.equal(final.weightsError, undefined);
    assert.equal(final.weightsPath, '/xor.weights.json');
    assert.ok(final.summary.finalCost < 0.05 * final.summary.initialCost, `J ${final.summary.initialCost} → ${final.summary.finalCost}`);
    assert.deepEqual(memory.names(), ['bad.nnspec', 'xor.csv', 'xor.nnspec', 'xor.weights.json']);
    const weights = JSON.parse(new TextDecoder().decode(memory.readFile(at('xor.weights.json')))) as { layers: { rows: number; cols: number }[] };
    assert.deepEqual(weights.layers.map((l) => [l.rows, l.cols]), [[2, 3], [1, 3]]);
    // What a path-based job would have done: written beside the URI's path on this machine.
    assert.equal(fs.existsSync(at('xor.weights.json').fsPath), false);
  });

  it('Check gradients and Export run there too', async () => {
    const checked = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.checkGradients', at('xor.nnspec'));
    assert.ok(checked?.type === 'checked', JSON.stringify(checked));
    assert.ok(checked.report.passed, 'every layer passes');
    const exported = await vscode.commands.executeCommand<ExportOutcome>('nnspec.exportNetwork', at('xor.nnspec'), 'pytorch');
    assert.deepEqual(exported, { written: at('xor.py').toString() });
    assert.ok(memory.names().includes('xor.py'));
    assert.equal(fs.existsSync(at('xor.py').fsPath), false);
  });

  it('Debug network debugs it the browser’s way (an inline adapter, its worker in a thread, fed through the file system): stops on entry, and evaluates J from its CSV', async () => {
    const messages = new AdapterMessages();
    try {
      const ended = sessionEnded();
      const entry = messages.nextStop();
      assert.equal(await vscode.commands.executeCommand<boolean>('nnspec.debug', at('xor.nnspec')), true);
      assert.equal((await entry).body?.reason, 'entry');
      const session = vscode.debug.activeDebugSession!;
      assert.equal(session.configuration['spec'], at('xor.nnspec').toString());
      const frames = (await session.customRequest('stackTrace', { threadId: 1 })) as { stackFrames: { line: number; source?: { path?: string } }[] };
      assert.equal(frames.stackFrames[0]!.source?.path, at('xor.nnspec').toString());
      await session.customRequest('continue', { threadId: 1 });
      await ended;
      const output = messages.seen.filter((m) => m.event === 'output').map((m) => m.body?.output ?? '').join('');
      assert.match(output, /J\(θ\) = 0\.69\d* over m = 4 examples/);
      assert.deepEqual(memory.names().filter((n) => n.startsWith('xor.')), ['xor.csv', 'xor.nnspec', 'xor.py', 'xor.weights.json']);
    } finally {
      messages.dispose();
    }
  });
});
