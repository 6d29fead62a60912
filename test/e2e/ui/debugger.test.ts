// The debugger as a user meets it: a red dot in the gutter of examples/xor.nnspec, F5 with
// no launch.json, Continue to the breakpoint, the CALL STACK and VARIABLES views, Step Over
// to the next layer, Stop. The screenshot taken at the breakpoint is the README's.
import * as assert from 'node:assert/strict';
import { Workbench } from './lib/workbench';

/** xor.nnspec's hidden layer entry (`- units: 2`, the second one): layer 2. */
const HIDDEN_LAYER_LINE = 9;

describe('the debugger in the workbench', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open();
  });
  after(async () => {
    // Leave no inspector behind: a later suite's window would restore it.
    if (wb) await wb.leaveNoInspector();
    await wb?.close();
  });

  it('F5 on a spec with a gutter breakpoint stops at the layer: CALL STACK and VARIABLES show its step', async () => {
    await wb.openFile('xor.nnspec');
    await wb.waitForExtension();
    const page = wb.page;
    const lineNumber = page.locator('.editor-group-container.active .margin-view-overlays .line-numbers', { hasText: new RegExp(`^\\s*${HIDDEN_LAYER_LINE}\\s*$`) }).first();
    const box = await lineNumber.boundingBox();
    assert.ok(box, 'the line number is on screen');
    // The glyph margin, where breakpoints are toggled, lies just left of the line numbers.
    await page.mouse.click(box.x - 8, box.y + box.height / 2);
    await page.locator('.editor-group-container.active .monaco-editor .codicon-debug-breakpoint').first().waitFor();

    await page.keyboard.press('F5');
    const callStack = page.locator('.debug-call-stack .monaco-list-row');
    const stoppedAt = (step: string) => callStack.filter({ hasText: step }).first().waitFor();
    // The debugger stops on entry, at the first step: layer 2's z and a (layer 1 is the input).
    await page.keyboard.press('Control+Shift+D');
    await stoppedAt('forward: z^(2), a^(2)');
    await page.keyboard.press('F10');
    await stoppedAt('forward: z^(3), a^(3)');
    // Continue: past δ^(3), to the breakpoint on layer 2's line, now on the way back.
    await page.keyboard.press('F5');
    await stoppedAt('backward: Δ^(2), δ^(2)');
    const frames = (await callStack.allTextContents()).map((t) => t.trim());
    assert.ok(frames.some((f) => f.includes('example 1 of 4')), frames.join('\n'));
    assert.ok(frames.some((f) => f.includes('evaluation: J(θ) and D')), frames.join('\n'));
    // The top frame is on the breakpoint's line: its row names the file and the line.
    assert.match(frames.find((f) => f.includes('backward: Δ^(2)'))!, new RegExp(`xor\\.nnspec\\s*${HIDDEN_LAYER_LINE}:1`));

    const variables = page.locator('.debug-variables .monaco-list-row');
    for (const name of ['Layer', 'Example', 'Network', 'Run']) await variables.filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).first().waitFor();
    // The Layer scope opens by itself: layer 2's a, z and δ.
    for (const name of ['a', 'z', 'δ']) await variables.filter({ hasText: new RegExp(`^\\s*${name}\\^\\(2\\)`) }).first().waitFor();
    await wb.screenshot('debugger');

    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
    assert.equal(await callStack.filter({ hasText: 'forward:' }).count(), 0);
  });

  it('the inspector follows the session: the stopped layer is marked, and the δ view shows the stopped example as backprop fills it', async () => {
    // The breakpoint on layer 2's line stays from the test above.
    await wb.runCommand('NN: Open network inspector');
    const frame = await wb.webview();
    await frame.locator('svg.diagram-svg g.layer').nth(2).waitFor();
    const page = wb.page;
    // F5 debugs the active editor's spec: give the focus back to it (the Run and Debug view hides the explorer).
    await page.locator('.tabs-container .tab', { hasText: 'xor.nnspec' }).first().click();
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'xor.nnspec' }).waitFor();
    await page.keyboard.press('F5');
    const status = frame.locator('.debug-stop');
    await status.filter({ hasText: 'forward: z^(2), a^(2)' }).waitFor();
    assert.match((await status.textContent()) ?? '', /example 1 of 4/);
    await frame.locator('svg.diagram-svg g.layer.debug-current[data-layer="2"]').waitFor();
    assert.equal(await frame.locator('svg.diagram-svg g.layer.debug-current').count(), 1);
    // On the way forward, no δ yet: every strip says backprop has not reached its layer.
    const strips = frame.locator('.strips[data-source="debug"][data-example="1"]');
    await strips.waitFor();
    assert.equal(await strips.locator('.strip.pending').count(), 2);
    // Step Over: the mark moves to the output layer.
    await page.keyboard.press('F10');
    await status.filter({ hasText: 'forward: z^(3), a^(3)' }).waitFor();
    await frame.locator('svg.diagram-svg g.layer.debug-current[data-layer="3"]').waitFor();
    assert.equal(await frame.locator('svg.diagram-svg g.layer.debug-current').count(), 1);

    // Continue to the breakpoint on the way back: δ^(3) and δ^(2) are known, layer 2 marked again.
    await page.keyboard.press('F5');
    await status.filter({ hasText: 'backward: Δ^(2), δ^(2)' }).waitFor();
    await frame.locator('.strips[data-source="debug"] .strip:not(.pending)[data-layer="2"] rect').first().waitFor();
    assert.equal(await strips.locator('.strip.pending').count(), 0);
    assert.equal(await strips.locator('.strip[data-layer="2"] rect').count(), 2);
    assert.equal(await frame.locator('svg.diagram-svg g.layer.debug-current[data-layer="2"]').count(), 1);

    // Stop: the marks go, the δ view shows the inspector's own example again.
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
    await status.waitFor({ state: 'hidden' });
    assert.equal(await frame.locator('svg.diagram-svg g.layer.debug-current').count(), 0);
    await frame.locator('.strips[data-source="trace"]').waitFor();
  });
});
