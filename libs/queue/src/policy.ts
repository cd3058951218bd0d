import type { JobsOptions } from 'bullmq';
import { QUEUES } from '@clipyard/contracts';

/** The one place retry and retention policy is set for event and media queues. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Queues whose messages record facts (a job's lifecycle, usage to meter, domain events that become
 * webhooks, and any outbox): never dropped for an outage. Their consumers run each message through
 * `runFact` with FACT_WORKER_OPTIONS; a new fact queue is added here.
 */
export const FACT_QUEUES: readonly string[] = [QUEUES.jobEvents, QUEUES.usageEvents, QUEUES.webhookEvents];

/** Backoff while a fact's dependency is down: from baseMs, doubling, never longer than maxMs, for ever. */
export const FACT_RETRY = { baseMs: 1000, maxMs: 30_000 } as const;

/**
 * Fact events: an outage does not use attempts at all (runFact delays them until it is over). The
 * attempts here are for anything else (a bug, a constraint the data violates): 12 tries spread over
 * about an hour, then the event waits in the failed set with the malformed ones, kept until an
 * admin re-drives it (`facts.redrive` in the gateway REPL) — a dead letter, never a deletion.
 */
export const FACT_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** Job options for a message on `queue` (facts get FACT_JOB_OPTIONS). */
export const jobOptionsFor = (queue: string): JobsOptions => (FACT_QUEUES.includes(queue) ? FACT_JOB_OPTIONS : DEFAULT_JOB_OPTIONS);

/** RPC requests are worthless once their caller gave up: never retried, never retained. */
export const RPC_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: true,
};
