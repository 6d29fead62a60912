/**
 * Outputs that would destroy inputs. A command refuses to write a file that is one of its
 * run's own inputs (the spec, its data file, the weights it reads, another output of the
 * same run), compared after following links and by device and inode, so symbolic and hard
 * links count; even --force does not allow that. An existing file is replaced without --force
 * only when nnspec wrote it: a weights file (a JSON object whose "format" is
 * "nnspec-weights"), an ONNX model whose producer is nnspec, a script of `nnspec export
 * --pytorch`; an empty file holds nothing to lose. Devices, pipes and folders are never
 * replaced.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WEIGHTS_FORMAT } from '../core/weights/format';
import { readInputBytesSync, readInputSync } from '../data/open-input';
import { EXPORT_HEAD_BYTES, exportedByNnspec } from '../data/exported-by-nnspec';
import type { OpenedNetwork } from '../jobs/open-spec';

/** A file the run reads, and what it is to the run ("the spec", "the data file", …). */
export interface RunInput {
  readonly path: string;
  readonly what: string;
}

/** What a command writes: the format that tells whether nnspec wrote an existing file. */
export type OutputKind = 'weights' | 'onnx' | 'pytorch';

const KIND_NAME: Readonly<Record<OutputKind, string>> = {
  weights: 'an nnspec weights file',
  onnx: 'an ONNX model exported by nnspec',
  pytorch: 'a PyTorch script exported by nnspec',
};

/** The spec and, when its data is a CSV file, that file (resolved as the loader resolves it). */
export function specInputs(opened: OpenedNetwork): RunInput[] {
  const inputs: RunInput[] = [{ path: opened.specPath, what: 'the spec' }];
  const data = opened.spec.data;
  if ('csv' in data) inputs.push({ path: path.resolve(path.dirname(opened.specPath), data.csv), what: "the spec's data file" });
  return inputs;
}

/**
 * Why `out` (absolute) must not be written, as the end of "refusing to write FILE: …", or
 * undefined when it may be.
 */
export function refuseOutput(out: string, kind: OutputKind, inputs: readonly RunInput[], force: boolean): string | undefined {
  const outStat = statOf(out);
  const input = inputs.find((i) => sameFile(out, outStat, i.path));
  if (input) return `it is ${input.what} of this run; give another output path`;
  // Nothing to lose: an absent file, or an empty one (made by mktemp for the output).
  if (outStat === undefined || (outStat.isFile() && outStat.size === 0)) return undefined;
  if (outStat.isDirectory()) return 'it is a folder';
  if (!outStat.isFile()) return 'it is not a regular file (a device, a pipe or a socket); nnspec writes only regular files';
  if (force || writtenByNnspec(out, kind)) return undefined;
  return `it exists and is not ${KIND_NAME[kind]}; give --force to replace it, or another output path`;
}

/** The same file: the same path once resolved, the same real path, or the same device and inode (a hard link). */
export function sameFile(a: string, aStat: fs.Stats | undefined, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const bStat = statOf(b);
  if (aStat === undefined || bStat === undefined) return false;
  // Some file systems (and Windows, for some) report inode 0: the real paths decide then.
  if (aStat.ino !== 0 && aStat.dev === bStat.dev && aStat.ino === bStat.ino) return true;
  const ra = realOf(a), rb = realOf(b);
  return ra !== undefined && ra === rb;
}

/** Whether nnspec wrote the existing file `file` as a `kind` output. */
export function writtenByNnspec(file: string, kind: OutputKind): boolean {
  const head = readHead(file, EXPORT_HEAD_BYTES);
  if (head === undefined) return false;
  return kind === 'weights' ? isWeightsText(head.toString('utf8'), file) : exportedByNnspec(head, kind);
}

/** The largest weights file parsed whole when its first key is not "format" (written by hand). */
const MAX_PARSED_WEIGHTS = 64 * 1024 * 1024;

/** Its first key is "format": "nnspec-weights" (as nnspec writes it), or the whole file parses to such an object. */
function isWeightsText(head: string, file: string): boolean {
  if (new RegExp(`^\\uFEFF?\\s*\\{\\s*"format"\\s*:\\s*"${WEIGHTS_FORMAT}"`).test(head)) return true;
  const read = readInputSync(file, { maxBytes: MAX_PARSED_WEIGHTS, what: 'a weights file' });
  if (!read.ok) return false;
  try {
    const json: unknown = JSON.parse(read.value.text.replace(/^\uFEFF/, ''));
    return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === WEIGHTS_FORMAT;
  } catch {
    return false;
  }
}

/** The first `bytes` bytes of a regular file (read through the opener: a pipe put there after the stat cannot block). */
function readHead(file: string, bytes: number): Buffer | undefined {
  const read = readInputBytesSync(file, { maxBytes: bytes, what: 'an output', overLimit: 'head' });
  return read.ok ? read.value.bytes : undefined;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function realOf(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}
