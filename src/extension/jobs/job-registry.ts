import type { FinalWorkerEvent, WorkerJob } from '../../protocol/worker-protocol';
import type { RunningJob } from './running-job';
import { SnapshotFollowers, type SnapshotSubscription } from './snapshot-followers';

/** The kinds of job a worker runs. */
export type JobKind = WorkerJob['type'];

/** A job's slot: the spec (its URI string) and the kind of job. At most one job holds it. */
export interface JobKey {
  readonly spec: string;
  readonly kind: JobKind;
}

/** What starting a job does while its slot is held: keep the running one, or replace it. */
type WhenBusy = 'keep' | 'replace';

const WHEN_BUSY: Readonly<Record<JobKind, WhenBusy>> = {
  // Whether to restart a training is the user's call; a second check or comparison is refused.
  train: 'keep',
  check: 'keep',
  'compare-init': 'keep',
  // The inspector asks again on every change of the spec: only the newest snapshot matters.
  inspect: 'replace',
  export: 'keep',
};

/** The answer to `start`: the job started, or the one that holds the slot and is kept. */
export type StartAnswer<J extends RunningJob> =
  | {
      readonly status: 'started';
      readonly job: J;
      /** The job's final event, once its slot is free again. */
      readonly done: Promise<FinalWorkerEvent>;
    }
  | { readonly status: 'busy'; readonly job: J };

export interface StartOptions {
  /** A training's snapshot words, kept in step with the spec's followers while it runs. */
  readonly snapshotWords?: Int32Array;
}

interface Slot<J> {
  readonly job: J;
  readonly done: Promise<FinalWorkerEvent>;
}

/**
 * The jobs running on specs, at most one of each kind per spec, and who follows their
 * snapshots. Knows nothing of VS Code or threads: `launch` starts the job.
 */
export class JobRegistry<J extends RunningJob = RunningJob> {
  private readonly slots = new Map<string, Map<JobKind, Slot<J>>>();
  private readonly snapshots = new SnapshotFollowers();

  /** `onChange` hears of each slot taken or freed. */
  constructor(private readonly onChange: (key: JobKey) => void = () => undefined) {}

  /** Starts a job in `key`'s slot with `launch`, unless one holds it and its kind keeps it. */
  start(key: JobKey, launch: () => J, options: StartOptions = {}): StartAnswer<J> {
    const held = this.slotOf(key);
    if (held && WHEN_BUSY[key.kind] === 'keep') return { status: 'busy', job: held.job };
    // Its slot is taken over below, so its end frees nothing.
    held?.job.terminate();
    const attached = options.snapshotWords ? this.snapshots.attach(key.spec, options.snapshotWords) : undefined;
    let job: J;
    try {
      job = launch();
    } catch (error) {
      attached?.release();
      throw error;
    }
    const slot: Slot<J> = {
      job,
      done: job.done.finally(() => {
        attached?.release();
        this.free(key, slot);
      }),
    };
    const ofSpec = this.slots.get(key.spec) ?? new Map<JobKind, Slot<J>>();
    ofSpec.set(key.kind, slot);
    this.slots.set(key.spec, ofSpec);
    this.onChange(key);
    return { status: 'started', job, done: slot.done };
  }

  /** The job holding `key`'s slot. */
  jobOf(key: JobKey): J | undefined {
    return this.slotOf(key)?.job;
  }

  isRunning(key: JobKey): boolean {
    return this.slotOf(key) !== undefined;
  }

  /** The specs a job of `kind` runs on. */
  specsRunning(kind: JobKind): string[] {
    return [...this.slots].filter(([, ofSpec]) => ofSpec.has(kind)).map(([spec]) => spec);
  }

  anyRunning(kind: JobKind): boolean {
    return this.specsRunning(kind).length > 0;
  }

  /** Asks the job in `key`'s slot to stop; resolves once it has and its slot is free. */
  async stop(key: JobKey): Promise<void> {
    const slot = this.slotOf(key);
    if (!slot) return;
    slot.job.cancel();
    await slot.done;
  }

  /** Ends every job on `spec` at once (it was deleted), each with the reason its kind gives. */
  terminateSpec(spec: string, reason: (kind: JobKind) => string): void {
    for (const [kind, slot] of this.slots.get(spec) ?? []) slot.job.terminate(reason(kind));
  }

  /** Ends every job at once (the extension is deactivated). */
  terminateAll(): void {
    for (const ofSpec of this.slots.values()) for (const slot of ofSpec.values()) slot.job.terminate();
  }

  /**
   * Asks the trainings of `spec` for snapshots tracing `example`, now and in every training
   * started while the subscription lasts.
   */
  followSnapshots(spec: string, example: number): SnapshotSubscription {
    return this.snapshots.follow(spec, example);
  }

  private slotOf(key: JobKey): Slot<J> | undefined {
    return this.slots.get(key.spec)?.get(key.kind);
  }

  private free(key: JobKey, slot: Slot<J>): void {
    const ofSpec = this.slots.get(key.spec);
    // A job replaced by a newer one no longer holds the slot.
    if (ofSpec?.get(key.kind) !== slot) return;
    ofSpec.delete(key.kind);
    if (ofSpec.size === 0) this.slots.delete(key.spec);
    this.onChange(key);
  }
}
