import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { hooksParamsSchema, overlayParamsSchema, shortsParamsSchema, transcribeParamsSchema, trimParamsSchema } from '@clipyard/contracts';
import { JOB_STATUSES, JOB_TYPES } from '@clipyard/database';
import { isoTimestamp, pageSchema } from '../openapi/schemas';

export const listJobsQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  type: z.enum(JOB_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(200).optional(),
});
export class ListJobsQueryDto extends createZodDto(listJobsQuerySchema) {}

export const deleteJobQuerySchema = z.object({
  /** `true`: delete a finished job's record and outputs (its metered usage stays in the ledger). */
  purge: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export class DeleteJobQueryDto extends createZodDto(deleteJobQuerySchema) {}

/** Bodies of the submission routes (validated by the global pipe → 422 naming the field). */
export class TrimJobDto extends createZodDto(trimParamsSchema) {}
export class OverlayJobDto extends createZodDto(overlayParamsSchema) {}
export class TranscribeJobDto extends createZodDto(transcribeParamsSchema) {}
export class HooksJobDto extends createZodDto(hooksParamsSchema) {}
export class ShortsJobDto extends createZodDto(shortsParamsSchema) {}

const iso = isoTimestamp;

export const jobOutputViewSchema = z
  .object({ name: z.string(), content_type: z.string(), size: z.number().int(), url: z.string().describe('Download URL (needs credentials)') })
  .meta({ id: 'JobOutput' });

/** The public shape of a job (the presenter's type is inferred from it). */
export const jobViewSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(JOB_TYPES),
    status: z.enum(JOB_STATUSES),
    progress: z.number().min(0).max(100),
    params: z.record(z.string(), z.unknown()).describe('The parameters the job was submitted with'),
    error: z.object({ code: z.string(), message: z.string() }).optional().describe('Why a failed job failed'),
    outputs: z.array(jobOutputViewSchema),
    outputs_expired_at: iso.optional(),
    created_at: iso,
    started_at: iso.optional(),
    completed_at: iso.optional(),
    usage: z.record(z.string(), z.unknown()).optional().describe('What the job was metered for'),
    result: z.record(z.string(), z.unknown()).optional().describe('Type-specific result of a completed job (e.g. duration, language)'),
    ai_provider: z.string().optional().describe('hooks/shorts: which of your provider keys runs the language model'),
    model: z.string().optional().describe('hooks/shorts: the language model'),
  })
  .meta({ id: 'Job' });
export const jobListSchema = pageSchema(jobViewSchema);

const statusCounts = z.object(Object.fromEntries(JOB_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof JOB_STATUSES)[number], z.ZodNumber>);
export const jobStatsSchema = z
  .object({
    total: z.number().int(),
    by_status: statusCounts,
    by_type: z.object(
      Object.fromEntries(JOB_TYPES.map((t) => [t, statusCounts.extend({ total: z.number().int() })])) as Record<
        (typeof JOB_TYPES)[number],
        z.ZodObject<typeof statusCounts.shape & { total: z.ZodNumber }>
      >,
    ),
    success_rate: z.number().nullable().describe('completed / (completed + failed); null until a job has finished'),
  })
  .meta({ id: 'JobStats' });

export const signedUrlSchema = z.object({ url: z.string(), expires_at: iso }).meta({ id: 'SignedUrl' });
