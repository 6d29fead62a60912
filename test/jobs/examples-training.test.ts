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
  it('xor (2-2-1) reaches 100 % training accuracy', async () => {
    const { summary } = await runTrainJob(open('xor.nnspec'), {}, {});
    assert.equal(summary.trainAccuracy, 1);
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
});
