/** Test helper: dist/nn-kernels.wasm, built from the repository first if a build has not made it. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Compute } from '../../src/core/nn/compute';
import type { NnKernelFactory } from '../../src/core/nn/kernels/wasm-exports';
import { loadWasmKernels } from '../../src/kernels/wasm-loader';

const ROOT = path.resolve(__dirname, '..', '..');
export const WASM_FILE = path.join(ROOT, 'dist', 'nn-kernels.wasm');

/** Builds the kernels if needed and loads them; returns the factory of fresh instances. */
export function ensureKernels(): NnKernelFactory {
  if (!existsSync(WASM_FILE)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-kernels.mjs')], { stdio: 'inherit' });
  const factory = loadWasmKernels(WASM_FILE);
  if (!factory) throw new Error('the WebAssembly kernels do not load');
  return factory;
}

/** A Compute with the WebAssembly kernels (and no threads). */
export function wasmCompute(): Compute {
  return { wasm: ensureKernels() };
}
