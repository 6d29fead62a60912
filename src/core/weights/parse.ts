/**
 * Reading a weights file (format.ts): the JSON, the format and version, then every field
 * with its type. Unknown keys are ignored (newer writers may add some). Never throws.
 */
import { NORMALIZATIONS, type NormalizationName } from '../spec/schema';
import type { Normalization } from '../nn/dataset';
import {
  WEIGHTS_FORMAT,
  WEIGHTS_VERSION,
  type WeightsErrorCode,
  type WeightsFile,
  type WeightsLayer,
  type WeightsResult,
  type WeightsRun,
} from './format';
import { checkLayerShapes, unrollLayers } from './layers';

type Json = Record<string, unknown>;

class Invalid {
  constructor(
    readonly code: WeightsErrorCode,
    readonly message: string,
    readonly layer?: number,
  ) {}
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and validates the text of a weights file. */
export function parseWeights(text: string): WeightsResult<WeightsFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { code: 'weights-not-json', message: `The weights file is not JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  try {
    return { ok: true, value: readFile(json) };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { ok: false, error: { code: error.code, message: error.message, ...(error.layer !== undefined ? { layer: error.layer } : {}) } };
  }
}

/**
 * Parses a weights file and checks it against layer sizes s_1 … s_L; returns the file and
 * its unrolled θ.
 */
export function readWeights(text: string, layerSizes: readonly number[]): WeightsResult<{ file: WeightsFile; theta: Float64Array }> {
  const parsed = parseWeights(text);
  if (!parsed.ok) return parsed;
  const shapes = checkLayerShapes(parsed.value, layerSizes);
  if (!shapes.ok) return shapes;
  return { ok: true, value: { file: parsed.value, theta: unrollLayers(parsed.value.layers) } };
}

function readFile(json: unknown): WeightsFile {
  if (!isObject(json) || json.format !== WEIGHTS_FORMAT) {
    throw new Invalid('weights-wrong-format', `This is not an nnspec weights file: "format" must be "${WEIGHTS_FORMAT}".`);
  }
  if (json.version !== WEIGHTS_VERSION) {
    const newer = typeof json.version === 'number' && json.version > WEIGHTS_VERSION;
    throw new Invalid('weights-wrong-version', `The weights file has version ${JSON.stringify(json.version)}; this nnspec reads version ${WEIGHTS_VERSION}${newer ? ' (update nnspec)' : ''}.`);
  }
  if (typeof json.specHash !== 'string') throw new Invalid('weights-invalid', '"specHash" must be a string.');
  if (!Array.isArray(json.layers) || json.layers.length === 0) throw new Invalid('weights-invalid', '"layers" must be a non-empty list.');
  const layers = json.layers.map((layer: unknown, l) => readLayer(layer, l + 1));
  for (let l = 1; l < layers.length; l++) {
    const prev = layers[l - 1], layer = layers[l];
    if (prev && layer && layer.cols !== prev.rows + 1) {
      throw new Invalid('weights-layer-shape', `Layer ${l + 1} has ${layer.cols} columns but layer ${l} has ${prev.rows} rows; it needs ${prev.rows + 1}.`, l + 1);
    }
  }
  const inputs = (layers[0]?.cols ?? 1) - 1;
  const file: WeightsFile = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    specHash: json.specHash,
    layers,
    normalization: readNormalization(json.normalization, inputs),
    ...(json.classes !== undefined ? { classes: readClasses(json.classes) } : {}),
    ...(json.run !== undefined ? { run: readRun(json.run) } : {}),
  };
  return file;
}

function readLayer(value: unknown, l: number): WeightsLayer {
  const where = `Layer ${l} (Θ^(${l}))`;
  if (!isObject(value)) throw new Invalid('weights-invalid', `${where} must be an object with rows, cols and data.`, l);
  const { rows, cols, data } = value;
  if (!isCount(rows, 1) || !isCount(cols, 2)) throw new Invalid('weights-invalid', `${where} needs whole-number "rows" ≥ 1 and "cols" ≥ 2.`, l);
  if (!Array.isArray(data)) throw new Invalid('weights-invalid', `${where} needs a "data" list.`, l);
  if (data.length !== rows * cols) {
    throw new Invalid('weights-layer-shape', `${where} is ${rows}×${cols} but has ${data.length} numbers instead of ${rows * cols}.`, l);
  }
  data.forEach((x: unknown, i) => {
    if (x === null || (typeof x === 'number' && !Number.isFinite(x))) throw new Invalid('weights-non-finite', `${where} has a non-finite weight at index ${i}.`, l);
    if (typeof x !== 'number') throw new Invalid('weights-invalid', `${where} has ${JSON.stringify(x)} at index ${i}, not a number.`, l);
  });
  return { rows, cols, data: data as number[] };
}

function readNormalization(value: unknown, inputs: number): Normalization {
  if (!isObject(value) || !NORMALIZATIONS.includes(value.kind as NormalizationName)) {
    throw new Invalid('weights-invalid', `"normalization" needs a "kind" of ${NORMALIZATIONS.join(', ')}.`);
  }
  const kind = value.kind as NormalizationName;
  const shift = readNumbers(value.shift, 'normalization.shift');
  const scale = readNumbers(value.scale, 'normalization.scale');
  if (kind === 'none' && shift.length === 0 && scale.length === 0) {
    return { kind, shift: new Array<number>(inputs).fill(0), scale: new Array<number>(inputs).fill(1) };
  }
  if (shift.length !== inputs || scale.length !== inputs) {
    throw new Invalid('weights-invalid', `"normalization" needs ${inputs} shifts and scales (one per input), not ${shift.length} and ${scale.length}.`);
  }
  if (scale.some((s) => s === 0)) throw new Invalid('weights-invalid', '"normalization.scale" must not contain 0.');
  return { kind, shift, scale };
}

function readNumbers(value: unknown, name: string): number[] {
  if (!Array.isArray(value)) throw new Invalid('weights-invalid', `"${name}" must be a list of numbers.`);
  for (const x of value as unknown[]) {
    if (x === null || (typeof x === 'number' && !Number.isFinite(x))) throw new Invalid('weights-non-finite', `"${name}" has a non-finite number.`);
    if (typeof x !== 'number') throw new Invalid('weights-invalid', `"${name}" must be a list of numbers.`);
  }
  return value as number[];
}

function readClasses(value: unknown): (string | number)[] {
  if (!Array.isArray(value) || !value.every((c) => typeof c === 'string' || typeof c === 'number')) {
    throw new Invalid('weights-invalid', '"classes" must be a list of strings or numbers.');
  }
  return value as (string | number)[];
}

function readRun(value: unknown): WeightsRun {
  const bad = (what: string): never => {
    throw new Invalid('weights-invalid', `"run.${what}" is missing or has the wrong type.`);
  };
  if (!isObject(value)) return bad('');
  const { optimizer, iterations, finalCost, validationCost, trainAccuracy, validationAccuracy, reason, partial, elapsedMs } = value;
  if (typeof optimizer !== 'string') bad('optimizer');
  if (!isCount(iterations, 0)) bad('iterations');
  if (finalCost !== null && typeof finalCost !== 'number') bad('finalCost');
  if (validationCost !== undefined && validationCost !== null && typeof validationCost !== 'number') bad('validationCost');
  if (trainAccuracy !== undefined && typeof trainAccuracy !== 'number') bad('trainAccuracy');
  if (validationAccuracy !== undefined && typeof validationAccuracy !== 'number') bad('validationAccuracy');
  if (typeof reason !== 'string') bad('reason');
  if (typeof partial !== 'boolean') bad('partial');
  if (typeof elapsedMs !== 'number') bad('elapsedMs');
  return {
    optimizer: optimizer as string,
    iterations: iterations as number,
    finalCost: finalCost as number | null,
    ...(validationCost !== undefined ? { validationCost: validationCost as number | null } : {}),
    ...(trainAccuracy !== undefined ? { trainAccuracy: trainAccuracy as number } : {}),
    ...(validationAccuracy !== undefined ? { validationAccuracy: validationAccuracy as number } : {}),
    reason: reason as string,
    partial: partial as boolean,
    elapsedMs: elapsedMs as number,
  };
}

function isCount(x: unknown, min: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min;
}
