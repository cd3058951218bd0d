import { Worker, type Job } from 'bullmq';
import pino from 'pino';
import { QUEUES } from '@clipyard/contracts';
import { createRedis, queuePrefix, RpcServer, type RedisClient, type RedisSettings } from '@clipyard/queue';
import { someHandlers } from './rpc';

/** Collects every job that lands on the given plain queues (job-events, usage-events) with its BullMQ id. */
export class QueueTap {
  readonly seen: Array<{ queue: string; id: string; data: any }> = [];
  private readonly workers: Worker[] = [];
  private readonly conns: RedisClient[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(settings: RedisSettings, queues: string[] = [QUEUES.jobEvents, QUEUES.usageEvents]) {
    for (const queue of queues) {
      const conn = createRedis(settings);
      this.conns.push(conn);
      this.workers.push(
        new Worker(
          queue,
          async (job: Job) => {
            this.seen.push({ queue, id: String(job.id), data: job.data });
            for (const w of this.waiters) w();
          },
          { connection: conn, prefix: queuePrefix(settings, queue), concurrency: 16 },
        ),
      );
    }
  }

  events(jobId: string, name?: string): any[] {
    return this.seen.filter((s) => s.data.jobId === jobId && (!name || s.data.name === name)).map((s) => s.data);
  }

  /** The first `name` event of `jobId`, as soon as the tap takes it (no polling interval); rejects after `ms`. */
  event(jobId: string, name: string, ms = 30_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const e = this.events(jobId, name)[0];
        if (!e) return;
        done();
        resolve(e);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${name} of job ${jobId}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.allSettled(this.conns.map((c) => c.quit()));
  }
}

/** A stand-in billing service answering only `quota.release`, recording each call. */
export function fakeBilling(settings: RedisSettings, rpcSecret: string) {
  const releases: Array<{ userId: string; jobId: string; reason: string }> = [];
  const server = new RpcServer(
    'billing',
    someHandlers('billing', {
      'quota.release': async (p) => {
        releases.push(p);
        return { released: true, status: 'released' as const };
      },
    }),
    settings,
    rpcSecret,
    pino({ level: 'silent' }),
  );
  server.start();
  return { releases, close: () => server.close() };
}

/** Polls until `fn` returns a truthy value (or throws after `ms`). */
export async function waitFor<T>(fn: () => T | Promise<T>, ms = 30_000, what = 'condition', intervalMs = 100): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
