import { z } from 'zod';
import { isoDate, uuid, v } from './common';

const base = { v, jobId: uuid, userId: uuid, at: isoDate };

const output = z.object({
  name: z.string().min(1).max(200),
  key: z.string().min(1),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type JobOutput = z.infer<typeof output>;

/** media-worker → gateway: the life of a media job. The gateway owns the `jobs` row. */
export const jobEventSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('job.started'), ...base, attempt: z.number().int().min(1) }),
  z.object({ name: z.literal('job.progress'), ...base, progress: z.number().min(0).max(100) }),
  z.object({
    name: z.literal('job.completed'),
    ...base,
    outputs: z.array(output),
    result: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    name: z.literal('job.failed'),
    ...base,
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type JobEvent = z.infer<typeof jobEventSchema>;
