/**
 * The data probe of the validator (core/spec/data-probe.ts) for real files: resolves a
 * `csv:` path against the spec's folder, enforces the workspace policy and the size limit,
 * and summarises the columns. `createCsvProbe` is synchronous (the CLI, the worker);
 * `probeCsvAsync` answers the same for the extension host without blocking it.
 */
import type { CsvProbeCode, CsvProbeResult, DataProbe } from '../core/spec/data-probe';
import type { CsvRecords } from '../core/data/csv-records';
import { summarizeCsv } from '../core/data/csv-summary';
import type { DataFailure, DataResult } from '../core/data/data-error';
import { readCsvFile, readCsvFileAsync, type CsvReadOptions } from './csv-file';
import { resolveDataPath, resolveDataPathAsync, type PathPolicy } from './resolve-data-path';

/** Where the spec may read from and how large a file may be. */
export type CsvProbeOptions = PathPolicy & CsvReadOptions;

/**
 * A probe for the specs in `specDir`. It remembers each answer for its lifetime, so make
 * one per validation run (files may change between runs).
 */
export function createCsvProbe(specDir: string, options: CsvProbeOptions): DataProbe {
  const answers = new Map<string, CsvProbeResult>();
  return (csvPath) => {
    let answer = answers.get(csvPath);
    if (!answer) {
      answer = probeCsv(specDir, csvPath, options);
      answers.set(csvPath, answer);
    }
    return answer;
  };
}

/** Probes one `csv:` path, as written in a spec in `specDir`. Never throws. */
export function probeCsv(specDir: string, csvPath: string, options: CsvProbeOptions): CsvProbeResult {
  const file = resolveDataPath(specDir, csvPath, options);
  return toProbeResult(file.ok ? readCsvFile(file.value, options) : file);
}

/** The asynchronous twin of probeCsv. Never rejects. */
export async function probeCsvAsync(specDir: string, csvPath: string, options: CsvProbeOptions): Promise<CsvProbeResult> {
  try {
    const file = await resolveDataPathAsync(specDir, csvPath, options);
    return toProbeResult(file.ok ? await readCsvFileAsync(file.value, options) : file);
  } catch (error) {
    return { status: 'failed', error: { code: 'csv-unreadable', message: String(error) } };
  }
}

function toProbeResult(records: DataResult<CsvRecords>): CsvProbeResult {
  if (records.ok) return { status: 'ok', summary: summarizeCsv(records.value) };
  return { status: 'failed', error: { code: probeCode(records.error), message: records.error.message } };
}

/** The probe's code for a loader failure: a header without rows is empty; structural problems are malformed. */
function probeCode(error: DataFailure): CsvProbeCode {
  switch (error.code) {
    case 'csv-not-found':
    case 'csv-outside-workspace':
    case 'csv-not-a-file':
    case 'csv-too-large':
    case 'csv-unreadable':
    case 'csv-empty':
    case 'csv-malformed':
      return error.code;
    case 'csv-header-only':
      return 'csv-empty';
    default:
      return 'csv-malformed';
  }
}
