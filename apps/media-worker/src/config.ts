import os from 'node:os';
import { z } from 'zod';
import { commonSchema, loadConfig, port, positiveInt } from '@clipyard/config';
import { QUEUES } from '@clipyard/contracts';
import { storageConfigSchema } from '@clipyard/storage';
import { mediaConfigSchema, transcriptionConfigSchema } from '@clipyard/media';
import { encryptionKeysVar } from '@clipyard/security';

const MEDIA_QUEUES = [QUEUES.trim, QUEUES.overlay, QUEUES.transcribe] as const;

export const workerConfigSchema = commonSchema
  .extend(storageConfigSchema.shape)
  .extend(mediaConfigSchema.shape)
  .extend(transcriptionConfigSchema.shape)
  .extend({
    /** Small HTTP port for health and metrics. */
    WORKER_HTTP_PORT: port(3003),
    /** The auth app's provider-key master keys (same value): opens a job owner's key for the call only. */
    ENCRYPTION_KEYS: encryptionKeysVar(),
    /** Jobs of each queue one worker process runs at once. */
    WORKER_TRIM_CONCURRENCY: positiveInt(2),
    WORKER_OVERLAY_CONCURRENCY: positiveInt(2),
    /** Comma-separated queues this process consumes; empty = every queue that has a processor. */
    WORKER_QUEUES: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((q) => q.trim()).filter(Boolean))
      .pipe(z.array(z.enum(MEDIA_QUEUES))),
    /** Per-job time limit for ffmpeg; past it ffmpeg is killed and the job fails with JOB_TIMEOUT. */
    JOB_TIMEOUT_S: positiveInt(900),
    /**
     * A job's lock lasts this long and is renewed every half of it; a dead worker's job is retaken
     * after it expires (then within one stalled interval). ffmpeg runs in its own process, so the
     * renewal never waits on the encode; 15 s leaves 7 s of slack for a busy event loop.
     */
    WORKER_LOCK_DURATION_MS: positiveInt(15_000),
    /** How often each worker looks for jobs whose lock expired (stalled jobs): one cheap Redis script per queue. */
    WORKER_STALLED_INTERVAL_MS: positiveInt(5_000),
    /** Times a job may stall (its worker died) before it is failed. */
    WORKER_MAX_STALLED_COUNT: positiveInt(2),
    /** Parent of the per-job temp folders. */
    WORKER_TMP_DIR: z.string().min(1).default(os.tmpdir()),
    /** At most one job.progress event per job per this many ms. */
    WORKER_PROGRESS_INTERVAL_MS: positiveInt(1000),
  });
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const loadWorkerConfig = (env?: Record<string, string | undefined>) => loadConfig(workerConfigSchema, env);
