/**
 * validateSpec: the text of a `.nnspec` file → every problem in it at once, and the spec
 * with its defaults when there is no error. Pure (no I/O: CSV facts come from the
 * caller's probe) and total: it returns diagnostics for any input and never throws.
 */
import type { Diagnostic } from '../diagnostic';
import { checkArchitecture } from './architecture';
import { isYamlError, severityOf, type SpecCode } from './codes';
import { checkData, type DataShape } from './data-shape';
import type { DataProbe } from './data-probe';
import { checkDataSection } from './data-section';
import { parseField } from './field-value';
import { GENERATOR_SHAPES, type GeneratorShape } from './generators';
import { checkParameters, groupDigits } from './parameters';
import { isPlainObject, Reporter } from './reporter';
import { DEFAULT_MAX_PARAMETERS, specSchema, type GeneratorName, type Spec } from './schema';
import { reportIssues } from './schema-issues';
import { checkSettings } from './settings-warnings';
import { checkRunMemory, DEFAULT_MAX_MEMORY_MB, estimateRunMemory, runShapeOf } from '../train/memory-estimate';
import { formatBytes } from '../text/format-bytes';
import { parseSourceTree } from './yaml-tree';

export interface ValidateOptions {
  /** Answers for `csv:` paths; without it (or while it answers 'pending') the CSV checks are skipped. */
  readonly probe?: DataProbe;
  /** The longest spec text, in UTF-16 code units, that is parsed at all (default DEFAULT_MAX_SPEC_LENGTH). */
  readonly maxSpecLength?: number;
  /**
   * The text is only the start of the file: its reader stopped at MAX_SPEC_BYTES, so the file
   * is over the default length limit and is refused (spec-too-large) unparsed.
   */
  readonly textIsPrefix?: boolean;
  /** The largest estimated memory of a training run, in MiB (default DEFAULT_MAX_MEMORY_MB, 4 GiB); see core/train/memory-estimate.ts. */
  readonly maxMemoryMB?: number;
  /** The largest parameter count allowed (default DEFAULT_MAX_PARAMETERS). */
  readonly maxParameters?: number;
  /** The generators' shapes (default GENERATOR_SHAPES). */
  readonly generatorShapes?: Readonly<Record<GeneratorName, GeneratorShape>>;
}

export interface SpecValidation {
  /** The spec with every default filled in; present only when there is no error. */
  readonly spec?: Spec;
  /** Every problem found, ordered by position. */
  readonly diagnostics: readonly Diagnostic<SpecCode>[];
  readonly hasErrors: boolean;
  /** Σ s_(l+1)(s_l + 1), when every layer's units are valid (exact as a bigint). */
  readonly parameterCount?: bigint;
  /** The features n and classes K the validator found, when it could. */
  readonly data: Omit<DataShape, 'rows'>;
  /** The number of examples m, when known (a CSV's data rows as probed, the inline rows, the samples). */
  readonly examples?: number;
}

export function validateSpec(text: string, options: ValidateOptions = {}): SpecValidation {
  try {
    return validate(String(text), options);
  } catch (error) {
    // A bug, not bad input: still a value, never an exception for the caller.
    const message = `The validator failed: ${error instanceof Error ? error.message : String(error)}. Please report this with the spec.`;
    return { diagnostics: [{ code: 'internal-error', severity: severityOf('internal-error'), message, range: [0, 0] }], hasErrors: true, data: {} };
  }
}

/**
 * The default limit on a spec's length. Parsing is linear but not cheap (about 2.5 s per
 * megabyte of YAML with the yaml package; about 0.2 s per megabyte of simple inline rows,
 * which take a fast path), and the editor validates on every keystroke: a longer text is
 * refused before it is parsed. Large data belongs in a CSV.
 */
export const DEFAULT_MAX_SPEC_LENGTH = 1_000_000;

/**
 * The most bytes of UTF-8 a spec of DEFAULT_MAX_SPEC_LENGTH UTF-16 code units can take: 3 a
 * unit (U+0800 … U+FFFF and the byte-order mark take 3 bytes for one unit, a surrogate pair 4
 * for two, and each invalid sequence of at most 3 bytes decodes to one U+FFFD). A reader may
 * stop there: any longer file is over the limit, so it need not be read to its end.
 */
export const MAX_SPEC_BYTES = 3 * DEFAULT_MAX_SPEC_LENGTH;

