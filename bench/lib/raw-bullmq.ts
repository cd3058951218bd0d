import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { createRedis, QueueClient, queuePrefix } from '@clipyard/queue';
import { summarize } from './stats';

/** A bare BullMQ worker doing nothing: add → handler start (wall clock), one job at a time. */
export async function rawPickup(rounds: number): Promise<ReturnType<typeof summarize>> {
  const settings = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `${process.env.REDIS_PREFIX ?? 'cyb'}-raw-${randomBytes(3).toString('hex')}` };
  const queues = new QueueClient(settings);
  const conn = createRedis(settings);
  let started: ((t: bigint) => void) | undefined;
  const worker = new Worker('bench-pickup', async () => started?.(process.hrtime.bigint()), { connection: conn, prefix: queuePrefix(settings, 'bench-pickup') });
  await worker.waitUntilReady();
  const q = queues.queue('bench-pickup' as never);
  const out: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const at = new Promise<bigint>((r) => (started = r));
    const t0 = process.hrtime.bigint();
    await q.add('x', { i }, { removeOnComplete: true });
    const ms = Number((await at) - t0) / 1e6;
    if (i >= 2) out.push(ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  await worker.close();
  await conn.quit();
  await queues.close();
  return summarize(out);
}

