import assert from 'node:assert/strict';
import * as path from 'node:path';
import { findSymmetricUnits } from '../../src/core/nn/symmetry';
import { openSpec, type OpenedSpec } from '../../src/jobs/open-spec';
import { runTrainJob } from '../../src/jobs/train-job';

const ROOT = path.join(__dirname, '..', '..');

function open(name: string): OpenedSpec {
  const opened = openSpec(path.join(ROOT, 'examples', name), { workspaceRoot: ROOT, allowOutside: false });
  assert.ok(opened.ok, opened.ok ? '' : opened.failure.message);
  return opened.value;
}

/** The examples train to what they promise, from their fixed seeds. */
describe('training the examples', () => {
  it('xor (2-2-1) reaches 100 % training accuracy, with no unit-health warning once fitted', async () => {
    const { summary, health } = await runTrainJob(open('xor.nnspec'), {}, {});
    assert.equal(summary.trainAccuracy, 1);
    // Its hidden units end saturated — confidently — which is no problem once J fell by 90 %.
    assert.deepEqual(health, []);
  });

  it('iris reaches at least 95 % validation accuracy', async () => {
    const { summary } = await runTrainJob(open('iris.nnspec'), {}, {});
    assert.ok(summary.validationAccuracy! >= 0.95, `validation accuracy ${summary.validationAccuracy}`);
  });

  it('digits 64-25-10, λ = 1, 100 L-BFGS iterations reaches at least 98 % training accuracy', async () => {
    const opened = open('digits.nnspec');
    assert.deepEqual(opened.architecture.sizes, [64, 25, 10]);
    assert.equal(opened.spec.lambda, 1);
    assert.equal(opened.spec.train.optimizer, 'lbfgs');
    assert.equal(opened.spec.train.iterations, 100);
    const { summary } = await runTrainJob(opened, {}, {});
    assert.ok(summary.trainAccuracy! >= 0.98, `training accuracy ${summary.trainAccuracy}`);
  });

  it('zeros leaves every hidden unit identical after training, and the detector says so', async () => {
    const opened = open('zeros.nnspec');
    const { summary, theta, symmetry } = await runTrainJob(opened, {}, {});
    assert.ok(summary.iterations > 0 && summary.finalCost < summary.initialCost, 'the cost falls');
    assert.deepEqual(symmetry, [{ layer: 2, groups: [[1, 2, 3, 4]] }]);
    assert.deepEqual(findSymmetricUnits(theta, opened.architecture.sizes, 0), symmetry, 'identical to the last bit');
    assert.ok(summary.trainAccuracy! < 1, 'a symmetric network cannot learn XOR');
  });

  it('the regression example fits its wave', async () => {
    const { summary } = await runTrainJob(open('regression.nnspec'), {}, {});
    assert.ok(summary.finalCost < summary.initialCost / 10);
  });

  it('circle reaches 100 % validation accuracy', async () => {
    const { summary } = await runTrainJob(open('circle.nnspec'), {}, {});
    assert.equal(summary.validationAccuracy, 1);
  });

  /** mean |δ^(l)| per layer l = 2 … L at the last iteration. */
  async function deltas(name: string): Promise<number[]> {
    let last: number[] = [];
    await runTrainJob(open(name), {}, { onProgress: (p) => (last = p.layers.map((l) => l.meanAbsDelta)) });
    assert.equal(last.length, 7, 'one mean |δ| per layer 2 … L of the 8-layer network');
    return last;
  }

  it('vanishing: δ shrinks by orders of magnitude from the output back to the first hidden layer', async () => {
    const d = await deltas('vanishing.nnspec');
    assert.equal(d.length, 7);
    for (let l = 0; l + 1 < d.length; l++) assert.ok(d[l]! < d[l + 1]!, `mean |δ| grows towards the output: ${d.join(', ')}`);
    assert.ok(d[0]! < 1e-3 * d.at(-1)!, `δ^(2) ${d[0]} vs δ^(L) ${d.at(-1)}`);
  });

  it('vanishing-relu: the same network with relu keeps δ within one order of magnitude and learns', async () => {
    const d = await deltas('vanishing-relu.nnspec');
    assert.ok(Math.min(...d) > 0.1 * Math.max(...d), d.join(', '));
    const { summary } = await runTrainJob(open('vanishing-relu.nnspec'), {}, {});
    assert.equal(summary.trainAccuracy, 1);
  });

  it('diverging: the cost stops being a number, the run stops at once and names the layer', async () => {
    const { summary, theta } = await runTrainJob(open('diverging.nnspec'), {}, {});
    assert.equal(summary.reason, 'not-finite');
    assert.ok(summary.notFinite!.iteration > 1 && summary.notFinite!.iteration < 500);
    assert.ok(summary.notFinite!.layer === 1 || summary.notFinite!.layer === 2);
    assert.ok(theta.every(Number.isFinite));
  });
});
