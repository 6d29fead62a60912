// A 784-128-10 network (MNIST-sized, random data) trains with the inspector open: the
// workbench must stay usable. The webview's message rate and its longest frame are
// reported (NNSPEC_BENCH_OUT, one JSON line), never asserted on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUiRun } from '../../../scripts/e2e/lib/ui-run';
import { Workbench } from './lib/workbench';

/** A random classification CSV: m rows of n features in [0, 1) and a label in 0 … k − 1. */
function writeRandomCsv(file: string, m: number, n: number, k: number): void {
  let s = 12345;
  const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = [[...Array.from({ length: n }, (_, j) => `p${j}`), 'label'].join(',')];
  for (let i = 0; i < m; i++) lines.push([...Array.from({ length: n }, () => next().toFixed(2)), String(Math.floor(next() * k))].join(','));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const SPEC = `name: mnist-sized
task: classification
layers:
  - units: 784
  - units: 128
    activation: sigmoid
  - units: 10
    activation: softmax
lambda: 1
train:
  optimizer: lbfgs
  iterations: 25
data:
  csv: bench-784.csv
  target: label
`;

describe('the inspector while a 784-128-10 network trains', () => {
  let wb: Workbench;
  before(() => {
    const workspace = currentUiRun().workspace;
    writeRandomCsv(path.join(workspace, 'bench-784.csv'), 600, 784, 10);
    fs.writeFileSync(path.join(workspace, 'bench-784.nnspec'), SPEC);
  });
  after(async () => {
    if (wb) await wb.leaveNoInspector();
    await wb?.close();
  });

  it('draws the network compactly, trains it, and reports the webview’s message rate and longest frame', async () => {
    wb = await Workbench.open();
    await wb.openFile('bench-784.nnspec');
    await wb.waitForExtension();
    await wb.runCommand('NN: Open network inspector');
    const frame = await wb.webview();
    await frame.locator('svg.diagram-svg g.layer').nth(2).waitFor();
    const units = await frame.locator('svg.diagram-svg g.layer').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-units')));
    assert.deepEqual(units, ['784', '128', '10']);
    assert.ok((await frame.locator('svg.diagram-svg circle.unit').count()) < 100, 'wide layers are drawn compactly');

    await wb.openFile('bench-784.nnspec');
    await wb.runCommand('NN: Train network');
    const cost = frame.locator('section.cost .body[data-status]:not([data-status="training"])');
    await cost.waitFor({ timeout: 120_000 });
    // The workbench still answers: the palette opens and closes.
    await wb.page.keyboard.press('F1');
    await wb.page.locator('.quick-input-widget').waitFor();
    await wb.page.keyboard.press('Escape');
    const perf = frame.locator('#perf');
    const [messages, rate, maxFrameMs] = await Promise.all(['data-messages', 'data-rate', 'data-max-frame-ms'].map((a) => perf.getAttribute(a)));
    const report = { workload: 'inspector-784-128-10', messages: Number(messages), messagesPerSecond: Number(rate), maxFrameMs: Number(maxFrameMs), points: Number(await cost.getAttribute('data-points')) };
    console.log(JSON.stringify(report));
    const out = process.env.NNSPEC_BENCH_OUT;
    if (out) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.appendFileSync(out, `${JSON.stringify(report)}\n`);
    }
    assert.ok(report.points > 1, 'the cost curve has points');
    await wb.screenshot('inspector-784-128-10');
  });
});
