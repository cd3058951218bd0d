import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createRedis, keyPrefix, redisSettings, type RedisClient } from '@clipyard/queue';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/** The auth app's own Redis connection (API key cache, rate limits), with the system's key prefix. */
@Injectable()
export class AuthRedis implements OnApplicationShutdown {
  readonly client: RedisClient;
  readonly prefix: string;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    const settings = redisSettings(config);
    this.client = createRedis(settings, { maxRetriesPerRequest: 3 });
    this.prefix = keyPrefix(settings);
  }

  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => undefined);
  }
}
