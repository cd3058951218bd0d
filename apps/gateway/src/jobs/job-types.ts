import type { z } from 'zod';
import { QUEUES, overlayParamsSchema, transcribeParamsSchema, trimParamsSchema } from '@clipyard/contracts';
import type { JobType } from '@clipyard/database';
import type { UploadRecord } from '../uploads/uploads.repository';

/** Per-type rules of the shared submission path: schema, queue, plan features, units to reserve. */
export interface JobTypePolicy {
  schema: z.ZodType;
  queue: (typeof QUEUES)['trim' | 'overlay' | 'transcribe'];
  /** Plan features the job needs beyond its action's own. */
  features(params: Record<string, unknown>): string[];
  /** Quota units to reserve (1 per job; transcription reserves estimated minutes). */
  units(params: Record<string, unknown>, upload: UploadRecord | null): number;
}

export const JOB_TYPE_POLICIES: Record<JobType, JobTypePolicy> = {
  trim: {
    schema: trimParamsSchema,
    queue: QUEUES.trim,
    features: (p) => [...(p.vertical ? ['vertical_format'] : []), ...(p.subtitles ? ['subtitles'] : [])],
    units: () => 1,
  },
  overlay: {
    schema: overlayParamsSchema,
    queue: QUEUES.overlay,
    features: () => [],
    units: () => 1,
  },
  transcribe: {
    schema: transcribeParamsSchema,
    queue: QUEUES.transcribe,
    features: () => [],
    units: (_p, upload) => Math.max(1, Math.ceil((upload?.durationS ?? 60) / 60)),
  },
};
