import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { AppError, AUTH_REDIS, type ApiKeyCacheEntry } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { BroadcastCache, createRedis, keyPrefix, redisSettings, RpcClient, type RedisClient } from '@clipyard/queue';
import { hashApiKey, isWellFormedApiKey } from '@clipyard/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import type { Principal } from './principal';
import { ApiKeyUsage } from './api-key.usage';
import { consumeOrRefuse } from './request-rate-limit';

const MESSAGES: Record<string, string> = {
  API_KEY_INVALID: 'API key is invalid',
  API_KEY_REVOKED: 'API key has been revoked',
  API_KEY_EXPIRED: 'API key has expired',
  ACCOUNT_DISABLED: 'This account is disabled',
};
const refuse = (code: string) => new AppError(code, MESSAGES[code] ?? 'API key is invalid');

/** Presented keys remembered with their HMAC (see ApiKeyAuthenticator.verify), at most. */
const REMEMBERED_MAX = 10_000;

/**
 * API key authentication: shape + checksum (no I/O for a mistyped key), HMAC, then the entry the
 * auth app maintains in Redis. Only a Redis miss costs an RPC (which fills the cache).
 *
 * Entries are also kept in memory for API_KEYS_LOCAL_CACHE_S, so a polling client costs no I/O
 * here: the auth app publishes a key's hash whenever it replaces the entry (revoke, roll, role or
 * account change) and every gateway drops its copy at once (see BroadcastCache).
 *
 * The gateway's strategy checks through `verify`, synchronous (no promise) while the entry is in
 * memory, and remembers each key it accepted with the key's HMAC, so the next request with it
 * skips the checksum and the HMAC too. That memo decides nothing: the entry still comes from the
 * in-memory cache above on every request, so an announcement (revoke, roll, role or account
 * change) or the entry's TTL stops the key exactly as before, and the memo entry goes with it on
 * the key's next use. Bounded; only accepted keys whose entry is in memory get in; never logged.
 *
 * Lookups that reach the auth app (a key Redis has never seen) are limited per client IP, so
 * a stream of made-up keys with valid checksums cannot turn into a stream of database reads.
 */
@Injectable()
export class ApiKeyAuthenticator implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly inflight = new Map<string, Promise<ApiKeyCacheEntry>>();
  private readonly local: BroadcastCache<ApiKeyCacheEntry>;
  private readonly missesPerIp: RateLimiterRedis;
  /** Presented key → its HMAC, for keys accepted while their entry was in memory. */
  private readonly remembered = new Map<string, string>();

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
    private readonly usage: ApiKeyUsage,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    const settings = redisSettings(config);
    this.redis = createRedis(settings, { maxRetriesPerRequest: 2 });
    this.prefix = keyPrefix(settings);
    this.local = new BroadcastCache(settings, {
      channel: AUTH_REDIS.apiKeyChangedChannel(this.prefix),
      ttlMs: config.API_KEYS_LOCAL_CACHE_S * 1000,
    });
    this.missesPerIp = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${this.prefix}gw:rl:apikey-miss`,
      points: config.API_KEYS_MISS_IP_PER_MIN,
      duration: 60,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.local.start().catch((err: unknown) => this.logger.warn({ err }, 'API key announcements unavailable; not keeping keys in memory'));
  }

  /**
   * The gateway's check, synchronous while the key's entry is in memory (a key accepted before is
   * remembered with its HMAC, so it skips the checksum and the HMAC too); otherwise `authenticate`'s
   * promise. A refusal is thrown (or rejected) with its code.
   */
  verify(key: string, ip: string | undefined): Principal | Promise<Principal> {
    let hash = this.remembered.get(key);
    if (hash === undefined) {
      if (!isWellFormedApiKey(key)) throw refuse('API_KEY_INVALID');
      hash = hashApiKey(key, this.config.API_KEY_PEPPER);
    }
    const entry = this.local.get(hash);
    if (entry === undefined) {
      this.remembered.delete(key);
      return this.authenticate(key, ip, { remember: true });
    }
    if (!entry.ok || (entry.expiresAt !== null && entry.expiresAt <= Date.now())) {
      this.remembered.delete(key);
      throw refuse(entry.ok ? 'API_KEY_EXPIRED' : entry.code);
    }
    this.remember(key, hash);
    this.usage.record(entry.keyId, ip);
    return principalOf(entry);
  }

  /**
   * The full check, always asynchronous: shape and checksum, HMAC, the in-memory entry or Redis,
   * or the auth app. `remember`: an accepted key whose entry is kept in memory is remembered.
   */
  async authenticate(key: string, ip: string | undefined, opts: { remember?: boolean } = {}): Promise<Principal> {
    if (!isWellFormedApiKey(key)) throw refuse('API_KEY_INVALID');
    const hash = hashApiKey(key, this.config.API_KEY_PEPPER);
    const entry = await this.local.through(hash, () => this.lookup(hash, ip));
    if (!entry.ok) throw refuse(entry.code);
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) throw refuse('API_KEY_EXPIRED');
    if (opts.remember && this.local.get(hash) !== undefined) this.remember(key, hash);
    this.usage.record(entry.keyId, ip);
    return principalOf(entry);
  }

  private remember(key: string, hash: string): void {
    if (this.remembered.has(key)) return;
    if (this.remembered.size >= REMEMBERED_MAX) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key, hash);
  }

  private async lookup(hash: string, ip: string | undefined): Promise<ApiKeyCacheEntry> {
    const raw = await this.redis.get(AUTH_REDIS.apiKey(this.prefix, hash));
    const cached = raw ? parseEntry(raw) : null;
    return cached ?? this.resolve(hash, ip);
  }

  private countMiss(ip: string | undefined): Promise<void> {
    return consumeOrRefuse(this.missesPerIp, ip ?? 'unknown', 'Too many unknown API keys from this address; slow down');
  }

  /**
   * Cache miss: one RPC per key however many requests with it arrive at once (single flight),
   * counted once against the client's per-IP allowance.
   */
  private resolve(hash: string, ip: string | undefined): Promise<ApiKeyCacheEntry> {
    let p = this.inflight.get(hash);
    if (!p) {
      p = this.countMiss(ip)
        .then(() => this.rpc.call('auth.apiKey.resolve', { hash }))
        .finally(() => this.inflight.delete(hash));
      this.inflight.set(hash, p);
    }
    return p;
  }

  async onApplicationShutdown(): Promise<void> {
    this.remembered.clear();
    await Promise.allSettled([this.redis.quit(), this.local.close()]);
  }
}

function principalOf(entry: Extract<ApiKeyCacheEntry, { ok: true }>): Principal {
  return { userId: entry.userId, role: entry.role, via: 'api_key', apiKeyId: entry.keyId, scopes: entry.scopes };
}

/** Entries come from Redis: check the shape rather than trust it. */
function parseEntry(raw: string): ApiKeyCacheEntry | null {
  try {
    const e = JSON.parse(raw) as ApiKeyCacheEntry;
    if (e.ok === false && typeof e.code === 'string') return e;
    if (e.ok === true && typeof e.userId === 'string' && typeof e.keyId === 'string' && (e.role === 'user' || e.role === 'admin') && Array.isArray(e.scopes)) return e;
  } catch {
    /* fall through: treat as a miss */
  }
  return null;
}
