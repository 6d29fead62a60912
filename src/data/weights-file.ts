/**
 * Weights files on disk (core/weights/format.ts): `xor.nnspec` keeps its weights in
 * `xor.weights.json` beside it, written atomically so an interrupted write never leaves a
 * broken file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Result } from '../core/diagnostic';
import type { WeightsErrorCode, WeightsFile, WeightsResult } from '../core/weights/format';
import { readWeights } from '../core/weights/parse';
import { serializeWeights, type WeightsInput } from '../core/weights/serialize';
import { writeFileAtomic, writeFileAtomicSync, type WriteCode } from './atomic-write';

/** Why writing a weights file failed: θ could not be serialised, or the write itself failed. */
export type WeightsWriteCode = WeightsErrorCode | WriteCode;

/** A weights file as read: the file and its unrolled θ. */
export interface LoadedWeights {
  readonly file: WeightsFile;
  readonly theta: Float64Array;
}

/** The default weights path of a spec: its name with `.nnspec` replaced by `.weights.json`. */
export function weightsPathFor(specPath: string): string {
  const dir = path.dirname(specPath);
  const base = path.basename(specPath).replace(/\.nnspec$/i, '');
  return path.join(dir, `${base}.weights.json`);
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

/** Reads a weights file and checks it against layer sizes s_1 … s_L; returns it and its θ. */
export function readWeightsFile(file: string, layerSizes: readonly number[]): WeightsResult<LoadedWeights> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return unreadable(file, error);
  }
  return readWeights(text, layerSizes);
}

/** The asynchronous twin of readWeightsFile. Never rejects. */
export async function readWeightsFileAsync(file: string, layerSizes: readonly number[]): Promise<WeightsResult<LoadedWeights>> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    return unreadable(file, error);
  }
  return readWeights(text, layerSizes);
}

function unreadable(file: string, error: unknown): WeightsResult<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'weights-unreadable', message: `Cannot read the weights file ${file}: ${reason}` } };
}
