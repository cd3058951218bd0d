/**
 * Stable error codes and the HTTP status each maps to. Codes cross the wire (RPC replies, job
 * failures, HTTP bodies), so they live here; add new ones to this table, never reuse one.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_CONTENT_TYPE: 415,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  /** The client stopped sending its request (an upload body idle past its limit). */
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

/** Codes other modules register (auth, billing, media): code → HTTP status. */
const extraStatus = new Map<string, number>();
export function registerErrorCodes(codes: Record<string, number>): void {
  for (const [code, status] of Object.entries(codes)) extraStatus.set(code, status);
}
/** Whether a code is in one of the tables (the OpenAPI document refuses to list an unknown one). */
export function isKnownErrorCode(code: string): boolean {
  return Object.hasOwn(ERROR_STATUS, code) || extraStatus.has(code);
}
export function statusForCode(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? extraStatus.get(code) ?? 400;
}

/** A domain error with a stable code; the gateway's filter turns it into an HTTP error body. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Overrides the status derived from the code (rarely needed). */
    readonly status?: number,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get httpStatus(): number {
    return this.status ?? statusForCode(this.code);
  }
}

/** The owner of an RPC method did not answer within its timeout (or is not running). */
export class UpstreamUnavailableError extends AppError {
  constructor(service: string, method: string) {
    super('UPSTREAM_UNAVAILABLE', `The ${service} service did not answer in time; try again shortly`, {
      service,
      method,
    });
  }
}

/** Serialisable form of an error as it travels in an RPC reply or a failed job. */
export interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  status?: number;
  headers?: Record<string, string>;
}
