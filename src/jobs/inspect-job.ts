/**
 * An inspection of an opened spec for the inspector: at the trained weights beside the spec
 * when they fit it, else at the spec's initial weights.
 */
import { NetworkInspector } from '../core/inspect/network-inspector';
import type { Compute } from '../core/nn/compute';
import type { InspectionSnapshot } from '../core/inspect/snapshot';
import { initialTheta } from '../core/train/architecture-of';
import { specHash } from '../core/weights/spec-hash';
import type { WeightsFile, WeightsResult } from '../core/weights/format';
import type { OpenedSpec } from './open-spec';

export interface InspectJobOptions {
  /**
   * Reads the weights file to inspect, checked against the layer sizes; 'missing' when there
   * is none ("not trained yet"). Undefined: the initial weights are inspected.
   */
  readonly readWeights?: (layerSizes: readonly number[]) => Promise<WeightsResult<{ readonly file: WeightsFile; readonly theta: Float64Array }> | 'missing'>;
  /** The training example to trace (0-based). */
  readonly example: number;
  /** The kernels the snapshot's gradient may use (default TypeScript). */
  readonly compute?: Compute;
}

export interface InspectJobResult {
  readonly snapshot: InspectionSnapshot;
  /** Why the weights file was not used although it exists (e.g. it belongs to another architecture). */
  readonly weightsNote?: string;
}

export async function runInspectJob(opened: OpenedSpec, options: InspectJobOptions): Promise<InspectJobResult> {
  const inspector = new NetworkInspector(opened.architecture, opened.data, options.compute);
  let weightsNote: string | undefined;
  const loaded = options.readWeights ? await options.readWeights(opened.architecture.sizes) : 'missing';
  if (loaded !== 'missing') {
    if (loaded.ok) {
      const iterations = loaded.value.file.run?.iterations;
      const snapshot = inspector.snapshot(loaded.value.theta, { source: 'weights-file', example: options.example, confusion: true, ...(iterations !== undefined ? { iteration: iterations } : {}) });
      // Same shapes but another task or data: still worth drawing, marked as such.
      return loaded.value.file.specHash === specHash(opened.spec) ? { snapshot } : { snapshot, weightsNote: 'The weights file was trained on an older version of this spec.' };
    }
    weightsNote = loaded.error.message;
  }
  const snapshot = inspector.snapshot(initialTheta(opened.spec).theta, { source: 'initial', example: options.example });
  return weightsNote !== undefined ? { snapshot, weightsNote } : { snapshot };
}
