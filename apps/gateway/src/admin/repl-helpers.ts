import type { Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType } from '@clipyard/database';
import { ROOT_LOGGER } from '@clipyard/observability';
import { FACT_QUEUES, QueueClient, QueueDepthMetrics } from '@clipyard/queue';
import { parseMediaJobRequest, type PayloadQueue } from '@clipyard/contracts';
import { JobReconciler } from '../jobs/job-reconciler';
import { JobsRepository } from '../jobs/jobs.repository';
import { JobCancelService } from '../jobs/job-cancel.service';
import { JobSubmissionService } from '../jobs/job-submission.service';
import { JobsQueryService } from '../jobs/jobs-query.service';

function arg<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${name}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`);
  return r.data;
}
const uuid = (v: unknown, name: string) => arg(z.string().uuid('must be a uuid'), v, name);
const listOptions = z
  .object({
    status: z.enum(JOB_STATUSES).optional(),
    type: z.enum(JOB_TYPES).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().optional(),
  })
  .strict();

/**
 * Admin helpers of the gateway REPL (`npm run repl -- gateway`): jobs of any user and queue depth.
 * They use the jobs module's own services with the job's owner as the tenant, so cancel and retry
 * behave exactly as for the owner (quota released or reserved, files deleted, events sent); the
 * only admin-specific step is finding a job's owner by id, and every action is logged.
 */
export function gatewayReplHelpers(get: <T>(type: Type<T>) => T) {
  const depth = get(QueueDepthMetrics);
  const query = get(JobsQueryService);
  const cancel = get(JobCancelService);
  const submission = get(JobSubmissionService);
  const jobsRepo = get(JobsRepository);
  const logger = get<Logger>(ROOT_LOGGER as never);
  const queues = get(QueueClient);
  const reconciler = get(JobReconciler);
  const factQueue = (name: unknown) => arg(z.enum(FACT_QUEUES as [string, ...string[]]), name, 'queue') as PayloadQueue;

  const ownerOf = async (jobId: string): Promise<string> => {
    const owner = await jobsRepo.ownerOf(uuid(jobId, 'jobId'));
    if (!owner) throw new Error(`no job ${jobId}`);
    return owner;
  };

  return {
    jobs: {
      /** A user's jobs, newest first: `{ status, type, limit, cursor }` narrow the page. */
      list: async (userId: string, opts: { status?: JobStatus; type?: JobType; limit?: number; cursor?: string } = {}) =>
        query.list(uuid(userId, 'userId'), arg(listOptions, opts, 'options')),
      /** One job of any user, as its owner sees it. */
      get: async (jobId: string) => query.present(await query.get(await ownerOf(jobId), jobId)),
      /** Cancels a queued or running job of any user (reservation released, files deleted). */
      cancel: async (jobId: string) => {
        const userId = await ownerOf(jobId);
        const view = await cancel.cancel(userId, jobId);
        logger.info({ jobId, userId, via: 'repl' }, 'admin cancelled a job');
        return view;
      },
      /**
       * Runs a failed or cancelled job again as a new job with the same parameters and input,
       * through the normal submission path (the owner's quota is reserved again). Returns the new job.
       */
      retry: async (jobId: string) => {
        const userId = await ownerOf(jobId);
        const job = await query.get(userId, jobId);
        if (job.status !== 'failed' && job.status !== 'canceled') {
          throw new Error(`job ${jobId} is ${job.status}: only failed or canceled jobs can be retried`);
        }
        const res = await submission.submit({ userId, type: job.type, params: parseMediaJobRequest(job.type, job.params), rawBody: { retryOf: jobId } });
        logger.info({ jobId, userId, newJob: (res.body as { id?: string }).id, via: 'repl' }, 'admin retried a job');
        return res.body;
      },
    },
    queues: {
      /** Jobs per queue and state (`wait`, `active`, `delayed`, `prioritized`, `failed`, …) straight from Redis. */
      stats: () => depth.counts(),
    },
    /**
     * Fact events (job-events, usage-events, webhook-events) that were dead-lettered: malformed, or
     * failing for a reason other than an outage. They are kept until re-driven.
     */
    facts: {
      /** Dead letters, oldest first: id, event name, why it failed, attempts, when, and its payload (ids only, never secrets). */
      deadLetters: async (queue?: string, limit = 50) => {
        const names = queue ? [factQueue(queue)] : (FACT_QUEUES as PayloadQueue[]);
        const n = arg(z.number().int().min(1).max(1000), limit, 'limit');
        const out = [];
        for (const q of names) {
          for (const j of await queues.queue(q).getFailed(0, n - 1)) {
            out.push({ queue: q, id: j.id, name: j.name, failedReason: j.failedReason, attemptsMade: j.attemptsMade, enqueuedAt: new Date(j.timestamp).toISOString(), data: j.data });
          }
        }
        return out.sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt)).slice(0, n);
      },
      /** Runs one dead letter again (after the cause is fixed); a malformed one fails again at once. */
      redrive: async (queue: string, id: string) => {
        const job = await queues.queue(factQueue(queue)).getJob(arg(z.string().min(1), id, 'id'));
        if (!job) throw new Error(`no event ${id} in ${queue}`);
        if (!(await job.isFailed())) throw new Error(`event ${id} in ${queue} is not dead-lettered`);
        await job.retry('failed');
        logger.info({ queue, id, via: 'repl' }, 'admin re-drove a dead-lettered event');
        return { queue, id, redriven: true };
      },
      /** Re-drives every dead letter of a queue; returns how many. */
      redriveAll: async (queue: string) => {
        const q = queues.queue(factQueue(queue));
        // a snapshot: an event that fails again at once is not picked up twice
        const failed = await q.getFailed(0, Math.max(0, (await q.getFailedCount()) - 1));
        let n = 0;
        for (const j of failed) {
          await j.retry('failed');
          n++;
        }
        logger.info({ queue, count: n, via: 'repl' }, 'admin re-drove dead-lettered events');
        return { queue, redriven: n };
      },
    },
    /** Settles open jobs nothing will finish (see JobReconciler): one pass now; returns what it did. */
    reconcile: () => reconciler.reconcile(),
  };
}
