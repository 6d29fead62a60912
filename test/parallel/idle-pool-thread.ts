/**
 * Test helper: a pool thread that never starts a job, like one the OS has not scheduled, so
 * that the caller's take-back path runs every time (test/parallel/evaluation-pool.test.ts).
 */
setInterval(() => undefined, 1 << 30);
