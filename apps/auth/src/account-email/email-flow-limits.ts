import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import { AuthRedis } from '../common/redis.provider';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/** Addresses are keyed by a hash: Redis never holds them in clear. */
const addressKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64url');

/**
 * Rate limits of the email flows. Per IP: a 429 with Retry-After (it says nothing about any
 * account). Per address: the email is silently not sent (a 429 there would tell an attacker the
 * request did something different), and resends are at most one per minute.
 */
@Injectable()
export class EmailFlowLimits {
  private readonly ip: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly resend: RateLimiterRedis;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig, redis: AuthRedis) {
    const make = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key('rl', name), points, duration });
    this.ip = make('email-flow-ip', config.EMAIL_FLOW_IP_PER_HOUR, 3600);
    this.address = make('email-flow-address', config.EMAIL_FLOW_PER_EMAIL_PER_HOUR, 3600);
    this.resend = make('email-resend-address', 1, 60);
  }

  /** Throws RATE_LIMITED (429 + Retry-After) past EMAIL_FLOW_IP_PER_HOUR requests from one IP. */
  async takeIp(ip: string | undefined): Promise<void> {
    try {
      await this.ip.consume(ip ?? 'unknown');
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const s = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', 'Too many requests; slow down', undefined, undefined, { 'Retry-After': String(s) });
    }
  }

  /** Whether one more email may go to this address this hour. */
  mayMail(email: string): Promise<boolean> {
    return this.allowed(this.address, addressKey(email));
  }

  /** Whether a verification email may be resent (one per minute per address). */
  mayResend(email: string): Promise<boolean> {
    return this.allowed(this.resend, addressKey(email));
  }

  private async allowed(limiter: RateLimiterRedis, key: string): Promise<boolean> {
    try {
      await limiter.consume(key);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }
}
