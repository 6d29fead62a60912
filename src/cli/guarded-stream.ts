/**
 * The process's stdout and stderr as the CLI writes them: a failed write (a reader that
 * closed the pipe, a full disk, a terminal gone) is recorded, never thrown and never an
 * unhandled 'error' event; every later write is a no-op, so the command runs to completion
 * (train still saves its weights) and main.ts chooses the exit code from what failed.
 */
import type { OutputStream } from './io';

/** The first failed write of a stream. */
export interface WriteFailure {
  readonly stream: 'stdout' | 'stderr';
  /** The system error code: EPIPE, ENOSPC, EIO, … ('' when the error had none). */
  readonly code: string;
  readonly message: string;
}

/** What a guarded stream needs of a Node writable (process.stdout, a file stream, a test's Writable). */
export interface WritableTarget {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  readonly destroyed?: boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export class GuardedStream implements OutputStream {
  #failure: WriteFailure | undefined;

  constructor(
    readonly name: 'stdout' | 'stderr',
    private readonly target: WritableTarget,
  ) {
    // Errors of asynchronous writes arrive here, a tick after the write that caused them.
    target.on('error', (error) => this.fail(error));
  }

  /** The first failed write, if any. */
  get failure(): WriteFailure | undefined {
    return this.#failure;
  }

  /** Whether output is a terminal (the progress bar draws only there); false once a write has failed. */
  get isTTY(): boolean {
    return this.#failure === undefined && this.target.isTTY === true;
  }

  get columns(): number | undefined {
    return this.target.columns;
  }

  /** Writes, or does nothing once a write of this stream has failed. */
  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    if (this.#failure !== undefined || this.target.destroyed === true) return false;
    try {
      return this.target.write(chunk, callback);
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /**
   * Resolves once every write so far has gone out or failed, and a failure has been
   * recorded (Node reports a failed write a tick later, as an 'error' event).
   */
  async flush(): Promise<void> {
    if (this.#failure === undefined && this.target.destroyed !== true) {
      await new Promise<void>((resolve) => {
        try {
          // An empty write completes after the writes before it, with their error if any.
          this.target.write('', () => resolve());
        } catch (error) {
          this.fail(error);
          resolve();
        }
      });
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private fail(error: unknown): void {
    if (this.#failure !== undefined) return;
    const code = (error as { code?: unknown } | null)?.code;
    this.#failure = { stream: this.name, code: typeof code === 'string' ? code : '', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A closed pipe: the reader has what it wanted (`nnspec … | head -1`). Not an error. */
export function isClosedPipe(failure: WriteFailure): boolean {
  return failure.code === 'EPIPE';
}
