/**
 * The pure data pipeline: sources to tables (inline rows, CSV records, generators), tables
 * to prepared training data (classes, split, normalisation). No I/O: reading files is the
 * node edge's job (src/data).
 */
export type { DataErrorCode, DataFailure, DataResult } from './data-error';
export * from './number-cell';
export * from './table';
export * from './classes';
export * from './split';
export * from './normalization';
export * from './prepare';
export * from './csv-records';
export * from './csv-summary';
export * from './csv-table';
export * from './generators';
