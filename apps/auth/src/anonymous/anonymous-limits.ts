import { Inject, Injectable } from '@nestjs/common';
import * as ipaddr from 'ipaddr.js';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import { AuthRedis } from '../common/redis.provider';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/**
 * Who counts as one caller for the anonymous limit: an IPv4 address, or an IPv6 /64 (one
 * subscriber's usual allocation: a single host can pick any of its 2^64 addresses).
 */
export function anonymousIpKey(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown';
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** ANONYMOUS_PER_IP_PER_HOUR new anonymous users per IPv4 address or IPv6 /64, on Redis. */
@Injectable()
export class AnonymousLimits {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig, redis: AuthRedis) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('rl', 'anonymous-ip'),
      points: config.ANONYMOUS_PER_IP_PER_HOUR,
      duration: 3600,
    });
  }

  async take(ip: string | undefined): Promise<void> {
    try {
      await this.limiter.consume(anonymousIpKey(ip));
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const s = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', 'Too many trial accounts from this network; sign up instead, or try again later', undefined, undefined, {
        'Retry-After': String(s),
      });
    }
  }
}
