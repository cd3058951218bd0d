import { z } from 'zod';
import { envBool, positiveInt } from '@clipyard/config';
import { urlPolicyConfigShape } from '@clipyard/security';

/** ffmpeg, font and URL-fetch settings; the worker's (and gateway's, for probing) schemas extend with `.shape`. */
export const mediaConfigSchema = z.object({
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  FFPROBE_PATH: z.string().min(1).default('ffprobe'),
  /**
   * CPU priority (nice 0–19) of every ffmpeg, ffprobe and yt-dlp the media worker starts; the
   * worker's own process (job pickup, lock renewals, events) keeps its priority. 0 = the worker's.
   */
  MEDIA_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Font for overlays (Debian: fonts-dejavu-core). Checked when an overlay runs. */
  MEDIA_FONT_FILE: z.string().min(1).default('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
  MEDIA_FONT_BOLD_FILE: z.string().min(1).default('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'),
  /** The URL policy's development switch (URL inputs, provider base URLs): development and tests only. */
  ...urlPolicyConfigShape,
  URL_FETCH_TIMEOUT_S: positiveInt(120),
  /** Upper bound for a URL input (a job may carry a lower, plan-specific limit). */
  URL_MAX_BYTES: positiveInt(2 * 1024 * 1024 * 1024),
  URL_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(5),
  /** Accept `{video_page_url}` inputs (YouTube and similar), read with yt-dlp. Off by default. */
  VIDEO_PAGE_INPUTS: envBool(false),
  /** The yt-dlp binary (keep it current: sites change often). */
  YTDLP_PATH: z.string().min(1).default('yt-dlp'),
  /** Time yt-dlp may take to read a page's metadata. */
  YTDLP_TIMEOUT_S: positiveInt(90),
});
export type MediaConfig = z.infer<typeof mediaConfigSchema>;
