/**
 * Every benchmark workload. To add one, write bench/NAME.ts exporting a BenchWorkload and
 * list it here.
 */
import { debuggerBench } from './debugger';
import { digitsTraining } from './digits-training';
import { editorEventLoop } from './editor-event-loop';
import { webWorkerTraining } from './web-worker-training';
import { evaluationWorkloads } from './evaluation';
import { inspectorFrames } from './inspector-frames';
import { validate300Lines } from './validate-300-lines';
import type { BenchWorkload } from './workload';

export const WORKLOADS: readonly BenchWorkload[] = [validate300Lines, ...evaluationWorkloads, digitsTraining, editorEventLoop, inspectorFrames, debuggerBench, webWorkerTraining];
