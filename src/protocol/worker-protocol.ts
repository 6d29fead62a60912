/**
 * Every message between the extension host and the training worker. A worker runs exactly
 * one job, given in `workerData`; it answers with events and ends after the last one.
 * Cancellation cannot travel as a message (the worker's loop is synchronous), so the host
 * shares a one-word `cancelFlag` that the worker reads each iteration.
 */
import type { Diagnostic } from '../core/diagnostic';
import type { InspectionSnapshot } from '../core/inspect/snapshot';
import type { GradientCheckReport } from '../core/nn/gradient-check';
import type { SymmetricLayer } from '../core/nn/symmetry';
import type { LayerHealth } from '../core/train/unit-health';
import type { InitStrategyName } from '../core/spec/schema';
import type { TrainingProgress, TrainingSummary } from '../core/train/progress';
import type { FailureCode } from './failure-code';
import type { ExportTarget } from './export-target';
import type { JobPolicy } from './job-policy';

interface JobBase {
  readonly specPath: string;
  /** The text of the spec as the editor has it (possibly unsaved). */
  readonly specText: string;
  readonly policy: JobPolicy;
  /** Int32Array(1) over a SharedArrayBuffer: the host stores 1 to cancel. */
  readonly cancelFlag: SharedArrayBuffer;
  /** Threads for evaluating large batches (1 or 2; default 1). */
  readonly threads?: number;
}

/** The words of a train job's snapshotControl. */
export const SNAPSHOT_WANTED = 0;
export const SNAPSHOT_EXAMPLE = 1;

/** The job a worker is started with. */
export type WorkerJob =
  | (JobBase & {
      readonly type: 'train';
      readonly weightsPath: string;
      readonly progressIntervalMs: number;
      /** Attach an inspection snapshot to a progress event at most this often, while wanted. */
      readonly snapshotIntervalMs: number;
      /**
       * Int32Array(2) over a SharedArrayBuffer that the host writes while the job runs (an
       * inspector may open, close or pick another example mid-run): SNAPSHOT_WANTED is 1 while
       * snapshots are wanted, SNAPSHOT_EXAMPLE the training example they trace (0-based).
       */
      readonly snapshotControl: SharedArrayBuffer;
    })
  | (JobBase & { readonly type: 'check'; readonly weightsPath?: string })
  | (JobBase & { readonly type: 'compare-init'; readonly strategies: readonly InitStrategyName[]; readonly iterations: number })
  /** A snapshot for the inspector, at the weights file when it fits the spec, else at the initial weights. */
  | (JobBase & { readonly type: 'inspect'; readonly weightsPath?: string; readonly example: number })
  /** The trained network at `weightsPath` as an ONNX model or a PyTorch script; the host writes it. Needs no data. */
  | (JobBase & { readonly type: 'export'; readonly weightsPath: string; readonly target: ExportTarget });

/** One run of a comparison of initialisation strategies. */
export interface InitComparisonRun {
  readonly strategy: InitStrategyName;
  readonly costHistory: readonly number[];
  readonly finalCost: number;
  readonly trainAccuracy?: number;
  readonly symmetry: readonly SymmetricLayer[];
}

/** What a job's worker sends back. The last event is `trained`, `checked`, `compared`, `inspected` or `failed`. */
export type WorkerEvent =
  /** Throttled to ≤ 20 a second; a few of them carry a snapshot of the weights for the inspector. */
  | { readonly type: 'progress'; readonly progress: TrainingProgress; readonly snapshot?: InspectionSnapshot }
  | { readonly type: 'check-progress'; readonly fraction: number }
  | { readonly type: 'compare-progress'; readonly strategy: InitStrategyName; readonly done: number; readonly total: number }
  | {
      readonly type: 'trained';
      readonly summary: TrainingSummary;
      readonly partial: boolean;
      readonly symmetry: readonly SymmetricLayer[];
      /** Hidden layers whose units are dead or saturated after the run. */
      readonly health: readonly LayerHealth[];
      readonly weightsPath?: string;
      /** Why the weights could not be written, when they could not. */
      readonly weightsError?: string;
      /** The trained network for the inspector (with the confusion matrix), when snapshots were asked for. */
      readonly inspection?: InspectionSnapshot;
    }
  | { readonly type: 'checked'; readonly report: GradientCheckReport; readonly atWeights: boolean }
  | { readonly type: 'compared'; readonly runs: readonly InitComparisonRun[] }
  | { readonly type: 'inspected'; readonly snapshot: InspectionSnapshot; readonly weightsNote?: string }
  /** The export's contents (an ONNX model's bytes, a script's text); `staleWeights`: trained on another version of the spec. */
  | { readonly type: 'exported'; readonly contents: Uint8Array | string; readonly staleWeights: boolean }
  | {
      readonly type: 'failed';
      readonly code: FailureCode;
      readonly message: string;
      /** Spec diagnostics (offsets into the job's specText), when the spec itself is at fault. */
      readonly diagnostics?: readonly Diagnostic[];
    };

/** Whether each event ends its job; `satisfies` makes every event type answer, once. */
const ENDS_JOB = {
  progress: false,
  'check-progress': false,
  'compare-progress': false,
  trained: true,
  checked: true,
  compared: true,
  inspected: true,
  exported: true,
  failed: true,
} as const satisfies Record<WorkerEvent['type'], boolean>;

type FinalType = { [T in keyof typeof ENDS_JOB]: (typeof ENDS_JOB)[T] extends true ? T : never }[keyof typeof ENDS_JOB];

/** An event after which the worker sends nothing more. */
export type FinalWorkerEvent = Extract<WorkerEvent, { type: FinalType }>;

/** Whether `event` is its job's last. */
export function isFinal(event: WorkerEvent): event is FinalWorkerEvent {
  return ENDS_JOB[event.type];
}
