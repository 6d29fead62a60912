/**
 * CSV read as a stream, a chunk at a time, with csv-parse: a header row, then data rows. A
 * byte-order mark is dropped, CRLF and LF both end records, quoted cells may hold commas,
 * quotes and line breaks, blank lines are skipped and spaces around cells are trimmed. Each
 * record goes to a sink (a table, a summary) as it ends, with the line it ends on, and is
 * then forgotten: the file is never held whole, neither as bytes nor as a string nor as
 * rows of cells.
 *
 * csv-parse is driven through its incremental parser (the one its stream and its
 * synchronous `parse` both run: `parse(chunk, end, push, close)`), fed the UTF-8 text of
 * each chunk encoded again, exactly as the whole-file path used to feed it the decoded text:
 * invalid bytes become U+FFFD first, and every record, cell, line and message is the same
 * whatever the chunk size. A broken quote becomes `csv-malformed` at the line where the
 * broken record starts (byte-lines.ts).
 */
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Parser } from 'csv-parse';
import { ByteLines } from '../core/data/byte-lines';
import { fail, ok, type DataErrorCode, type DataFailure, type DataResult } from '../core/data/data-error';
import { failureOf, openInput, openInputSync, tooLargeFailure, type InputCode, type InputFailure, type InputOptions } from './open-input';

/** The options of every CSV parse: the loader, the probe and the streamed summary must agree. */
const CSV_OPTIONS = { info: true, relax_column_count: true, skip_empty_lines: true, trim: true } as const;

/** The default limit on the size of a CSV file: 100 MiB, as the editor setting's default. Callers may pass another. */
export const DEFAULT_MAX_CSV_BYTES = 100 * 1024 * 1024;

/** The names under which users set the CSV size limit, for the message that refuses a file. */
export const MAX_CSV_BYTES_SETTING = 'nnspec.data.maxCsvBytes (CLI: --max-csv-bytes)';

/** The size limit of a CSV read. */
export interface CsvLimitOptions {
  /** Refuse files larger than this many bytes (default DEFAULT_MAX_CSV_BYTES). */
  readonly maxBytes?: number;
}

/** The opener's options for a CSV file (open-input.ts): its size limit and the setting that raises it. */
export function csvInput(options: CsvLimitOptions): InputOptions {
  return { maxBytes: options.maxBytes ?? DEFAULT_MAX_CSV_BYTES, what: 'a CSV file', raise: `the setting ${MAX_CSV_BYTES_SETTING}` };
}

/** The opener's failure as the loader's code: csv-not-found, csv-not-a-file, csv-too-large, csv-unreadable. */
export function csvFailure(error: InputFailure): DataResult<never> {
  const { file, message } = error;
  return fail({ code: CSV_CODE[error.code], file, message });
}

const CSV_CODE = {
  'input-not-found': 'csv-not-found',
  'input-not-a-file': 'csv-not-a-file',
  'input-too-large': 'csv-too-large',
  'input-unreadable': 'csv-unreadable',
} as const satisfies Record<InputCode, DataErrorCode>;

/** How much a reader reads at a time (the streamed summary sets its own, smaller, to yield often). */
export const READ_CHUNK_BYTES = 256 * 1024;

/** Whatever takes the records of a CSV, one at a time: the first is the header. */
export interface CsvRecordSink {
  /** A record that ends on the 1-based `line`. */
  add(record: readonly string[], line: number): void;
}

/** The end of a read: whether the file held only whitespace (then it is empty, whatever csv-parse made of it). */
export interface CsvReadEnd {
  readonly blank: boolean;
}

interface ParsedRecord {
  readonly record: string[];
  /** `bytes`: the UTF-8 offset just past the record (lines come from it: csv-parse's own count errs on mixed line ends). */
  readonly info: { readonly bytes: number };
}

/** csv-parse's incremental parser (lib/api): what its Parser stream calls for each chunk. */
interface IncrementalParser {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: ParsedRecord) => void, close: () => void): unknown;
  /** `bytes`: where the last field or record ended; it only grows, and an error reports it. */
  readonly info: { readonly bytes: number };
}

/**
 * The most bytes csv-parse holds back at the end of a chunk to look ahead (a closing quote
 * and a two-byte record delimiter: 3); a record it ends later ends no earlier than that.
 */
const PARSER_LOOKAHEAD_BYTES = 4;

function incrementalParser(): IncrementalParser {
  const api = (new Parser(CSV_OPTIONS) as unknown as { api?: IncrementalParser }).api;
  if (typeof api?.parse !== 'function' || typeof api.info?.bytes !== 'number') throw new Error('csv-parse has no incremental parser (Parser.api.parse); its version is not the one nnspec was built with');
  return api;
}

/** One CSV parse, fed chunk by chunk (bytes or text); the records go to the sink as they end. */
export class CsvChunkParser implements CsvByteSink<CsvReadEnd> {
  private readonly parser = incrementalParser();
  private readonly decoder = new StringDecoder('utf8');
  private readonly lines = new ByteLines();
  private first = true;
  private blank = true;
  private error: unknown;

  constructor(
    private readonly file: string,
    private readonly sink: CsvRecordSink,
  ) {}

  /** Feeds the next bytes; false once the parse has failed (nothing more need be read). */
  write(bytes: Buffer): boolean {
    return this.feed(this.decoder.write(bytes), false);
  }

  /** Feeds the next piece of text (already decoded). */
  writeText(text: string): boolean {
    return this.feed(text, false);
  }

  /** Ends the input: the last record, or the failure of the whole parse (csv-malformed). */
  end(): DataResult<CsvReadEnd> {
    this.feed(this.decoder.end(), true);
    if (this.error === undefined || this.blank) return ok({ blank: this.blank });
    return fail(this.malformed(this.error));
  }

