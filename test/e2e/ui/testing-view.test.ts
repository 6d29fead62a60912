// The Testing view as a user drives it: Run All Tests checks the gradients of every spec of the
// workspace, and a spec whose check cannot pass (a tolerance no difference meets) shows its
// layers failed in the tree, while a correct spec's pass.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { Workbench } from './lib/workbench';

/** examples/xor.nnspec with a tolerance of 1e-300: every Θ^(l)'s check fails, though backprop is right. */
function plantFailingSpec(workspace: string): void {
  const xor = fs.readFileSync(path.join(workspace, 'xor.nnspec'), 'utf8');
  const strict = xor.replace(/gradientCheck:[\s\S]*$/, 'gradientCheck:\n  tolerance: 1e-300\n');
  assert.notEqual(strict, xor, 'xor.nnspec has a gradientCheck section to replace');
  fs.writeFileSync(path.join(workspace, 'planted-fail.nnspec'), strict);
}

describe('gradient checks in the Testing view', () => {
  let wb: Workbench;
  before(async () => {
    plantFailingSpec(currentUiRun().workspace);
    wb = await Workbench.open();
  });
  after(async () => {
    await wb?.close();
  });

  it('Run All Tests marks the planted spec’s layers failed and a correct spec’s passed', async function () {
    this.timeout(180_000);
    await wb.openFile('xor.nnspec');
    // The flask in the activity bar, as a user opens the view.
    await wb.page.locator('.activitybar .action-item [aria-label^="Testing"]').first().click();
    const tree = wb.page.locator('.test-explorer .monaco-list');
    const row = (name: string) => tree.locator('.monaco-list-row', { hasText: name }).first();
    await row('planted-fail.nnspec').waitFor({ timeout: 60_000 });
    await wb.runCommand('Test: Run All Tests');
    // A spec's row takes its children's worst state: failed for the planted one.
    await row('planted-fail.nnspec').locator('.codicon-testing-failed-icon').waitFor({ timeout: 150_000 });
    await row('xor.nnspec').locator('.codicon-testing-passed-icon').waitFor({ timeout: 150_000 });
    // Open the planted spec's item: each Θ^(l) failed.
    await row('planted-fail.nnspec').locator('.monaco-tl-twistie').click();
    const layers = tree.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Θ^(' });
    await layers.first().waitFor();
    const failed = await layers.evaluateAll((rows) => rows.map((r) => [r.textContent ?? '', r.querySelector('.codicon-testing-failed-icon') !== null] as const));
    // xor is 2-2-1: Θ^(1) and Θ^(2), both failed.
    assert.deepEqual(failed.map(([text, isFailed]) => [/Θ\^\(\d\)/.exec(text)?.[0], isFailed]), [['Θ^(1)', true], ['Θ^(2)', true]]);
    await wb.screenshot('testing-view-failed-layers');
  });
});
