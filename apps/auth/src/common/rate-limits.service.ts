import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { AuthRedis } from './redis.provider';

const retryAfter = (ms: number) => ({ 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) });

/**
 * Brute-force protection on Redis (rate-limiter-flexible), under the system's key prefix:
 * per-IP limits on login/token, register and check-email, and per-account lockout after
 * repeated failed logins.
 */
@Injectable()
export class RateLimits {
  private readonly loginIp: RateLimiterRedis;
  private readonly registerIp: RateLimiterRedis;
  private readonly checkEmailIp: RateLimiterRedis;
  private readonly failures: RateLimiterRedis;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly redis: AuthRedis,
  ) {
    const make = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key('rl', name), points, duration });
    this.loginIp = make('login-ip', config.LOGIN_IP_PER_MIN, 60);
    this.registerIp = make('register-ip', config.REGISTER_IP_PER_HOUR, 3600);
    this.checkEmailIp = make('check-email-ip', config.CHECK_EMAIL_IP_PER_MIN, 60);
    this.failures = make('login-failures', config.LOGIN_MAX_FAILURES, config.LOGIN_LOCKOUT_S);
  }

  async login(ip: string | undefined): Promise<void> {
    await this.take(this.loginIp, ip ?? 'unknown');
  }
  async register(ip: string | undefined): Promise<void> {
    await this.take(this.registerIp, ip ?? 'unknown');
  }
  async checkEmail(ip: string | undefined): Promise<void> {
    await this.take(this.checkEmailIp, ip ?? 'unknown');
  }

  /**
   * Throws ACCOUNT_LOCKED (429 + Retry-After) while `account` is locked out; otherwise tells whether
   * it has a failure counter (so a sign-in clears it only when there is one). One GET on the
   * limiter's own key (what `failures.get` reads with a MULTI of GET and PTTL); the TTL is read
   * only for the Retry-After of a locked account.
   */
  async assertNotLocked(account: string): Promise<boolean> {
    const key = this.failures.getKey(account);
    const consumed = await this.redis.client.get(key);
    if (consumed === null) return false;
    if (Number.parseInt(consumed, 10) > this.config.LOGIN_MAX_FAILURES) {
      const ms = await this.redis.client.pttl(key);
      throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-ins; try again later', undefined, undefined, retryAfter(ms));
    }
    return true;
  }

  /** Counts a failed login; the last allowed failure locks the account for LOGIN_LOCKOUT_S. */
  async recordFailure(account: string): Promise<boolean> {
    try {
      const res = await this.failures.consume(account);
      if (res.remainingPoints > 0) return false;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
    }
    await this.failures.block(account, this.config.LOGIN_LOCKOUT_S);
    return true;
  }

  async clearFailures(account: string): Promise<void> {
    await this.failures.delete(account);
  }

  private async take(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new AppError('RATE_LIMITED', 'Too many requests; slow down', undefined, undefined, retryAfter(e.msBeforeNext));
      }
      throw e;
    }
  }
}
