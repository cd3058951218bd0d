import { Injectable } from '@nestjs/common';
import { Database, IdempotencyKeyEntity, execute, one, query } from '@clipyard/database';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** What a lookup needs of an idempotency_keys row, with the stored response put together. */
export type KeyRow = Pick<IdempotencyKeyEntity, 'requestHash' | 'state'> & { response: StoredResponse | null };

/** The idempotency_keys table: claims, stored responses and expiry, always scoped to a user. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims `key` for a new request. Succeeds when the key is unused, expired, or held by an
   * in-flight request with the same body whose lock is older than `lockTtlS` (its process died).
   */
  async claim(userId: string, key: string, requestHash: string, ttlS: number, lockTtlS: number): Promise<boolean> {
    const rows = await query(
      this.db.tx,
      `INSERT INTO idempotency_keys (user_id, key, request_hash, state, locked_at, expires_at)
       VALUES ($1, $2, $3, 'in_flight', now(), now() + make_interval(secs => $4))
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_flight', locked_at = now(), created_at = now(),
             expires_at = EXCLUDED.expires_at, response_status = NULL, response_body = NULL, response_headers = NULL
         WHERE idempotency_keys.expires_at <= now()
            OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.request_hash = EXCLUDED.request_hash
                AND idempotency_keys.locked_at < now() - make_interval(secs => $5))
       RETURNING 1`,
      [userId, key, requestHash, ttlS, lockTtlS],
    );
    return rows.length > 0;
  }

  async find(userId: string, key: string): Promise<KeyRow | null> {
    const r = await one<{ request_hash: string; state: KeyRow['state']; response_status: number; response_body: unknown; response_headers: Record<string, string> | null }>(
      this.db.tx,
      `SELECT request_hash, state, response_status, response_body, response_headers
       FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at > now()`,
      [userId, key],
    );
    if (!r) return null;
    return {
      requestHash: r.request_hash,
      state: r.state,
      response:
        r.state === 'done' ? { status: r.response_status, body: r.response_body, headers: r.response_headers ?? {} } : null,
    };
  }

  async complete(userId: string, key: string, requestHash: string, res: StoredResponse): Promise<void> {
    await execute(
      this.db.tx,
      `UPDATE idempotency_keys SET state = 'done', response_status = $4, response_body = $5, response_headers = $6
       WHERE user_id = $1 AND key = $2 AND request_hash = $3 AND state = 'in_flight'`,
      [userId, key, requestHash, res.status, JSON.stringify(res.body), res.headers],
    );
  }

  /** Frees a key whose request failed, so the client may retry with it. */
  async release(userId: string, key: string, requestHash: string): Promise<void> {
    await execute(
      this.db.tx,
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND request_hash = $3 AND state = 'in_flight'`,
      [userId, key, requestHash],
    );
  }

  async deleteExpired(limit = 5000): Promise<number> {
    return execute(
      this.db.tx,
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)`,
      [limit],
    );
  }
}
