/**
 * Bad specs too large or too strange to keep as files: each is made by a function and
 * states the codes and ranges it must produce. The binary "file" is a fixed byte pattern
 * decoded as UTF-8, as the CLI and the editor decode it.
 */
import { DEFAULT_MAX_SPEC_LENGTH } from '../../src/core/spec/validate';

export interface GeneratedSpec {
  readonly name: string;
  readonly text: () => string;
  /** The diagnostics, as code and [start, end) offsets; a function when they depend on the text. */
  readonly expect: (text: string) => readonly { readonly code: string; readonly range: readonly [number, number] }[];
}

/** 4 KiB of bytes from a fixed multiplicative pattern (every byte value occurs), as UTF-8 text. */
export function binaryText(): string {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
  return bytes.toString('utf8');
}

const VALID_HEAD = 'layers:\n  - units: 2\n  - units: 1\ndata:\n  generate: xor\n';

export const GENERATED_SPECS: readonly GeneratedSpec[] = [
  {
    name: 'binary file (4 KiB of every byte value)',
    text: binaryText,
    expect: (t) => [{ code: 'wrong-type', range: [0, withoutTrailingControls(t)] }],
  },
  {
    name: 'a 10 MB spec (inline rows) is refused before parsing',
    text: () => `${VALID_HEAD.replace('  generate: xor\n', '  rows:\n')}${'    - [0.25, 0.5, 1]\n'.repeat(Math.ceil(10_000_000 / 21))}`,
    expect: () => [{ code: 'spec-too-large', range: [0, 'layers:'.length] }],
  },
  {
    name: 'one character over the spec limit',
    text: () => `${VALID_HEAD}name: ${'x'.repeat(DEFAULT_MAX_SPEC_LENGTH - VALID_HEAD.length - 'name: '.length + 1)}`,
    expect: () => [{ code: 'spec-too-large', range: [0, 'layers:'.length] }],
  },
  {
    name: 'alias bomb: one wide anchor (20,000 items) aliased 1,000 times',
    text: () => `${VALID_HEAD}a: &a [${Array.from({ length: 20_000 }, (_, i) => i).join(',')}]\nb: [${Array(1000).fill('*a').join(',')}]\n`,
    expect: (t) => {
      // Each alias copies 20,001 values (the list and its items): the fifth passes 100,000.
      const b = t.indexOf('b: [');
      let fifth = b;
      for (let k = 0; k < 5; k++) fifth = t.indexOf('*a', fifth + 1);
      const a = t.indexOf('a: &a');
      return [
        { code: 'unknown-key', range: [a, a + 1] },
        { code: 'unknown-key', range: [b, b + 1] },
        { code: 'yaml-alias-expansion-limit', range: [fifth, fifth + 2] },
      ];
    },
  },
  {
    name: '100,000 open brackets',
    text: () => `layers: ${'['.repeat(100_000)}`,
    // The root mapping is the first level; the 64th bracket makes 65.
    expect: () => [{ code: 'yaml-too-deep', range: [8 + 63, 8 + 64] }],
  },
  {
    name: '1,000 lines each indented one deeper',
    text: () => Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    expect: (t) => {
      // The 65th line opens the 65th block level.
      const line65 = t.split('\n').slice(0, 64).join('\n').length + 1;
      return [{ code: 'yaml-too-deep', range: [line65 + 64, line65 + 65] }];
    },
  },
  {
    name: '100,000 sequence dashes on one line',
    // On the line below the key: on the key's own line a `- ` starts no sequence (a YAML syntax error).
    text: () => `layers:\n${'- '.repeat(100_000)}`,
    // The root mapping is the first level; the 64th dash makes 65.
    expect: () => [{ code: 'yaml-too-deep', range: ['layers:\n'.length + 2 * 63, 'layers:\n'.length + 2 * 63 + 1] }],
  },
];

/** The end of a value's range: the yaml tree drops trailing characters ≤ U+0020. */
function withoutTrailingControls(t: string): number {
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) <= 32) end--;
  return end;
}
