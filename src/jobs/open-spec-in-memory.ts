/**
 * A spec opened from what its host read for the job: the text and the bytes of its CSV
 * files (the browser's worker cannot reach the workspace; web/web-worker-job.ts reads them
 * through vscode.workspace.fs, with the desktop's rules). The same validation, probe answers,
 * table and messages as openSpec from disk.
 */
import { inMemoryCsvProbe, loadCsvFromMemory, type CsvScans, type ReadCsvFiles } from '../data/csv-in-memory';
import { specTable } from '../data/spec-table';
import type { JobPolicy } from '../protocol/job-policy';
import type { JobResult, OpenFailureCode } from './job-failure';
import { validateOpened, withData, type OpenedSpec } from './opened-spec';

export function openSpecInMemory(specPath: string, specText: string, policy: JobPolicy, files: ReadCsvFiles): JobResult<OpenedSpec, OpenFailureCode> {
  // The validator's probe and the loader parse the same CSV: once, into the summary and the table.
  const scans: CsvScans = new Map();
  const opened = validateOpened(specPath, { text: specText, complete: true }, policy, inMemoryCsvProbe(files, scans));
  return opened.ok ? withData(opened.value, (spec) => specTable(spec, (csvPath, columns) => loadCsvFromMemory(files, csvPath, columns, scans))) : opened;
}

/**
 * The `csv:` paths a spec's validation asks about: what its host must read before the job can
 * open it. Asked of a probe that only listens (its answers are `pending`).
 */
export function csvPathsOf(specText: string, policy: JobPolicy): string[] {
  const asked = new Set<string>();
  const probe = Object.assign(
    (csvPath: string) => {
      asked.add(csvPath);
      return { status: 'pending' as const };
    },
    {
      rowsBound: (csvPath: string) => {
        asked.add(csvPath);
        return { status: 'pending' as const };
      },
    },
  );
  validateOpened('', { text: specText, complete: true }, policy, probe);
  return [...asked];
}
