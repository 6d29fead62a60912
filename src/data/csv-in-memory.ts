/**
 * A spec's CSV files read already, by someone else: the browser's training worker cannot
 * reach the workspace (its host reads the files through vscode.workspace.fs, with the rules
 * of web/workspace-data-files.ts, and posts the bytes). The validator's probe and the loader
 * answer from those bytes with the desktop's own parse, summary and table builder, so a job
 * gives the same answers and messages in both builds.
 */
import { fail, type DataResult } from '../core/data/data-error';
import { CsvTableBuilder, type CsvColumns } from '../core/data/csv-table';
import type { DataTable } from '../core/data/table';
import { DISTINCT_CAP, type CsvProbeResult, type CsvRowsBound, type DataProbe } from '../core/spec/data-probe';
import { CsvChunkParser, type CsvByteSink, type CsvRecordSink } from './csv-chunk-parser';
import { toProbeResult, toRowsBound } from './csv-probe-result';
import { CsvRowCounter } from './csv-row-count';
import { CsvSummaryBuilder } from './csv-summary-builder';

/** A CSV file as its reader left it: its name (as messages show it) and bytes, or why it could not be read. */
export type ReadCsv = DataResult<{ readonly file: string; readonly bytes: Uint8Array }>;

/** The files a job was given, by the `csv:` path as the spec writes it. */
export type ReadCsvFiles = ReadonlyMap<string, ReadCsv>;

/** A table parsed by the probe's pass and not yet finished (the task decides what the target means). */
interface TableScan {
  readonly file: string;
  readonly parsed: DataResult<{ readonly blank: boolean }>;
  readonly builder: CsvTableBuilder;
}

/**
 * What one job has parsed already (data/csv-file.ts's CsvReadOnce, for bytes): the probe's
 * pass over a CSV fills the table the job loads next, so the file is parsed once. One per job.
 */
export type CsvScans = Map<string, TableScan>;

/**
 * A probe for the validator that answers from `files`; a path not among them was not read
 * (refused). With `scans`, a probe that names its target also builds the table for
 * loadCsvFromMemory, in the same pass.
 */
export function inMemoryCsvProbe(files: ReadCsvFiles, scans?: CsvScans): DataProbe {
  const probe = (csvPath: string, target?: string, features?: readonly string[]): CsvProbeResult => {
    const read = readOf(files, csvPath);
    if (!read.ok) return toProbeResult(read);
    const { file, bytes } = read.value;
    const summary = new CsvSummaryBuilder(DISTINCT_CAP, target);
    let parsed: DataResult<{ readonly blank: boolean }>;
    if (scans && target !== undefined) {
      const builder = new CsvTableBuilder(target, features);
      parsed = parseBytes(file, bytes, { add: (record, line) => (builder.add(record, line), summary.add(record, line)) });
      scans.set(scanKey(csvPath, target, features), { file, parsed, builder });
    } else {
      parsed = parseBytes(file, bytes, summary);
    }
    return toProbeResult(parsed.ok ? summary.finish(file, parsed.value.blank) : parsed);
  };
  const rowsBound = (csvPath: string): CsvRowsBound => {
    const read = readOf(files, csvPath);
    return toRowsBound(read.ok ? feed(new CsvRowCounter(), read.value.bytes) : read);
  };
  return Object.assign(probe, { rowsBound });
}

/**
 * The table of the CSV `csvPath` names in `files`, as data/csv-file.ts's loadCsvFile builds it
 * from a file; from the probe's pass when `scans` holds it (and then lets it go).
 */
export function loadCsvFromMemory(files: ReadCsvFiles, csvPath: string, columns: CsvColumns, scans?: CsvScans): DataResult<DataTable> {
  const read = readOf(files, csvPath);
  if (!read.ok) return read;
  const { file, bytes } = read.value;
  const key = scanKey(csvPath, columns.target, columns.features);
  const scan = scans?.get(key);
  scans?.delete(key);
  const table = scan ? finishScan(scan, columns) : buildTable(file, bytes, columns);
  // The target holds more distinct class names than a table keeps by default: build again, keeping them all.
  return table ?? buildTable(file, bytes, columns, Infinity)!;
}

function buildTable(file: string, bytes: Uint8Array, columns: CsvColumns, targetTextCap?: number): DataResult<DataTable> | undefined {
  const builder = new CsvTableBuilder(columns.target, columns.features, targetTextCap);
  return finishScan({ file, parsed: parseBytes(file, bytes, builder), builder }, columns);
}

function finishScan(scan: TableScan, columns: CsvColumns): DataResult<DataTable> | undefined {
  return scan.parsed.ok ? scan.builder.finish(scan.file, columns.task, scan.parsed.value.blank) : scan.parsed;
}

function scanKey(csvPath: string, target: string, features: readonly string[] | undefined): string {
  return JSON.stringify([csvPath, target, features ?? null]);
}

function parseBytes(file: string, bytes: Uint8Array, sink: CsvRecordSink) {
  return feed(new CsvChunkParser(file, sink), bytes);
}

function feed<T>(sink: CsvByteSink<T>, bytes: Uint8Array): DataResult<T> {
  sink.write(bytes);
  return sink.end();
}

function readOf(files: ReadCsvFiles, csvPath: string): ReadCsv {
  return files.get(csvPath) ?? fail({ code: 'csv-unreadable', file: csvPath, message: `${csvPath} was not read for this job.` });
}
