/** The weights file: its format, writing, reading and checking against a spec. Pure: no I/O. */
export * from './format';
export * from './layers';
export * from './serialize';
export * from './parse';
export * from './spec-hash';
