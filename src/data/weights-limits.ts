/** How large a weights file may be, for every reader: the disk's opener and the browser's workspace.fs. */
import type { InputOptions } from './input-failure';

/**
 * The largest weights file read: 500 MiB. A weights file is about 24 characters a parameter,
 * so this holds some 20 million; V8's longest string (2^29 − 24 characters, just under
 * 512 MiB) is the hard ceiling of any text read whole.
 */
export const MAX_WEIGHTS_BYTES = 500 * 1024 * 1024;

/** The opener's options for a weights file (open-input.ts). */
export const WEIGHTS_INPUT: InputOptions = { maxBytes: MAX_WEIGHTS_BYTES, what: 'a weights file' };
