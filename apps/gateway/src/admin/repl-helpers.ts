import type { Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType } from '@clipyard/database';
import { ROOT_LOGGER } from '@clipyard/observability';
import { QueueDepthMetrics } from '@clipyard/queue';
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
  const ds = get(DataSource);
  const logger = get<Logger>(ROOT_LOGGER as never);

  const ownerOf = async (jobId: string): Promise<string> => {
    const rows: { user_id: string }[] = await ds.query('SELECT user_id FROM jobs WHERE id = $1', [uuid(jobId, 'jobId')]);
    if (!rows.length) throw new Error(`no job ${jobId}`);
    return rows[0].user_id;
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
        const res = await submission.submit({ userId, type: job.type, params: job.params as never, rawBody: { retryOf: jobId } });
        logger.info({ jobId, userId, newJob: (res.body as { id?: string }).id, via: 'repl' }, 'admin retried a job');
        return res.body;
      },
    },
    queues: {
      /** Jobs per queue and state (`wait`, `active`, `delayed`, `prioritized`, `failed`, …) straight from Redis. */
      stats: () => depth.counts(),
    },
  };
}
