import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { awaitChange } from '../../src/parallel/spin-wait';

describe('parallel/spin-wait', () => {
  it('returns true as soon as another thread changes the word', async () => {
    const words = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(path.join(__dirname, 'fixtures', 'flip-later.js'), { workerData: { words, afterMs: 5 } });
    await new Promise((resolve) => worker.once('online', resolve));
    // Polls for up to 60 s: the change after ~5 ms ends it.
    assert.equal(awaitChange(words, 0, 0, 60_000), true);
    assert.equal(Atomics.load(words, 0), 1);
    await worker.terminate();
  });

  it('returns false when the word keeps its value for the whole time', () => {
    const words = new Int32Array(new SharedArrayBuffer(4));
    assert.equal(awaitChange(words, 0, 0, 2), false);
  });

  it('returns true at once when the word already differs', () => {
    const words = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(words, 0, 7);
    assert.equal(awaitChange(words, 0, 0, 5000), true);
  });
});
