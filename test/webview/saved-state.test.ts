import * as assert from 'node:assert/strict';
import { TrainingSeries } from '../../src/core/inspect/training-series';
import { readSavedState } from '../../webview/logic/saved-state';

describe('webview/logic/saved-state', () => {
  it('reads a good state back and drops what it cannot trust', () => {
    const state = readSavedState({ uri: 'file:///a.nnspec', example: 3, log: true, layers: [{ layer: 1, units: 2 }], total: 9, cost: [[0, 1], [1, null]] });
    assert.equal(state.example, 3);
    assert.equal(state.log, true);
    assert.equal(state.layers?.length, 1);
    assert.deepEqual(readSavedState(null), { example: 0, log: false });
    const bad = readSavedState({ example: -1, layers: [{ layer: 'x' }], cost: 'no', uri: 7 });
    assert.deepEqual(bad, { example: 0, log: false });
  });

  it('reads a saved history back, and drops one whose columns do not line up', () => {
    const s = new TrainingSeries();
    s.add({ iteration: 1, maxIterations: 2, cost: 1, elapsedMs: 0, layers: [{ layer: 1, gradientNorm: 1, meanAbsDelta: 1 }] });
    s.add({ iteration: 2, maxIterations: 2, cost: 0.5, elapsedMs: 0, layers: [{ layer: 1, gradientNorm: 0.5, meanAbsDelta: 0.5 }] });
    const history = s.saved(10);
    assert.deepEqual(readSavedState({ example: 0, log: false, history }).history, history);
    assert.equal(readSavedState({ example: 0, log: false, history: { ...history, train: [1] } }).history, undefined);
    assert.equal(readSavedState({ example: 0, log: false, history: { ...history, gradientNorm: [['x', 1]] } }).history, undefined);
  });
});
