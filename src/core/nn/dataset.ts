/**
 * A data set ready for the network: row-major matrices of doubles.
 * X is m × n (one example a row), Y is m × K (one-hot rows for classification with K > 2
 * classes, a single 0/1 column for binary classification, real targets for regression).
 */
export interface Dataset {
  /** Number of examples. */
  readonly m: number;
  /** Number of features (s_1). */
  readonly n: number;
  /** Number of target columns (s_L). */
  readonly k: number;
  readonly X: Float64Array;
  readonly Y: Float64Array;
  /** Classification: the class index (0-based) of each example; undefined for regression. */
  readonly labels?: Int32Array;
}

/** Feature scaling fitted on the training part: x' = (x − shift) / scale, per feature. */
export interface Normalization {
  readonly kind: 'none' | 'standard' | 'minmax';
  readonly shift: readonly number[];
  readonly scale: readonly number[];
}

/** Everything training needs from the data section of a spec. */
export interface PreparedData {
  readonly train: Dataset;
  readonly validation?: Dataset;
  readonly normalization: Normalization;
  readonly featureNames: readonly string[];
  /** Classification: the class values as written in the data, index = class index. */
  readonly classes?: readonly (string | number)[];
}
