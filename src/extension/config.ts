import * as vscode from 'vscode';
import { DEFAULT_MAX_CSV_BYTES } from '../data/csv-limits';

/** The extension's settings, read fresh on each access so changes apply at once. */
export class Config {
  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('nnspec');
  }

  /** Delay after the last edit before a spec is validated again. */
  get validationDebounceMs(): number {
    return clamp(this.section.get<number>('validation.debounceMs', 150), 0, 5000);
  }

  get maxParameters(): number {
    return Math.max(1, this.section.get<number>('limits.maxParameters', 50_000_000));
  }

  /** The most memory (MiB) a run may need; checked on an estimate before anything is allocated. */
  get maxMemoryMB(): number {
    return Math.max(1, this.section.get<number>('limits.maxMemoryMB', 4096));
  }

  /** Threads a training worker may use for large batches (its threads have background priority on Linux). */
  get trainingThreads(): number {
    return this.section.get<number>('training.threads', 2) >= 2 ? 2 : 1;
  }

  /** Whether a spec may read data outside its workspace folder; never in an untrusted workspace. */
  get allowOutsideWorkspace(): boolean {
    return vscode.workspace.isTrusted && this.section.get<boolean>('data.allowOutsideWorkspace', false);
  }

  get maxCsvBytes(): number {
    return Math.max(1, this.section.get<number>('data.maxCsvBytes', DEFAULT_MAX_CSV_BYTES));
  }

  get codeLensEnabled(): boolean {
    return this.section.get<boolean>('codeLens.enabled', true);
  }

  /** Whether each layer's line shows the shape and parameter count of the Θ that produces it. */
  get inlayHintsEnabled(): boolean {
    return this.section.get<boolean>('inlayHints.enabled', true);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}
