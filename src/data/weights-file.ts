/**
 * Weights files on disk (core/weights/format.ts): `xor.nnspec` keeps its weights in
 * `xor.weights.json` beside it, written atomically so an interrupted write never leaves a
 * broken file. They are read through the opener (open-input.ts): a regular file of at most
 * MAX_WEIGHTS_BYTES, never a pipe or a device.
 */
import type { Result } from '../core/diagnostic';
import type { WeightsErrorCode, WeightsFile, WeightsResult } from '../core/weights/format';
import { readWeights } from '../core/weights/parse';
import { serializeWeights, type WeightsInput } from '../core/weights/serialize';
import { writeFileAtomic, writeFileAtomicSync, type WriteCode } from './atomic-write';
import { readInput, readInputSync, type InputFailure } from './open-input';
import { MAX_WEIGHTS_BYTES, WEIGHTS_INPUT } from './weights-limits';

export { MAX_WEIGHTS_BYTES, WEIGHTS_INPUT };

/** Why writing a weights file failed: θ could not be serialised, or the write itself failed. */
export type WeightsWriteCode = WeightsErrorCode | WriteCode;

/** A weights file as read: the file and its unrolled θ. */
export interface LoadedWeights {
  readonly file: WeightsFile;
  readonly theta: Float64Array;
}

/** Writes a weights file atomically. Never throws. */
export function writeWeightsFileSync(file: string, input: WeightsInput): Result<void, WeightsWriteCode> {
  const text = serializeWeights(input);
  return text.ok ? writeFileAtomicSync(file, text.value) : text;
}

/** The asynchronous twin of writeWeightsFileSync. Never rejects. */
export async function writeWeightsFile(file: string, input: WeightsInput): Promise<Result<void, WeightsWriteCode>> {
  const text = serializeWeights(input);
  return text.ok ? writeFileAtomic(file, text.value) : text;
}

/** A training job's saver (jobs/train-job.ts) that writes the weights file `file` atomically. */
export function saveWeightsTo(file: string): (input: WeightsInput) => Promise<{ path: string } | { failure: { code: WeightsWriteCode; message: string } }> {
  return async (input) => {
    const written = await writeWeightsFile(file, input);
    return written.ok ? { path: file } : { failure: { code: written.error.code, message: written.error.message } };
  };
}

/** Reads a weights file and checks it against layer sizes s_1 … s_L; returns it and its θ. */
export function readWeightsFile(file: string, layerSizes: readonly number[]): WeightsResult<LoadedWeights> {
  const read = readInputSync(file, WEIGHTS_INPUT);
  return read.ok ? readWeights(read.value.text, layerSizes) : unreadable(file, read.error);
}

/** The asynchronous twin of readWeightsFile. Never rejects. */
export async function readWeightsFileAsync(file: string, layerSizes: readonly number[]): Promise<WeightsResult<LoadedWeights>> {
  const read = await readInput(file, WEIGHTS_INPUT);
  return read.ok ? readWeights(read.value.text, layerSizes) : unreadable(file, read.error);
}

function unreadable(file: string, error: InputFailure): WeightsResult<never> {
  return { ok: false, error: { code: 'weights-unreadable', message: `Cannot read the weights file ${file}: ${error.reason}.` } };
}
