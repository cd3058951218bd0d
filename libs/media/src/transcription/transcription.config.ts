import { z } from 'zod';
import { positiveInt } from '@clipyard/config';

/** Transcription settings of the media worker (`.extend(transcriptionConfigSchema.shape)`). */
export const transcriptionConfigSchema = z.object({
  /** Per-request timeout of a Whisper call (one chunk upload and its transcription). */
  WHISPER_TIMEOUT_MS: positiveInt(600_000),
  /** Retries of one chunk after a 429, 5xx, timeout or network error (then the job is retried). */
  WHISPER_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  /** Backoff without a Retry-After: doubles from this; every wait (Retry-After too) is capped. */
  WHISPER_RETRY_BASE_MS: positiveInt(2000),
  WHISPER_RETRY_MAX_MS: positiveInt(60_000),
  /** Provider upload limit; audio above ~90 % of it is split at quiet points. OpenAI: 25 MB. */
  WHISPER_CHUNK_MAX_BYTES: positiveInt(25 * 1024 * 1024),
  /** Chunks of one job sent at once. */
  WHISPER_CONCURRENCY: positiveInt(3),
  /** Bitrate of the extracted mono 16 kHz MP3 (32 kb/s ≈ 14 MB per hour). */
  WHISPER_AUDIO_BITRATE_KBPS: positiveInt(32),
  /**
   * The platform's own OpenAI key, used only for plans with `platform_transcription` when the
   * user has no key. A secret: no default; unset disables platform transcription.
   */
  PLATFORM_OPENAI_API_KEY: z.string().min(8).optional(),
  PLATFORM_OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
});
export type TranscriptionConfig = z.infer<typeof transcriptionConfigSchema>;
