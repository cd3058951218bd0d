import type { z } from 'zod';
import { QUEUES, hooksParamsSchema, overlayParamsSchema, shortsParamsSchema, transcribeParamsSchema, trimParamsSchema, type UsageAction } from '@clipyard/contracts';
import type { JobType } from '@clipyard/database';
import type { UploadRecord } from '../uploads/uploads.repository';

/** Per-type rules of the shared submission path: schema, queue, plan features, units to reserve. */
export interface JobTypePolicy {
  schema: z.ZodType;
  queue: (typeof QUEUES)['trim' | 'overlay' | 'transcribe' | 'hooks'];
  /** What billing meters it as (default: the type itself). */
  action?: UsageAction;
  /** Trim jobs it holds besides its own (a short's clips). */
  trimJobs?(params: Record<string, unknown>): number;
  /** Plan features the job needs beyond its action's own. */
  features(params: Record<string, unknown>): string[];
  /** Quota units to reserve (1 per job; transcription reserves estimated minutes). */
  units(params: Record<string, unknown>, upload: UploadRecord | null): number;
  /** Transcription minutes a trim with subtitles reserves: its cut's length, in whole minutes. */
  subtitleMinutes(params: Record<string, unknown>, upload: UploadRecord | null): number;
}

const noMinutes = () => 0;

/** Minutes a hooks/shorts job will transcribe: none when it reuses a transcription (`{job_id}`). */
const hookMinutes = (p: Record<string, unknown>, upload: UploadRecord | null) =>
  p.input && typeof p.input === 'object' && 'job_id' in p.input ? 0 : Math.max(1, Math.ceil((upload?.durationS ?? 60) / 60));
const transcribes = (p: Record<string, unknown>) => (p.input && typeof p.input === 'object' && 'job_id' in p.input ? [] : ['transcribe']);

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
  hooks: {
    schema: hooksParamsSchema,
    queue: QUEUES.hooks,
    action: 'hooks',
    features: transcribes,
    units: () => 1,
    subtitleMinutes: hookMinutes,
  },
  shorts: {
    schema: shortsParamsSchema,
    queue: QUEUES.hooks,
    action: 'hooks',
    features: (p) => [...transcribes(p), 'trim', 'vertical_format', ...(p.subtitles ? ['subtitles'] : [])],
    units: () => 1,
    subtitleMinutes: hookMinutes,
    trimJobs: (p) => Number(p.count),
  },
};
