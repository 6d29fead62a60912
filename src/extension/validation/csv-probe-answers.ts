import type { CsvProbeResult, CsvRowsBound, DataProbe } from '../../core/spec/data-probe';
import type { CsvProbeOptions } from '../../data/csv-probe';
import { boundCsvRowsInThread, probeCsvInThread, type CsvProbeRequest } from '../../data/csv-probe-thread';
import { dataFilePath } from '../../data/resolve-data-path';

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
    private readonly workerFile: string,
    private readonly loaded: () => void,
    private readonly execArgv: string[] = [],
  ) {}

  /** The validator's probe for specs in `specDir`, reading by `options`. */
  probeFor(specDir: string, options: CsvProbeOptions): DataProbe {
    const probe = (csvPath: string, target?: string): CsvProbeResult => {
      const request = { specDir, csvPath, options, ...(target !== undefined ? { target } : {}) };
      return this.answer(this.summaries, keyOf(request), () => probeCsvInThread(this.workerFile, request, this.execArgv), { status: 'pending' });
    };
    const rowsBound = (csvPath: string): CsvRowsBound => {
      const request = { specDir, csvPath, options };
      return this.answer(this.bounds, keyOf(request), () => boundCsvRowsInThread(this.workerFile, request, this.execArgv), { status: 'pending' });
    };
    return Object.assign(probe, { rowsBound });
  }

  /** Forgets every answer about a file (it changed on disk), or all of them (the settings changed). */
  forget(fsPath?: string): void {
    for (const entries of [this.summaries, this.bounds]) {
      if (fsPath === undefined) entries.clear();
      else for (const key of [...entries.keys()]) if ((JSON.parse(key) as string[])[0] === fsPath) entries.delete(key);
    }
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

/** A question's key: the file first (forget matches it), then what changes the answer. */
function keyOf(request: CsvProbeRequest): string {
  const { specDir, csvPath, options, target } = request;
  return JSON.stringify([dataFilePath(specDir, csvPath), options.workspaceRoot, options.allowOutside, options.maxBytes ?? null, target ?? null]);
}
