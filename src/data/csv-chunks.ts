/**
 * CSV read as a stream, a chunk at a time, with csv-parse: a header row, then data rows. A
 * byte-order mark is dropped, CRLF and LF both end records, quoted cells may hold commas,
 * quotes and line breaks, blank lines are skipped and spaces around cells are trimmed. Each
 * record goes to a sink (a table, a summary) as it ends, with the line it ends on, and is
 * then forgotten: the file is never held whole, neither as bytes nor as a string nor as
 * rows of cells. The parse itself is csv-chunk-parser.ts; this file reads the bytes.
 */
import * as fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DataResult } from '../core/data/data-error';
import { CsvChunkParser, type CsvByteSink, type CsvReadEnd, type CsvRecordSink } from './csv-chunk-parser';
import { csvFailure, csvInput, type CsvLimitOptions } from './csv-limits';
import { failureOf, openInput, openInputSync, tooLargeFailure, type InputOptions } from './open-input';

export { csvFailure, csvInput, type CsvLimitOptions };

/** How much a reader reads at a time (the streamed summary sets its own, smaller, to yield often). */
export const READ_CHUNK_BYTES = 256 * 1024;

/** Options of a streamed read; `chunkBytes` exists for tests of chunk boundaries. */
export interface CsvStreamOptions extends CsvLimitOptions {
  readonly chunkBytes?: number;
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
