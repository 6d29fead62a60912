/** What an export job writes (jobs/export-job.ts): the format, and the name of the file it goes to. */
export interface ExportTarget {
  readonly kind: 'onnx' | 'pytorch';
  /** ONNX only; float32 by default, what runtimes expect. */
  readonly precision?: 'float32' | 'float64';
  /** The output's file name: a PyTorch script names itself in its usage lines. */
  readonly fileName: string;
}
