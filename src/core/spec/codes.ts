/**
 * Every diagnostic the spec validator can report, with its severity and a one-line meaning.
 * The codes are stable: tests, quick fixes and the links to docs/format.md#code key on them.
 */
import type { Severity } from '../diagnostic';
import type { CsvProbeCode } from './data-probe';

const CODES = {
  // The text itself.
  'yaml-syntax': ['error', 'The YAML parser cannot read the text, e.g. an unclosed bracket or quote, a tab used as indentation or a bad escape.'],
  'yaml-multiple-documents': ['error', 'The text holds more than one YAML document (a `---` or `...` with more after it); a spec is a single document.'],
  'yaml-too-deep': ['error', 'The YAML nests more than 64 levels of mappings and lists deep (a `[a: b]` pair counting as a mapping), in the text (measured on the parser\'s tokens, refused before the document is built) or through what its aliases expand to; a spec needs about 4.'],
  'yaml-unknown-alias': ['error', 'An alias `*name` names no anchor: no `&name` is defined before it.'],
  'yaml-recursive-alias': ['error', 'An alias `*name` lies inside the value anchored as `&name`, so expanding it would never end.'],
  'yaml-alias-expansion-limit': ['error', 'The aliases expand to too much: more than 1,000 aliases, or 100,000 values copied through them (a "billion laughs" document).'],
  'yaml-warning': ['warning', 'The YAML parser accepted the text but something is suspicious, such as an unknown tag.'],
  'duplicate-key': ['error', 'A key appears twice in the same mapping.'],
  'spec-too-large': ['error', 'The file is larger than a spec can be (default 1,000,000 characters); put large data in a CSV file.'],
  'empty-spec': ['error', 'The file holds no spec at all; it needs at least `layers` and `data`.'],
  'more-problems': ['info', 'More problems than the editor lists at once (500): the first are listed, this one counts the rest (`nnspec validate` lists them all).'],
  // Shape and values, from the schema.
  'unknown-key': ['error', 'A key the format does not know; the message suggests the nearest valid one.'],
  'unknown-value': ['error', 'A value that is not one of the allowed names; the message lists them.'],
  'wrong-type': ['error', 'A value of the wrong kind, e.g. text where a number is expected.'],
  'missing-key': ['error', 'A required key is absent.'],
  'out-of-range': ['error', 'A number outside its allowed range, e.g. units < 1 or lambda < 0.'],
  'not-integer': ['error', 'A number that must be whole (units, seeds, iterations…) has a fractional part.'],
  'too-few-items': ['error', 'A list with too few entries, e.g. fewer than two layers or no rows.'],
  'empty-string': ['error', 'A text value that must not be empty, e.g. the `csv` path.'],
  'data-source-count': ['error', '`data` must have exactly one source: `rows`, `csv` or `generate`.'],
  // The architecture against itself and the data.
  'input-units-mismatch': ['error', 'The input layer has a different number of units than the data has features.'],
  'output-units-mismatch': ['error', 'The output layer does not match the targets: K units for K classes (or 1 when K = 2), 1 for regression.'],
  'softmax-not-output': ['error', 'softmax is used on a hidden layer; it is for the output layer only.'],
  'softmax-single-unit': ['error', 'softmax on a single output unit always outputs 1; use sigmoid for two classes.'],
  'softmax-squared-error': ['error', 'softmax output with the squared-error cost; softmax goes with cross-entropy.'],
  'input-activation': ['error', 'The input layer has an activation; it has none (its units are the features).'],
  'generator-task-mismatch': ['error', 'The generator makes classification data but the task is regression, or the reverse.'],
  'regression-target-not-numeric': ['error', 'A regression target that is not a number.'],
  'rows-ragged': ['error', 'An inline row has a different length than the first row.'],
  'rows-not-number': ['error', 'An inline feature cell that is not a number.'],
  'csv-missing-column': ['error', 'The `target` or a `features` entry names a column the CSV does not have.'],
  'csv-column-not-numeric': ['error', 'A feature column of the CSV holds values that are not numbers.'],
  'csv-bad-target': ['error', 'The target column has an empty cell, or NaN or Infinity among numbers; the message gives its line and column.'],
  'target-in-features': ['error', 'The target column is also listed as a feature.'],
  'csv-not-found': ['error', 'The CSV file does not exist (the path is relative to the spec file).'],
  'csv-outside-workspace': ['error', 'The CSV file lies outside the workspace folder, which is not allowed unless the user says so.'],
  'csv-not-a-file': ['error', 'The `csv` path names a directory or something else that is not a file.'],
  'csv-too-large': ['error', 'The CSV file is larger than the size limit.'],
  'csv-unreadable': ['error', 'The CSV file could not be read.'],
  'csv-empty': ['error', 'The CSV file has no header or no data rows.'],
  'csv-malformed': ['error', 'The CSV file could not be parsed (e.g. rows of unequal length).'],
  'too-much-memory': ['error', 'Training would need more memory than the limit (default 4 GiB); the message gives the estimate and its largest parts.'],
  'too-many-parameters': ['error', 'The network has more parameters than the limit (default 50 million); the message gives the count.'],
  // Works, but is likely a mistake.
  'zero-init-symmetry': ['warning', 'Zero initialisation with hidden layers: every hidden unit stays identical, symmetry never breaks.'],
  'relu-output-classifier': ['warning', 'relu on the output of a classifier: outputs are not probabilities and can stay at 0.'],
  'learning-rate-unused': ['warning', '`learningRate` is given but cg and lbfgs choose their own steps.'],
  'momentum-unused': ['warning', '`momentum` is given but the optimiser is not momentum.'],
  'batch-size-unused': ['warning', 'A numeric `batchSize` is given but cg and lbfgs always use the full batch.'],
  'epsilon-unused': ['warning', '`init.epsilon` is given but only the uniform strategy uses it.'],
  'single-class': ['warning', 'Every example has the same target, so there is only one class to learn.'],
  'internal-error': ['error', 'A bug in nnspec: the validator failed; please report it with the spec.'],
} as const satisfies Record<string, readonly [Severity, string]>;

/** The stable code of a spec diagnostic. */
export type SpecCode = keyof typeof CODES;

// The probe's codes become spec codes unchanged: keep the two lists in step.
type _ProbeCodesCovered = CsvProbeCode extends SpecCode ? true : never;
export const PROBE_CODES_COVERED: _ProbeCodesCovered = true;

export interface CodeInfo {
  readonly code: SpecCode;
  readonly severity: Severity;
  /** One line: what the code means. */
  readonly summary: string;
}

/** Every code, in documentation order. */
export const SPEC_CODES: readonly CodeInfo[] = Object.entries(CODES).map(([code, [severity, summary]]) => ({
  code: code as SpecCode,
  severity,
  summary,
}));

export function severityOf(code: SpecCode): Severity {
  return CODES[code][0];
}

/**
 * The codes of a YAML error: the text could not be read as the one document it should be,
 * and the value at the error's range is lost (null, or cut short). Not `yaml-warning`,
 * whose value is read in full.
 */
const YAML_ERRORS: ReadonlySet<SpecCode> = new Set<SpecCode>([
  'yaml-syntax',
  'yaml-multiple-documents',
  'yaml-too-deep',
  'yaml-unknown-alias',
  'yaml-recursive-alias',
  'yaml-alias-expansion-limit',
]);

/** Whether `code` is a YAML error (see YAML_ERRORS). */
export function isYamlError(code: SpecCode): boolean {
  return YAML_ERRORS.has(code);
}
