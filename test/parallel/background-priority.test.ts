import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE, lowerThreadPriority } from '../../src/parallel/background-priority';
import { niceOfThisThread } from './fixtures/nice';

interface Probe {
  before: number;
  lowered: boolean;
  after: number;
  child: number;
}

function probe(): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'fixtures', 'priority-probe.js'));
    worker.once('message', (m: Probe) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('parallel/background-priority', () => {
  const linux = process.platform === 'linux';

  it('lowers a worker thread to nice +10, and the threads it starts inherit it', async function () {
    if (!linux) this.skip();
    const p = await probe();
    assert.equal(p.lowered, true);
    assert.equal(p.before, niceOfThisThread(), 'a worker starts at its creator’s priority');
    // Never raised: a suite run under `nice -n 15` stays at 15.
    assert.equal(p.after, Math.max(p.before, BACKGROUND_NICE));
    assert.equal(p.child, p.after, 'the pool thread started from the training thread runs at its priority');
  });

  it('leaves the main thread (the extension host, the CLI) alone', function () {
    if (!linux) this.skip();
    const before = niceOfThisThread();
    assert.equal(lowerThreadPriority(), false);
    assert.equal(niceOfThisThread(), before);
  });
});
