import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, Database, one, query, type Row, type Tx } from '@clipyard/database';

export type NewApiKey = Pick<ApiKeyEntity, 'userId' | 'name' | 'scopes' | 'expiresAt' | 'keyHash' | 'prefix' | 'last4'>;

/**
 * The `api_keys` table, HMACs of the secrets only. Every method names the owner, except the
 * gateway's lookup by hash (the key is the credential) and the batched usage counters.
 */
@Injectable()
export class ApiKeysRepository {
  private readonly toKey: (row: Row) => ApiKeyEntity;

  constructor(private readonly db: Database) {
    this.toKey = db.records(ApiKeyEntity);
  }

  async insert(k: NewApiKey, tx: Tx = this.db.tx): Promise<ApiKeyEntity> {
    const row = await one(
      tx,
      `INSERT INTO api_keys (user_id, name, scopes, expires_at, key_hash, prefix, last4) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [k.userId, k.name, k.scopes, k.expiresAt, k.keyHash, k.prefix, k.last4],
    );
    return this.toKey(row!);
  }

  /** The user's keys, newest first. */
  async list(userId: string, limit?: number, tx: Tx = this.db.tx): Promise<ApiKeyEntity[]> {
    const rows = await query(tx, 'SELECT * FROM api_keys WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit ?? null]);
    return rows.map(this.toKey);
  }

  async findOwn(userId: string, keyId: string, tx: Tx = this.db.tx): Promise<ApiKeyEntity | null> {
    const row = await one(tx, 'SELECT * FROM api_keys WHERE id = $1 AND user_id = $2 LIMIT 1', [keyId, userId]);
    return row ? this.toKey(row) : null;
  }

  /** One of the user's keys under FOR UPDATE (a roll). */
  async lockOwn(userId: string, keyId: string, tx: Tx): Promise<ApiKeyEntity | null> {
    const row = await one(tx, 'SELECT * FROM api_keys WHERE id = $1 AND user_id = $2 LIMIT 1 FOR UPDATE', [keyId, userId]);
    return row ? this.toKey(row) : null;
  }

  /** The gateway's cache-miss lookup: the key is the credential, so no owner is known yet. */
  async findByHash(keyHash: string, tx: Tx = this.db.tx): Promise<ApiKeyEntity | null> {
    const row = await one(tx, 'SELECT * FROM api_keys WHERE key_hash = $1 LIMIT 1', [keyHash]);
    return row ? this.toKey(row) : null;
  }

  /** Usable keys (active, or rolled and still in their grace period): what the per-user limit counts. */
  async countUsable(userId: string, tx: Tx = this.db.tx): Promise<number> {
    const row = await one<{ n: number }>(
      tx,
      `SELECT count(*)::int AS n FROM api_keys WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [userId],
    );
    return row!.n;
  }

  async revoke(userId: string, keyId: string, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE api_keys SET revoked_at = $3 WHERE id = $1 AND user_id = $2', [keyId, userId, new Date()]);
  }

  /** Revokes every key of the user (account deletion); the hashes of all of them, for the cache. */
  async revokeAll(userId: string, tx: Tx = this.db.tx): Promise<string[]> {
    const rows = await query<{ key_hash: string }>(tx, `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE user_id = $1 RETURNING key_hash`, [
      userId,
    ]);
    return rows.map((r) => r.key_hash);
  }

  /** A rolled key: it stops at `expiresAt` (its grace), replaced by `replacedById`. */
  async markRolled(userId: string, keyId: string, p: { expiresAt: Date | null; replacedById: string | null }, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE api_keys SET expires_at = $3, replaced_by_id = $4 WHERE id = $1 AND user_id = $2', [keyId, userId, p.expiresAt, p.replacedById]);
  }

  /** One UPDATE for a whole batch of usage counters from a gateway (keys of many users); how many keys it touched. */
  async recordUsage(items: { keyId: string; count: number; lastUsedAt: number; ip: string | null }[], tx: Tx = this.db.tx): Promise<number> {
    const rows = await query(
      tx,
      `UPDATE api_keys k SET total_requests = k.total_requests + u.n,
              last_used_at = GREATEST(COALESCE(k.last_used_at, 'epoch'), u.at),
              last_used_ip = CASE WHEN k.last_used_at IS NULL OR u.at >= k.last_used_at THEN COALESCE(u.ip, k.last_used_ip) ELSE k.last_used_ip END
         FROM (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[]) AS t(id, n, at, ip)) u
        WHERE k.id = u.id
        RETURNING k.id`,
      [items.map((i) => i.keyId), items.map((i) => i.count), items.map((i) => new Date(i.lastUsedAt)), items.map((i) => i.ip)],
    );
    return rows.length;
  }
}
