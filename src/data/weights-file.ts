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
import { readInput, readInputSync, type InputFailure, type InputOptions } from './open-input';

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

/**
 * The largest weights file read: 500 MiB. A weights file is about 24 characters a parameter,
 * so this holds some 20 million; V8's longest string (2^29 − 24 characters, just under
 * 512 MiB) is the hard ceiling of any text read whole.
 */
export const MAX_WEIGHTS_BYTES = 500 * 1024 * 1024;

/** The opener's options for a weights file (open-input.ts). */
export const WEIGHTS_INPUT: InputOptions = { maxBytes: MAX_WEIGHTS_BYTES, what: 'a weights file' };

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
