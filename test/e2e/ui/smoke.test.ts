// The packaged extension through the workbench UI, on a copy of examples/ (run-ui-tests
// --workspace examples): what a user sees after typing, training and checking.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { BAD_SPEC } from './lib/bad-spec';
import { checksGradients, inspectorShowsTheLastRun, trainsFromThePalette, validatesAsItOpens } from './lib/scenarios';
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

  it('validates a spec as it opens: a squiggle and a Problems row at the line', () => validatesAsItOpens(wb, 'problems-validation'));

  it('trains from the palette with a progress notification', () => trainsFromThePalette(wb, 'train-notification'));

  it('an inspector opened after the run shows its cost curve, dated, though it was not open while it ran', () => inspectorShowsTheLastRun(wb));

  it('checks gradients from the palette: the Problems panel lists a verdict per layer', () => checksGradients(wb, 'problems-gradient-check'));
});
