/** CSV files written for tests, a block of rows at a time (never the whole text in memory). */
import * as fs from 'node:fs';

/** Writes `header` and `rows` rows, row i being `row(i)` (its line break included); returns the file's size. */
export function writeGeneratedCsv(file: string, header: string, rows: number, row: (i: number) => string): number {
  const fd = fs.openSync(file, 'w');
  try {
    let written = fs.writeSync(fd, header);
    for (let start = 0; start < rows; start += 10_000) {
      let block = '';
      for (let i = start; i < Math.min(rows, start + 10_000); i++) block += row(i);
      written += fs.writeSync(fd, block);
    }
    return written;
  } finally {
    fs.closeSync(fd);
  }
}

/** The review's first case: `x,y` and 480,000 rows like `0.123456,c42` (100 classes), 5.9 MiB. */
export function writeFewFeaturesManyClasses(file: string, rows = 480_000): number {
  return writeGeneratedCsv(file, 'x,y\n', rows, (i) => `0.${String((i * 7919) % 1_000_000).padStart(6, '0')},c${i % 100}\n`);
}
