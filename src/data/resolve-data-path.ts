/**
 * Where a `csv:` path of a spec points, and whether the spec may read it: the path is
 * resolved against the spec's folder and must lie inside the workspace folder, both before
 * and after symbolic links are followed (a link inside the workspace that leads outside is
 * refused), unless the user allows reading outside.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail, ok, type DataResult } from '../core/data/data-error';

/** Which files a spec may read. */
export interface PathPolicy {
  /** The workspace folder that holds the spec. */
  readonly workspaceRoot: string;
  /** Allow files outside the workspace folder (a user setting). */
  readonly allowOutside: boolean;
}

/** True when `file` is `root` or lies below it (both absolute and normalised). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The file a `csv:` path (as the spec means it) names: relative to the spec's folder unless absolute. */
export function dataFilePath(specDir: string, csvPath: string): string {
  return path.resolve(specDir, csvPath);
}

/** Resolves `csvPath` (as written in the spec) against `specDir`; returns the absolute path. */
export function resolveDataPath(specDir: string, csvPath: string, policy: PathPolicy): DataResult<string> {
  const file = dataFilePath(specDir, csvPath);
  const roots = [path.resolve(policy.workspaceRoot), realOr(policy.workspaceRoot)];
  const lexical = checkInside(file, roots, policy, file);
  if (!lexical.ok) return lexical;
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    return fail(accessFailure(file, error));
  }
  return checkInside(real, roots.slice(1), policy, file);
}

/** The asynchronous twin of resolveDataPath, for the extension host. */
export async function resolveDataPathAsync(specDir: string, csvPath: string, policy: PathPolicy): Promise<DataResult<string>> {
  const file = dataFilePath(specDir, csvPath);
  let realRoot: string;
  try {
    realRoot = await fs.promises.realpath(policy.workspaceRoot);
  } catch {
    realRoot = path.resolve(policy.workspaceRoot);
  }
  const lexical = checkInside(file, [path.resolve(policy.workspaceRoot), realRoot], policy, file);
  if (!lexical.ok) return lexical;
  let real: string;
  try {
    real = await fs.promises.realpath(file);
  } catch (error) {
    return fail(accessFailure(file, error));
  }
  return checkInside(real, [realRoot], policy, file);
}

/** Accepts `candidate` when it lies inside one of `roots` (the workspace folder, as given and as real path). */
function checkInside(candidate: string, roots: readonly string[], policy: PathPolicy, file: string): DataResult<string> {
  if (policy.allowOutside || roots.some((root) => isInside(root, candidate))) return ok(file);
  const via = candidate === file ? '' : ` (it leads to ${candidate})`;
  return fail({
    code: 'csv-outside-workspace',
    file,
    message: `${file} lies outside the workspace folder ${roots[0] ?? ''}${via}; allow reading outside the workspace to use it.`,
  });
}

function realOr(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/** The failure for an error of the file system on `file`. */
export function accessFailure(file: string, error: unknown): { code: 'csv-not-found' | 'csv-unreadable'; file: string; message: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'csv-not-found', file, message: `${file} does not exist.` };
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'csv-unreadable', file, message: `${file} cannot be read: ${reason}` };
}
