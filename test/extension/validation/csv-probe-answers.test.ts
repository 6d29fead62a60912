import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CsvProbeResult, CsvRowsBound } from '../../../src/core/spec/data-probe';
import { validateSpec } from '../../../src/core/spec/validate';
import type { CsvProbeOptions } from '../../../src/data/csv-probe';
import { boundCsvRowsInThread, probeCsvInThread, type CsvProbeRequest } from '../../../src/data/csv-probe-thread';
import { dataFilePath } from '../../../src/data/resolve-data-path';
import { CsvProbeAnswers } from '../../../src/extension/validation/csv-probe-answers';
import { openSpec } from '../../../src/jobs/open-spec';
import { diskIo, type DiskIo } from '../../cli/disk-io';
import { writeFewFeaturesManyClasses } from '../../data/generated-csv';

/** The probe thread's source, run through tsx as mocha runs the tests. */
const WORKER = path.resolve(__dirname, '..', '..', '..', 'src', 'worker', 'csv-probe-worker.ts');
const TSX = ['--require', createRequire(__filename).resolve('tsx/cjs')];

/**
 * The editor's validation of a spec once its CSV answers have landed: validated as the
 * diagnostics controller does, again each time an answer it waited for arrives (onDidLoad),
 * until no question is pending.
 */
async function validateAsTheEditor(text: string, specDir: string, options: CsvProbeOptions, maxMemoryMB: number): Promise<string[]> {
  let landed: () => void = () => undefined;
  const threads = { fileOf: dataFilePath, summary: (q: CsvProbeRequest) => probeCsvInThread(WORKER, q, TSX), rowsBound: (q: CsvProbeRequest) => boundCsvRowsInThread(WORKER, q, TSX) };
  const answers = new CsvProbeAnswers(threads, () => landed());
  for (let round = 0; round < 10; round++) {
    const probe = answers.probeFor(specDir, options);
    let pending = false;
    const noting = <T extends CsvProbeResult | CsvRowsBound>(answer: T): T => ((pending ||= answer.status === 'pending'), answer);
    const watched = Object.assign((csvPath: string, target?: string) => noting(probe(csvPath, target)), { rowsBound: (csvPath: string) => noting(probe.rowsBound!(csvPath)) });
    const arrived = new Promise<void>((resolve) => (landed = resolve));
    const v = validateSpec(text, { probe: watched, maxMemoryMB });
    if (!pending) return v.diagnostics.map((d) => d.code);
    await arrived;
  }
  throw new Error('the editor’s answers never landed');
}

/** `nnspec validate --json` on the spec in the folder: the codes it prints. */
async function validateAsTheCli(io: DiskIo, maxMemoryMB: number): Promise<string[]> {
  const before = io.out().length;
  await run(['validate', 'spec.nnspec', '--json', '--max-memory-mb', String(maxMemoryMB)], io);
  return (JSON.parse(io.out().slice(before)) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
}

describe('the editor and the CLI agree on a CSV run’s memory', function () {
  this.timeout(60_000);
  const SPEC = 'task: classification\nlayers:\n  - units: 1\n  - units: 8\n    activation: relu\n  - units: 100\n    activation: softmax\ntrain:\n  optimizer: adam\ndata:\n  csv: classes.csv\n  target: y\n';
  let io: DiskIo;
  before(() => {
    io = diskIo({ 'spec.nnspec': SPEC });
    // 1.5 MiB, 120,000 rows of one feature and 100 classes: about 0.4 GiB to train.
    writeFewFeaturesManyClasses(path.join(io.cwd, 'classes.csv'), 120_000);
  });

  const cases: [string, number, string[]][] = [
    ['a file whose rows cannot fit is refused by both, before it is parsed', 256, ['too-much-memory']],
    ['a file whose rows fit is accepted by both (its size alone would have refused it)', 1024, []],
  ];
  for (const [what, maxMemoryMB, codes] of cases) {
    it(what, async () => {
      const options = { workspaceRoot: io.cwd, allowOutside: false };
      const editor = await validateAsTheEditor(SPEC, io.cwd, options, maxMemoryMB);
      assert.deepEqual(editor, codes);
      assert.deepEqual(await validateAsTheCli(io, maxMemoryMB), editor);
      // And the job (Train, `nnspec train`): refused with the same diagnostics, or opened.
      const job = openSpec(path.join(io.cwd, 'spec.nnspec'), { ...options, maxMemoryMB });
      assert.deepEqual(job.ok ? [] : (job.failure.diagnostics ?? []).map((d) => d.code), codes);
    });
  }
});
