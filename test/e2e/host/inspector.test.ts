// The network inspector in the real extension host: its HTML's Content-Security-Policy and
// resource roots, and the worker jobs that feed it (snapshot on open, inspection after training).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { NnspecApi } from '../../../src/extension/extension';
import type { InspectorDescription } from '../../../src/extension/inspector/inspector-panel';
import type { FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { activateExtension, waitFor } from './helpers';
import { writeSpec, XOR_SPEC } from './fixtures';

/** The CSP meta tag's directives: name → sources. */
function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, 'the HTML has a CSP meta tag');
  return new Map(meta[1]!.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('the network inspector (extension host)', () => {
  let api: NnspecApi;
  before(async () => {
    api = (await activateExtension<NnspecApi>('nnspec.nnspec')).exports;
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('serves HTML under a strict CSP: default-src none, scripts only by a fresh nonce, nothing remote; resources only from dist/webview', async () => {
    const uri = writeSpec('inspect-csp.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    const first = await vscode.commands.executeCommand<InspectorDescription>('nnspec.openInspector', uri);
    assert.ok(first, 'the command describes the panel');
    const csp = cspOf(first.html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    const script = csp.get('script-src') ?? [];
    assert.equal(script.length, 1);
    assert.match(script[0]!, /^'nonce-[A-Za-z0-9+/=]{16,}'$/);
    // Besides 'none' and the nonce, only the webview's own resource origin (VS Code's cspSource) may appear.
    const own = new Set(first.cspSource.split(/\s+/));
    for (const [name, sources] of csp) {
      assert.ok(!sources.includes("'unsafe-eval'"), `${name} allows unsafe-eval`);
      assert.ok(!sources.includes("'unsafe-inline'"), `${name} allows unsafe-inline`);
      const foreign = sources.filter((s) => s !== "'none'" && !s.startsWith("'nonce-") && !own.has(s));
      assert.deepEqual(foreign, [], `${name} allows another origin`);
    }
    assert.ok(!script.includes("'unsafe-inline'"));
    const nonce = script[0]!.slice("'nonce-".length, -1);
    const scripts = [...first.html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1);
    for (const [, attributes, body] of scripts) {
      assert.ok(attributes!.includes(`nonce="${nonce}"`), 'every script carries the nonce');
      assert.equal(body!.trim(), '', 'no inline script text');
    }
    assert.ok(!/\son\w+=/.test(first.html), 'no inline event handlers');
    assert.equal(first.enableScripts, true);
    const dist = vscode.Uri.joinPath(vscode.extensions.getExtension('nnspec.nnspec')!.extensionUri, 'dist', 'webview').toString();
    assert.deepEqual(first.localResourceRoots, [dist]);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(uri);
    const second = await vscode.commands.executeCommand<InspectorDescription>('nnspec.openInspector', uri);
    assert.notEqual(cspOf(second!.html).get('script-src')![0], script[0], 'a new nonce per load');
  });

  it('inspects a spec in a worker: the trace has a, z and δ for every layer, and a plane grid for two features', async () => {
    const uri = writeSpec('inspect-job.nnspec', XOR_SPEC.replace('  - units: 2\n    activation: sigmoid', '  - units: 3\n    activation: tanh'));
    const document = await vscode.workspace.openTextDocument(uri);
    const weights = uri.fsPath.replace(/\.nnspec$/, '.weights.json');
    fs.rmSync(weights, { force: true });
    const before = await api.ctx.jobs.inspect(document, weights, 2);
    assert.equal(before.type, 'inspected', JSON.stringify(before));
    if (before.type !== 'inspected') return;
    const s = before.snapshot;
    assert.equal(s.source, 'initial');
    assert.deepEqual(s.sizes, [2, 3, 1]);
    assert.equal(s.trace?.example, 2);
    assert.deepEqual(s.trace?.a.map((a) => a.length), [2, 3, 1]);
    assert.deepEqual(s.trace?.delta.map((d) => d.length), [0, 3, 1]);
    assert.equal(s.theta?.length, 3 * 3 + 1 * 4);
    assert.equal(s.grid?.kind, 'plane');

    const trained = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.equal(trained?.type, 'trained');
    const after = await api.ctx.jobs.inspect(document, weights, 0);
    assert.ok(after.type === 'inspected' && after.snapshot.source === 'weights-file', JSON.stringify(after).slice(0, 300));
    assert.ok(after.type === 'inspected' && after.snapshot.confusion, 'a trained classifier comes with its confusion matrix');
  });

  it('with the inspector on a spec, training ends with an inspection of the trained network', async () => {
    const uri = writeSpec('inspect-train.nnspec', XOR_SPEC);
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('nnspec.openInspector', uri);
    const final = await vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
    assert.equal(final?.type, 'trained');
    if (final?.type !== 'trained') return;
    assert.equal(final.inspection?.source, 'trained');
    const counts = final.inspection?.confusion?.counts ?? [];
    assert.equal(counts.flat().reduce((a, b) => a + b, 0), 4, 'the confusion matrix counts every training example');
  });

  it('opened while a spec trains, the inspector gets live snapshots from then on, and loses them when closed', async () => {
    const long = XOR_SPEC.replace('optimizer: lbfgs\n  iterations: 400', 'optimizer: gd\n  iterations: 100000000\n  learningRate: 0.1\n  tolerance: 0');
    const uri = writeSpec('inspect-mid-run.nnspec', long);
    await vscode.window.showTextDocument(uri);
    // Progress events and those with a snapshot, in each phase.
    const seen = { closed: { events: 0, snapshots: 0 }, open: { events: 0, snapshots: 0 }, 'closed again': { events: 0, snapshots: 0 } };
    let phase: keyof typeof seen = 'closed';
    const listening = api.ctx.jobs.onProgress((p) => {
      if (p.uri.toString() !== uri.toString()) return;
      seen[phase].events++;
      if (p.snapshot) seen[phase].snapshots++;
    });
    try {
      const running = vscode.commands.executeCommand<FinalWorkerEvent>('nnspec.train', uri);
      await waitFor(api.ctx.jobs.onProgress, () => seen.closed.events, (n) => n >= 3, 20_000, 'progress before the inspector opens');
      assert.equal(seen.closed.snapshots, 0, 'no snapshots while no inspector follows the spec');
      phase = 'open';
      await vscode.commands.executeCommand('nnspec.openInspector', uri);
      await waitFor(api.ctx.jobs.onProgress, () => seen.open.snapshots, (n) => n >= 2, 20_000, 'snapshots after the inspector opened');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Events already on their way may still carry a snapshot: count from a few events later.
      const closedAt = seen.open.events;
      await waitFor(api.ctx.jobs.onProgress, () => seen.open.events, (n) => n >= closedAt + 5, 20_000, 'progress after the inspector closed');
      phase = 'closed again';
      await waitFor(api.ctx.jobs.onProgress, () => seen['closed again'].events, (n) => n >= 5, 20_000, 'more progress');
      assert.equal(seen['closed again'].snapshots, 0, 'no snapshots once the inspector is closed');
      await vscode.commands.executeCommand('nnspec.stopTraining', uri);
      const final = await running;
      assert.equal(final?.type, 'trained');
      assert.ok(final?.type === 'trained' && final.inspection === undefined, 'no final inspection without an inspector');
    } finally {
      listening.dispose();
    }
  });
});
