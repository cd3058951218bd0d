/**
 * Usage ingest: how fast billing records usage events exactly once (ledger insert with a unique
 * event id + monthly aggregate upsert + reservation commit), beside a plain autocommit INSERT
 * loop into a copy of the ledger table on the same database, in the same run.
 *   1. plain INSERT loop             one autocommit INSERT per event, one connection (the anchor)
 *   2. UsageService.record           one event per transaction (what the consumer did before batching)
 *   3. UsageService.recordBatch      batches of USAGE_BATCH_SIZE, one transaction each
 *   4. queue, one job per event      events enqueued one BullMQ job each, consumed in batches by the billing app
 *   5. queue, bulk messages          events sent through UsageSender (what the worker and the gateway use):
 *                                    sent at once, they travel up to USAGE_BULK_MAX per `usage.bulk` job
 *   6. raw BullMQ                    one job per event through a bare BullMQ worker doing nothing:
 *                                    the ceiling of any one-job-per-event queue path on this machine
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { QUEUES, type UsageEvent } from '@clipyard/contracts';
import { createRedis, queuePrefix, UsageSender } from '@clipyard/queue';
import { UsageService } from '../apps/billing/src/usage/usage.service';
import { startBilling } from '../test/helpers/billing';
import { goalRow, report } from './lib/stats';

const N = Number(process.env.BENCH_EVENTS ?? 2000);
/** Events for the batched paths (more, so that a round lasts long enough to time). */
const NB = Number(process.env.BENCH_BATCH_EVENTS ?? 6000);
/** Events for the bulk-message path (faster still). */
const NBULK = Number(process.env.BENCH_BULK_EVENTS ?? 30000);
const BATCH = Number(process.env.BENCH_BATCH_SIZE ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const USERS = 50;
/** BENCH_ONLY=bulk,plain: run only these scenarios (e.g. to profile one path); the others print as skipped. */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const runs = (what: string) => !ONLY.length || ONLY.includes(what);

function events(n: number, users: string[], tag: string): Extract<UsageEvent, { name: 'usage.job' }>[] {
  return Array.from({ length: n }, (_, i) => {
    const jobId = randomUUID();
    return {
      name: 'usage.job' as const,
      v: 1 as const,
      eventId: `job:${jobId}:completed:${tag}`,
      userId: users[i % users.length],
      jobId,
      action: (['trim', 'overlay', 'transcribe'] as const)[i % 3],
      units: 1 + (i % 4),
      mediaSeconds: 30 + (i % 60),
      inputBytes: 1_000_000,
      outputBytes: 400_000,
      processingMs: 900,
      subtitleMinutes: 0,
      trimJobs: 0,
      inputTokens: 0,
      outputTokens: 0,
      occurredAt: new Date().toISOString(),
    };
  });
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

async function main(): Promise<void> {
  const b = await startBilling({ LOG_LEVEL: 'error', USAGE_BATCH_SIZE: String(BATCH), USAGE_BATCH_WAIT_MS: '10', USAGE_CONCURRENCY: '2' });
  const users = Array.from({ length: USERS }, () => randomUUID());
  const usage = b.app.get(UsageService);
  const ds = b.ds;
  await ds.query('DROP TABLE IF EXISTS bench_plain_events');
  await ds.query('CREATE TABLE bench_plain_events (LIKE usage_events INCLUDING ALL)');
  await usage.recordBatch(events(100, users, 'warm')); // warm-up (and subscriptions exist)
  const settings = { url: b.config.REDIS_URL, prefix: b.config.REDIS_PREFIX };
  const rawConn = createRedis(settings);
  const rawQueue = b.queues.queue('bench-raw' as never);
  let rawDone = 0;
  let rawWake: () => void = () => undefined;
  const raw = new Worker(
    'bench-raw',
    async () => {
      if (++rawDone % NB === 0) rawWake();
    },
    { connection: rawConn, prefix: queuePrefix(settings, 'bench-raw'), concurrency: BATCH * 2 },
  );

  // The machine is shared: run the scenarios in alternating rounds and keep each one's best.
  const best = { plain: Infinity, seq: Infinity, batch: Infinity, queue: Infinity, bulk: Infinity, raw: Infinity };
  const sender = new UsageSender(b.queues);
  const q = b.queues.queue(QUEUES.usageEvents);
  let all: ReturnType<typeof events> = [];
  const enqueue = async (queue: typeof q, list: ReturnType<typeof events>) => {
    for (let i = 0; i < list.length; i += 500) {
      await queue.addBulk(list.slice(i, i + 500).map((e) => ({ name: e.name, data: e, opts: { removeOnComplete: true } })));
    }
  };
  // done when the queue is drained (cheap to poll), then checked once in the ledger
  const recorded = async (tag: string, n: number) => {
    for (;;) {
      const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      if (c.wait + c.active + c.delayed + c.prioritized === 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const [{ n: got }] = await ds.query('SELECT count(*)::int AS n FROM usage_events WHERE event_id LIKE $1', [`%:${tag}`]);
    if (got !== n) throw new Error(`${tag}: ${got} of ${n} events in the ledger after the queue drained`);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const plain = events(N, users, 'plain');
    if (runs('plain')) {
      best.plain = Math.min(best.plain, (await timed(async () => {
        for (const e of plain) {
          await ds.query(
            `INSERT INTO bench_plain_events (event_id, user_id, kind, job_id, action, units, media_seconds, input_bytes, output_bytes, processing_ms, month, occurred_at)
             VALUES ($1, $2, 'job', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [e.eventId, e.userId, e.jobId, e.action, e.units, e.mediaSeconds, e.inputBytes, e.outputBytes, e.processingMs, e.occurredAt.slice(0, 7), e.occurredAt],
          );
        }
      })) / N);
    }

    const seq = events(N / 4, users, 'seq');
    if (runs('seq')) {
      best.seq = Math.min(best.seq, (await timed(async () => {
        for (const e of seq) await usage.record(e);
      })) / seq.length);
    }

    const batched = events(NB, users, `batch${round}`);
    if (runs('batch')) {
      all = all.concat(batched);
      best.batch = Math.min(best.batch, (await timed(async () => {
        for (let i = 0; i < batched.length; i += BATCH) await usage.recordBatch(batched.slice(i, i + BATCH));
      })) / NB);
    }

    const tag = `queue${round}`;
    const queued = events(NB, users, tag);
    if (runs('queue')) {
      all = all.concat(queued);
      best.queue = Math.min(best.queue, (await timed(async () => {
        await enqueue(q, queued);
        await recorded(tag, NB);
      })) / NB);
    }

    const btag = `bulk${round}`;
    const bulk = events(NBULK, users, btag);
    if (runs('bulk')) {
      all = all.concat(bulk);
      best.bulk = Math.min(best.bulk, (await timed(async () => {
        await Promise.all(bulk.map((e) => sender.send(e)));
        await recorded(btag, NBULK);
      })) / NBULK);
    }

    if (runs('raw')) {
      best.raw = Math.min(best.raw, (await timed(async () => {
        const done = new Promise<void>((r) => (rawWake = r));
        await enqueue(rawQueue as never, events(NB, users, 'raw'));
        await done;
      })) / NB);
    }
  }

  // Replays: every batched and queued event once more, in batches; nothing may change.
  const [before] = await ds.query('SELECT sum(jobs_used)::int AS jobs, sum(units_used)::int AS units FROM usage_monthly');
  if (runs('replay')) for (let i = 0; i < all.length; i += BATCH) await usage.recordBatch(all.slice(i, i + BATCH));
  const [after] = await ds.query('SELECT sum(jobs_used)::int AS jobs, sum(units_used)::int AS units FROM usage_monthly');

  const rate = (perEvent: number) => 1 / perEvent;
  const row = (what: string, n: number, perEvent: number) => ({ what, events: n, 'events/s': rate(perEvent), 'vs plain INSERT': best.plain / perEvent });
  report(`Usage ingest (${USERS} users, batches of ${BATCH}, best of ${ROUNDS} rounds)${ONLY.length ? `, only ${ONLY.join(', ')}` : ''}`, [
    row('plain INSERT loop (anchor)', N, best.plain),
    row('UsageService.record, one event per transaction (before)', N / 4, best.seq),
    row('UsageService.recordBatch, one transaction per batch', NB, best.batch),
    row('queue -> billing consumer, one job per event (before)', NB, best.queue),
    row('queue -> billing consumer, bulk messages (UsageSender)', NBULK, best.bulk),
    row('raw BullMQ, one no-op job per event (ceiling of one job per event)', NB, best.raw),
  ]);
  console.log(`replayed ${all.length} events: aggregate jobs ${before.jobs} -> ${after.jobs}, units ${before.units} -> ${after.units} (must be unchanged)`);
  const fmt = (perEvent: number) => `${Math.round(rate(perEvent)).toLocaleString('en')} events/s`;
  goalRow({ path: 'usage ingest, queue -> consumer (bulk messages), exactly once', measured: fmt(best.bulk), anchor: `plain INSERT loop ${fmt(best.plain)}`, ratio: best.plain / best.bulk, goal: '>= 5x and >= 10,000 events/s' });
  goalRow({ path: 'usage ingest, queue -> consumer, one job per event (before)', measured: fmt(best.queue), anchor: `plain INSERT loop ${fmt(best.plain)}`, ratio: best.plain / best.queue, goal: '(before)' });
  goalRow({ path: 'usage ingest, recordBatch (the consumer minus the queue)', measured: fmt(best.batch), anchor: `plain INSERT loop ${fmt(best.plain)}`, ratio: best.plain / best.batch, goal: '>= 5x and >= 10,000 events/s' });
  goalRow({ path: 'usage ingest, bulk messages vs raw BullMQ one no-op job per event', measured: fmt(best.bulk), anchor: `raw BullMQ ${fmt(best.raw)}`, ratio: best.raw / best.bulk, goal: '(past the one-job-per-event ceiling when < 1)' });
  await raw.close();
  await rawConn.quit();
  await ds.query('DROP TABLE bench_plain_events');
  await b.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
