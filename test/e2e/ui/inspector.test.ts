// The network inspector through the workbench (packaged .vsix, real webview): the diagram
// follows the spec, training fills the cost curve, the gradient check fills its table, the
// decision boundary is painted; screenshots in dark, light and high-contrast themes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { Workbench } from './lib/workbench';

const spiral = (hidden: number): string => `name: spiral-ui
task: classification
layers:
  - units: 2
  - units: ${hidden}
    activation: tanh
  - units: 1
    activation: sigmoid
init:
  strategy: xavier
  seed: 7
train:
  optimizer: adam
  iterations: 2000
  learningRate: 0.02
  batchSize: 32
data:
  generate: spiral
  samples: 200
  noise: 0.1
  validation: 0.2
  seed: 2
`;

/** Picks a colour theme the way a person does: the palette's "Preferences: Color Theme". */
async function pickTheme(wb: Workbench, label: string): Promise<void> {
  const page = wb.page;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  // The same widget now lists themes: filter to the one wanted and take it.
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Light' }).first().waitFor();
  await input.fill(label);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** A benchmark figure: printed, and appended to NNSPEC_BENCH_OUT when set (reported, never asserted on). */
function reportBench(report: Record<string, unknown>): void {
  console.log(JSON.stringify(report));
  const out = process.env.NNSPEC_BENCH_OUT;
  if (!out) return;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.appendFileSync(out, `${JSON.stringify(report)}\n`);
}

async function unitCounts(frame: FrameLocator): Promise<string[]> {
  return frame.locator('svg.diagram-svg g.layer').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-units') ?? ''));
}

describe('the network inspector in the workbench', () => {
  let wb: Workbench;
  let frame: FrameLocator;
  const workspace = (): string => currentUiRun().workspace;

  before(async () => {
    fs.writeFileSync(path.join(workspace(), 'spiral-ui.nnspec'), spiral(8));
    wb = await Workbench.open();
    await wb.openFile('spiral-ui.nnspec');
    await wb.waitForExtension();
    await wb.runCommand('NN: Open network inspector');
    frame = await wb.webview();
  });
  after(async () => {
    // Leave no inspector behind: a later suite's window would restore it.
    if (wb) await wb.leaveNoInspector();
    await wb?.close();
  });

  it('serves the webview under the CSP the extension wrote', async () => {
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /default-src 'none'/);
    assert.match(csp ?? '', /script-src 'nonce-[^']+'(;|$)/);
    assert.doesNotMatch(csp ?? '', /unsafe-eval|unsafe-inline/);
  });

  it('shows one column per layer with the right unit counts', async () => {
    await frame.locator('svg.diagram-svg g.layer').nth(2).waitFor();
    assert.deepEqual(await unitCounts(frame), ['2', '8', '1']);
    assert.equal(await frame.locator('svg.diagram-svg g.layer[data-layer="2"] circle.unit').count(), 8);
  });

  it('paints the decision boundary of the two-feature spec (pixels read back)', async () => {
    await frame.locator('canvas.boundary[data-drawn="plane"]').waitFor();
    const pixels = await Promise.all([[5, 5], [160, 160], [315, 315], [5, 315], [315, 5], [80, 240]].map(([x, y]) => wb.canvasPixel(frame, x!, y!, 'canvas.boundary')));
    assert.ok(pixels.every((p) => p[3] === 255), 'the canvas is painted');
    assert.ok(new Set(pixels.map((p) => p.join(','))).size >= 2, `more than one colour: ${JSON.stringify(pixels)}`);
  });

  it('re-draws when a unit is added to the spec', async () => {
    fs.writeFileSync(path.join(workspace(), 'spiral-ui.nnspec'), spiral(9));
    await frame.locator('svg.diagram-svg g.layer[data-layer="2"][data-units="9"]').waitFor();
    assert.deepEqual(await unitCounts(frame), ['2', '9', '1']);
    assert.equal(await frame.locator('svg.diagram-svg g.layer[data-layer="2"] circle.unit').count(), 9);
  });

  it('fills the cost curve while training; its last point is below its first', async () => {
    await wb.openFile('spiral-ui.nnspec');
    await wb.runCommand('NN: Train network');
    const cost = frame.locator('section.cost .body[data-status]:not([data-status="training"])');
    await cost.waitFor({ timeout: 60_000 });
    const [points, first, last] = await Promise.all(['data-points', 'data-first', 'data-last'].map((a) => cost.getAttribute(a)));
    assert.ok(Number(points) > 10, `points: ${points}`);
    assert.ok(Number(last) < Number(first), `J ${first} → ${last}`);
    const perf = frame.locator('#perf');
    const [messages, rate, maxFrameMs] = await Promise.all(['data-messages', 'data-rate', 'data-max-frame-ms'].map((a) => perf.getAttribute(a)));
    reportBench({ workload: 'inspector-spiral-2-9-1', messages: Number(messages), messagesPerSecond: Number(rate), maxFrameMs: Number(maxFrameMs), points: Number(points) });
    await frame.locator('section.cost canvas').first().waitFor();
    await frame.locator('table.confusion').waitFor();
    await frame.locator('svg.diagram-svg line.edge.positive').first().waitFor();
    // The weights file shows up in the explorer; wait for it, so later clicks do not race the list.
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'spiral-ui.weights.json' }).waitFor();
  });

  it('lists every layer in the gradient-check table', async () => {
    await wb.openFile('spiral-ui.nnspec');
    await wb.runCommand('NN: Check gradients');
    await frame.locator('table.check tbody tr').nth(1).waitFor();
    const layers = await frame.locator('table.check tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-layer')));
    assert.deepEqual(layers, ['1', '2']);
    // A row reveals the layer it checks: Θ^(2) feeds layer 3, the `- units: 1` entry on line 7.
    await frame.locator('table.check tbody tr[data-layer="2"]').click();
    await wb.page.locator('.monaco-editor .selected-text').first().waitFor();
    // The click's own focus event can reach the workbench after the reveal and hand the focus
    // back to the webview; the selection is what matters, so focus the editor to read it.
    await wb.runCommand('View: Focus First Editor Group');
    await wb.page.locator('.statusbar-item', { hasText: /Ln 7, Col 5/ }).first().waitFor();
  });

  it('traces another example when one is picked', async () => {
    const firstInput = frame.locator('table.trace tr').nth(1);
    const before = await firstInput.textContent();
    await frame.locator('.picker vscode-button[aria-label="Next example"]').click();
    await frame.locator('table.trace tr').nth(1).filter({ hasNotText: before ?? '' }).waitFor();
  });

  it('hovering a hidden unit shows its z, a and δ; Tab and Enter on a unit follow its gradient in the trace', async () => {
    const unit = frame.locator('svg.diagram-svg circle.unit[data-layer="2"][data-unit="3"]');
    await unit.hover();
    const tip = frame.locator('.tooltip[role="tooltip"]:not([hidden])');
    await tip.waitFor();
    const text = (await tip.textContent()) ?? '';
    for (const part of ['unit 3 of layer 2', 'z⁽²⁾_3 = ', 'a⁽²⁾_3 = ', 'δ⁽²⁾_3 = ']) assert.ok(text.includes(part), `the tooltip says ${part}: ${text}`);
    // The keyboard: a unit takes the focus (its tooltip shows) and Enter selects it.
    const output = frame.locator('svg.diagram-svg circle.unit[data-layer="3"][data-unit="1"]');
    await output.focus();
    await frame.locator('.tooltip[role="tooltip"]:not([hidden])', { hasText: 'unit 1 of layer 3' }).waitFor();
    await output.press('Enter');
    await frame.locator('.trace-unit', { hasText: 'Unit 1 of layer 3' }).waitFor();
    await unit.focus();
    await unit.press(' ');
    await frame.locator('.trace-unit', { hasText: 'Unit 3 of layer 2' }).waitFor();
    assert.match((await frame.locator('.trace-unit').textContent()) ?? '', /local gradient/);
  });

  it('overlays the initialisation strategies and highlights the identical hidden units of zeros', async () => {
    // The webview had the focus: go back to the spec's own tab (the explorer would open it beside the inspector).
    await wb.page.locator('.tabs-container .tab[data-resource-name="spiral-ui.nnspec"]').first().click();
    await wb.runCommand('NN: Compare initialization strategies');
    await frame.locator('section.compare .body[data-runs="5"]').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('svg.diagram-svg g.layer[data-layer="2"] circle.unit.symmetric').count(), 9);
    assert.ok((await frame.locator('section.compare ul.notes li.warn').count()) >= 1);
  });

  it('looks right in dark, light and high-contrast themes (screenshots)', async () => {
    await wb.page.locator('.tabs-container .tab[data-resource-name="spiral-ui.nnspec"]').first().click();
    // Room for the inspector: hide the bottom panel (the comparison opened the output there).
    if (await wb.page.locator('.part.panel.bottom').isVisible()) await wb.page.keyboard.press('Control+J');
    await wb.page.locator('.part.panel.bottom').waitFor({ state: 'hidden' });
    for (const [theme, kind] of [['Dark Modern', 'dark'], ['Light Modern', 'light'], ['Dark High Contrast', 'high-contrast']] as const) {
      await pickTheme(wb, theme);
      await frame.locator(`body.vscode-${kind}`).waitFor();
      await frame.locator('canvas.boundary[data-drawn="plane"]').waitFor();
      await frame.locator('h1').scrollIntoViewIfNeeded();
      await wb.screenshot(`inspector-${kind}`);
      // The lower sections: δ strips, the trace, the decision boundary, the check table.
      await frame.locator('section.trace').scrollIntoViewIfNeeded();
      await wb.screenshot(`inspector-${kind}-lower`);
      await frame.locator('section.check').scrollIntoViewIfNeeded();
      await wb.screenshot(`inspector-${kind}-bottom`);
    }
    await pickTheme(wb, 'Light Modern');
  });
  it('comes back after a window reload, from its saved state and the serializer', async () => {
    // Reload as a person does: the workbench saves the webview's state on the way out.
    const reloaded = wb.page.waitForEvent('framenavigated', { predicate: (f) => f === wb.page.mainFrame() });
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.monaco-workbench').waitFor();
    frame = await wb.webview();
    await frame.locator('svg.diagram-svg g.layer').nth(2).waitFor();
    assert.deepEqual(await unitCounts(frame), ['2', '9', '1']);
    await frame.locator('table.check tbody tr').nth(1).waitFor();
    await frame.locator('section.compare .body[data-runs="5"]').waitFor();
    // The last run's curves: J, and mean |δ| / ‖D‖ per layer at the iterations sampled. The
    // webview's own saved state draws them first; the host's kept run then dates them.
    const costBack = frame.locator('section.cost .body[data-last-run]');
    await costBack.waitFor();
    assert.ok(Number(await costBack.getAttribute('data-points')) > 10);
    const deltaBack = frame.locator('section.delta .body[data-points]');
    await deltaBack.waitFor();
    assert.ok(Number(await deltaBack.getAttribute('data-points')) > 0, 'the δ and ‖D‖ curves come back');
  });
});
