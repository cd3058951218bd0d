import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** Takes a point from `limiter` for `key`, or refuses with 429 RATE_LIMITED and Retry-After. */
export async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string, message: string, details?: Record<string, unknown>): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    throw rateLimited(e.msBeforeNext, message, details);
  }
}

function rateLimited(msBeforeNext: number, message: string, details?: Record<string, unknown>): AppError {
  const retryAfter = String(Math.max(1, Math.ceil(msBeforeNext / 1000)));
  return new AppError('RATE_LIMITED', message, details, undefined, { 'Retry-After': retryAfter });
}

/** One user's window: points taken since `expiresAt - duration`. */
interface Window {
  taken: number;
  expiresAt: number;
}

/**
 * Authenticated requests per user per minute, counted in this gateway's memory (no I/O on the
 * hot path; with N replicas behind a balancer a user gets up to N times the figure). Past it:
 * `429 RATE_LIMITED` with `Retry-After`. API_REQUESTS_PER_MIN=0 turns it off.
 *
 * The same fixed window as rate-limiter-flexible's RateLimiterMemory (which this replaced): a
 * user's window opens at their first request and lasts 60 s; each request takes a point, refused
 * ones too; past the limit the Retry-After is the rest of the window. Synchronous: the hot path
 * pays a Map lookup, not a promise, a Date and a result object per request.
 */
@Injectable()
export class RequestRateLimit {
  readonly limitPerMin: number;
  private readonly durationMs = 60_000;
  private readonly windows = new Map<string, Window>();
  private readonly details: Record<string, unknown>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.limitPerMin = config.API_REQUESTS_PER_MIN;
    this.details = { limit_per_min: this.limitPerMin };
  }

  /** Takes a point for `userId`, or throws 429 RATE_LIMITED. */
  take(userId: string): void {
    if (this.limitPerMin <= 0) return;
    const now = Date.now();
    let w = this.windows.get(userId);
    if (w === undefined || w.expiresAt <= now) {
      w = { taken: 0, expiresAt: now + this.durationMs };
      this.windows.set(userId, w);
      // the window's entry goes when it ends (one timer per user per minute, not per request)
      const opened = w;
      setTimeout(() => {
        if (this.windows.get(userId) === opened) this.windows.delete(userId);
      }, this.durationMs).unref();
    }
    if (++w.taken > this.limitPerMin) {
      throw rateLimited(w.expiresAt - now, 'Too many requests for this account; slow down', { ...this.details });
    }
  }
}
