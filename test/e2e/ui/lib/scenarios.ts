// What a user does first, as steps both UI suites take: the desktop's (smoke.test.ts, the
// Node extension host) and the browser's (ui-web/browser-host.test.ts, the web worker
// host), so both builds are held to the same outcome on screen.
import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';

/** bad.nnspec (BAD_SPEC) opens with a squiggle and a Problems row at its line 6. */
export async function validatesAsItOpens(wb: Workbench, shot: string): Promise<void> {
  await wb.openFile('bad.nnspec');
  assert.ok((await wb.waitForSquiggles('error')) >= 1);
  const rows = await wb.problems(/\[Ln 6, Col \d+\]/);
  assert.ok(rows.some((row) => /\[Ln 6, Col \d+\]/.test(row)), rows.join('\n'));
  await wb.screenshot(shot);
}

/** Train network on xor.nnspec from the palette: the progress notification, then the result. */
export async function trainsFromThePalette(wb: Workbench, shot: string): Promise<void> {
  await wb.openFile('xor.nnspec');
  await wb.runCommand('NN: Train network');
  await wb.waitForNotification(/Training xor/);
  await wb.waitForNotification(/nnspec: trained xor/);
  await wb.screenshot(shot);
}

/** The inspector opened after the run shows that run's cost curve, falling, dated. */
export async function inspectorShowsTheLastRun(wb: Workbench): Promise<void> {
  await wb.openFile('xor.nnspec');
  await wb.runCommand('NN: Open network inspector');
  const frame = await wb.webview();
  const cost = frame.locator('section.cost .body[data-last-run]');
  await cost.waitFor();
  assert.equal(await cost.getAttribute('data-partial'), 'false');
  assert.ok(Number(await cost.getAttribute('data-points')) > 2, 'the run’s J per iteration');
  assert.ok(Number(await cost.getAttribute('data-last')) < Number(await cost.getAttribute('data-first')), 'J fell');
  assert.match((await frame.locator('section.cost .caption').first().textContent()) ?? '', /last run, .*: (converged|max-iterations)/);
  // Back to the editor alone: the next steps read the Problems panel.
  await wb.runCommand('View: Close All Editors');
}

/** Check gradients on xor.nnspec: a verdict per layer in Problems, Θ^(1)'s at its layer's line. */
export async function checksGradients(wb: Workbench, shot: string): Promise<void> {
  await wb.openFile('xor.nnspec');
  await wb.runCommand('NN: Check gradients');
  const rows = await wb.problems(/Gradient check passed for Θ\^\(2\)/);
  const verdicts = rows.filter((row) => /Gradient check passed for Θ\^\(\d\)/.test(row));
  assert.equal(verdicts.length, 2, rows.join('\n'));
  assert.ok(verdicts.some((row) => /Θ\^\(1\).*\[Ln 9, Col \d+\]/.test(row)), verdicts.join('\n'));
  await wb.screenshot(shot);
}
