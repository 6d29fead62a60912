import * as assert from 'node:assert/strict';
import { JobRegistry, type JobKey, type JobKind } from '../../../src/extension/jobs/job-registry';
import { createSnapshotWords } from '../../../src/extension/jobs/snapshot-followers';
import { SNAPSHOT_EXAMPLE, SNAPSHOT_WANTED, type FinalWorkerEvent } from '../../../src/protocol/worker-protocol';
import { FakeJob } from './fake-job';

const A = 'file:///work/a.nnspec';
const B = 'file:///work/b.nnspec';
const key = (spec: string, kind: JobKind): JobKey => ({ spec, kind });

/** Starts a fake job in `k`'s slot and returns it; fails when the slot is kept by another. */
function startFake(registry: JobRegistry<FakeJob>, k: JobKey, snapshotWords?: Int32Array): { job: FakeJob; done: Promise<FinalWorkerEvent> } {
  const job = new FakeJob();
  const answer = registry.start(k, () => job, snapshotWords ? { snapshotWords } : {});
  assert.equal(answer.status, 'started');
  assert.ok(answer.status === 'started');
  return { job, done: answer.done };
}

/** What a training's words say: undefined when snapshots are not wanted, else the example traced. */
function traced(words: Int32Array): number | undefined {
  return Atomics.load(words, SNAPSHOT_WANTED) === 1 ? Atomics.load(words, SNAPSHOT_EXAMPLE) : undefined;
}

