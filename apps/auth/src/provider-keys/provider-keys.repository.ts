import { Injectable } from '@nestjs/common';
import { Database, ProviderKeyEntity, one, query, type Row, type Tx } from '@clipyard/database';

export type NewProviderKey = Pick<ProviderKeyEntity, 'userId' | 'provider' | 'ciphertext' | 'keyVersion' | 'last4' | 'baseUrl' | 'label'>;

/** The `provider_keys` table: one sealed key per user and provider. Every method names the owner, except the key-rotation batch. */
@Injectable()
export class ProviderKeysRepository {
  private readonly toKey: (row: Row) => ProviderKeyEntity;

  constructor(private readonly db: Database) {
    this.toKey = db.records(ProviderKeyEntity);
  }

  /** Stores the user's key of a provider, replacing one (and its error state); the stored row. */
  async upsert(k: NewProviderKey, tx: Tx = this.db.tx): Promise<ProviderKeyEntity> {
    const row = await one(
      tx,
      `INSERT INTO provider_keys (user_id, provider, ciphertext, key_version, last4, base_url, label)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id, provider) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, key_version = EXCLUDED.key_version,
         last4 = EXCLUDED.last4, base_url = EXCLUDED.base_url, label = EXCLUDED.label, status = 'active',
         last_error = NULL, last_error_at = NULL, updated_at = now()
       RETURNING *`,
      [k.userId, k.provider, k.ciphertext, k.keyVersion, k.last4, k.baseUrl, k.label],
    );
    return this.toKey(row!);
  }

  /** The user's keys, by provider name. */
  async list(userId: string, tx: Tx = this.db.tx): Promise<ProviderKeyEntity[]> {
    return (await query(tx, 'SELECT * FROM provider_keys WHERE user_id = $1 ORDER BY provider ASC', [userId])).map(this.toKey);
  }

  async find(userId: string, provider: string, tx: Tx = this.db.tx): Promise<ProviderKeyEntity | null> {
    const row = await one(tx, 'SELECT * FROM provider_keys WHERE user_id = $1 AND provider = $2 LIMIT 1', [userId, provider]);
    return row ? this.toKey(row) : null;
  }

  /** False when the user had no key of that provider. */
  async delete(userId: string, provider: string, tx: Tx = this.db.tx): Promise<boolean> {
    return (await query(tx, 'DELETE FROM provider_keys WHERE user_id = $1 AND provider = $2 RETURNING id', [userId, provider])).length > 0;
  }

  async markUsed(userId: string, provider: string, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE provider_keys SET last_used_at = $3 WHERE user_id = $1 AND provider = $2', [userId, provider, new Date()]);
  }

  /** A provider refused the key: `message` is already scrubbed of it. */
  async recordError(userId: string, provider: string, message: string, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, `UPDATE provider_keys SET status = 'error', last_error = $3, last_error_at = $4 WHERE user_id = $1 AND provider = $2`, [
      userId,
      provider,
      message,
      new Date(),
    ]);
  }

  /** A test call with the key worked: active again, the recorded error goes. */
  async clearError(userId: string, provider: string, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, `UPDATE provider_keys SET status = 'active', last_error = NULL, last_error_at = NULL WHERE user_id = $1 AND provider = $2`, [userId, provider]);
  }

  /** Key rotation (across all users): up to `limit` rows sealed under another version, locked, skipping rows another replica holds. */
  lockSealedUnder(notVersion: number, limit: number, tx: Tx): Promise<{ id: string; user_id: string; provider: string; ciphertext: string }[]> {
    return query(tx, `SELECT id, user_id, provider, ciphertext FROM provider_keys WHERE key_version <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`, [notVersion, limit]);
  }

  async reseal(userId: string, id: string, ciphertext: string, keyVersion: number, tx: Tx): Promise<void> {
    await query(tx, `UPDATE provider_keys SET ciphertext = $3, key_version = $4 WHERE id = $1 AND user_id = $2`, [id, userId, ciphertext, keyVersion]);
  }
}
