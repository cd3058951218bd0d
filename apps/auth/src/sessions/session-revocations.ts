import { Inject, Injectable } from '@nestjs/common';
import { AUTH_REDIS } from '@clipyard/contracts';
import { AuthRedis } from '../common/redis.provider';
import { AUTH_CONFIG, type AuthConfig } from '../config';

const revokedSessionsKey = AUTH_REDIS.revokedSessions;
const revokedSessionsChannel = AUTH_REDIS.sessionRevokedChannel;

/**
 * Tells every gateway that sessions ended, so their still-unexpired access tokens are refused
 * too: a pub/sub message for running gateways, and a sorted set (score = when the last token of
 * the session expires) that a starting gateway loads. Gateways check an in-memory set: no I/O
 * per request.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly redis: AuthRedis,
  ) {}

  async publish(sessionIds: string[]): Promise<void> {
    if (!sessionIds.length) return;
    const until = Date.now() + (this.config.JWT_ACCESS_TTL_S + 60) * 1000;
    const key = revokedSessionsKey(this.redis.prefix);
    await this.redis.client
      .multi()
      .zadd(key, ...sessionIds.flatMap((id) => [until, id]))
      .zremrangebyscore(key, '-inf', Date.now())
      .pexpire(key, (this.config.JWT_ACCESS_TTL_S + 120) * 1000)
      .publish(revokedSessionsChannel(this.redis.prefix), JSON.stringify({ ids: sessionIds, until }))
      .exec();
  }
}
