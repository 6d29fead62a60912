/** The node-facing edge of the data: files, paths, CSV parsing, atomic writes, weights files. */
export * from './atomic-write';
export * from './csv-file';
export * from './csv-probe';
export * from './csv-text';
export * from './load-data';
export * from './resolve-data-path';
export * from './weights-file';
