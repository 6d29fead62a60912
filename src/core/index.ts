/**
 * The one import path of the core for the extension, the worker and the CLI.
 * Pure TypeScript: nothing here imports node:* or vscode.
 */
export type { Diagnostic, DiagnosticFix, Failure, OffsetRange, RelatedInformation, Result, Severity } from './diagnostic';
export { LineIndex, type Position } from './text/line-index';

// The .nnspec format and its validation.
export * from './spec/schema';
export { validateSpec, type SpecValidation, type ValidateOptions } from './spec/validate';
export { SPEC_CODES, severityOf, type CodeInfo, type SpecCode } from './spec/codes';
export type { CsvColumnSummary, CsvProbeCode, CsvProbeResult, CsvSummary, DataProbe } from './spec/data-probe';
export { DISTINCT_CAP } from './spec/data-probe';
export { GENERATOR_SHAPES, type GeneratorShape } from './spec/generators';
export { parameterCount } from './spec/parameters';
export { parseSourceTree, pathKey, type Path, type PathSegment, type SourceEntry, type SourceTree } from './spec/yaml-tree';
export { dataSourceOf, docAt, locateAt, locateInText, type KeyDoc, type SpecLocation } from './spec/locate';
export { describeType, fieldAt, formatPath, keysAt, DATA_SOURCE_KEYS, type DataSourceKey } from './spec/schema-walk';
export type { DataShape } from './spec/data-shape';
