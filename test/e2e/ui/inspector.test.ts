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
  iterations: 300
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
    await wb.runCommand('NN: Open network inspector');
    frame = await wb.webview();
  });
  after(async () => {
    // Leave no inspector behind: a later suite's window would restore it.
    await wb?.runCommand('View: Close All Editors');
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
    await frame.locator('section.cost canvas').first().waitFor();
    await frame.locator('table.confusion').waitFor();
    await frame.locator('svg.diagram-svg line.edge.positive').first().waitFor();
  });

  it('lists every layer in the gradient-check table', async () => {
    await wb.openFile('spiral-ui.nnspec');
    await wb.runCommand('NN: Check gradients');
    await frame.locator('table.check tbody tr').nth(1).waitFor();
    const layers = await frame.locator('table.check tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-layer')));
    assert.deepEqual(layers, ['1', '2']);
  });

  it('looks right in dark, light and high-contrast themes (screenshots)', async () => {
    await wb.openFile('spiral-ui.nnspec');
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
});
