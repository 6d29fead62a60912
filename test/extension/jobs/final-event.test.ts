import assert from 'node:assert/strict';
import { finalEvent } from '../../../src/extension/jobs/final-event';

describe('final event', () => {
  it('keeps the first event, ends the worker once, and ignores what comes after', async () => {
    let ended = 0;
    const final = finalEvent(() => (ended += 1));
    assert.equal(final.finished, false);
    final.finish({ type: 'failed', code: 'worker-terminated', message: 'The job was cancelled.' });
    final.finish({ type: 'failed', code: 'worker-crashed', message: 'The worker stopped unexpectedly.' });
    assert.equal(final.finished, true);
    assert.equal(ended, 1);
    assert.deepEqual(await final.done, { type: 'failed', code: 'worker-terminated', message: 'The job was cancelled.' });
  });
});
