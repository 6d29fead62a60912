/**
 * The bad-data corpus: CSV files (and paths to them) a spec may name, each with what it
 * must produce. A case is written into a fresh workspace `ws/` as `ws/data/input.csv`
 * beside `ws/spec.nnspec` (unless it sets up something else), then checked by
 * data-corpus.test.ts through the core and the CLI.
 *
 * `load` is what the loader says (loadData: the code, and the 1-based line and column in
 * the CSV where they apply); `validate` the codes validateSpec reports with the real probe,
 * each on the spec key it names. Cases that must be accepted say so (`load: 'ok'`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DataCase {
  readonly name: string;
  /** The content of data/input.csv; a Buffer for bytes that are not text. */
  readonly csv?: string | Buffer;
  /** Makes files the case needs beyond data/input.csv; `root` holds `ws` and files outside it. */
  readonly setup?: (ws: string, root: string) => void;
  /** The `csv:` value of the spec (default data/input.csv); a function for paths that depend on the folder. */
  readonly csvPath?: string | ((ws: string, root: string) => string);
  readonly target?: string;
  readonly features?: readonly string[];
  readonly task?: 'classification' | 'regression';
  /** Input and output units (default 2 and 1). */
  readonly units?: readonly [number, number];
  readonly allowOutside?: boolean;
  /** The CSV size limit in bytes, when not the default. */
  readonly maxBytes?: number;
  readonly load: 'ok' | { readonly code: string; readonly line?: number; readonly column?: number };
  /** Codes validateSpec reports, with the spec value each lies on (`csv-key`: the key `csv` itself). */
  readonly validate: readonly { readonly code: string; readonly on: 'csv' | 'csv-key' | 'target' | 'output-units' | `features.${number}` }[];
}

const ok2 = 'x1,x2,y\n1,2,0\n3,4,1\n5,6,0\n';

