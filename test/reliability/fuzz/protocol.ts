/** The messages between the fuzz runner and its worker. */

export interface WorkerJob {
  readonly target: string;
  readonly mode: 'fuzz' | 'replay';
  readonly numRuns: number;
  readonly seed: number;
  /** A case slower than this fails (and is shrunk) like a thrown error. */
  readonly caseBudgetMs: number;
  /** [case counter, input length] as Int32, then the current input as UTF-8. */
  readonly shared: SharedArrayBuffer;
}

export interface FuzzFailure {
  /** The smallest failing input fast-check found, as text. */
  readonly input: string;
  readonly error: string;
  readonly seed: number;
  readonly path: string;
  readonly shrinks: number;
}

export type FromWorker =
  | { readonly kind: 'done'; readonly cases: number; readonly ms: number; readonly failure?: FuzzFailure }
  | { readonly kind: 'ready' }
  | { readonly kind: 'replayed'; readonly failed: boolean; readonly error?: string }
  | { readonly kind: 'error'; readonly message: string };
