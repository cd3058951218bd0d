import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** Takes a point from `limiter` for `key`, or refuses with 429 RATE_LIMITED and Retry-After. */
export async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string, message: string, details?: Record<string, unknown>): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const retryAfter = String(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
    throw new AppError('RATE_LIMITED', message, details, undefined, { 'Retry-After': retryAfter });
  }
}

/**
 * Authenticated requests per user per minute, counted in this gateway's memory (no I/O on the
 * hot path; with N replicas behind a balancer a user gets up to N times the figure). Past it:
 * `429 RATE_LIMITED` with `Retry-After`. API_REQUESTS_PER_MIN=0 turns it off.
 */
@Injectable()
export class RequestRateLimit {
  private readonly limiter?: RateLimiterMemory;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    if (config.API_REQUESTS_PER_MIN > 0) this.limiter = new RateLimiterMemory({ points: config.API_REQUESTS_PER_MIN, duration: 60 });
  }

  async take(userId: string): Promise<void> {
    if (!this.limiter) return;
    await consumeOrRefuse(this.limiter, userId, 'Too many requests for this account; slow down', { limit_per_min: this.limiter.points });
  }
}
