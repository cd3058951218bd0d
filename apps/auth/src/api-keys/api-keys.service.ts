import { Inject, Injectable } from '@nestjs/common';
import { AppError, effectiveScopes, type ApiKeyCacheEntry, type ApiKeyView } from '@clipyard/contracts';
import { Database, type ApiKeyEntity, type Tx, type UserEntity } from '@clipyard/database';
import { API_KEY_PREFIX, apiKeyLast4, generateApiKey, hashApiKey } from '@clipyard/security';
import { AuditService } from '../audit/audit.service';
import { iso, type RequestCtx } from '../common/context';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { UsersRepository } from '../users/users.repository';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeysRepository } from './api-keys.repository';

const DAY = 86_400_000;
const notFound = () => new AppError('NOT_FOUND', 'API key not found');

/**
 * No escalation: a key made (created or rolled) by an API key holds a subset of the caller's
 * scopes (an unscoped key counts as every scope but `admin`); `admin` only on an admin's key.
 */
function assertMayHold(scopes: readonly string[], role: string, callerScopes: readonly string[] | undefined): void {
  const wanted = effectiveScopes(scopes);
  if (callerScopes) {
    const missing = wanted.filter((s) => !callerScopes.includes(s));
    if (missing.length) {
      throw new AppError('INSUFFICIENT_SCOPE', 'An API key can only create or roll keys with a subset of its own scopes', { missing });
    }
  }
  if (wanted.includes('admin') && role !== 'admin') throw new AppError('INSUFFICIENT_ROLE', 'Only an admin can hold a key with the admin scope');
}

function status(k: ApiKeyEntity, now = Date.now()): ApiKeyView['status'] {
  if (k.revokedAt) return 'revoked';
  if (k.expiresAt && k.expiresAt.getTime() <= now) return 'expired';
  if (k.replacedById) return 'expiring';
  return 'active';
}

export function toApiKeyView(k: ApiKeyEntity): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    last4: k.last4,
    scopes: k.scopes,
    created_at: iso(k.createdAt)!,
    expires_at: iso(k.expiresAt),
    revoked_at: iso(k.revokedAt),
    last_used_at: iso(k.lastUsedAt),
    last_used_ip: k.lastUsedIp,
    total_requests: Number(k.totalRequests),
    status: status(k),
  };
}

