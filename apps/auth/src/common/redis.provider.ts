import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createRedis, keyPrefix } from '@clipyard/queue';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/** The auth app's own Redis connection (API key cache, rate limits), with the system's key prefix. */
@Injectable()
export class AuthRedis implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    const settings = { url: config.REDIS_URL, prefix: config.REDIS_PREFIX };
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
