// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { roomBoundaries } from './scripts/eslint/room-boundaries.mjs';

const ROOT = import.meta.dirname;

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/out/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Code is only ever loaded by a literal name: never from a user-provided string.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.type!='Literal']", message: 'import() only with a literal module name.' },
        { selector: "CallExpression[callee.name='require'][arguments.0.type!='Literal']", message: 'require() only with a literal module name.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Which room may import which: the table of docs/architecture.md, as a rule.
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    plugins: { nnspec: { rules: { 'room-boundaries': roomBoundaries } } },
    rules: { 'nnspec/room-boundaries': ['error', { root: ROOT }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', 'node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Randomness is passed in (core/nn/rng.ts).' }],
    },
  },
);
