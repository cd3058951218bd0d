import { DelayedError, type Job, type WorkerOptions } from 'bullmq';
import { AppError, outageOf } from '@clipyard/contracts';
import { FACT_RETRY } from './policy';

/** Whether `err` means a dependency is down (PostgreSQL, Redis, or a service that did not answer). */
export function isOutage(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'UPSTREAM_UNAVAILABLE';
  return outageOf(err) !== null;
}

/** Capped exponential delay (with ±20 % jitter so a recovered dependency is not hit all at once). */
export function outageDelayMs(deferrals: number, base = FACT_RETRY.baseMs, max = FACT_RETRY.maxMs): number {
  const d = Math.min(max, base * 2 ** Math.min(deferrals, 30));
  return Math.round(d * (0.8 + Math.random() * 0.4));
}

/**
 * Worker options for queues of fact events. Handlers are idempotent (deterministic event ids,
 * forward-only updates), so a job whose lock lapsed while Redis itself was away is simply run
 * again, however often that happens, instead of being failed as "stalled too many times".
 */
export const FACT_WORKER_OPTIONS: Pick<WorkerOptions, 'maxStalledCount'> = { maxStalledCount: 1_000_000 };

/**
 * Runs one fact event (job lifecycle, usage, webhook source event, outbox) so that it is never
 * given up because a dependency is down: when `handle` fails with an outage the job is put back
 * (delayed, capped exponential backoff up to FACT_RETRY.maxMs) WITHOUT using one of its attempts,
 * for as long as the outage lasts. Other errors use the queue's attempts as usual; a malformed
 * payload must throw UnrecoverableError from `handle` and goes straight to the failed set, the
 * dead letters (`removeOnFail: false`, see the REPL's `facts` helpers).
 *
 *   new Worker(queue, (job, token) => runFact(job, token, () => this.handle(job)), { ...FACT_WORKER_OPTIONS })
 */
export async function runFact<T>(job: Job, token: string | undefined, handle: () => Promise<T>, onDeferred?: (err: unknown, delayMs: number) => void): Promise<T> {
  try {
    return await handle();
  } catch (err) {
    if (!token || !isOutage(err)) throw err;
    // attemptsStarted counts every run, attemptsMade only those that used an attempt
    const deferrals = Math.max(0, (job.attemptsStarted ?? 0) - (job.attemptsMade ?? 0) - 1);
    const delay = outageDelayMs(deferrals);
    try {
      await job.moveToDelayed(Date.now() + delay, token);
    } catch {
      // Redis is what is down: the job's lock lapses and it is run again once Redis is back
      throw err;
    }
    onDeferred?.(err, delay);
    throw new DelayedError();
  }
}
