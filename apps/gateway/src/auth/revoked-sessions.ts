import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AUTH_REDIS } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { createRedis, createSubscriber, keepSubscribed, keyPrefix, redisSettings, type RedisClient } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * Sessions revoked (logout, password change, reuse detection, deactivation) whose access tokens
 * have not expired yet, held in memory: filled from the auth app's sorted set at start and on
 * every reconnect, then kept current by pub/sub. The JWT check is a Map lookup, no I/O.
 */
@Injectable()
export class RevokedSessions implements OnModuleInit, OnApplicationShutdown {
  private readonly revoked = new Map<string, number>();
  private readonly sub: Redis;
  private readonly reader: RedisClient;
  private readonly prefix: string;
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    const settings = redisSettings(config);
    this.prefix = keyPrefix(settings);
    // Subscribe, THEN read the set, after every (re)connect (keepSubscribed): a revocation lands
    // in one or the other.
    this.sub = createSubscriber(settings, { autoResubscribe: false });
    this.reader = createRedis(settings, { maxRetriesPerRequest: 2 });
    this.sub.on('message', (_ch: string, msg: string) => this.onMessage(msg));
    this.timer = setInterval(() => this.prune(), 60_000);
    this.timer.unref();
  }

  async onModuleInit(): Promise<void> {
    await keepSubscribed(
      this.sub,
      AUTH_REDIS.sessionRevokedChannel(this.prefix),
      () => this.load(),
      (err) => this.logger.warn({ err }, 'could not resubscribe to session revocations; retrying on the next reconnect'),
    );
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > Date.now();
  }

  private onMessage(msg: string): void {
    try {
      const { ids, until } = JSON.parse(msg) as { ids: unknown; until: unknown };
      if (!Array.isArray(ids) || typeof until !== 'number') return;
      for (const id of ids) if (typeof id === 'string') this.revoked.set(id, until);
    } catch {
      /* not ours */
    }
  }

  private async load(): Promise<void> {
    try {
      const rows = await this.reader.zrangebyscore(AUTH_REDIS.revokedSessions(this.prefix), Date.now(), '+inf', 'WITHSCORES');
      for (let i = 0; i < rows.length; i += 2) this.revoked.set(rows[i], Number(rows[i + 1]));
    } catch (err) {
      this.logger.warn({ err }, 'could not load revoked sessions');
    }
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([this.sub.quit(), this.reader.quit()]);
  }
}
