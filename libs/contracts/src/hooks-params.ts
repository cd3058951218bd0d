import { z } from 'zod';
import { uuid } from './events/common';
import { jobInputSchema, mediaInputSchema } from './events/media-jobs';

/** Providers whose keys can run the language model of a hooks job. */
export const CHAT_PROVIDER_IDS = ['openai', 'groq', 'openai_compatible', 'anthropic'] as const;

/**
 * A hooks/shorts input: any media input, or `{job_id}` of one of the caller's completed
 * transcriptions (its transcript is reused: no second transcription, no minutes).
 */
export const hooksInputSchema = z.union([...mediaInputSchema.options, z.object({ job_id: uuid }).strict()]);

const hookOptions = {
  /** Hooks to find (best first). */
  count: z.number().int().min(1).max(10).default(3),
  min_s: z.number().min(1).max(600).default(15),
  max_s: z.number().min(2).max(900).default(60),
  /** Language of titles and reasons (ISO-639-1); the transcript's own otherwise. */
  language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO-639-1 code').optional(),
  /** Which of your provider keys runs the model (default: your first configured chat provider). */
  provider: z.enum(CHAT_PROVIDER_IDS).optional(),
  /** Model name (default per provider; required for openai_compatible). */
  model: z.string().min(1).max(200).optional(),
  /** Themes to prefer. */
  topics: z.array(z.string().min(1).max(100)).max(20).optional(),
  callback_url: z.string().url().max(2048).optional(),
};
const lengths = <T extends { min_s: number; max_s: number }>(p: T) => p.max_s > p.min_s;
const lengthIssue = { message: 'max_s must be greater than min_s', path: ['max_s'] };

export const hooksParamsSchema = z.object({ input: hooksInputSchema, ...hookOptions }).refine(lengths, lengthIssue);
export type HooksParams = z.infer<typeof hooksParamsSchema>;

export const shortsParamsSchema = z
  .object({
    input: hooksInputSchema,
    ...hookOptions,
    count: z.number().int().min(1).max(10),
    /** 9:16 framing of every clip. */
    vertical: z.enum(['crop', 'pad']).default('crop'),
    /** Burn captions into every clip (from the one transcript). */
    subtitles: z.boolean().default(true),
  })
  .refine(lengths, lengthIssue);
export type ShortsParams = z.infer<typeof shortsParamsSchema>;

/**
 * What the worker receives: the media input (absent for a hooks job on an earlier transcript),
 * the earlier transcript's storage key when reused, the model the gateway chose, and whose key
 * transcribes when a transcription is needed. Never a key.
 */
const workerFields = {
  input: jobInputSchema.optional(),
  transcript_key: z.string().min(1).max(1024).optional(),
  ai_provider: z.enum(CHAT_PROVIDER_IDS),
  ai_model: z.string().min(1).max(200),
  key_source: z.enum(['user', 'platform']).default('user'),
  transcription_provider: z.string().min(1).max(50).optional(),
  max_input_bytes: z.number().int().positive().optional(),
  max_media_seconds: z.number().int().positive().optional(),
};
const { provider: _p, model: _m, ...options } = hookOptions;

export const hooksJobParamsSchema = z
  .object({ ...options, ...workerFields })
  .refine(lengths, lengthIssue)
  .refine((p) => p.input || p.transcript_key, { message: 'input or transcript_key is required', path: ['input'] });
export type HooksJobParams = z.infer<typeof hooksJobParamsSchema>;

export const shortsJobParamsSchema = z
  .object({
    ...options,
    ...workerFields,
    input: jobInputSchema,
    count: z.number().int().min(1).max(10),
    vertical: z.enum(['crop', 'pad']).default('crop'),
    subtitles: z.boolean().default(true),
  })
  .refine(lengths, lengthIssue);
export type ShortsJobParams = z.infer<typeof shortsJobParamsSchema>;

/** One hook in `hooks.json` and the job's `result.hooks`. */
export const hookSchema = z.object({
  start: z.number(),
  end: z.number(),
  score: z.number().min(0).max(100),
  title: z.string(),
  hook_sentence: z.string(),
  reason: z.string(),
});
export type HookView = z.infer<typeof hookSchema>;
