// The packaged extension through the workbench UI with nnspec in the web worker extension
// host (run-ui-tests --web: the browser build, dist/web/extension.js, on a copy of
// examples/): what a user of vscode.dev or github.dev sees.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { BAD_SPEC } from '../ui/lib/bad-spec';
import { checksGradients, inspectorShowsTheLastRun, trainsFromThePalette, validatesAsItOpens } from '../ui/lib/scenarios';
import { Workbench } from '../ui/lib/workbench';

describe('nnspec in the browser’s extension host', () => {
  let wb: Workbench;
  before(async () => {
    fs.writeFileSync(path.join(currentUiRun().workspace, 'bad.nnspec'), BAD_SPEC);
    wb = await Workbench.open();
  });
  after(async () => {
    if (wb) await wb.leaveNoInspector();
    await wb?.close();
  });

  it('validates a spec as it opens: a squiggle and a Problems row at the line', () => validatesAsItOpens(wb, 'web-problems-validation'));

  it('shows the layer diagram of iris in the inspector', async () => {
    await wb.openFile('iris.nnspec');
    await wb.waitForExtension();
    await wb.runCommand('NN: Open network inspector');
    const frame = await wb.webview();
    await frame.locator('svg.diagram-svg g.layer').nth(2).waitFor();
    const units = await frame.locator('svg.diagram-svg g.layer').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-units') ?? ''));
    assert.equal(units.length, 3, units.join(','));
    await wb.screenshot('web-inspector-diagram');
    await wb.runCommand('View: Close All Editors');
  });

  it('trains from the palette in the browser’s worker, with a progress notification', () => trainsFromThePalette(wb, 'web-train-notification'));

  it('an inspector opened after the run shows its cost curve', () => inspectorShowsTheLastRun(wb));

  it('checks gradients from the palette: the Problems panel lists a verdict per layer', () => checksGradients(wb, 'web-problems-gradient-check'));
});
