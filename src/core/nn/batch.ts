/**
 * A batch of examples as every evaluator, kernel set and pool thread takes it: X and Y
 * row-major, one example a row (s_1 and s_L columns; a Dataset fits).
 */
export interface Batch {
  readonly X: Float64Array;
  readonly Y: Float64Array;
  /** The number of examples m. */
  readonly m: number;
  /**
   * Without it, the batch is the first m rows; with it, the rows rows[0 … m) (0-based: a
   * mini-batch), gathered chunk by chunk, never copied whole.
   */
  readonly rows?: Int32Array;
}
