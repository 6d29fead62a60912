/**
 * Training and gradient checks keep a core busy for seconds to minutes. On a machine with few
 * cores their thread competes with the extension host's for the same core, and the editor
 * stutters. A background priority (nice +10: about a tenth of the host's share when both want
 * one core, all of the core when the host is idle) keeps the editor responsive at no cost to
 * an otherwise idle machine. Threads started from this one (the evaluation pool) inherit it.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of background threads: 10, as `nice` gives a command by default. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's priority to BACKGROUND_NICE, never raising it: a thread already
 * as nice or nicer (an editor started under `nice`) keeps its value. Linux only: there a thread
 * has its own nice value, set through its thread id (read from /proc/thread-self); elsewhere
 * the priority belongs to the whole process, which must not lose it. Returns whether the thread
 * now runs at background priority or lower.
 */
export function lowerThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    if (getPriority(tid) >= BACKGROUND_NICE) return true;
    setPriority(tid, BACKGROUND_NICE);
    return true;
  } catch {
    return false; // no /proc, or not allowed: the thread keeps its priority
  }
}
