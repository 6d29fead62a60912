/**
 * The attributes of an nnspec debug configuration (launch.json `"type": "nnspec"`), checked at
 * the adapter's edge: a wrong or missing one is a clear message, never a crash.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';

export interface NnspecLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** The .nnspec file (absolute, or relative to the adapter's working directory). */
  readonly spec: string;
  /** Start from these weights instead of the spec's initialisation. */
  readonly weights?: string;
  /** 'evaluate': one cost-and-gradient evaluation at the starting weights; 'train': the spec's optimiser, iteration by iteration. */
  readonly mode?: 'evaluate' | 'train';
  /** Training: write the weights beside the spec when the run ends (default false: a session never overwrites them unasked). */
  readonly saveWeights?: boolean;
  /** The examples (1-based) to step through; default all. */
  readonly examples?: readonly number[];
  readonly stopOnEntry?: boolean;
  /** The folder data files must lie in (default the spec's folder). */
  readonly workspaceRoot?: string;
  /** Allow data files outside workspaceRoot. */
  readonly allowOutside?: boolean;
}

export type CheckedLaunch =
  | { readonly ok: true; readonly value: NnspecLaunchArguments & { readonly mode: 'evaluate' | 'train' } }
  | { readonly ok: false; readonly message: string };

/** Checks the launch attributes; the message names the attribute and what it must be. */
export function checkLaunchArguments(raw: unknown): CheckedLaunch {
  // A client may send no arguments at all for an empty configuration.
  const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof a['spec'] !== 'string' || a['spec'].length === 0) return { ok: false, message: 'The launch configuration needs "spec": the path of the .nnspec file to debug.' };
  if (a['weights'] !== undefined && typeof a['weights'] !== 'string') return { ok: false, message: '"weights" must be the path of a weights file.' };
  if (a['mode'] !== undefined && a['mode'] !== 'evaluate' && a['mode'] !== 'train') return { ok: false, message: '"mode" is "evaluate" or "train".' };
  const examples = a['examples'];
  if (examples !== undefined && !(Array.isArray(examples) && examples.every((e) => Number.isInteger(e) && (e as number) >= 1))) {
    return { ok: false, message: '"examples" must be a list of example numbers (1-based), e.g. [1, 17].' };
  }
  if (a['stopOnEntry'] !== undefined && typeof a['stopOnEntry'] !== 'boolean') return { ok: false, message: '"stopOnEntry" must be true or false.' };
  if (a['workspaceRoot'] !== undefined && typeof a['workspaceRoot'] !== 'string') return { ok: false, message: '"workspaceRoot" must be a folder path.' };
  if (a['allowOutside'] !== undefined && typeof a['allowOutside'] !== 'boolean') return { ok: false, message: '"allowOutside" must be true or false.' };
  if (a['saveWeights'] !== undefined && typeof a['saveWeights'] !== 'boolean') return { ok: false, message: '"saveWeights" must be true or false.' };
  return { ok: true, value: { ...(a as unknown as NnspecLaunchArguments), mode: a['mode'] === 'train' ? 'train' : 'evaluate' } };
}
