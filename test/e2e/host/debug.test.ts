// The debugger through VS Code's own debug API: a breakpoint on a layer added by API, F5's
// configuration filled in from the spec, the stop seen by a tracker of the real session.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';
import { AdapterMessages, sessionEnded, type SeenMessage } from '../lib/adapter-messages';

/** The text of a hover's contents. */
const hoverText = (hovers: vscode.Hover[]): string =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

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
  it('while stopped: inline values at the end of the layer lines, a hover with the layer’s values; an edit is said in the console and Restart applies it', async () => {
    const uri = writeSpec('debug-edit.nnspec', XOR_SPEC);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(3, 0)))]);
    const messages = new AdapterMessages();
    try {
      const entry = messages.nextStop();
      assert.equal(await vscode.commands.executeCommand<boolean>('nnspec.debug', uri), true);
      await entry;
      const session = vscode.debug.activeDebugSession!;
      const atBreakpoint = messages.nextStop();
      await session.customRequest('continue', { threadId: 1 });
      await atBreakpoint; // backward: δ^(2), Δ^(2)

      const whole = new vscode.Range(0, 0, document.lineCount - 1, 0);
      const inline = await vscode.commands.executeCommand<vscode.InlineValue[]>('vscode.executeInlineValueProvider', uri, whole, { frameId: 1, stoppedLocation: new vscode.Range(3, 0, 3, 0) });
      const texts = new Map(inline.map((v) => [v.range.start.line, (v as vscode.InlineValueText).text]));
      assert.match(texts.get(3) ?? '', /^mean a -?\d.*‖δ‖ \d/, `layer 2's line: ${JSON.stringify([...texts])}`);
      assert.match(texts.get(5) ?? '', /‖δ‖/, 'layer 3 has its δ too');
      assert.equal(inline.find((v) => v.range.start.line === 3)?.range.start.character, document.lineAt(3).text.length, 'at the end of the line');

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 5));
      const hover = hoverText(hovers);
      assert.match(hover, /Layer 2 at this stop/);
      assert.match(hover, /δ\^\(2\) \| `\[-?\d[^`]*\] \(2×1\)`/, hover);
      assert.match(hover, /Θ\^\(2\) \| `\[[^`]*\] \(1×3\)`/, hover);

      // Layer 2 gets a third unit, saved: the console says the session keeps its network.
      const said = messages.next((m) => m.event === 'output' && /debug-edit\.nnspec was edited/.test(m.body?.output ?? ''));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, document.lineAt(3).range, '  - units: 3');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await document.save());
      await said;
      const before = (await session.customRequest('evaluate', { expression: 'size(Theta[1], 1)', context: 'repl' })) as { result: string };
      assert.match(before.result, /^2$/, `the session's Θ^(1) still has 2 rows: ${before.result}`);

      // Restart reads the saved spec: Θ^(1) now has 3 rows.
      const restarted = messages.nextStop();
      await vscode.commands.executeCommand('workbench.action.debug.restart');
      await restarted;
      const again = vscode.debug.activeDebugSession!;
      const after = (await again.customRequest('evaluate', { expression: 'size(Theta[1], 1)', context: 'repl' })) as { result: string };
      assert.match(after.result, /^3$/, `after Restart Θ^(1) has 3 rows: ${after.result}`);
    } finally {
      messages.dispose();
    }
  });

  it('deleting the spec ends its session, with a message', async () => {
    const uri = writeSpec('debug-delete.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const messages = new AdapterMessages();
    try {
      const entry = messages.nextStop();
      assert.equal(await vscode.commands.executeCommand<boolean>('nnspec.debug', uri), true);
      await entry;
      const ended = sessionEnded();
      await vscode.workspace.fs.delete(uri);
      await ended;
      assert.equal(vscode.debug.activeDebugSession, undefined);
    } finally {
      messages.dispose();
    }
  });
});
