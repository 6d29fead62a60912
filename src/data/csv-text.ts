/**
 * CSV text to records, with csv-parse: a header row, then data rows. A byte-order mark is
 * dropped, CRLF and LF both end records, quoted cells may hold commas, quotes and line
 * breaks, blank lines are skipped and spaces around cells are trimmed. A broken quote
 * becomes `csv-malformed` at the line csv-parse reports.
 */
import { parse } from 'csv-parse/sync';
import { ByteLines } from '../core/data/byte-lines';
import { fail, ok, type DataResult } from '../core/data/data-error';
import type { CsvRecords } from '../core/data/csv-records';

interface ParsedRecord {
  readonly record: string[];
  /** `bytes`: the UTF-8 offset just past the record (lines come from it: csv-parse's own count errs on mixed line ends). */
  readonly info: { readonly bytes: number };
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
    const line = errorLine(error, byteLines(body));
    const reason = errorReason(error);
    return fail({
      code: 'csv-malformed',
      file,
      ...(line !== undefined ? { line } : {}),
      message: `${file}${line !== undefined ? `:${line}` : ''}: the file is not valid CSV (${reason}).`,
    });
  }
  const lines = byteLines(body);
  const [head, ...rest] = parsed;
  return ok({
    file,
    header: head?.record ?? [],
    rows: rest.map((r) => r.record),
    lines: rest.map((r) => lines.recordLine(r.info.bytes)),
  });
}

function byteLines(text: string): ByteLines {
  const lines = new ByteLines();
  lines.add(text);
  return lines;
}

/**
 * The line of a csv-parse error: where the broken record starts (its `bytes`, past blank
 * lines), which is where an unclosed quote opens; csv-parse's own `lines` (clamped) when
 * there is no offset.
 */
export function errorLine(error: unknown, lines: ByteLines): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('bytes' in error && typeof error.bytes === 'number') return lines.contentLineFrom(error.bytes);
  if ('lines' in error && typeof error.lines === 'number') return Math.min(error.lines, lines.lineAt(Infinity));
  return undefined;
}

/** csv-parse's message without its own "at line N", which counts lines differently. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,? (?:at|on) line \d+/g, '');
}
