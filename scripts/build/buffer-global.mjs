// Node's global Buffer for the browser bundles: csv-parse's incremental parser takes its
// chunks as Buffers (data/csv-chunk-parser.ts), here from the `buffer` package.
export { Buffer } from 'buffer/index.js'; // the npm package by its file: the bare name is also Node's built-in
