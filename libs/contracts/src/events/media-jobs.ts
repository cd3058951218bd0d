import { z } from 'zod';
import { uuid } from './common';

/** `12.5`, `"12.5"` or `"HH:MM:SS.mmm"` / `"MM:SS"` → seconds. */
export const timecode = z.union([z.number(), z.string()]).transform((val, ctx) => {
  if (typeof val === 'number') {
    if (!Number.isFinite(val) || val < 0) ctx.addIssue({ code: 'custom', message: 'must be a non-negative number of seconds' });
    return val;
  }
  const m = /^(?:(\d{1,2}):)?(?:(\d{1,2}):)?(\d{1,5}(?:\.\d{1,3})?)$/.exec(val.trim());
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'must be seconds or HH:MM:SS.mmm' });
    return z.NEVER;
  }
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
});

/**
 * Where a job's input comes from: an earlier upload, a URL of a media file the worker fetches
 * (SSRF-checked), or a video page (YouTube and similar) the worker reads with yt-dlp when the
 * server enables VIDEO_PAGE_INPUTS.
 */
export const mediaInputSchema = z.union([
  z.object({ upload_id: uuid }).strict(),
  z.object({ url: z.string().url().max(2048) }).strict(),
  z.object({ video_page_url: z.string().url().max(2048) }).strict(),
]);
export type MediaInput = z.infer<typeof mediaInputSchema>;

export const trimParamsSchema = z
  .object({
    input: mediaInputSchema,
    start: timecode,
    end: timecode,
    mode: z.enum(['fast', 'precise']).default('fast'),
    vertical: z.enum(['crop', 'pad']).optional(),
    thumbnail: z.boolean().default(false),
    subtitles: z.boolean().default(false),
    callback_url: z.string().url().max(2048).optional(),
  })
  .refine((p) => p.end > p.start, { message: 'end must be after start', path: ['end'] });
export type TrimParams = z.infer<typeof trimParamsSchema>;

export const OVERLAY_TEMPLATES = ['default', 'title', 'caption', 'lower_third', 'watermark'] as const;
const hexColor = z.string().regex(/^#?[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$|^[a-z]{3,20}$/, 'must be #rrggbb or a colour name');

export const overlayParamsSchema = z.object({
  input: mediaInputSchema,
  text: z.string().min(1).max(2000),
  template: z.enum(OVERLAY_TEMPLATES).default('default'),
  overrides: z
    .object({
      font_size: z.number().int().min(8).max(300).optional(),
      font_color: hexColor.optional(),
      position: z.enum(['top', 'center', 'bottom', 'top_left', 'top_right', 'bottom_left', 'bottom_right']).optional(),
      box: z.boolean().optional(),
      box_color: hexColor.optional(),
      box_opacity: z.number().min(0).max(1).optional(),
      duration: z.number().positive().max(600).optional(),
    })
    .strict()
    .optional(),
  callback_url: z.string().url().max(2048).optional(),
});
export type OverlayParams = z.infer<typeof overlayParamsSchema>;

export const transcribeParamsSchema = z.object({
  input: mediaInputSchema,
  language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO-639-1 code').optional(),
  translate_to_english: z.boolean().default(false),
  prompt: z.string().max(1000).optional(),
  model: z.string().min(1).max(100).default('whisper-1'),
  provider: z.string().min(1).max(50).optional(),
  diarization: z.boolean().default(false),
  callback_url: z.string().url().max(2048).optional(),
});
export type TranscribeParams = z.infer<typeof transcribeParamsSchema>;

/**
 * The input as the worker receives it: the gateway replaces `{upload_id}` with the upload's storage
 * key (always under the job owner's prefix), and passes `{url}` through for the worker to fetch.
 */
export const jobInputSchema = z.union([
  z.object({ key: z.string().min(1).max(1024) }).strict(),
  z.object({ url: z.string().url().max(2048) }).strict(),
  z.object({ video_page_url: z.string().url().max(2048) }).strict(),
]);
export type JobInput = z.infer<typeof jobInputSchema>;
/**
 * Optional per-job caps on a URL or video-page input, set by the gateway from the plan: its size
 * (the upload limit) and its length (checked on a video page's metadata before any download).
 */
const workerLimits = {
  max_input_bytes: z.number().int().positive().optional(),
  max_media_seconds: z.number().int().positive().optional(),
};
/**
 * Whose provider key a transcription uses, decided by the gateway at submission (never taken from
 * the client): the owner's key for `provider`, or the platform's key when the plan has
 * `platform_transcription` and the owner has none.
 */
const transcriptionSource = {
  key_source: z.enum(['user', 'platform']).default('user'),
  provider: z.string().min(1).max(50).optional(),
};
/**
 * What the gateway's ffprobe found when a stored input was uploaded (the stored file never
 * changes), so the worker does not probe it again.
 */
export const inputFactsSchema = z
  .object({
    duration_s: z.number().positive(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    content_type: z.string().min(1).max(100),
  })
  .strict();
export type InputFacts = z.infer<typeof inputFactsSchema>;
/**
 * The stored input's streams as the gateway's ffprobe saw them at upload: each stream's
 * `codec_name` in stream order, and whether the MP4/MOV is fragmented (`moof` boxes or an `mvex`;
 * null when not an MP4/MOV). With them the worker may open the input without
 * `avformat_find_stream_info` where that is known to give the same output (libs/media
 * `skipsStreamInfo`). A key of its own beside `input_facts`, not inside it: `inputFactsSchema` is
 * strict, so a worker of before this field would refuse the whole job during a rolling deploy,
 * while the params object strips keys it does not know (such a worker just probes as it did).
 */
export const inputStreamsSchema = z.object({
  codecs: z.array(z.string().min(1).max(64)).min(1).max(64),
  fragmented: z.boolean().nullable(),
});
export type InputStreams = z.infer<typeof inputStreamsSchema>;
/** `params` of a trim job as the worker validates it (`subtitles` adds a transcription). */
export const trimJobParamsSchema = z
  .object({ ...trimParamsSchema.shape, input: jobInputSchema, input_facts: inputFactsSchema.optional(), input_streams: inputStreamsSchema.optional(), ...workerLimits, ...transcriptionSource })
  .refine((p) => p.end > p.start, { message: 'end must be after start', path: ['end'] });
export type TrimJobParams = z.infer<typeof trimJobParamsSchema>;
/** `params` of an overlay job as the worker validates it. */
export const overlayJobParamsSchema = overlayParamsSchema.extend({ input: jobInputSchema, ...workerLimits });
export type OverlayJobParams = z.infer<typeof overlayJobParamsSchema>;
/** `params` of a transcribe job as the worker validates it. */
export const transcribeJobParamsSchema = transcribeParamsSchema.extend({ input: jobInputSchema, ...workerLimits, ...transcriptionSource });
export type TranscribeJobParams = z.infer<typeof transcribeJobParamsSchema>;