function validate(text: string, options: ValidateOptions): SpecValidation {
  const limit = options.maxSpecLength ?? DEFAULT_MAX_SPEC_LENGTH;
  if (text.length > limit || options.textIsPrefix) return tooLarge(text, limit, options.textIsPrefix === true);
  const tree = parseSourceTree(text);
  const r = new Reporter(tree);
  r.diagnostics.push(...tree.diagnostics);
  let spec: Spec | undefined;
  let parameterCount: bigint | undefined;
  let data: DataShape = {};

  if (tree.value === null || tree.value === undefined) {
    if (!tree.syntaxErrors) r.report('empty-spec', 'The file is empty: a spec needs at least `layers` and `data`.', [0, 0]);
  } else if (!isPlainObject(tree.value)) {
    r.report('wrong-type', 'A spec is a mapping of keys such as `layers:` and `data:`, one per line.', r.valueRange([]));
  } else {
    const result = specSchema.safeParse(tree.value);
    // `data` is judged by its own kind's schema (data-section.ts), not as a zod union.
    if (!result.success) reportIssues(r, result.error.issues.filter((i) => i.path[0] !== 'data'), []);
    else spec = result.data;
    const source = checkDataSection(r);
    const task = parseField(specSchema.shape.task, r.get(['task']))?.value;
    parameterCount = checkParameters(r, options.maxParameters ?? DEFAULT_MAX_PARAMETERS);
    // Broken YAML loses or misplaces values: checks across sections would report noise.
    if (!tree.syntaxErrors) {
      const before = spec && !r.diagnostics.some((d) => d.code === 'too-many-parameters') ? beforeParsing(r, spec, options) : 'parse';
      // A CSV refused by its row count is not parsed, nor one not counted yet: its checks are skipped.
      const probe = before === 'parse' ? options.probe : undefined;
      if (source) data = checkData(r, source, task, { probe, generatorShapes: options.generatorShapes ?? GENERATOR_SHAPES });
      checkArchitecture(r, data, task);
      checkSettings(r);
      // Only a spec that is otherwise valid and whose examples are known has a run to estimate;
      // a network over the parameter limit is refused already.
      if (spec && data.rows !== undefined && !r.diagnostics.some((d) => d.code === 'too-many-parameters')) {
        const refused = checkRunMemory(estimateRunMemory(runShapeOf(spec, data.rows)), options.maxMemoryMB ?? DEFAULT_MAX_MEMORY_MB);
        if (refused) r.report('too-much-memory', refused.message, r.keyRange(['layers']));
      }
    }
  }

  const diagnostics = finish(r.diagnostics, text.length, tree.syntaxErrors);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return {
    ...(!hasErrors && spec && { spec }),
    diagnostics,
    hasErrors,
    ...(parameterCount !== undefined && { parameterCount }),
    data: { ...(data.features !== undefined && { features: data.features }), ...(data.classes !== undefined && { classes: data.classes }) },
    ...(data.rows !== undefined && { examples: data.rows }),
  };
}

/**
 * Before a CSV is parsed: the run's estimate with the most rows the file can hold, from the
 * probe's count of its line breaks (DataProbe.rowsBound). Over the limit, too-much-memory is
 * reported on `layers` and 'refused' returned: the file is not parsed. 'pending' while the
 * count is under way (the editor's): the probe is not asked yet, as the CLI would not ask it
 * of a file it refuses.
 */
function beforeParsing(r: Reporter, spec: Spec, options: ValidateOptions): 'refused' | 'pending' | 'parse' {
  const data = spec.data;
  if (!('csv' in data)) return 'parse';
  const bound = options.probe?.rowsBound?.(data.csv);
  if (bound === undefined || bound.status === 'refused') return 'parse';
  if (bound.status === 'pending') return 'pending';
  const basis = `estimated from the line breaks of ${data.csv} (${formatBytes(bound.bytes)}: at most ${groupDigits(BigInt(bound.rows))} data rows) before parsing it`;
  const refused = checkRunMemory(estimateRunMemory(runShapeOf(spec, bound.rows)), options.maxMemoryMB ?? DEFAULT_MAX_MEMORY_MB, basis);
  if (refused) r.report('too-much-memory', refused.message, r.keyRange(['layers']));
  return refused ? 'refused' : 'parse';
}

function tooLarge(text: string, limit: number, prefix: boolean): SpecValidation {
  const firstLine = text.search(/[\r\n]/);
  const end = Math.min(firstLine < 0 ? text.length : firstLine, 200);
  const holds = prefix ? `more than ${groupDigits(BigInt(MAX_SPEC_BYTES))} bytes` : `${groupDigits(BigInt(text.length))} characters`;
  const message = `The file holds ${holds}, over the limit of ${groupDigits(BigInt(Math.floor(limit)))} characters for a spec; it was not ${prefix ? 'read to its end nor ' : ''}parsed. Put large data in a CSV file (\`data.csv\`).`;
  return { diagnostics: [{ code: 'spec-too-large', severity: severityOf('spec-too-large'), message, range: [0, end] }], hasErrors: true, data: {} };
}

/**
 * Clamps ranges into the text, drops repeats, orders by position. A YAML error at a value
 * (isYamlError: an alias of no anchor, an alias inside itself, one past the expansion limit)
 * leaves it empty: what the schema then says of the same range ("… is empty") repeats the
 * error, and is dropped.
 */
function finish(all: readonly Diagnostic<SpecCode>[], length: number, syntaxErrors: boolean): Diagnostic<SpecCode>[] {
  const seen = new Set<string>();
  const out: Diagnostic<SpecCode>[] = [];
  const where = (d: Diagnostic<SpecCode>): string => {
    const start = clamp(d.range[0], 0, length);
    return `${start}:${clamp(d.range[1], start, length)}`;
  };
  const yamlErrorAt = new Set(all.filter((d) => isYamlError(d.code)).map(where));
  for (const d of all) {
    // Broken YAML loses keys on the way; "missing" would then be noise.
    if (syntaxErrors && d.code === 'missing-key') continue;
    if (!isYamlError(d.code) && yamlErrorAt.has(where(d))) continue;
    const start = clamp(d.range[0], 0, length);
    const end = clamp(d.range[1], start, length);
    const key = `${d.code}:${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...d, range: [start, end] });
  }
  return out.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, Math.trunc(x))) : lo;
}