/** API keys: issue (secret shown once), list, revoke, roll, and the gateway's cache-miss lookup. */
@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly db: Database,
    private readonly keys: ApiKeysRepository,
    private readonly users: UsersRepository,
    private readonly cache: ApiKeyCache,
    private readonly audit: AuditService,
  ) {}

  hash(key: string): string {
    return hashApiKey(key, this.config.API_KEY_PEPPER);
  }

  async create(p: { userId: string; name: string; expires_in_days?: number; scopes?: string[]; callerScopes?: string[]; ctx?: RequestCtx }) {
    const days = p.expires_in_days ?? this.config.API_KEYS_DEFAULT_EXPIRY_DAYS;
    const { key, row } = await this.db.transaction(async (tx) => {
      // Serialise per user so concurrent creations cannot exceed the limit.
      const user = await this.users.lock(p.userId, tx);
      if (!user) throw new AppError('NOT_FOUND', 'User not found');
      assertMayHold(p.scopes ?? [], user.role, p.callerScopes);
      await this.assertBelowLimit(p.userId, 'revoke one first', tx);
      return this.insert(p.userId, p.name, p.scopes ?? [], new Date(Date.now() + days * DAY), tx);
    });
    await this.audit.record('api_key.created', { userId: p.userId, ctx: p.ctx, metadata: { key_id: row.id, name: row.name } });
    return { ...toApiKeyView(row), key };
  }

  async list(userId: string) {
    const rows = await this.keys.list(userId, 200);
    return { data: rows.map(toApiKeyView) };
  }

  async revoke(userId: string, keyId: string, ctx?: RequestCtx): Promise<void> {
    const row = await this.keys.findOwn(userId, keyId);
    if (!row) throw notFound();
    if (!row.revokedAt) {
      await this.keys.revoke(userId, row.id);
      await this.cache.tombstone(row.keyHash, 'API_KEY_REVOKED');
      await this.audit.record('api_key.revoked', { userId, ctx, metadata: { key_id: row.id, name: row.name } });
    }
  }

  /** New secret for a key; the old one keeps working for `grace_seconds` (default API_KEYS_ROLL_GRACE_S). */
  async roll(p: { userId: string; keyId: string; grace_seconds?: number; callerScopes?: string[]; ctx?: RequestCtx }) {
    const grace = p.grace_seconds ?? this.config.API_KEYS_ROLL_GRACE_S;
    const { key, row, old } = await this.db.transaction(async (tx) => {
      // Lock the owner first, as create does, so concurrent creates and rolls cannot pass the limit together.
      const owner = await this.users.lock(p.userId, tx);
      const old = owner && (await this.keys.lockOwn(p.userId, p.keyId, tx));
      if (!old) throw notFound();
      if (status(old) !== 'active') throw new AppError('CONFLICT', `Only an active key can be rolled (this one is ${status(old)})`);
      assertMayHold(old.scopes, owner.role, p.callerScopes);
      // The old key stays usable during its grace: it still counts, so rolling with a grace needs a free slot.
      if (grace > 0) await this.assertBelowLimit(p.userId, 'revoke one, or roll with grace_seconds 0', tx);
      const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : this.config.API_KEYS_DEFAULT_EXPIRY_DAYS * DAY;
      const created = await this.insert(p.userId, old.name, old.scopes, new Date(Date.now() + lifetime), tx);
      const graceEnd = new Date(Date.now() + grace * 1000);
      old.expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
      old.replacedById = created.key ? created.row.id : null;
      await this.keys.markRolled(p.userId, old.id, { expiresAt: old.expiresAt, replacedById: old.replacedById }, tx);
      return { ...created, old };
    });
    const user = await this.requireUser(p.userId);
    if (grace === 0) await this.cache.tombstone(old.keyHash, 'API_KEY_EXPIRED');
    else await this.cache.put(old.keyHash, this.entry(old, user));
    await this.audit.record('api_key.rolled', { userId: p.userId, ctx: p.ctx, metadata: { key_id: old.id, new_key_id: row.id, grace_seconds: grace } });
    return { ...toApiKeyView(row), key, previous: toApiKeyView(old) };
  }

  /** The gateway missed its cache: look the hash up, fill the cache, answer with the entry. */
  async resolve(hash: string): Promise<ApiKeyCacheEntry> {
    const row = await this.keys.findByHash(hash);
    const entry: ApiKeyCacheEntry = row ? this.entry(row, await this.requireUser(row.userId)) : { ok: false, code: 'API_KEY_INVALID' };
    await this.cache.fill(hash, entry);
    return entry;
  }

  /** Rewrites the cache entries of every usable key of a user (after a role change or deactivation). */
  async refreshUserKeys(userId: string): Promise<number> {
    const user = await this.requireUser(userId);
    const rows = await this.keys.list(userId);
    for (const row of rows) {
      const e = this.entry(row, user);
      if (e.ok) await this.cache.put(row.keyHash, e);
      else await this.cache.tombstone(row.keyHash, e.code);
    }
    return rows.length;
  }

  /** One UPDATE for a whole batch of usage counters from a gateway. */
  async recordUsage(items: { keyId: string; count: number; lastUsedAt: number; ip: string | null }[]): Promise<number> {
    if (!items.length) return 0;
    return this.keys.recordUsage(items);
  }

  private entry(row: ApiKeyEntity, user: UserEntity): ApiKeyCacheEntry {
    const s = status(row);
    if (s === 'revoked') return { ok: false, code: 'API_KEY_REVOKED' };
    if (s === 'expired') return { ok: false, code: 'API_KEY_EXPIRED' };
    if (!user.isActive) return { ok: false, code: 'ACCOUNT_DISABLED' };
    return { ok: true, keyId: row.id, userId: row.userId, role: user.role, scopes: row.scopes, expiresAt: row.expiresAt?.getTime() ?? null };
  }

  /** Usable keys (active, or rolled and still in their grace period) are what the limit counts. */
  private async assertBelowLimit(userId: string, hint: string, tx: Tx): Promise<void> {
    if ((await this.keys.countUsable(userId, tx)) >= this.config.API_KEYS_MAX_ACTIVE) {
      throw new AppError('API_KEY_LIMIT_REACHED', `At most ${this.config.API_KEYS_MAX_ACTIVE} usable API keys (keys in a roll's grace period count); ${hint}`, {
        limit: this.config.API_KEYS_MAX_ACTIVE,
      });
    }
  }

  private async insert(userId: string, name: string, scopes: string[], expiresAt: Date, tx: Tx) {
    const key = generateApiKey();
    const row = await this.keys.insert({ userId, name, scopes, expiresAt, keyHash: this.hash(key), prefix: API_KEY_PREFIX, last4: apiKeyLast4(key) }, tx);
    return { key, row };
  }

  /** The key's owner; a key outlives no user (foreign key), so a missing one is a bug, not a 404. */
  private async requireUser(userId: string): Promise<UserEntity> {
    const user = await this.users.find(userId);
    if (!user) throw new Error(`api key owner ${userId} not found`);
    return user;
  }
}
