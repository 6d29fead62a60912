// The packaged extension through the workbench UI, on a copy of examples/ (run-ui-tests
// --workspace examples): what a user sees after typing, training and checking.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { BAD_SPEC } from './lib/bad-spec';
import { Workbench } from './lib/workbench';

describe('nnspec in the workbench', () => {
  let wb: Workbench;
  before(async () => {
    fs.writeFileSync(path.join(currentUiRun().workspace, 'bad.nnspec'), BAD_SPEC);
    wb = await Workbench.open();
  });
  after(async () => {
    // Leave no inspector behind: a later suite's window would restore it.
    if (wb) await wb.leaveNoInspector();
    await wb?.close();
  });

  it('validates a spec as it opens: a squiggle and a Problems row at the line', async () => {
    await wb.openFile('bad.nnspec');
    assert.ok((await wb.waitForSquiggles('error')) >= 1);
    const rows = await wb.problems(/\[Ln 6, Col \d+\]/);
    assert.ok(rows.some((row) => /\[Ln 6, Col \d+\]/.test(row)), rows.join('\n'));
    await wb.screenshot('problems-validation');
  });

  it('trains from the palette with a progress notification', async () => {
    await wb.openFile('xor.nnspec');
    await wb.runCommand('NN: Train network');
    await wb.waitForNotification(/Training xor/);
    await wb.waitForNotification(/nnspec: trained xor/);
    await wb.screenshot('train-notification');
  });

  it('an inspector opened after the run shows its cost curve, dated, though it was not open while it ran', async () => {
    await wb.openFile('xor.nnspec');
    await wb.runCommand('NN: Open network inspector');
    const frame = await wb.webview();
    const cost = frame.locator('section.cost .body[data-last-run]');
    await cost.waitFor();
    assert.equal(await cost.getAttribute('data-partial'), 'false');
    assert.ok(Number(await cost.getAttribute('data-points')) > 2, 'the run’s J per iteration');
    assert.ok(Number(await cost.getAttribute('data-last')) < Number(await cost.getAttribute('data-first')), 'J fell');
    assert.match((await frame.locator('section.cost .caption').first().textContent()) ?? '', /last run, .*: (converged|max-iterations)/);
    // Back to the editor alone: the next tests read the Problems panel.
    await wb.runCommand('View: Close All Editors');
  });

  it('checks gradients from the palette: the Problems panel lists a verdict per layer', async () => {
    await wb.openFile('xor.nnspec');
    await wb.runCommand('NN: Check gradients');
    const rows = await wb.problems(/Gradient check passed for Θ\^\(2\)/);
    const verdicts = rows.filter((row) => /Gradient check passed for Θ\^\(\d\)/.test(row));
    assert.equal(verdicts.length, 2, rows.join('\n'));
    assert.ok(verdicts.some((row) => /Θ\^\(1\).*\[Ln 9, Col \d+\]/.test(row)), verdicts.join('\n'));
    await wb.screenshot('problems-gradient-check');
  });
});
