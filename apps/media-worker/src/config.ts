import os from 'node:os';
import { z } from 'zod';
import { commonSchema, loadConfig, port, positiveInt } from '@clipyard/config';
import { concurrencyVar, defaultConcurrency, MEDIA_JOBS, MEDIA_QUEUE_NAMES, type MediaQueueKey } from '@clipyard/contracts';
import { storageConfigSchema } from '@clipyard/storage';
import { mediaConfigSchema, transcriptionConfigSchema } from '@clipyard/media';
import { encryptionKeysVar } from '@clipyard/security';

const QUEUE_KEYS = [...new Set(Object.values(MEDIA_JOBS).map((d) => d.queue))];
/** `WORKER_<QUEUE>_CONCURRENCY` of every media queue: jobs of that queue one worker process runs at once. */
const concurrencyVars = Object.fromEntries(QUEUE_KEYS.map((k) => [concurrencyVar(k), positiveInt(defaultConcurrency(k))])) as {
  [K in MediaQueueKey as ReturnType<typeof concurrencyVar<K>>]: ReturnType<typeof positiveInt>;
};

export const workerConfigSchema = commonSchema
  .extend(storageConfigSchema.shape)
  .extend(mediaConfigSchema.shape)
  .extend(transcriptionConfigSchema.shape)
  .extend({
    /** Small HTTP port for health and metrics. */
    WORKER_HTTP_PORT: port(3003),
    /** The auth app's provider-key master keys (same value): opens a job owner's key for the call only. */
    ENCRYPTION_KEYS: encryptionKeysVar(),
    ...concurrencyVars,
    /** Per-request timeout of one language-model call. */
    CHAT_TIMEOUT_MS: positiveInt(120_000),
    /** Retries of one call after a 429, 5xx, timeout or network error (Retry-After honoured). */
    CHAT_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
    CHAT_RETRY_BASE_MS: positiveInt(2000),
    CHAT_RETRY_MAX_MS: positiveInt(60_000),
    /** Output token cap of one call. */
    CHAT_MAX_OUTPUT: positiveInt(4096),
    /** Transcript characters per model call (about 4 per token: keep well under the model's context). */
    HOOKS_CHUNK_CHARS: positiveInt(24_000),
    /** Seconds each transcript chunk overlaps the previous one. */
    HOOKS_CHUNK_OVERLAP_S: z.coerce.number().min(0).max(600).default(60),
    /** Comma-separated queues this process consumes; empty = every queue that has a processor. */
    WORKER_QUEUES: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((q) => q.trim()).filter(Boolean))
      .pipe(z.array(z.enum(MEDIA_QUEUE_NAMES))),
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
