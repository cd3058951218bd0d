import { AppError } from '@clipyard/contracts';

/**
 * A coded media failure. `retryable: false` means the same input will fail the same way
 * (corrupt media, forbidden URL, out-of-range trim): the worker fails the job at once.
 */
export class MediaError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryable = false,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
    this.name = 'MediaError';
  }
}

/** ffmpeg was stopped through the job's AbortSignal (cancel or shutdown). */
export class MediaAbortedError extends Error {
  readonly code = 'CANCELED';
  constructor() {
    super('media processing was aborted');
    this.name = 'MediaAbortedError';
  }
}

export const unsupportedMedia = (why: string) => new MediaError('UNSUPPORTED_MEDIA', `Unsupported or corrupt media: ${why}`);
