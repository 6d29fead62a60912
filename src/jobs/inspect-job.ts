/**
 * An inspection of an opened spec for the inspector: at the trained weights beside the spec
 * when they fit it, else at the spec's initial weights.
 */
import { existsSync } from 'node:fs';
import { NetworkInspector } from '../core/inspect/network-inspector';
import type { Compute } from '../core/nn/compute';
import type { InspectionSnapshot } from '../core/inspect/snapshot';
import { initialTheta } from '../core/train/architecture-of';
import { specHash } from '../core/weights/spec-hash';
import { readWeightsFileAsync } from '../data/weights-file';
import type { OpenedSpec } from './open-spec';

export interface InspectJobOptions {
  /** A weights file to inspect; a missing file means "not trained yet". */
  readonly weightsPath?: string;
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
  if (options.weightsPath !== undefined && existsSync(options.weightsPath)) {
    const loaded = await readWeightsFileAsync(options.weightsPath, opened.architecture.sizes);
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
