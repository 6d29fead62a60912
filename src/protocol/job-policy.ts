/**
 * Where a job's spec may read data from, and the size limits in force. The extension sends it
 * to the worker with every job; the CLI builds it from its options.
 */
export interface JobPolicy {
  /** The folder data files must lie in (the workspace folder, or the CLI's working directory). */
  readonly workspaceRoot: string;
  readonly allowOutside: boolean;
  readonly maxParameters?: number;
  readonly maxCsvBytes?: number;
  /** The most memory (MiB) a run may need, estimated before anything is allocated. */
  readonly maxMemoryMB?: number;
}
