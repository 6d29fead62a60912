/**
 * CSV text to records, with csv-parse: a header row, then data rows. A byte-order mark is
 * dropped, CRLF and LF both end records, quoted cells may hold commas, quotes and line
 * breaks, blank lines are skipped and spaces around cells are trimmed. A broken quote
 * becomes `csv-malformed` at the line csv-parse reports.
 */
import { parse } from 'csv-parse/sync';
import { fail, ok, type DataResult } from '../core/data/data-error';
import type { CsvRecords } from '../core/data/csv-records';

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Parses `text` as read from `file` (named in errors). Never throws. */
export function parseCsvText(text: string, file: string): DataResult<CsvRecords> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return ok({ file, header: [], rows: [], lines: [] });
  let parsed: ParsedRecord[];
  try {
    parsed = parse(body, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = lineOf(error);
    const reason = error instanceof Error ? error.message : String(error);
    return fail({
      code: 'csv-malformed',
      file,
      ...(line !== undefined ? { line } : {}),
      message: `${file}${line !== undefined ? `:${line}` : ''}: the file is not valid CSV (${reason}).`,
    });
  }
  const [head, ...rest] = parsed;
  return ok({
    file,
    header: head?.record ?? [],
    rows: rest.map((r) => r.record),
    lines: rest.map((r) => r.info.lines),
  });
}

function lineOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number') return error.lines;
  return undefined;
}
