/**
 * Everything a job needs from a spec file: the validated spec, its network and its
 * prepared data. The same steps for the CLI and the extension's worker, so both give the
 * same answers.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Architecture } from '../core/nn/network';
import type { PreparedData } from '../core/nn/dataset';
import type { Spec } from '../core/spec/schema';
import { validateSpec } from '../core/spec/validate';
import { architectureOf } from '../core/train/architecture-of';
import { createCsvProbe } from '../data/csv-probe';
import { loadData } from '../data/load-data';
import type { CsvRecords } from '../core/data/csv-records';
import type { DataResult } from '../core/data/data-error';
import type { JobPolicy } from '../protocol/job-policy';
import type { JobFailure, JobResult, OpenFailureCode } from './job-failure';

// Declared with the protocol (the worker's jobs carry it); the CLI still names it from here.
export type { JobPolicy };

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

/** Reads (unless `specText` is given), validates and loads a spec and its data. */
export function openSpec(specPath: string, policy: JobPolicy, specText?: string): JobResult<OpenedSpec, OpenFailureCode> {
  // The validator's probe and the loader read the same CSV: it is parsed once.
  const readOnce = new Map<string, DataResult<CsvRecords>>();
  const opened = openSpecText(specPath, policy, specText, readOnce);
  if (!opened.ok) return opened;
  const { specPath: absolute, spec, architecture } = opened.value;
  const data = loadData(spec, absolute, {
    workspaceRoot: policy.workspaceRoot,
    allowOutside: policy.allowOutside,
    outputUnits: architecture.sizes.at(-1)!,
    readOnce,
    ...maxBytes(policy),
  });
  if (!data.ok) {
    const { code, message, file, line, column } = data.error;
    // Inline rows carry 0-based row/cell indices, not file positions: only a file's are passed on.
    return failed({ code, message, ...(file ? { file, ...(line ? { line } : {}), ...(column ? { column } : {}) } : {}) });
  }
  return { ok: true, value: { ...opened.value, data: data.value } };
}

/**
 * Reads and validates a spec without reading its data: its CSV is not opened, so the checks
 * of the data against the layers are skipped (a trained network's weights file carries what
 * its data gave it: the normalisation and the classes).
 */
export function openNetwork(specPath: string, policy: JobPolicy, specText?: string): JobResult<OpenedNetwork, OpenFailureCode> {
  return openSpecText(specPath, policy, specText, undefined);
}

/** Reads and validates; with `readOnce`, the validator probes the data (sharing what it reads). */
function openSpecText(specPath: string, policy: JobPolicy, specText: string | undefined, readOnce: Map<string, DataResult<CsvRecords>> | undefined): JobResult<OpenedNetwork, OpenFailureCode> {
  const absolute = path.resolve(specPath);
  let text = specText;
  if (text === undefined) {
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      return failed({ code: 'spec-unreadable', message: `Cannot read ${specPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.` });
    }
  }
  const validation = validateSpec(text, {
    ...(readOnce ? { probe: createCsvProbe(path.dirname(absolute), { workspaceRoot: policy.workspaceRoot, allowOutside: policy.allowOutside, readOnce, ...maxBytes(policy) }) } : {}),
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
  return { ok: true, value: { specPath: absolute, specText: text, spec: validation.spec, architecture: architectureOf(validation.spec) } };
}

function maxBytes(policy: JobPolicy): { maxBytes?: number } {
  return policy.maxCsvBytes !== undefined ? { maxBytes: policy.maxCsvBytes } : {};
}

function failed(failure: JobFailure<OpenFailureCode>): { ok: false; failure: JobFailure<OpenFailureCode> } {
  return { ok: false, failure };
}
