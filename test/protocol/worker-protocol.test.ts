import * as assert from 'node:assert/strict';
import type { FailureCode } from '../../src/protocol/failure-code';
import { isFinal, type WorkerEvent } from '../../src/protocol/worker-protocol';

describe('protocol/worker-protocol', () => {
  it('isFinal: trained, checked, compared, inspected and failed end a job; progress of any kind does not', () => {
    // Only the type is read: the other fields are left out.
    const event = (type: WorkerEvent['type']): WorkerEvent => ({ type }) as WorkerEvent;
    for (const type of ['trained', 'checked', 'compared', 'inspected', 'failed'] as const) assert.equal(isFinal(event(type)), true, type);
    for (const type of ['progress', 'check-progress', 'compare-progress'] as const) assert.equal(isFinal(event(type)), false, type);
  });

  it('FailureCode is a closed union: a code nobody sends does not type-check (tsc is this test’s judge)', () => {
    const sent: FailureCode[] = ['spec-invalid', 'csv-not-found', 'data-input-mismatch', 'weights-layer-shape', 'worker-crashed', 'worker-terminated'];
    // @ts-expect-error: not a code any worker or host sends
    const unknown: FailureCode = 'no-such-code';
    assert.equal(sent.includes(unknown), false);
  });
});
