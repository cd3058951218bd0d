import { Inject, Injectable } from '@nestjs/common';
import { AUTH_REDIS, type ApiKeyCacheEntry } from '@clipyard/contracts';
import { AuthRedis } from '../common/redis.provider';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/** Redis key of an API key's cache entry (the gateway reads the same key). */
export const apiKeyCacheKey = AUTH_REDIS.apiKey;

/**
 * The API key lookup cache the gateway reads. Only the auth app writes it: a live entry is
 * written with NX so it can never overwrite a tombstone, and revocation, expiry, roll and
 * deactivation overwrite the entry with a tombstone at once, so the very next request is refused
 * even if a concurrent lookup was about to fill the cache from a stale read. Every replacement is
 * also published (in the same MULTI) so gateways drop the copy they hold in memory.
 */
@Injectable()
export class ApiKeyCache {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly redis: AuthRedis,
  ) {}

  private key(hash: string): string {
    return apiKeyCacheKey(this.redis.prefix, hash);
  }

  /** Fills after a miss; never replaces an existing entry (tombstones win). */
  async fill(hash: string, entry: ApiKeyCacheEntry): Promise<void> {
    const ttlMs = this.ttlMs(entry);
    if (ttlMs <= 0) return;
    await this.redis.client.set(this.key(hash), JSON.stringify(entry), 'PX', ttlMs, 'NX');
  }

  /** Replaces the entry (role change, roll with a grace period, revocation). */
  async put(hash: string, entry: ApiKeyCacheEntry): Promise<void> {
    const ttlMs = this.ttlMs(entry);
    if (ttlMs <= 0) return this.tombstone(hash, 'API_KEY_EXPIRED');
    await this.replace(hash, JSON.stringify(entry), ttlMs);
  }

  async tombstone(hash: string, code: Extract<ApiKeyCacheEntry, { ok: false }>['code']): Promise<void> {
    await this.replace(hash, JSON.stringify({ ok: false, code }), this.config.API_KEYS_CACHE_TTL_S * 1000);
  }

  private async replace(hash: string, value: string, ttlMs: number): Promise<void> {
    const results = await this.redis.client
      .multi()
      .set(this.key(hash), value, 'PX', ttlMs)
      .publish(AUTH_REDIS.apiKeyChangedChannel(this.redis.prefix), hash)
      .exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) throw failed;
  }

  private ttlMs(entry: ApiKeyCacheEntry): number {
    const max = this.config.API_KEYS_CACHE_TTL_S * 1000;
    if (!entry.ok) return Math.min(max, 60_000);
    return entry.expiresAt === null ? max : Math.min(max, entry.expiresAt - Date.now());
  }
}
