import * as assert from 'node:assert/strict';
import type { PreparedData } from '../../../src/core/nn/dataset';
import type { TrainingProgress } from '../../../src/core/train/progress';
import type { OpenedSpec } from '../../../src/jobs/open-spec';
import { SnapshotThrottle } from '../../../src/worker/snapshot-throttle';

const data: PreparedData = {
  train: { m: 2, n: 2, k: 1, X: new Float64Array([0, 1, 1, 0]), Y: new Float64Array([1, 0]), labels: new Int32Array([1, 0]) },
  normalization: { kind: 'none', shift: [0, 0], scale: [1, 1] },
  featureNames: ['a', 'b'],
};
const opened = { architecture: { sizes: [2, 1], activations: ['sigmoid'], cost: 'cross-entropy', lambda: 0 }, data } as unknown as OpenedSpec;
const progress = (iteration: number): TrainingProgress => ({ iteration, maxIterations: 10, cost: 1, layers: [], elapsedMs: 0 });

describe('worker: snapshots during training', () => {
  it('takes at most one snapshot per interval, and none without θ; each traces the example asked for then', () => {
    let t = 0;
    const throttle = new SnapshotThrottle(opened, 200, () => t);
    const theta = new Float64Array([0.1, 0.2, 0.3]);
    assert.equal(throttle.during(progress(1), undefined, 1), undefined);
    assert.equal(throttle.during(progress(1), theta, 1)?.iteration, 1);
    t = 100;
    assert.equal(throttle.during(progress(2), theta, 1), undefined);
    t = 250;
    const s = throttle.during(progress(3), theta, 1);
    assert.equal(s?.source, 'training');
    assert.equal(s?.trace?.example, 1);
    assert.deepEqual(s?.theta, [0.1, 0.2, 0.3]);
    t = 500;
    assert.equal(throttle.during(progress(4), theta, 0)?.trace?.example, 0, 'another example picked mid-run');
  });

  it('ends with the trained network and its confusion matrix', () => {
    const final = new SnapshotThrottle(opened, 200).final(new Float64Array([0, 1, -1]), 7, 0);
    assert.equal(final.source, 'trained');
    assert.equal(final.iteration, 7);
    assert.equal(final.confusion?.counts.flat().reduce((a, b) => a + b, 0), 2);
  });
});
