import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { BACKGROUND_NICE } from '../../src/parallel/background-priority';
import { niceOfStat, niceOfThisThread } from '../parallel/fixtures/nice';
import { ADAPTER, adapterEnv } from './adapter-process';

/** The nice value of every thread of process `pid`, by thread id (field 19 of /proc/PID/task/TID/stat). */
function threadNices(pid: number): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      nices.set(Number(tid), niceOfStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return nices;
}

describe('debug adapter: the run computes at background priority', function () {
  this.timeout(30000);

  it('its worker thread runs at nice +10 (as Train’s worker); its main thread, which reads the client’s frames, keeps its priority', async function () {
    if (process.platform !== 'linux') this.skip();
    const adapter = spawn(process.execPath, [ADAPTER], { env: adapterEnv(), stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const pid = adapter.pid!;
      const base = niceOfThisThread();
      // The worker starts with the process: wait for a thread at the background priority.
      let nices = threadNices(pid);
      for (let waited = 0; waited < 20000 && ![...nices.values()].some((n) => n >= BACKGROUND_NICE); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        nices = threadNices(pid);
      }
      assert.equal(nices.get(pid), base, 'the main thread keeps the priority it started with');
      assert.ok([...nices.values()].includes(Math.max(base, BACKGROUND_NICE)), `threads' nice values: ${[...nices.values()].join(', ')}`);
    } finally {
      adapter.kill();
    }
  });
});