describe('extension/jobs/job-registry', () => {
  let registry: JobRegistry<FakeJob>;
  let changes: JobKey[];
  beforeEach(() => {
    changes = [];
    registry = new JobRegistry<FakeJob>((k) => changes.push(k));
  });

  describe('slots', () => {
    it('holds one job per kind per spec: a second training of a spec is kept out, and the running one is named', () => {
      const { job: first } = startFake(registry, key(A, 'train'));
      let launched = false;
      const second = registry.start(key(A, 'train'), () => {
        launched = true;
        return new FakeJob();
      });
      assert.equal(second.status, 'busy');
      assert.equal(second.job, first);
      assert.equal(launched, false, 'nothing is started for a kept slot');
      assert.equal(first.terminatedWith, undefined);
      assert.equal(first.cancelled, false);
    });

    it('keeps checks and comparisons out the same way', () => {
      for (const kind of ['check', 'compare-init'] as const) {
        startFake(registry, key(A, kind));
        assert.equal(registry.start(key(A, kind), () => new FakeJob()).status, 'busy', kind);
      }
    });

    it('runs jobs of other kinds, and of other specs, side by side', () => {
      const train = startFake(registry, key(A, 'train')).job;
      const check = startFake(registry, key(A, 'check')).job;
      const otherSpec = startFake(registry, key(B, 'train')).job;
      assert.equal(registry.jobOf(key(A, 'train')), train);
      assert.equal(registry.jobOf(key(A, 'check')), check);
      assert.equal(registry.jobOf(key(B, 'train')), otherSpec);
      assert.equal(registry.jobOf(key(B, 'check')), undefined);
    });

    it('a newer inspection replaces the older one silently; the older one’s end leaves the newer one’s slot alone', async () => {
      const older = startFake(registry, key(A, 'inspect'));
      const newer = startFake(registry, key(A, 'inspect'));
      assert.equal(older.job.terminatedWith, 'The job was stopped.');
      assert.deepEqual(await older.done, { type: 'failed', code: 'worker-terminated', message: 'The job was stopped.' });
      assert.equal(registry.jobOf(key(A, 'inspect')), newer.job);
      assert.equal(newer.job.terminatedWith, undefined);
      // Taken twice, freed never: the newer one still runs.
      assert.deepEqual(changes, [key(A, 'inspect'), key(A, 'inspect')]);
    });

    it('a finished job frees its slot by the time its end is heard, and the slot can be taken again', async () => {
      const { job, done } = startFake(registry, key(A, 'train'));
      assert.equal(registry.isRunning(key(A, 'train')), true);
      job.finish({ type: 'compared', runs: [] });
      assert.deepEqual(await done, { type: 'compared', runs: [] });
      assert.equal(registry.isRunning(key(A, 'train')), false);
      assert.deepEqual(changes, [key(A, 'train'), key(A, 'train')], 'taken, then freed');
      startFake(registry, key(A, 'train'));
      assert.equal(registry.isRunning(key(A, 'train')), true);
    });
  });

  describe('stopping', () => {
    it('stop cancels the job (it ends with its own answer) and resolves once its slot is free', async () => {
      const { job } = startFake(registry, key(A, 'train'));
      await registry.stop(key(A, 'train'));
      assert.equal(job.cancelled, true);
      assert.equal(job.terminatedWith, undefined, 'a stop is a cancel, not a kill');
      assert.equal(registry.isRunning(key(A, 'train')), false);
      // What "Stop and Restart" relies on: a new training starts straight after the stop.
      startFake(registry, key(A, 'train'));
    });

    it('stop on a free slot does nothing', async () => {
      const { job } = startFake(registry, key(A, 'check'));
      await registry.stop(key(A, 'train'));
      await registry.stop(key(B, 'check'));
      assert.equal(job.cancelled, false);
    });

    it('a deleted spec takes every job on it with it, each told why in its own words; other specs run on', async () => {
      const jobs = (['train', 'check', 'compare-init', 'inspect'] as const).map((kind) => startFake(registry, key(A, kind)));
      const other = startFake(registry, key(B, 'train'));
      registry.terminateSpec(A, (kind) => `stopped the ${kind}`);
      assert.deepEqual(
        jobs.map(({ job }) => job.terminatedWith),
        ['stopped the train', 'stopped the check', 'stopped the compare-init', 'stopped the inspect'],
      );
      await Promise.all(jobs.map(({ done }) => done));
      for (const kind of ['train', 'check', 'compare-init', 'inspect'] as const) assert.equal(registry.isRunning(key(A, kind)), false, kind);
      assert.equal(other.job.terminatedWith, undefined);
      assert.equal(registry.isRunning(key(B, 'train')), true);
    });

    it('terminateAll ends every job', () => {
      const jobs = [startFake(registry, key(A, 'train')), startFake(registry, key(A, 'inspect')), startFake(registry, key(B, 'check'))];
      registry.terminateAll();
      assert.ok(jobs.every(({ job }) => job.terminatedWith !== undefined));
    });
  });

  describe('anyRunning and specsRunning', () => {
    it('say whether, and on which specs, a kind of job runs, following starts and ends', async () => {
      assert.equal(registry.anyRunning('train'), false);
      const check = startFake(registry, key(A, 'check'));
      assert.equal(registry.anyRunning('train'), false, 'a check is not a training');
      const a = startFake(registry, key(A, 'train'));
      const b = startFake(registry, key(B, 'train'));
      assert.equal(registry.anyRunning('train'), true);
      assert.deepEqual(registry.specsRunning('train').sort(), [A, B]);
      assert.deepEqual(registry.specsRunning('check'), [A]);
      a.job.finish({ type: 'compared', runs: [] });
      await a.done;
      assert.deepEqual(registry.specsRunning('train'), [B]);
      b.job.crash();
      await b.done;
      assert.equal(registry.anyRunning('train'), false);
      assert.equal(registry.anyRunning('check'), true);
      check.job.crash();
      await check.done;
      assert.equal(registry.anyRunning('check'), false);
    });
  });

  describe('a failing worker', () => {
    it('a crashed worker’s job ends with its `failed` event and frees its slot', async () => {
      const { job, done } = startFake(registry, key(A, 'train'));
      job.crash();
      const final = await done;
      assert.ok(final.type === 'failed' && final.code === 'worker-crashed', JSON.stringify(final));
      assert.equal(registry.isRunning(key(A, 'train')), false);
    });

    it('a job whose promise rejects still frees its slot', async () => {
      const { job, done } = startFake(registry, key(A, 'check'));
      job.reject(new Error('broken handle'));
      await assert.rejects(done, /broken handle/);
      assert.equal(registry.isRunning(key(A, 'check')), false);
    });

    it('a worker that cannot start leaves the slot free and its words let go', () => {
      const words = createSnapshotWords();
      assert.throws(
        () =>
          registry.start(
            key(A, 'train'),
            () => {
              throw new Error('no dist/worker.js');
            },
            { snapshotWords: words },
          ),
        /no dist\/worker\.js/,
      );
      assert.equal(registry.isRunning(key(A, 'train')), false);
      assert.deepEqual(changes, []);
      registry.followSnapshots(A, 1);
      assert.equal(traced(words), undefined);
    });
  });

  describe('snapshot words', () => {
    it('say "not wanted" while nobody follows the spec, and "wanted" with the example while someone does', () => {
      const words = createSnapshotWords();
      startFake(registry, key(A, 'train'), words);
      assert.equal(traced(words), undefined);
      const following = registry.followSnapshots(A, 3);
      assert.equal(traced(words), 3);
      following.select(4);
      assert.equal(traced(words), 4);
      following.dispose();
      assert.equal(traced(words), undefined);
    });

    it('a training started while the spec is followed is told before its worker starts', () => {
      registry.followSnapshots(A, 2);
      const words = createSnapshotWords();
      let seenAtLaunch: number | undefined;
      registry.start(
        key(A, 'train'),
        () => {
          seenAtLaunch = traced(words);
          return new FakeJob();
        },
        { snapshotWords: words },
      );
      assert.equal(seenAtLaunch, 2);
    });

    it('follow the set of followers: wanted while one is left, tracing the example of the latest to subscribe or select', () => {
      const words = createSnapshotWords();
      startFake(registry, key(A, 'train'), words);
      const first = registry.followSnapshots(A, 1);
      const second = registry.followSnapshots(A, 5);
      assert.equal(traced(words), 5, 'the latest subscriber');
      first.select(7);
      assert.equal(traced(words), 7, 'the latest to select');
      first.dispose();
      assert.equal(traced(words), 5, 'back to the one left');
      first.dispose();
      first.select(9);
      assert.equal(traced(words), 5, 'a disposed subscription changes nothing');
      second.dispose();
      assert.equal(traced(words), undefined);
    });

    it('followers of another spec leave a training’s words alone', () => {
      const words = createSnapshotWords();
      startFake(registry, key(A, 'train'), words);
      const onB = registry.followSnapshots(B, 4);
      assert.equal(traced(words), undefined);
      onB.dispose();
      assert.equal(traced(words), undefined);
    });

    it('a finished training’s words are let go: later followers do not write into them', async () => {
      const words = createSnapshotWords();
      const { job, done } = startFake(registry, key(A, 'train'), words);
      job.finish({ type: 'compared', runs: [] });
      await done;
      registry.followSnapshots(A, 6);
      assert.equal(traced(words), undefined);
    });
  });
});