export const DATA_CASES: readonly DataCase[] = [
  // Files that are not there or not CSV files at all.
  { name: 'missing file', csvPath: 'data/nowhere.csv', load: { code: 'csv-not-found' }, validate: [{ code: 'csv-not-found', on: 'csv' }] },
  { name: 'missing folder on the way', csvPath: 'nowhere/input.csv', load: { code: 'csv-not-found' }, validate: [{ code: 'csv-not-found', on: 'csv' }] },
  { name: 'a file used as a folder', csv: ok2, csvPath: 'data/input.csv/x.csv', load: { code: 'csv-not-found' }, validate: [{ code: 'csv-not-found', on: 'csv' }] },
  { name: 'empty file', csv: '', load: { code: 'csv-empty' }, validate: [{ code: 'csv-empty', on: 'csv' }] },
  { name: 'whitespace only', csv: '  \n\t\n   \n', load: { code: 'csv-empty' }, validate: [{ code: 'csv-empty', on: 'csv' }] },
  { name: 'line breaks only', csv: '\n\n\r\n\n', load: { code: 'csv-empty' }, validate: [{ code: 'csv-empty', on: 'csv' }] },
  { name: 'a byte-order mark and nothing else', csv: '\uFEFF', load: { code: 'csv-empty' }, validate: [{ code: 'csv-empty', on: 'csv' }] },
  { name: 'header only', csv: 'x1,x2,y\n', load: { code: 'csv-header-only', line: 1 }, validate: [{ code: 'csv-empty', on: 'csv' }] },
  { name: 'header only, no final line break', csv: 'x1,x2,y', load: { code: 'csv-header-only', line: 1 }, validate: [{ code: 'csv-empty', on: 'csv' }] },
  { name: 'binary bytes', csv: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)), load: { code: 'csv-malformed', line: 2 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  // Structure.
  { name: 'ragged: a short row', csv: 'x1,x2,y\n1,2,0\n3,4\n5,6,1\n', load: { code: 'csv-ragged-row', line: 3 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'ragged: a long row', csv: 'x1,x2,y\n1,2,0\n3,4,1\n5,6,1,9\n', load: { code: 'csv-ragged-row', line: 4 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'ragged after a quoted cell over two lines', csv: 'x1,x2,y\n1,2,"a\nb"\n3,4\n', load: { code: 'csv-ragged-row', line: 4 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'ragged with CRLF line ends', csv: 'x1,x2,y\r\n1,2,0\r\n3,4,1\r\n5,6\r\n', load: { code: 'csv-ragged-row', line: 4 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'ragged after blank lines', csv: 'x1,x2,y\n1,2,0\n\n\n3,4\n', load: { code: 'csv-ragged-row', line: 5 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'duplicate column names', csv: 'x1,x2,x1\n1,2,0\n3,4,1\n', target: 'x1', load: { code: 'csv-duplicate-column', line: 1, column: 3 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'unclosed quote', csv: 'x1,x2,y\n1,2,0\n3,"4,1\n5,6,0\n', load: { code: 'csv-malformed', line: 3 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'a quote inside an unquoted cell', csv: 'x1,x2,y\n1,2,0\n3,4"5,1\n', load: { code: 'csv-malformed', line: 3 }, validate: [{ code: 'csv-malformed', on: 'csv' }] },
  { name: 'target column missing', csv: ok2, target: 'label', load: { code: 'csv-missing-column', line: 1 }, validate: [{ code: 'csv-missing-column', on: 'target' }] },
  { name: 'feature column missing', csv: ok2, features: ['x1', 'x3'], load: { code: 'csv-missing-column', line: 1 }, validate: [{ code: 'csv-missing-column', on: 'features.1' }] },
  // Cells.
  { name: 'text in a feature column', csv: 'x1,x2,y\n1,2,0\n3,abc,1\n', load: { code: 'csv-not-a-number', line: 3, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'text in a listed feature', csv: 'x1,x2,y\n1,2,0\n3,abc,1\n', features: ['x1', 'x2'], load: { code: 'csv-not-a-number', line: 3, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'features.1' }] },
  { name: 'a hexadecimal cell', csv: 'x1,x2,y\n1,2,0\n0x10,4,1\n', load: { code: 'csv-not-a-number', line: 3, column: 1 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'a quoted thousands separator', csv: 'x1,x2,y\n1,2,0\n"1,000",4,1\n', load: { code: 'csv-not-a-number', line: 3, column: 1 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'semicolons, not commas', csv: 'x1;x2;y\n1;2;0\n3;4;1\n', load: { code: 'csv-missing-column', line: 1 }, validate: [{ code: 'csv-missing-column', on: 'target' }] },
  { name: 'NaN in a feature', csv: 'x1,x2,y\n1,2,0\n3,4,1\nNaN,5,0\n', load: { code: 'csv-non-finite', line: 4, column: 1 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'Infinity in a feature', csv: 'x1,x2,y\n1,2,0\n3,-Infinity,1\n', load: { code: 'csv-non-finite', line: 3, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'inf in a feature', csv: 'x1,x2,y\n1,2,0\n3,inf,1\n', load: { code: 'csv-non-finite', line: 3, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'a number beyond a double', csv: 'x1,x2,y\n1,2,0\n3,1e999,1\n', load: { code: 'csv-non-finite', line: 3, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'an empty feature cell', csv: 'x1,x2,y\n1,,0\n3,4,1\n', load: { code: 'csv-empty-cell', line: 2, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'a NUL byte in a cell', csv: 'x1,x2,y\n1,2,0\n3,\u00004,1\n', load: { code: 'csv-not-a-number', line: 3, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'NaN in a numeric class column', csv: 'x1,x2,y\n1,2,0\n3,4,NaN\n5,6,1\n', load: { code: 'csv-non-finite', line: 3, column: 3 }, validate: [{ code: 'csv-bad-target', on: 'target' }] },
  { name: 'an empty target cell', csv: 'x1,x2,y\n1,2,0\n3,4,\n5,6,1\n', load: { code: 'csv-empty-cell', line: 3, column: 3 }, validate: [{ code: 'csv-bad-target', on: 'target' }] },
  { name: 'text as a regression target', task: 'regression', csv: 'x1,x2,y\n1,2,0.5\n3,4,oops\n', load: { code: 'csv-not-a-number', line: 3, column: 3 }, validate: [{ code: 'regression-target-not-numeric', on: 'target' }] },
  { name: 'a BOM, then text on line 3', csv: '\uFEFFx1,x2,y\n1,2,0\nx,4,1\n', load: { code: 'csv-not-a-number', line: 3, column: 1 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'CRLF, then NaN on line 4', csv: 'x1,x2,y\r\n1,2,0\r\n3,4,1\r\n5,nan,0\r\n', load: { code: 'csv-non-finite', line: 4, column: 2 }, validate: [{ code: 'csv-column-not-numeric', on: 'csv' }] },
  { name: 'more classes than output units', csv: 'x1,x2,y\n1,2,a\n3,4,b\n5,6,c\n', load: { code: 'data-output-mismatch' }, validate: [{ code: 'output-units-mismatch', on: 'output-units' }] },
  // Accepted: these are not errors and must load exactly.
  { name: 'accepted: a BOM before the header', csv: '\uFEFFx1,x2,y\n1,2,0\n3,4,1\n', load: 'ok', validate: [] },
  { name: 'accepted: CRLF line ends', csv: 'x1,x2,y\r\n1,2,0\r\n3,4,1\r\n', load: 'ok', validate: [] },
  { name: 'accepted: quoted commas in the class names', csv: 'x1,x2,name\n1,2,"Smith, John"\n3,4,"Doe, Jane"\n', target: 'name', load: 'ok', validate: [] },
  { name: 'accepted (warning): a target with one class', csv: 'x1,x2,y\n1,2,1\n3,4,1\n5,6,1\n', load: 'ok', validate: [{ code: 'single-class', on: 'csv-key' }] },
  // Size.
  {
    name: 'a 200 MB file over the 100 MiB limit (sparse, never read)',
    setup: (ws) => {
      const file = path.join(ws, 'data', 'input.csv');
      fs.writeFileSync(file, ok2);
      fs.truncateSync(file, 200_000_000);
    },
    load: { code: 'csv-too-large' },
    validate: [{ code: 'csv-too-large', on: 'csv' }],
  },
  { name: 'one byte over a configured limit', csv: ok2, maxBytes: ok2.length - 1, load: { code: 'csv-too-large' }, validate: [{ code: 'csv-too-large', on: 'csv' }] },
  // Paths.
  { name: 'a directory given as the CSV', setup: (ws) => fs.mkdirSync(path.join(ws, 'data', 'folder.csv')), csvPath: 'data/folder.csv', load: { code: 'csv-not-a-file' }, validate: [{ code: 'csv-not-a-file', on: 'csv' }] },
  { name: 'the workspace folder itself', csvPath: '.', load: { code: 'csv-not-a-file' }, validate: [{ code: 'csv-not-a-file', on: 'csv' }] },
  { name: '../ out of the workspace', setup: outsideFile, csvPath: '../outside.csv', load: { code: 'csv-outside-workspace' }, validate: [{ code: 'csv-outside-workspace', on: 'csv' }] },
  { name: '../ out and back in is fine', csv: ok2, csvPath: '../ws/data/input.csv', load: 'ok', validate: [] },
  { name: 'an absolute path outside', setup: outsideFile, csvPath: (_ws, root) => path.join(root, 'outside.csv'), load: { code: 'csv-outside-workspace' }, validate: [{ code: 'csv-outside-workspace', on: 'csv' }] },
  { name: 'an absolute path to a file that is not there, outside', csvPath: (_ws, root) => path.join(root, 'none', 'x.csv'), load: { code: 'csv-outside-workspace' }, validate: [{ code: 'csv-outside-workspace', on: 'csv' }] },
  { name: 'a symlink inside leading outside', setup: linkOutside, csvPath: 'data/link.csv', load: { code: 'csv-outside-workspace' }, validate: [{ code: 'csv-outside-workspace', on: 'csv' }] },
  { name: 'a symlinked folder leading outside', setup: folderLinkOutside, csvPath: 'data/far/outside.csv', load: { code: 'csv-outside-workspace' }, validate: [{ code: 'csv-outside-workspace', on: 'csv' }] },
  { name: 'a symlink loop', setup: loop, csvPath: 'data/loop-a.csv', load: { code: 'csv-unreadable' }, validate: [{ code: 'csv-unreadable', on: 'csv' }] },
  { name: 'a dangling symlink', setup: dangling, csvPath: 'data/dangling.csv', load: { code: 'csv-not-found' }, validate: [{ code: 'csv-not-found', on: 'csv' }] },
  { name: 'allowed: ../ outside when the user allows it', setup: outsideFile, csvPath: '../outside.csv', allowOutside: true, load: 'ok', validate: [] },
  { name: 'allowed: a symlink outside when the user allows it', setup: linkOutside, csvPath: 'data/link.csv', allowOutside: true, load: 'ok', validate: [] },
];

function outsideFile(_ws: string, root: string): void {
  fs.writeFileSync(path.join(root, 'outside.csv'), ok2);
}

function linkOutside(ws: string, root: string): void {
  outsideFile(ws, root);
  fs.symlinkSync(path.join(root, 'outside.csv'), path.join(ws, 'data', 'link.csv'));
}

function folderLinkOutside(ws: string, root: string): void {
  outsideFile(ws, root);
  fs.symlinkSync(root, path.join(ws, 'data', 'far'));
}

function loop(ws: string): void {
  fs.symlinkSync(path.join(ws, 'data', 'loop-b.csv'), path.join(ws, 'data', 'loop-a.csv'));
  fs.symlinkSync(path.join(ws, 'data', 'loop-a.csv'), path.join(ws, 'data', 'loop-b.csv'));
}

function dangling(ws: string): void {
  fs.symlinkSync(path.join(ws, 'data', 'gone.csv'), path.join(ws, 'data', 'dangling.csv'));
}
