// The debugger through VS Code's own debug API: a breakpoint on a layer added by API, F5's
// configuration filled in from the spec, the stop seen by a tracker of the real session.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';

interface SeenMessage {
  readonly type: string;
  readonly event?: string;
  readonly body?: { readonly reason?: string };
}

describe('nnspec debugger in VS Code', function () {
  this.timeout(60000);
  before(async () => {
    await activateExtension('nnspec.nnspec');
  });
  afterEach(async () => {
    // A test that failed half-way leaves its session running: end it.
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging(vscode.debug.activeDebugSession);
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
  });

  it('starts on a spec (NN: Debug network), stops on entry, then at a breakpoint on layer 2 (its backward step), and ends on Continue', async () => {
    const uri = writeSpec('debug-me.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    // XOR_SPEC: line 3 (0-based) is layer 2's entry.
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(3, 0)))]);
    const messages: SeenMessage[] = [];
    let stopped!: () => void;
    const stop = new Promise<void>((resolve) => (stopped = resolve));
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const gone = new Promise<void>((resolve) => {
      const sub = vscode.debug.onDidTerminateDebugSession((s) => s.type === 'nnspec' && (sub.dispose(), resolve()));
    });
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('nnspec', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: SeenMessage) => {
          messages.push(m);
          if (m.type === 'event' && m.event === 'stopped') stopped();
          if (m.type === 'event' && m.event === 'terminated') ended();
        },
      }),
    });
    try {
      const started = await vscode.commands.executeCommand<boolean>('nnspec.debug', uri);
      assert.equal(started, true);
      await stop;
      const session = vscode.debug.activeDebugSession!;
      assert.equal(session.type, 'nnspec');
      assert.equal(messages.find((m) => m.event === 'stopped')?.body?.reason, 'entry', 'the lens and command stop on entry');
      // From the entry, Continue runs to the breakpoint on layer 2 (its backward step).
      const nextStop = new Promise<void>((resolve) => (stopped = resolve));
      await session.customRequest('continue', { threadId: 1 });
      await nextStop;
      const reasons = messages.filter((m) => m.event === 'stopped').map((m) => m.body?.reason);
      assert.deepEqual(reasons, ['entry', 'breakpoint']);
      const trace = (await session.customRequest('stackTrace', { threadId: 1 })) as { stackFrames: { name: string; line: number; source: { path: string } }[] };
      assert.equal(trace.stackFrames[0]!.name, 'backward: Δ^(2), δ^(2)');
      assert.equal(trace.stackFrames[0]!.line, 4, 'layer 2’s line, 1-based');
      // The workbench hands paths back as its own URIs (vscode-remote:… under code-server).
      assert.ok(trace.stackFrames[0]!.source.path.endsWith(uri.fsPath), trace.stackFrames[0]!.source.path);
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
      await session.customRequest('setBreakpoints', { source: { path: uri.fsPath }, breakpoints: [] });
      await session.customRequest('continue', { threadId: 1 });
      await end;
      await gone;
    } finally {
      tracker.dispose();
    }
  });
});
