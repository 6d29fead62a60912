/**
 * From a spec's text to what a job needs: the validated spec, its network and its prepared
 * data. Pure: where the text and the CSV bytes come from is the caller's (open-spec.ts reads
 * them from disk; open-spec-in-memory.ts, the browser's worker, is given them), so every
 * build opens a spec with the same steps and the same messages.
 */
import type { DataResult } from '../core/data/data-error';
import { prepareData } from '../core/data/prepare';
import type { DataTable } from '../core/data/table';
import type { Architecture } from '../core/nn/network';
import type { PreparedData } from '../core/nn/dataset';
import type { DataProbe } from '../core/spec/data-probe';
import type { Spec } from '../core/spec/schema';
import { validateSpec } from '../core/spec/validate';
import { architectureOf } from '../core/train/architecture-of';
import type { JobPolicy } from '../protocol/job-policy';
import type { JobFailure, JobResult, OpenFailureCode } from './job-failure';

/** A validated spec and its network, without its data (what `nnspec export` needs). */
export interface OpenedNetwork {
  readonly specPath: string;
  readonly specText: string;
  readonly spec: Spec;
  readonly architecture: Architecture;
}

export interface OpenedSpec extends OpenedNetwork {
  readonly data: PreparedData;
}

/** A spec's text as read: `complete` is false when only its first bytes were (the validator then refuses it). */
export interface SpecTextSource {
  readonly text: string;
  readonly complete: boolean;
}

/** Validates `source` (the spec at `specPath`); with `probe`, its data is checked against the layers too. */
export function validateOpened(specPath: string, source: SpecTextSource, policy: JobPolicy, probe?: DataProbe): JobResult<OpenedNetwork, OpenFailureCode> {
  const { text } = source;
  const validation = validateSpec(text, {
    ...(source.complete ? {} : { textIsPrefix: true }),
    ...(probe ? { probe } : {}),
    ...(policy.maxParameters !== undefined ? { maxParameters: policy.maxParameters } : {}),
    ...(policy.maxMemoryMB !== undefined ? { maxMemoryMB: policy.maxMemoryMB } : {}),
  });
  if (!validation.spec) {
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    return failed({
      code: 'spec-invalid',
      message: `The spec has ${errors.length} error${errors.length === 1 ? '' : 's'}; the first: ${errors[0]?.message ?? 'unknown'}`,
      diagnostics: validation.diagnostics,
      specText: text,
    });
  }
  return { ok: true, value: { specPath, specText: text, spec: validation.spec, architecture: architectureOf(validation.spec) } };
}

/** Adds the data to a validated network: its raw table (from `loadTable`), prepared for the network's output units. */
export function withData(opened: OpenedNetwork, loadTable: (spec: Spec) => DataResult<DataTable>): JobResult<OpenedSpec, OpenFailureCode> {
  const table = loadTable(opened.spec);
  const data = table.ok ? prepareData(opened.spec, table.value, opened.architecture.sizes.at(-1)!) : table;
  if (!data.ok) {
    const { code, message, file, line, column } = data.error;
    // Inline rows carry 0-based row/cell indices, not file positions: only a file's are passed on.
    return failed({ code, message, ...(file ? { file, ...(line ? { line } : {}), ...(column ? { column } : {}) } : {}) });
  }
  return { ok: true, value: { ...opened, data: data.value } };
}

function failed(failure: JobFailure<OpenFailureCode>): { ok: false; failure: JobFailure<OpenFailureCode> } {
  return { ok: false, failure };
}
