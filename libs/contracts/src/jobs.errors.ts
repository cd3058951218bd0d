import { registerErrorCodes } from './errors';

/**
 * Error codes of the public media-jobs API (uploads, submissions, polling, downloads). Media and
 * storage codes (FILE_TOO_LARGE, UNSUPPORTED_MEDIA, URL_FORBIDDEN, …) are in media-errors.ts.
 */
export const JOB_ERROR_CODES = {
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_INVALID: 400,
  JOB_NOT_FOUND: 404,
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_IN_USE: 409,
  OUTPUT_NOT_FOUND: 404,
  OUTPUT_EXPIRED: 410,
  JOB_NOT_CANCELABLE: 409,
  /** Purging needs a finished job (cancel a queued or running one first). */
  JOB_NOT_FINISHED: 409,
  INVALID_SIGNATURE: 403,
  LINK_EXPIRED: 410,
} as const;
registerErrorCodes(JOB_ERROR_CODES);
