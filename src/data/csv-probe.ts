/**
 * The data probe of the validator (core/spec/data-probe.ts) for real files: resolves a
 * `csv:` path against the spec's folder, enforces the workspace policy and the size limit,
 * and summarises the columns. `createCsvProbe` is synchronous (the CLI, the worker);
 * `probeCsvAsync` answers the same for the extension host without blocking it: it streams
 * the file and yields to the event loop between chunks (csv-stream-summary.ts).
 */
import type { CsvProbeResult, CsvRowsBound, DataProbe } from '../core/spec/data-probe';
import { DISTINCT_CAP } from '../core/spec/data-probe';
import { readCsvChunksSync } from './csv-chunks';
import { scanForLoad, type CsvReadOptions } from './csv-file';
import { toProbeResult, toRowsBound } from './csv-probe-result';
import { summarizeCsvFile } from './csv-stream-summary';
import { CsvSummaryBuilder } from './csv-summary-builder';
import { countCsvRows, countCsvRowsSync } from './csv-rows-bound';
import { resolveDataPath, resolveDataPathAsync, type PathPolicy } from './resolve-data-path';

/** Where the spec may read from and how large a file may be. */
export type CsvProbeOptions = PathPolicy & CsvReadOptions;

/**
 * A probe for the specs in `specDir`. It remembers each answer for its lifetime, so make
 * one per validation run (files may change between runs).
 */
export function createCsvProbe(specDir: string, options: CsvProbeOptions): DataProbe {
  const answers = new Map<string, CsvProbeResult>();
  const probe = (csvPath: string, target?: string, features?: readonly string[]): CsvProbeResult => {
    const key = JSON.stringify([csvPath, target ?? null, features ?? null]);
    let answer = answers.get(key);
    if (!answer) {
      answer = probeCsv(specDir, csvPath, options, target, features);
      answers.set(key, answer);
    }
    return answer;
  };
  return Object.assign(probe, { rowsBound: (csvPath: string) => csvRowsBound(specDir, csvPath, options) });
}

/**
 * Probes one `csv:` path, as written in a spec in `specDir`: one streamed read into the
 * summary (and, when a job will load the file, `readOnce`, into its table). Never throws.
 */
export function probeCsv(specDir: string, csvPath: string, options: CsvProbeOptions, target?: string, features?: readonly string[]): CsvProbeResult {
  const file = resolveDataPath(specDir, csvPath, options);
  if (!file.ok) return toProbeResult(file);
  const summary = new CsvSummaryBuilder(DISTINCT_CAP, target);
  const { readOnce } = options;
  const read = readOnce && target !== undefined ? scanForLoad(file.value, target, features, { ...options, readOnce }, summary) : readCsvChunksSync(file.value, summary, options);
  return toProbeResult(read.ok ? summary.finish(file.value, read.value.blank) : read);
}

/**
 * The size of the file a `csv:` path names and the most data rows it holds, from a count of
 * its line breaks (csv-rows-bound.ts: nothing is parsed or kept), for the validator's
 * estimate before parsing; 'refused' when the probe would refuse the path or the file (the
 * probe then says why). Never throws.
 */
export function csvRowsBound(specDir: string, csvPath: string, options: CsvProbeOptions): CsvRowsBound {
  const file = resolveDataPath(specDir, csvPath, options);
  return toRowsBound(file.ok ? countCsvRowsSync(file.value, options) : file);
}

/** The asynchronous twin of csvRowsBound, with the same answers (the editor's, in its probe thread). Never rejects. */
export async function csvRowsBoundAsync(specDir: string, csvPath: string, options: CsvProbeOptions): Promise<CsvRowsBound> {
  try {
    const file = await resolveDataPathAsync(specDir, csvPath, options);
    return toRowsBound(file.ok ? await countCsvRows(file.value, options) : file);
  } catch {
    return { status: 'refused' };
  }
}

/** The asynchronous twin of probeCsv, with the same answers; it never blocks for long and never rejects. */
export async function probeCsvAsync(specDir: string, csvPath: string, options: CsvProbeOptions, target?: string): Promise<CsvProbeResult> {
  try {
    const file = await resolveDataPathAsync(specDir, csvPath, options);
    return toProbeResult(file.ok ? await summarizeCsvFile(file.value, { ...options, ...(target !== undefined ? { target } : {}) }) : file);
  } catch (error) {
    return { status: 'failed', error: { code: 'csv-unreadable', message: String(error) } };
  }
}
