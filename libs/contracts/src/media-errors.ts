import { registerErrorCodes } from './errors';

/**
 * Codes of storage and media processing. A media job fails with one of these in `job.failed`;
 * the gateway maps the same codes to HTTP statuses for uploads and downloads.
 */
export const MEDIA_ERROR_CODES = {
  /** Upload or stored object larger than allowed. */
  FILE_TOO_LARGE: 413,
  OBJECT_NOT_FOUND: 404,
  RANGE_NOT_SATISFIABLE: 416,
  INVALID_STORAGE_KEY: 400,
  /** ffprobe/ffmpeg cannot read the input, or it has no usable stream. */
  UNSUPPORTED_MEDIA: 422,
  /** A URL input is larger than the plan's limit. */
  INPUT_TOO_LARGE: 413,
  /** The URL policy refused a URL (media input, webhook/callback, provider base URL): scheme, credentials, address. */
  URL_FORBIDDEN: 422,
  /** A URL input could not be fetched (HTTP error, timeout, too many redirects). */
  URL_FETCH_FAILED: 422,
  /** Trim start/end outside the input's duration. */
  TRIM_OUT_OF_RANGE: 422,
  /** Processing exceeded the per-job time limit. */
  JOB_TIMEOUT: 422,
  /** The job's input is missing or not the owner's. */
  INPUT_NOT_FOUND: 404,
  /** ffmpeg failed for a reason that may pass on another attempt. */
  MEDIA_PROCESSING_FAILED: 500,
  /** The job's worker died (killed, out of memory) more often than WORKER_MAX_STALLED_COUNT allows. */
  WORKER_LOST: 500,
  /** The worker is misconfigured (missing font, unsafe path). */
  MEDIA_CONFIG_INVALID: 500,
  /** ffmpeg/ffprobe (or the font) is not installed where the request needs it: an outage, not the file's fault. */
  MEDIA_TOOLS_UNAVAILABLE: 503,
} as const;
export type MediaErrorCode = keyof typeof MEDIA_ERROR_CODES;

registerErrorCodes(MEDIA_ERROR_CODES);
