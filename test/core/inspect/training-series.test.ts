import * as assert from 'node:assert/strict';
import type { TrainingProgress } from '../../../src/core/train/progress';
import { forLogScale, thin, TrainingSeries } from '../../../src/core/inspect/training-series';

function progress(iteration: number, cost: number, extra: Partial<TrainingProgress> = {}): TrainingProgress {
  return { iteration, maxIterations: 10, cost, layers: [{ layer: 1, gradientNorm: cost * 2, meanAbsDelta: cost / 2 }], elapsedMs: iteration, ...extra };
}

describe('core/inspect/training-series', () => {
  it('gathers aligned columns from progress events, gaps as null', () => {
    const s = new TrainingSeries();
    s.add(progress(1, 0.7, { validationCost: 0.8 }));
    s.add(progress(3, 0.5));
    assert.deepEqual(s.iterations, [1, 3]);
    assert.deepEqual(s.train, [0.7, 0.5]);
    assert.deepEqual(s.validation, [0.8, null]);
    assert.deepEqual(s.gradientNorm, [[1.4, 1]]);
    assert.deepEqual(s.ends(), { first: 0.7, last: 0.5 });
  });

  it('starts over when the iterations restart (a new run)', () => {
    const s = new TrainingSeries();
    s.add(progress(5, 0.3));
    s.add(progress(1, 0.9));
    assert.deepEqual(s.iterations, [1]);
  });

  it('replaces the sampled training curve by the full history at the end, keeping sampled columns aligned', () => {
    const s = new TrainingSeries();
    s.add(progress(2, 0.5, { validationCost: 0.6 }));
    s.finish([1, 0.8, 0.5, 0.4]);
    assert.deepEqual(s.iterations, [0, 1, 2, 3]);
    assert.deepEqual(s.train, [1, 0.8, 0.5, 0.4]);
    assert.deepEqual(s.validation, [null, null, 0.6, null]);
    assert.deepEqual(s.meanAbsDelta[0], [null, null, 0.25, null]);
  });

  it('keeps log axes free of non-positive values and thins long histories keeping the last point', () => {
    assert.deepEqual(forLogScale([1, 0, -1, null, 2]), [1, null, null, null, 2]);
    const long = Array.from({ length: 1000 }, (_, k) => k);
    const short = thin(long, 10);
    assert.equal(short.length, 10);
    assert.equal(short.at(-1), 999);
  });
});

describe('webview/logic/series: restore', () => {
  it('saves at most max points, every column aligned, the sampled ones and the ends kept; restores them as they were', () => {
    const s = new TrainingSeries();
    // Progress sampled every 100th iteration (validation, accuracy, |δ|, ‖D‖), then the run's whole J history.
    for (let it = 100; it <= 1000; it += 100) {
      s.add({ iteration: it, maxIterations: 1000, cost: 1 / it, elapsedMs: 0, validationCost: 2 / it, trainAccuracy: it / 1000, layers: [{ layer: 1, gradientNorm: it, meanAbsDelta: it / 10 }, { layer: 2, gradientNorm: 2 * it, meanAbsDelta: 3 }] });
    }
    s.finish(Array.from({ length: 1001 }, (_, it) => 1 / Math.max(1, it)));
    const saved = s.saved(50);
    assert.ok(saved.iterations.length <= 50);
    assert.equal(saved.iterations[0], 0);
    assert.equal(saved.iterations.at(-1), 1000);
    for (const c of [saved.train, saved.validation, saved.trainAccuracy, saved.validationAccuracy, ...saved.gradientNorm, ...saved.meanAbsDelta]) assert.equal(c.length, saved.iterations.length);
    // Every sampled iteration survives (10 of them, under half the budget), with its values.
    for (let it = 100; it <= 1000; it += 100) {
      const k = saved.iterations.indexOf(it);
      assert.ok(k >= 0, `iteration ${it} kept`);
      assert.equal(saved.gradientNorm[1]![k], 2 * it);
      assert.equal(saved.validation[k], 2 / it);
      assert.equal(saved.train[k], 1 / it);
      assert.equal(saved.meanAbsDelta[0]![k], it / 10);
    }
    const back = new TrainingSeries();
    back.restoreHistory(JSON.parse(JSON.stringify(saved)) as typeof saved);
    assert.deepEqual(back.saved(50), saved);
    assert.deepEqual(back.meanAbsDelta[0]!.filter((v) => v !== null).length, 10);
  });

  it('restores a saved (iteration, J) history with its iterations', () => {
    const s = new TrainingSeries();
    s.restore([[0, 1], [10, 0.5], [20, null]]);
    assert.deepEqual(s.iterations, [0, 10, 20]);
    assert.deepEqual(s.ends(), { first: 1, last: 0.5 });
    assert.equal(s.validation.length, 3);
  });
});
