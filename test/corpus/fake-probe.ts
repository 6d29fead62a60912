import type { CsvProbeResult, DataProbe } from '../../src/core/spec/data-probe';

/** The corpus's CSV files, answered in memory so these tests depend on no loader. */
export const fakeProbe: DataProbe = (csvPath) => {
  const answers: Record<string, CsvProbeResult> = {
    'data/fake.csv': {
      status: 'ok',
      summary: {
        rows: 3,
        columns: [
          { name: 'x1', numeric: true, distinct: ['1', '2', '3'], distinctTruncated: false },
          { name: 'x2', numeric: true, distinct: ['0.5', '0.25'], distinctTruncated: false },
          { name: 'species', numeric: false, distinct: ['a', 'b', 'c'], distinctTruncated: false },
          { name: 'y', numeric: true, distinct: ['1.5', '2.5', '3.5'], distinctTruncated: false },
        ],
      },
    },
    'data/missing.csv': { status: 'failed', error: { code: 'csv-not-found', message: 'data/missing.csv does not exist.' } },
    '../../secret.csv': { status: 'failed', error: { code: 'csv-outside-workspace', message: 'Outside the workspace.' } },
  };
  return answers[csvPath] ?? { status: 'pending' };
};
