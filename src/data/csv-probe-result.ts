/** A reader's result as the validator's probe answer (core/spec/data-probe.ts): the same mapping for every reader, Node or browser. */
import type { DataFailure, DataResult } from '../core/data/data-error';
import type { CsvProbeCode, CsvProbeResult, CsvRowsBound, CsvSummary } from '../core/spec/data-probe';
import type { CsvRowCount } from './csv-row-count';

export function toRowsBound(count: DataResult<CsvRowCount>): CsvRowsBound {
  return count.ok ? { status: 'ok', ...count.value } : { status: 'refused' };
}

export function toProbeResult(summary: DataResult<CsvSummary>): CsvProbeResult {
  if (summary.ok) return { status: 'ok', summary: summary.value };
  return { status: 'failed', error: { code: probeCode(summary.error), message: summary.error.message } };
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
