/**
 * Usage ingest: how fast billing records usage events exactly once (ledger insert with a unique
 * event id + monthly aggregate upsert + reservation commit, in one transaction, per event),
 * beside a plain INSERT loop into a copy of the ledger table on the same database, in the same run.
 *   1. plain INSERT loop            one autocommit INSERT per event, one connection
 *   2. UsageService.record (seq)    the exactly-once transaction, one at a time
 *   3. UsageService.record (x8)     the same with 8 in flight (the consumer's default concurrency)
 *   4. queue → consumer             events enqueued on `usage-events`, consumed by the billing app
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, type UsageEvent } from '@clipyard/contracts';
import { UsageService } from '../apps/billing/src/usage/usage.service';
import { startBilling } from '../test/helpers/billing';
import { report } from './lib/stats';

const N = Number(process.env.BENCH_EVENTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const USERS = 50;

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
  const b = await startBilling({ LOG_LEVEL: 'error', USAGE_CONCURRENCY: '8' });
  const users = Array.from({ length: USERS }, () => randomUUID());
  const usage = b.app.get(UsageService);
  const ds = b.ds;
  await ds.query('DROP TABLE IF EXISTS bench_plain_events');
  await ds.query('CREATE TABLE bench_plain_events (LIKE usage_events INCLUDING ALL)');
  for (const e of events(100, users, 'warm')) await usage.record(e); // warm-up (and subscriptions exist)

  // The machine is shared: run the four scenarios in alternating rounds and keep each one's best.
  const best = { plain: Infinity, seq: Infinity, par: Infinity, queue: Infinity };
  const q = b.queues.queue(QUEUES.usageEvents);
  let par: ReturnType<typeof events> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const plain = events(N, users, 'plain');
    best.plain = Math.min(best.plain, await timed(async () => {
      for (const e of plain) {
        await ds.query(
          `INSERT INTO bench_plain_events (event_id, user_id, kind, job_id, action, units, media_seconds, input_bytes, output_bytes, processing_ms, month, occurred_at)
           VALUES ($1, $2, 'job', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [e.eventId, e.userId, e.jobId, e.action, e.units, e.mediaSeconds, e.inputBytes, e.outputBytes, e.processingMs, e.occurredAt.slice(0, 7), e.occurredAt],
        );
      }
    }));

    const seq = events(N, users, 'seq');
    best.seq = Math.min(best.seq, await timed(async () => {
      for (const e of seq) await usage.record(e);
    }));

    par = events(N, users, 'par');
    let next = 0;
    best.par = Math.min(best.par, await timed(async () => {
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < par.length) await usage.record(par[next++]);
        }),
      );
    }));

    const tag = `queue${round}`;
    const queued = events(N, users, tag);
    best.queue = Math.min(best.queue, await timed(async () => {
      for (let i = 0; i < queued.length; i += 500) {
        await q.addBulk(queued.slice(i, i + 500).map((e) => ({ name: e.name, data: e, opts: { removeOnComplete: true } })));
      }
      for (;;) {
        const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM usage_events WHERE event_id LIKE $1', [`%:${tag}`]);
        if (n >= N) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }));
  }
  const [tPlain, tSeq, tPar, tQueue] = [best.plain, best.seq, best.par, best.queue];

  // Replays: every queued event once more; nothing may change.
  const [before] = await ds.query('SELECT sum(jobs_used)::int AS jobs FROM usage_monthly');
  for (const e of par) await usage.record(e);
  const [after] = await ds.query('SELECT sum(jobs_used)::int AS jobs FROM usage_monthly');

  const row = (what: string, s: number) => ({ what, events: N, seconds: s, 'events/s': N / s, 'vs plain INSERT': tPlain / s });
  report(`Usage ingest (${N} events, ${USERS} users, best of ${ROUNDS} rounds)`, [
    row('plain INSERT loop (baseline)', tPlain),
    row('UsageService.record, sequential', tSeq),
    row('UsageService.record, 8 in flight', tPar),
    row('queue -> billing consumer (x8)', tQueue),
  ]);
  console.log(`replayed ${N} events: aggregate jobs ${before.jobs} -> ${after.jobs} (must be unchanged)`);
  await ds.query('DROP TABLE bench_plain_events');
  await b.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
