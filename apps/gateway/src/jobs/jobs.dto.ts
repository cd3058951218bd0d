import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { hooksParamsSchema, overlayParamsSchema, shortsParamsSchema, transcribeParamsSchema, trimParamsSchema } from '@clipyard/contracts';
import { JOB_STATUSES, JOB_TYPES } from '@clipyard/database';

export const listJobsQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  type: z.enum(JOB_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(200).optional(),
});
export class ListJobsQueryDto extends createZodDto(listJobsQuerySchema) {}

/** Bodies of the submission routes (validated by the global pipe → 422 naming the field). */
export class TrimJobDto extends createZodDto(trimParamsSchema) {}
export class OverlayJobDto extends createZodDto(overlayParamsSchema) {}
export class TranscribeJobDto extends createZodDto(transcribeParamsSchema) {}
export class HooksJobDto extends createZodDto(hooksParamsSchema) {}
export class ShortsJobDto extends createZodDto(shortsParamsSchema) {}
