// The packaged extension through the workbench UI, on a copy of examples/ (run-ui-tests
// --workspace examples): what a user sees after typing, training and checking.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { Workbench } from './lib/workbench';

/** A spec with one unknown activation on line 6 (1-based). */
const badSpec = `name: bad
task: classification
layers:
  - units: 2
  - units: 1
    activation: sigmoidd
data:
  rows:
    - [0, 0, 0]
    - [1, 1, 1]
`;

describe('nnspec in the workbench', () => {
  let wb: Workbench;
  before(async () => {
    fs.writeFileSync(path.join(currentUiRun().workspace, 'bad.nnspec'), badSpec);
    wb = await Workbench.open();
  });
  after(async () => {
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
