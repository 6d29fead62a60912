import type { CsvProbeResult, CsvRowsBound, DataProbe } from '../../core/spec/data-probe';

/** Where a spec may read from and how large a file may be, in the terms of the platform that reads. */
export interface CsvQuestionOptions {
  readonly workspaceRoot: string;
  readonly allowOutside: boolean;
  readonly maxBytes?: number;
}

/** One question about a `csv:` path of the specs in `specDir` (a folder path on a disk, a URI in the browser). */
export interface CsvQuestion {
  readonly specDir: string;
  readonly csvPath: string;
  readonly options: CsvQuestionOptions;
  readonly target?: string;
}

/** Who answers the questions, off the extension host's critical path: a probe thread on the desktop, vscode.workspace.fs in the browser. */
export interface CsvAnswerer {
  /** The file a question names, as `forget` is told of it when it changes. */
  fileOf(specDir: string, csvPath: string): string;
  summary(question: CsvQuestion): Promise<CsvProbeResult>;
  rowsBound(question: CsvQuestion): Promise<CsvRowsBound>;
}

/**
 * The editor's answers about CSV files, kept apart from VS Code (the cache gives it the
 * trust, the workspace folder and the settings): each question, a file's rows bound or its
 * summary, answers `pending` at first and is asked of a probe thread; when the answer lands
 * `loaded` is called, so the specs that use the file are validated again. The probe asks the
 * thread what `nnspec validate` asks createCsvProbe, so the editor and the CLI agree: the
 * rows bound first, and the summary only of a file whose run fits.
 */
export class CsvProbeAnswers {
  private readonly summaries = new Map<string, CsvProbeResult>();
  private readonly bounds = new Map<string, CsvRowsBound>();

  constructor(
    private readonly answerer: CsvAnswerer,
    private readonly loaded: () => void,
  ) {}

  /** The validator's probe for specs in `specDir`, reading by `options`. */
  probeFor(specDir: string, options: CsvQuestionOptions): DataProbe {
    const probe = (csvPath: string, target?: string): CsvProbeResult => {
      const question = { specDir, csvPath, options, ...(target !== undefined ? { target } : {}) };
      return this.answer(this.summaries, this.keyOf(question), () => this.answerer.summary(question), { status: 'pending' });
    };
    const rowsBound = (csvPath: string): CsvRowsBound => {
      const question = { specDir, csvPath, options };
      return this.answer(this.bounds, this.keyOf(question), () => this.answerer.rowsBound(question), { status: 'pending' });
    };
    return Object.assign(probe, { rowsBound });
  }

  /** Forgets every answer about a file (it changed on disk), or all of them (the settings changed). */
  forget(file?: string): void {
    for (const entries of [this.summaries, this.bounds]) {
      if (file === undefined) entries.clear();
      else for (const key of [...entries.keys()]) if ((JSON.parse(key) as string[])[0] === file) entries.delete(key);
    }
  }

  /** A question's key: the file first (forget matches it), then what changes the answer. */
  private keyOf(question: CsvQuestion): string {
    const { specDir, csvPath, options, target } = question;
    return JSON.stringify([this.answerer.fileOf(specDir, csvPath), options.workspaceRoot, options.allowOutside, options.maxBytes ?? null, target ?? null]);
  }

  /** The known answer, or `pending` while `start` finds it. */
  private answer<T>(entries: Map<string, T>, key: string, start: () => Promise<T>, pending: T): T {
    const known = entries.get(key);
    if (known) return known;
    entries.set(key, pending);
    void start().then((result) => {
      // Forgotten meanwhile (the file changed): this answer is stale.
      if (entries.get(key) !== pending) return;
      entries.set(key, result);
      this.loaded();
    });
    return pending;
  }
}
