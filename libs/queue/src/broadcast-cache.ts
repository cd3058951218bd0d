import type { Redis } from 'ioredis';
import { createSubscriber, keepSubscribed, type RedisClient, type RedisSettings } from './connection';

export interface BroadcastCacheOptions {
  /** Redis pub/sub channel carrying the keys whose value changed (full name, prefix included). */
  channel: string;
  /** How long a value is kept at most (ms); 0 turns the cache off (every `through` loads). */
  ttlMs: number;
  /** Entries kept at most; past it the oldest go first. */
  maxEntries?: number;
}

/**
 * A per-process read-through cache kept honest by Redis pub/sub: whoever changes the source of a
 * value publishes its key on `channel`, and every process drops its copy at once.
 *
 * Values are served from memory only while this process is subscribed: a lost connection (when
 * announcements could be missed) empties the cache and stops filling it until the subscription is
 * back. A load that overlapped any announcement is returned but not kept, so a read that started
 * before a change can never pin the old value. `ttlMs` bounds what is left.
 */
export class BroadcastCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly maxEntries: number;
  private readonly sub?: Redis;
  private listening = false;
  private generation = 0;

  constructor(
    settings: RedisSettings,
    private readonly opts: BroadcastCacheOptions,
  ) {
    this.maxEntries = opts.maxEntries ?? 10_000;
    if (opts.ttlMs <= 0) return;
    // Values are kept again only once a (re)SUBSCRIBE is confirmed (keepSubscribed), so nothing
    // published while the connection was down or coming back is missed.
    this.sub = createSubscriber(settings, { autoResubscribe: false });
    this.sub.on('message', (_ch: string, key: string) => this.forget(key));
    this.sub.on('close', () => this.forgetAll(false));
  }

  /** Subscribes; until it resolves (or if it fails), nothing is kept. */
  async start(): Promise<void> {
    if (!this.sub) return;
    await keepSubscribed(this.sub, this.opts.channel, () => this.forgetAll(true));
  }

  /** Whether values are being kept (subscribed and connected). */
  get active(): boolean {
    return this.listening;
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > Date.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** The cached value, or `load()`'s, kept unless an announcement arrived while it ran. */
  async through(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await load();
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, until: Date.now() + this.opts.ttlMs });
    }
    return value;
  }

  /** Drops `key` here at once and tells every other process. Call after the change is committed. */
  async announce(key: string, redis: RedisClient): Promise<void> {
    this.forget(key);
    await redis.publish(this.opts.channel, key);
  }

  private forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  private forgetAll(listening: boolean): void {
    this.generation++;
    this.entries.clear();
    this.listening = listening;
  }

  async close(): Promise<void> {
    this.forgetAll(false);
    await this.sub?.quit().catch(() => undefined);
  }
}
