/**
 * Inspection snapshots during training, at most one per interval, riding on the progress
 * events the trainer already throttles (so the worker still sends ≤ 20 messages a second).
 */
import { NetworkInspector } from '../core/inspect/network-inspector';
import type { Compute } from '../core/nn/compute';
import type { InspectionSnapshot } from '../core/inspect/snapshot';
import type { TrainingProgress } from '../core/train/progress';
import type { OpenedSpec } from '../jobs/open-spec';

export class SnapshotThrottle {
  private readonly inspector: NetworkInspector;
  private last = -Infinity;

  constructor(
    opened: OpenedSpec,
    private readonly intervalMs: number,
    private readonly now: () => number = () => Date.now(),
    compute: Compute = {},
  ) {
    this.inspector = new NetworkInspector(opened.architecture, opened.data, compute);
  }

  /**
   * A snapshot for this progress event, or undefined when one was sent less than an interval
   * ago. Without θ (a trainer that reports progress only), there is nothing to draw live.
   */
  during(progress: TrainingProgress, theta: Float64Array | undefined, example: number): InspectionSnapshot | undefined {
    if (!theta) return undefined;
    const t = this.now();
    if (t - this.last < this.intervalMs) return undefined;
    const snapshot = this.inspector.snapshot(theta, { source: 'training', iteration: progress.iteration, example });
    // The interval counts from the end of the work, so a slow snapshot cannot take every turn.
    this.last = this.now();
    return snapshot;
  }

  /** The trained network, with the confusion matrix. */
  final(theta: Float64Array, iteration: number, example: number): InspectionSnapshot {
    return this.inspector.snapshot(theta, { source: 'trained', iteration, example, confusion: true });
  }
}
