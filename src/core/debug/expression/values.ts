/**
 * The values of the expression language: float64 numbers, booleans, matrices, and lists of
 * matrices per layer.
 *
 * - A matrix is rows × cols, row-major in a Float64Array (entry (i, j), 1-based, at
 *   (i − 1)·cols + (j − 1)). A vector is a column s × 1, as in the lecture; `'` makes a row.
 *   Matrices the scope hands in may be views of the network's own arrays: the language never
 *   writes into a value, every operation makes a new one.
 * - A list of layers holds one matrix per layer l, at items[l − 1] (layerIndex in the
 *   glossary); a layer that lacks the quantity (z^(1), δ^(1)) is undefined there.
 * - A 1 × 1 matrix counts as a scalar wherever a scalar is expected (broadcasting, conditions,
 *   indices), as in Octave.
 */

/** A float64 number. */
export interface NumberValue {
  readonly kind: 'number';
  readonly value: number;
}

/** A truth value: the result of a comparison or a logical operator on scalars. */
export interface BooleanValue {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** A rows × cols matrix, row-major. Never written into by the language. */
export interface MatrixValue {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  /** rows · cols entries, row-major. */
  readonly data: Float64Array;
}

/** One matrix per layer: items[l − 1] is layer l's, undefined where the layer lacks it. */
export interface LayerListValue {
  readonly kind: 'layers';
  readonly items: readonly (MatrixValue | undefined)[];
}

/** Any value of the language. */
export type Value = NumberValue | BooleanValue | MatrixValue | LayerListValue;

/** A value that is not a list of layers: what operators and functions take. */
export type Numeric = NumberValue | BooleanValue | MatrixValue;

/** The number x. */
export function numberValue(value: number): NumberValue {
  return { kind: 'number', value };
}

/** The truth value b. */
export function booleanValue(value: boolean): BooleanValue {
  return { kind: 'boolean', value };
}

/** A rows × cols matrix over `data` (row-major; not copied, so a view of a network's array is fine). */
export function matrixValue(rows: number, cols: number, data: Float64Array): MatrixValue {
  if (data.length !== rows * cols) throw new RangeError(`a ${rows}×${cols} matrix needs ${rows * cols} entries, got ${data.length}`);
  return { kind: 'matrix', rows, cols, data };
}

/** The column vector of `entries` (s × 1). */
export function columnVector(entries: ArrayLike<number>): MatrixValue {
  return matrixValue(entries.length, 1, Float64Array.from(entries));
}

/**
 * The activation column with its bias unit on top, [1; a^(l)]: the lecture's a^(l) after
 * "add a_0^(l) = 1". The scope's `a` gives this for l < L (see ExpressionScope).
 */
export function withBiasUnit(activations: ArrayLike<number>): MatrixValue {
  const data = new Float64Array(activations.length + 1);
  data[0] = 1;
  for (let i = 0; i < activations.length; i++) data[i + 1] = activations[i]!;
  return matrixValue(data.length, 1, data);
}

/** A list of layers: items[l − 1] is layer l's matrix, undefined where the layer lacks one. */
export function layerList(items: readonly (MatrixValue | undefined)[]): LayerListValue {
  return { kind: 'layers', items };
}

/** Whether v can stand for a scalar: a number, a boolean, or a 1 × 1 matrix (not a type guard: a matrix may or may not be one). */
export function isScalarLike(v: Value): boolean {
  return v.kind === 'number' || v.kind === 'boolean' || (v.kind === 'matrix' && v.rows === 1 && v.cols === 1);
}

/** v when it is a matrix that is not 1 × 1 (a matrix proper), else undefined. */
export function properMatrix(v: Value): MatrixValue | undefined {
  return v.kind === 'matrix' && !isScalarLike(v) ? v : undefined;
}

/** The number a scalar-like value stands for (true = 1, false = 0; a matrix's first entry; NaN for a list). */
export function scalarOf(v: Value): number {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'boolean') return v.value ? 1 : 0;
  if (v.kind === 'matrix') return v.data.length > 0 ? v.data[0]! : NaN;
  return NaN;
}

/** The shape as messages write it: "2×3". */
export function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/** The layers a list has (those with a matrix), ascending. */
export function validLayers(list: LayerListValue): number[] {
  const layers: number[] = [];
  list.items.forEach((m, i) => {
    if (m !== undefined) layers.push(i + 1);
  });
  return layers;
}

/** Layers as messages write them: "2…4" when contiguous, else "1, 3, 4"; "1 only"; "none" when empty. */
export function layersText(layers: readonly number[]): string {
  if (layers.length === 0) return 'none';
  const first = layers[0]!, last = layers[layers.length - 1]!;
  if (layers.length === 1) return `${first} only`;
  return last - first + 1 === layers.length ? `${first}…${last}` : layers.join(', ');
}

/** What a value is, for messages: "a number", "a 2×3 matrix", "a list of layers 1…2". */
export function describe(v: Value): string {
  switch (v.kind) {
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    case 'matrix': return `a ${shapeText(v.rows, v.cols)} matrix`;
    case 'layers': return `a list of layers ${layersText(validLayers(v))}`;
    default: return assertNever(v);
  }
}

/** Exhaustiveness check for switches over a union. */
export function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