  private feed(text: string, end: boolean): boolean {
    if (this.error !== undefined) return false;
    let body = text;
    if (this.first && body !== '') {
      this.first = false;
      if (body.startsWith('\uFEFF')) body = body.slice(1);
    }
    // A file of whitespace only is empty (`text.trim() === ''`).
    if (this.blank && /\S/.test(body)) this.blank = false;
    if (body === '' && !end) return true;
    this.lines.add(body);
    const error = this.parser.parse(
      body === '' ? undefined : Buffer.from(body, 'utf8'),
      end,
      ({ record, info }) => this.sink.add(record, this.lines.recordLine(info.bytes)),
      () => undefined,
    );
    if (error !== undefined) {
      this.error = error;
      return false;
    }
    // Later records end past the bytes held back; a later error is at or past info.bytes.
    this.lines.forget(this.parser.info.bytes, this.lines.bytes - PARSER_LOOKAHEAD_BYTES);
    return true;
  }

  private malformed(error: unknown): DataFailure {
    const line = errorLine(error, this.lines);
    const { file } = this;
    return {
      code: 'csv-malformed',
      file,
      ...(line !== undefined ? { line } : {}),
      message: `${file}${line !== undefined ? `:${line}` : ''}: the file is not valid CSV (${errorReason(error)}).`,
    };
  }
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

/** Options of a streamed read; `chunkBytes` exists for tests of chunk boundaries. */
export interface CsvStreamOptions extends CsvLimitOptions {
  readonly chunkBytes?: number;
}

/** Whatever takes a CSV file's bytes as they are read: a parse (CsvChunkParser), a count of its lines. */
export interface CsvByteSink<T> {
  /** The next bytes (a view of the reader's one buffer, overwritten by the next read); false when nothing more need be read. */
  write(bytes: Buffer): boolean;
  /** The end of the read: the whole file was written, or write returned false. */
  end(): DataResult<T>;
}

/**
 * Reads the CSV file at `file` (an absolute path) through the opener (open-input.ts: a
 * regular file within the size limit) in chunks, each parsed before the next is read, into
 * `sink`. At most maxBytes + 1 bytes are read: a file that grew past the limit is refused.
 * Never throws on bad input or a failing disk.
 */
export function readCsvChunksSync(file: string, sink: CsvRecordSink, options: CsvStreamOptions = {}): DataResult<CsvReadEnd> {
  return readCsvBytesSync(file, () => new CsvChunkParser(file, sink), options);
}

/** The asynchronous twin of readCsvChunksSync: the event loop gets a turn after every chunk. Never rejects. */
export function readCsvChunks(file: string, sink: CsvRecordSink, options: CsvStreamOptions = {}): Promise<DataResult<CsvReadEnd>> {
  return readCsvBytes(file, () => new CsvChunkParser(file, sink), options);
}

/**
 * The bytes of the CSV file at `file`, read by the rule of readCsvChunksSync into the sink
 * `sinkFor` makes once the file is open (inside the guard: a sink that fails to start is a
 * failure too). Never throws.
 */
export function readCsvBytesSync<T>(file: string, sinkFor: () => CsvByteSink<T>, options: CsvStreamOptions = {}): DataResult<T> {
  const input = csvInput(options);
  const opened = openInputSync(file, input);
  if (!opened.ok) return csvFailure(opened.error);
  const { fd } = opened.value;
  try {
    const read = new ChunkedRead(file, sinkFor(), options, input);
    for (;;) {
      const done = read.took(fs.readSync(fd, read.chunk, 0, read.want(), read.total));
      if (done) return done;
    }
  } catch (error) {
    return csvFailure(failureOf(file, error));
  } finally {
    fs.closeSync(fd);
  }
}

/** The asynchronous twin of readCsvBytesSync: the event loop gets a turn after every chunk. Never rejects. */
export async function readCsvBytes<T>(file: string, sinkFor: () => CsvByteSink<T>, options: CsvStreamOptions = {}): Promise<DataResult<T>> {
  const input = csvInput(options);
  const opened = await openInput(file, input);
  if (!opened.ok) return csvFailure(opened.error);
  const { handle } = opened.value;
  try {
    const read = new ChunkedRead(file, sinkFor(), options, input);
    for (;;) {
      const done = read.took((await handle.read(read.chunk, 0, read.want(), read.total)).bytesRead);
      if (done) return done;
      await nextTurn();
    }
  } catch (error) {
    return csvFailure(failureOf(file, error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * One file read in chunks into a sink, whichever way the bytes are read (both readers
 * above): one buffer, reused for every chunk, and what each read means.
 */
class ChunkedRead<T> {
  readonly chunk: Buffer;
  /** The bytes read so far: where the next read starts. */
  total = 0;

  constructor(
    private readonly file: string,
    private readonly sink: CsvByteSink<T>,
    options: CsvStreamOptions,
    private readonly input: InputOptions,
  ) {
    // Never more than the limit + 1, so a file at the limit takes one read past it to end.
    this.chunk = Buffer.allocUnsafe(Math.max(1, Math.min(options.chunkBytes ?? READ_CHUNK_BYTES, input.maxBytes + 1)));
  }

  /** How many bytes to read next: a chunk, and never past maxBytes + 1 in all. */
  want(): number {
    return Math.min(this.chunk.length, this.input.maxBytes + 1 - this.total);
  }

  /** Takes the `n` bytes the last read put in `chunk`: the end of the read, or undefined to read on. */
  took(n: number): DataResult<T> | undefined {
    if (n === 0) return this.sink.end();
    this.total += n;
    if (this.total > this.input.maxBytes) return csvFailure(tooLargeFailure(this.file, undefined, this.input));
    return this.sink.write(this.chunk.subarray(0, n)) ? undefined : this.sink.end();
  }
}
