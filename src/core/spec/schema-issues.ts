/**
 * zod issues → diagnostics with codes, ranges and messages a newcomer understands.
 * The schema says what is wrong; the source tree says where.
 */
import type { z } from 'zod';
import type { Reporter } from './reporter';
import { replaceFix } from './reporter';
import { allowedNames, describeType, fieldAt, formatPath, keysAt, type DataSourceKey } from './schema-walk';
import { nearest } from './suggest';
import type { Path, PathSegment } from './yaml-tree';

type Issue = z.core.$ZodIssue;

export function reportIssues(r: Reporter, issues: readonly Issue[], prefix: Path, source?: DataSourceKey): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((s): s is PathSegment => typeof s !== 'symbol')];
    reportIssue(r, issue, path, source);
  }
}

function reportIssue(r: Reporter, issue: Issue, path: Path, source: DataSourceKey | undefined): void {
  const value = r.get(path);
  const where = formatPath(path);
  const type = (): string => {
    const field = fieldAt(path, source);
    return field ? describeType(field.schema) : 'valid';
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) reportUnknownKey(r, [...path, key], keysAt(path, source));
      return;
    case 'invalid_type':
      if (!r.has(path)) return reportMissing(r, path, source);
      if (issue.expected === 'int') {
        return r.report('not-integer', `${where} must be ${type()}; ${show(value)} is not whole.`, r.valueRange(path));
      }
      if (typeof value === 'number' && (value === Infinity || value === -Infinity)) {
        return r.report('out-of-range', `${where} must be ${type()}, not ${show(value)}.`, r.valueRange(path));
      }
      if (value === null) return r.report('wrong-type', `${where} is empty; it must be ${type()}.`, r.valueRange(path));
      return r.report('wrong-type', `${where} must be ${type()}, not ${describeValue(value)}.`, r.valueRange(path));
    case 'invalid_value':
      return reportUnknownValue(r, path, value, source);
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array') {
        const min = Number(issue.code === 'too_small' ? issue.minimum : 0);
        return r.report('too-few-items', `${where} needs at least ${min} ${min === 1 ? 'entry' : 'entries'}.`, r.valueRange(path));
      }
      if (issue.origin === 'string') return r.report('empty-string', `${where} must not be empty.`, r.valueRange(path));
      return r.report('out-of-range', `${where} must be ${type()}; ${show(value)} is out of range.`, r.valueRange(path));
    case 'invalid_union': {
      const branch = pickBranch(issue.errors, value);
      if (branch) return reportIssues(r, branch, path, source);
      return r.report('wrong-type', `${where} must be ${type()}, not ${describeValue(value)}.`, r.valueRange(path));
    }
    default:
      return r.report('wrong-type', `${where} must be ${type()}.`, r.valueRange(path));
  }
}

/** An unknown key `path` (its last segment), with "did you mean" among `allowed`. */
export function reportUnknownKey(r: Reporter, path: Path, allowed: readonly string[]): void {
  const key = String(path[path.length - 1]);
  const parent = formatPath(path.slice(0, -1));
  const suggestion = nearest(key, allowed);
  const range = r.keyRange(path);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  r.report('unknown-key', `Unknown key \`${key}\` in ${parent}.${hint} Allowed: ${allowed.join(', ')}.`, range, {
    ...(suggestion && { fix: replaceFix(range, suggestion) }),
  });
}

function reportUnknownValue(r: Reporter, path: Path, value: unknown, source: DataSourceKey | undefined): void {
  const field = fieldAt(path, source);
  const allowed = field ? allowedNames(field.schema) : [];
  const suggestion = typeof value === 'string' ? nearest(value, allowed) : undefined;
  const range = r.valueRange(path);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  const type = field ? describeType(field.schema) : `one of: ${allowed.join(', ')}`;
  r.report('unknown-value', `${formatPath(path)} must be ${type}; ${show(value)} is not allowed.${hint}`, range, {
    ...(suggestion && { fix: replaceFix(range, suggestion) }),
  });
}

/** A required key is absent: point at its parent's key (or the parent mapping). */
export function reportMissing(r: Reporter, path: Path, source?: DataSourceKey): void {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const description = fieldAt(path, source)?.description;
  const parent = parentPath.length === 0 ? 'The spec' : formatPath(parentPath);
  r.report('missing-key', `${parent} needs \`${key}\`${description ? `: ${lowerFirst(description)}` : '.'}`, r.keyRange(parentPath));
}

/**
 * Of a union's failed branches, the one whose issues are worth showing: the first whose
 * type matched the value (a number for `batchSize: 0`, a name for `batchSize: al`).
 */
function pickBranch(branches: readonly (readonly Issue[])[], value: unknown): readonly Issue[] | undefined {
  const typeMismatch = (i: Issue): boolean =>
    i.path.length === 0 && ((i.code === 'invalid_type' && i.expected !== 'int') || (i.code === 'invalid_value' && typeof value !== 'string'));
  return branches.find((b) => !b.some(typeMismatch));
}

/** A value as it appears in a message. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `\`${v.length > 40 ? `${v.slice(0, 40)}…` : v}\``;
  if (typeof v === 'number') return String(v);
  return describeValue(v);
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return `the text ${show(v)}`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN (not a number)' : `the number ${v}`;
  if (typeof v === 'boolean') return `${v} (a yes/no value)`;
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

function lowerFirst(s: string): string {
  const t = s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
