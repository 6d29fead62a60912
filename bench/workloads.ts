/**
 * Every benchmark workload. To add one, write bench/NAME.ts exporting a BenchWorkload and
 * list it here.
 */
import { validate300Lines } from './validate-300-lines';
import type { BenchWorkload } from './workload';

export const WORKLOADS: readonly BenchWorkload[] = [validate300Lines];
