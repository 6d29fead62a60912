import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ADAPTER, adapterEnv } from './adapter-process';

interface Outcome {
  readonly code: number | null;
  readonly stderr: string;
  readonly messages: Record<string, unknown>[];
}

const frame = (message: unknown): string => {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
};

/** Writes raw bytes to a fresh adapter, then closes its stdin (unless `keepOpen`), and collects what it answers. */
function run(input: string | Buffer, options: { keepOpen?: boolean; afterMs?: number } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ADAPTER], { env: adapterEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = Buffer.alloc(0), stderr = '';
    child.stdout.on('data', (d: Buffer) => (out = Buffer.concat([out, d])));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      const messages: Record<string, unknown>[] = [];
      const text = out.toString('utf8');
      for (const m of text.matchAll(/Content-Length: (\d+)\r\n\r\n/g)) {
        const start = m.index! + m[0].length;
        messages.push(JSON.parse(Buffer.from(text.slice(start)).subarray(0, Number(m[1])).toString()) as Record<string, unknown>);
      }
      resolve({ code, stderr, messages });
    });
    child.stdin.write(input);
    if (!options.keepOpen) setTimeout(() => child.stdin.end(), options.afterMs ?? 300);
  });
}

const responses = (o: Outcome): Record<string, unknown>[] => o.messages.filter((m) => m['type'] === 'response');
const noStack = (text: string): void => assert.doesNotMatch(text, /\n\s+at |TypeError|RangeError/, text);

describe('debug adapter: frames that lie, requests out of order, a client that goes away', function () {
  this.timeout(30000);

  it('ends with one protocol-error line and exit 1 on a Content-Length past the limit, not a number, or missing', async () => {
    for (const input of ['Content-Length: 99999999999\r\n\r\n{}', 'Content-Length: abc\r\n\r\n{}', 'Content-Type: json\r\n\r\n{}', `${'X'.repeat(5000)}`]) {
      const o = await run(input);
      assert.equal(o.code, 1, input.slice(0, 40));
      assert.match(o.stderr, /^nnspec debug adapter: protocol error: .*; closing\.\n$/);
      noStack(o.stderr);
    }
  });

  it('skips a body that is not JSON (or not an object) and answers the next frame', async () => {
    const o = await run(`Content-Length: 5\r\n\r\n{oops${'Content-Length: 2\r\n\r\n[]'}${frame({ seq: 1, type: 'request', command: 'initialize', arguments: { adapterID: 'nnspec' } })}`);
    assert.equal(o.code, 0);
    assert.match(o.stderr, /skipped a frame whose body is not JSON/);
    assert.match(o.stderr, /skipped a frame whose body is not a JSON object/);
    const [init] = responses(o);
    assert.equal(init?.['command'], 'initialize');
    assert.equal(init?.['success'], true);
  });

  it('refuses requests before initialize, arguments that are not an object, and unknown commands, each with a clean error response', async () => {
    const o = await run(
      frame({ seq: 1, type: 'request', command: 'launch', arguments: { spec: 'x.nnspec' } }) +
      frame({ seq: 2, type: 'request', command: 'initialize' }) +
      frame({ seq: 3, type: 'request', command: 'threads', arguments: 'nope' }) +
      frame({ seq: 4, type: 'request', command: 'teleport', arguments: {} }) +
      frame({ seq: 5, type: 'request', command: 'stackTrace', arguments: { threadId: 1 } }),
    );
    const [early, init, bad, unknown, stack] = responses(o);
    assert.deepEqual([early?.['success'], early?.['request_seq']], [false, 1]);
    assert.match(String(early?.['message']), /before "initialize"/);
    assert.equal(init?.['success'], true, 'initialize without arguments is answered');
    assert.match(String(bad?.['message']), /arguments must be an object/);
    assert.equal(unknown?.['success'], false);
    assert.match(String(stack?.['message']), /not stopped/);
    for (const r of responses(o)) noStack(String(r['message'] ?? ''));
    noStack(o.stderr);
  });

  it('exits quietly when the client goes away in the middle of a frame', async () => {
    const o = await run('Content-Length: 100\r\n\r\n{"seq":1,');
    assert.equal(o.code, 0);
    assert.match(o.stderr, /closed the connection in the middle of a frame/);
    noStack(o.stderr);
  });
});
