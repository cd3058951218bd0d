import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Worker } from 'bullmq';
import { createRedis, QueueClient, queuePrefix } from '@clipyard/queue';
import { summarize } from './stats';

const settingsFor = (tag: string) => ({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `${process.env.REDIS_PREFIX ?? 'cyb'}-${tag}-${randomBytes(3).toString('hex')}` });

/** add → handler start (ms, from the monotonic clock), with the add's own round trip (add → resolved) beside it. */
export type BarePickup = ReturnType<typeof summarize> & { add: ReturnType<typeof summarize> };

/**
 * Adds `rounds` jobs (after 2 warm-ups), one at a time, each timed from just before its `add` to
 * the handler start that `started(i)` resolves with (the monotonic clock).
 */
async function timeAdds(queues: QueueClient, rounds: number, started: (i: number) => Promise<bigint>): Promise<BarePickup> {
  const q = queues.queue('bench-pickup' as never);
  const out: number[] = [];
  const adds: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const at = started(i);
    const t0 = process.hrtime.bigint();
    await q.add('x', { i }, { removeOnComplete: true });
    const added = process.hrtime.bigint();
    const ms = Number((await at) - t0) / 1e6;
    if (i >= 2) out.push(ms);
    if (i >= 2) adds.push(Number(added - t0) / 1e6);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ...summarize(out), add: summarize(adds) };
}

/** A bare BullMQ worker doing nothing: add → handler start (wall clock), one job at a time. */
export async function rawPickup(rounds: number): Promise<BarePickup> {
  const settings = settingsFor('raw');
  const queues = new QueueClient(settings);
  const conn = createRedis(settings);
  let started: ((t: bigint) => void) | undefined;
  const worker = new Worker('bench-pickup', async () => started?.(process.hrtime.bigint()), { connection: conn, prefix: queuePrefix(settings, 'bench-pickup') });
  try {
    await worker.waitUntilReady();
    return await timeAdds(queues, rounds, () => new Promise<bigint>((r) => (started = r)));
  } finally {
    await worker.close();
    await conn.quit();
    await queues.close();
  }
}

/**
 * The same bare BullMQ pickup across two processes, as the gateway and a media worker are deployed:
 * the worker runs in a child process (this file run with `--worker`) and reports the monotonic clock
 * (shared by all processes on the machine) when its handler starts; this process adds the jobs.
 */
export async function rawPickupAcross(rounds: number): Promise<BarePickup> {
  const settings = settingsFor('rawx');
  const child = spawn(process.execPath, [__filename, '--worker'], { env: { ...process.env, RAW_PICKUP_URL: settings.url, RAW_PICKUP_PREFIX: settings.prefix }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting = new Map<string, (t: bigint) => void>();
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  lines.on('line', (line) => {
    if (line === 'ready') return ready();
    const [i, t] = line.split(' ');
    waiting.get(i)?.(BigInt(t));
  });
  const queues = new QueueClient(settings);
  try {
    await isReady;
    return await timeAdds(queues, rounds, (i) => new Promise<bigint>((r) => waiting.set(String(i), r)));
  } finally {
    child.kill('SIGTERM');
    await queues.close();
  }
}

if (require.main === module && process.argv.includes('--worker')) {
  const settings = { url: process.env.RAW_PICKUP_URL!, prefix: process.env.RAW_PICKUP_PREFIX! };
  const conn = createRedis(settings);
  const worker = new Worker(
    'bench-pickup',
    async (job) => {
      process.stdout.write(`${job.data.i} ${process.hrtime.bigint()}\n`);
    },
    { connection: conn, prefix: queuePrefix(settings, 'bench-pickup') },
  );
  void worker.waitUntilReady().then(() => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => void worker.close().finally(() => process.exit(0)));
}
