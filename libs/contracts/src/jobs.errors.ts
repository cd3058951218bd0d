import { registerErrorCodes } from './errors';

/** Error codes of the public media-jobs API (uploads, submissions, polling, downloads). */
export const JOB_ERROR_CODES = {
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 422,
  URL_FORBIDDEN: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_INVALID: 400,
  JOB_NOT_FOUND: 404,
  UPLOAD_NOT_FOUND: 404,
  OUTPUT_NOT_FOUND: 404,
  OUTPUT_EXPIRED: 410,
  JOB_NOT_CANCELABLE: 409,
  INVALID_SIGNATURE: 403,
  LINK_EXPIRED: 410,
  RANGE_NOT_SATISFIABLE: 416,
} as const;
registerErrorCodes(JOB_ERROR_CODES);
