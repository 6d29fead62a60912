/**
 * Everything a job needs from a spec file: the validated spec, its network and its
 * prepared data. The same steps for the CLI and the extension's worker, so both give the
 * same answers.
 */
import * as path from 'node:path';
import { MAX_SPEC_BYTES } from '../core/spec/validate';
import { createCsvProbe } from '../data/csv-probe';
import { loadTable } from '../data/load-data';
import { readInputSync, type InputFailure, type InputOptions, type InputText } from '../data/open-input';
import type { CsvReadOnce } from '../data/csv-file';
import type { JobPolicy } from '../protocol/job-policy';
import type { JobFailure, JobResult, OpenFailureCode } from './job-failure';
import { validateOpened, withData, type OpenedNetwork, type OpenedSpec } from './opened-spec';

// Declared with the protocol (the worker's jobs carry it); the CLI still names it from here.
export type { JobPolicy, OpenedNetwork, OpenedSpec };

/**
 * How a spec file is read (open-input.ts): a regular file, its first MAX_SPEC_BYTES bytes at
 * most; a longer one is marked incomplete, and the validator refuses it (spec-too-large).
 */
export const SPEC_INPUT: InputOptions = { maxBytes: MAX_SPEC_BYTES, what: 'a spec', overLimit: 'head' };

/** The text a spec is opened with: the editor's text, or what readSpecFile read (maybe only the start of the file). */
export type SpecSource = string | InputText;

/** Reads a spec file through the opener; the failure names the file and what it is. */
export function readSpecFile(specPath: string): JobResult<InputText, OpenFailureCode> {
  const read = readInputSync(path.resolve(specPath), SPEC_INPUT);
  return read.ok ? read : { ok: false, failure: specUnreadable(specPath, read.error) };
}

/** The job failure for a spec the opener refused. */
export function specUnreadable(specPath: string, error: InputFailure): JobFailure<OpenFailureCode> {
  return { code: 'spec-unreadable', message: `Cannot read ${specPath}: ${error.reason}.` };
}

/** Reads (unless `specText` is given), validates and loads a spec and its data. */
export function openSpec(specPath: string, policy: JobPolicy, specText?: SpecSource): JobResult<OpenedSpec, OpenFailureCode> {
  // The validator's probe and the loader read the same CSV: it is parsed once, into the summary and the table.
  const readOnce: CsvReadOnce = new Map();
  const opened = openSpecText(specPath, policy, specText, readOnce);
  if (!opened.ok) return opened;
  const options = { workspaceRoot: policy.workspaceRoot, allowOutside: policy.allowOutside, readOnce, ...maxBytes(policy) };
  return withData(opened.value, (spec) => loadTable(spec, opened.value.specPath, options));
}

/**
 * Reads and validates a spec without reading its data: its CSV is not opened, so the checks
 * of the data against the layers are skipped (a trained network's weights file carries what
 * its data gave it: the normalisation and the classes).
 */
export function openNetwork(specPath: string, policy: JobPolicy, specText?: SpecSource): JobResult<OpenedNetwork, OpenFailureCode> {
  return openSpecText(specPath, policy, specText, undefined);
}

/** Reads and validates; with `readOnce`, the validator probes the data (sharing what it reads). */
function openSpecText(specPath: string, policy: JobPolicy, specText: SpecSource | undefined, readOnce: CsvReadOnce | undefined): JobResult<OpenedNetwork, OpenFailureCode> {
  const absolute = path.resolve(specPath);
  let source: InputText;
  if (specText === undefined) {
    const read = readSpecFile(specPath);
    if (!read.ok) return read;
    source = read.value;
  } else {
    source = typeof specText === 'string' ? { text: specText, complete: true } : specText;
  }
  const probe = readOnce ? createCsvProbe(path.dirname(absolute), { workspaceRoot: policy.workspaceRoot, allowOutside: policy.allowOutside, readOnce, ...maxBytes(policy) }) : undefined;
  return validateOpened(absolute, source, policy, probe);
}

function maxBytes(policy: JobPolicy): { maxBytes?: number } {
  return policy.maxCsvBytes !== undefined ? { maxBytes: policy.maxCsvBytes } : {};
}
