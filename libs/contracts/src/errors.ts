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

/** Seconds a client is told to wait (Retry-After) when a service or dependency is down. */
export const OUTAGE_RETRY_AFTER_S = 5;

/** The owner of an RPC method did not answer within its timeout (or is not running). */
export class UpstreamUnavailableError extends AppError {
  constructor(service: string, method: string) {
    super(
      'UPSTREAM_UNAVAILABLE',
      `The ${service} service did not answer in time; try again shortly`,
      { service, method },
      undefined,
      { 'Retry-After': String(OUTAGE_RETRY_AFTER_S) },
    );
  }
}

/** A dependency every app shares (PostgreSQL, Redis) is unreachable: 503 with Retry-After. */
export class DependencyUnavailableError extends AppError {
  constructor(readonly dependency: OutageDependency) {
    super(
      'UPSTREAM_UNAVAILABLE',
      dependency === 'unknown'
        ? 'A service this request needs is unreachable; try again shortly'
        : `${dependency === 'postgres' ? 'The database' : 'Redis'} is unreachable; try again shortly`,
      dependency === 'unknown' ? undefined : { dependency },
      503,
      { 'Retry-After': String(OUTAGE_RETRY_AFTER_S) },
    );
    this.name = 'DependencyUnavailableError';
  }
}
export type OutageDependency = 'postgres' | 'redis' | 'unknown';

/** Socket-level failures: the peer is down, restarting or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs that mean the server is going away or not accepting connections yet. */
const PG_OUTAGE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;
const REDIS_MESSAGES = /Connection is closed|Stream isn't writeable|max retries per request|Redis connection (lost|closed)|Connection in subscriber mode|enableOfflineQueue/i;

/**
 * Whether `err` is PostgreSQL or Redis being unreachable (rather than a bug or a bad input), and
 * which. Duck-typed (pg, TypeORM, ioredis, BullMQ) so contracts needs none of those libraries.
 */
export function outageOf(err: unknown): OutageDependency | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (e instanceof DependencyUnavailableError) return e.dependency;
    const o = e as { name?: string; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown[] };
    const msg = typeof o.message === 'string' ? o.message : '';
    const code = typeof o.code === 'string' ? o.code : '';
    if (o.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.test(msg)) return 'redis';
    if (PG_OUTAGE_STATES.has(code) || code.startsWith('08') || PG_MESSAGES.test(msg)) return 'postgres';
    if (o.driverError && SOCKET_CODES.has(String((o.driverError as { code?: unknown }).code))) return 'postgres';
    if (SOCKET_CODES.has(code)) return 'unknown';
    // AggregateError (Node's happy-eyeballs connect to localhost) carries the socket errors inside
    if (Array.isArray(o.errors) && o.errors.some((x) => SOCKET_CODES.has(String((x as { code?: unknown })?.code)))) return 'unknown';
    e = o.driverError ?? o.cause;
  }
  return null;
}

/** Serialisable form of an error as it travels in an RPC reply or a failed job. */
export interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  status?: number;
  headers?: Record<string, string>;
}
