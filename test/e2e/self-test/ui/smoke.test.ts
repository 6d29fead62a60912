// The harness's self-test through the workbench UI, against the packaged fixture extension.
import * as assert from 'node:assert/strict';
import { Workbench } from '../../ui/lib/workbench';

describe('harness self-test: workbench UI', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open();
  });
  after(async () => {
    await wb?.close();
  });

  it('shows a squiggle for the diagnostic of an opened file', async () => {
    await wb.openFile('hello.nnfix');
    assert.equal(await wb.waitForSquiggles('error'), 1);
    await wb.screenshot('self-test-squiggle');
  });

  it('lists the diagnostic in the Problems panel', async () => {
    const rows = await wb.problems('FIX001');
    const row = rows.find((text) => text.includes('FIX001'));
    assert.ok(row, rows.join('\n'));
    assert.match(row, /\[Ln 2, Col 9\]/);
    await wb.screenshot('self-test-problems');
  });

  it('runs a palette command whose worker answers in a notification', async () => {
    await wb.runCommand('Fixture: Sum in Worker');
    await wb.waitForNotification('Worker sum: 5050');
    await wb.screenshot('self-test-notification');
  });

  it('shows a webview whose canvas draws', async () => {
    await wb.runCommand('Fixture: Show Canvas');
    const frame = await wb.webview();
    await frame.locator('#title', { hasText: 'Fixture canvas' }).waitFor();
    assert.deepEqual(await wb.canvasPixel(frame, 10, 10), [255, 0, 0, 255]);
    await wb.screenshot('self-test-webview');
  });
});
