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
  /** Transcription minutes a trim with subtitles reserves: its cut's length, in whole minutes. */
  subtitleMinutes(params: Record<string, unknown>, upload: UploadRecord | null): number;
}

const noMinutes = () => 0;

export const JOB_TYPE_POLICIES: Record<JobType, JobTypePolicy> = {
  trim: {
    schema: trimParamsSchema,
    queue: QUEUES.trim,
    features: (p) => [...(p.vertical ? ['vertical_format'] : []), ...(p.subtitles ? ['subtitles'] : [])],
    units: () => 1,
    subtitleMinutes: (p, upload) => {
      if (!p.subtitles) return 0;
      const start = Number(p.start);
      const end = upload?.durationS != null ? Math.min(Number(p.end), upload.durationS) : Number(p.end);
      return Math.max(1, Math.ceil((end - start) / 60));
    },
  },
  overlay: {
    schema: overlayParamsSchema,
    queue: QUEUES.overlay,
    features: () => [],
    units: () => 1,
    subtitleMinutes: noMinutes,
  },
  transcribe: {
    schema: transcribeParamsSchema,
    queue: QUEUES.transcribe,
    features: () => [],
    units: (_p, upload) => Math.max(1, Math.ceil((upload?.durationS ?? 60) / 60)),
    subtitleMinutes: noMinutes,
  },
};
