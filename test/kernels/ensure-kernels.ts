/** Test helper: dist/nn-kernels.wasm, built from the repository first if a build has not made it. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { enableWasmKernels } from '../../src/kernels/wasm-loader';
import { wasmKernelFactory, type NnKernels } from '../../src/core/nn/kernels/wasm-kernels';

const ROOT = path.resolve(__dirname, '..', '..');
export const WASM_FILE = path.join(ROOT, 'dist', 'nn-kernels.wasm');

/** Builds the kernels if needed and installs them; returns the factory of fresh instances. */
export function ensureKernels(): (pages: number) => NnKernels {
  if (!existsSync(WASM_FILE)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-kernels.mjs')], { stdio: 'inherit' });
  if (!enableWasmKernels(WASM_FILE)) throw new Error('the WebAssembly kernels do not load');
  return wasmKernelFactory()!;
}
