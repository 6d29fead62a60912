/**
 * A trained network as another runtime's file: an ONNX model or a PyTorch script (see
 * docs/export.md). The same step for `nnspec export` and the extension's Export command, so
 * both write the same bytes; where they come from and go to is the caller's.
 */
import { readWeights } from '../core/weights/parse';
import { specHash } from '../core/weights/spec-hash';
import type { WeightsFile, WeightsResult } from '../core/weights/format';
import { exportedNetwork } from '../export/exported-network';
import { encodeOnnx } from '../export/onnx-model';
import { pytorchScript } from '../export/pytorch-script';
import type { ExportTarget } from '../protocol/export-target';
import type { OpenedNetwork } from './opened-spec';

export type { ExportTarget };

/** A network's trained weights: the file as parsed and Θ unrolled. */
export interface TrainedWeights {
  readonly file: WeightsFile;
  readonly theta: Float64Array;
}

/** The weights text of `opened`'s network, checked against its layer sizes. */
export function trainedWeights(opened: OpenedNetwork, weightsText: string): WeightsResult<TrainedWeights> {
  return readWeights(weightsText, opened.architecture.sizes);
}

/** Whether the weights were trained on another version of the spec (its layers or data changed since). */
export function weightsAreStale(opened: OpenedNetwork, weights: TrainedWeights): boolean {
  return weights.file.specHash !== specHash(opened.spec);
}

/** The output's contents: the ONNX model's bytes or the script's text. */
export function exportContents(opened: OpenedNetwork, weights: TrainedWeights, target: ExportTarget): Uint8Array | string {
  const network = exportedNetwork(opened.architecture, weights.theta, weights.file, opened.spec);
  return target.kind === 'onnx' ? encodeOnnx(network, target.precision ?? 'float32') : pytorchScript(network, target.fileName);
}
