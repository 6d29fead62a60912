/** A gradient check of an opened spec, at its initial weights or at weights from a file. */
import type { Compute } from '../core/nn/compute';
import { checkNetworkGradients, type GradientCheckReport } from '../core/nn/gradient-check';
import { initialTheta } from '../core/train/architecture-of';
import type { OpenedSpec } from './open-spec';

export interface CheckJobOptions {
  /** Check at these parameters instead of the spec's initial weights. */
  readonly theta?: Float64Array;
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (fraction: number) => void;
  /** The kernels backprop may use (default TypeScript). */
  readonly compute?: Compute;
}

export function runCheckJob(opened: OpenedSpec, options: CheckJobOptions = {}): GradientCheckReport {
  const { spec, architecture, data } = opened;
  const theta = options.theta ?? initialTheta(spec).theta;
  const { epsilon, tolerance, examples, samplesPerLayer, seed } = spec.gradientCheck;
  return checkNetworkGradients(architecture, theta, data.train, {
    epsilon,
    tolerance,
    examples,
    samplesPerLayer,
    seed,
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.compute ? { compute: options.compute } : {}),
  });
}
