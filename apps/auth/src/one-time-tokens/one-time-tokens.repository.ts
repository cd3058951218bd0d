import { Injectable } from '@nestjs/common';
import { Database, one, query, type Tx } from '@clipyard/database';

export type TokenPurpose = 'verify_email' | 'reset_password' | 'magic_link' | 'change_email';

export interface OneTimeTokenRow {
  id: string;
  purpose: TokenPurpose;
  userId: string | null;
  /** The address the token was mailed to (the new one for an email change). */
  email: string;
  codeHash: string | null;
  codeAttempts: number;
  createdAt: Date;
  expiresAt: Date;
  consumedAt: Date | null;
}

const COLUMNS = `id, purpose, user_id AS "userId", email, code_hash AS "codeHash", code_attempts AS "codeAttempts",
  created_at AS "createdAt", expires_at AS "expiresAt", consumed_at AS "consumedAt"`;

/** The `one_time_tokens` table. Only hashes are stored; consumption is one conditional UPDATE. */
@Injectable()
export class OneTimeTokensRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts a token and retires the live ones of the same purpose and address (only the newest
   * link works). Two statements, so `tx` (the caller's transaction, which also writes the email) is required.
   */
  async issue(
    row: { id: string; purpose: TokenPurpose; userId: string | null; email: string; tokenHash: string; codeHash: string | null; ttlMs: number },
    tx: Tx,
  ): Promise<void> {
    await query(
      tx,
      `UPDATE one_time_tokens SET consumed_at = now() WHERE purpose = $1 AND email = $2 AND consumed_at IS NULL`,
      [row.purpose, row.email],
    );
    await query(
      tx,
      `INSERT INTO one_time_tokens (id, purpose, user_id, email, token_hash, code_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + ($7 || ' milliseconds')::interval)`,
      [row.id, row.purpose, row.userId, row.email, row.tokenHash, row.codeHash, String(row.ttlMs)],
    );
  }

  /** A live token by its hash, without consuming it (checks that must pass before it is spent). */
  async findLive(purpose: TokenPurpose, tokenHash: string): Promise<OneTimeTokenRow | null> {
    const row = await one<OneTimeTokenRow>(
      this.db.tx,
      `SELECT ${COLUMNS} FROM one_time_tokens
       WHERE token_hash = $1 AND purpose = $2 AND consumed_at IS NULL AND expires_at > now() AND code_attempts < $3`,
      [tokenHash, purpose, MAX_CODE_ATTEMPTS],
    );
    return row ?? null;
  }

  /** Consumes a live token by its hash: of two concurrent calls exactly one gets the row. */
  async consumeByHash(purpose: TokenPurpose, tokenHash: string, tx: Tx = this.db.tx): Promise<OneTimeTokenRow | null> {
    const row = await one<OneTimeTokenRow>(
      tx,
      `UPDATE one_time_tokens SET consumed_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND consumed_at IS NULL AND expires_at > now() AND code_attempts < $3
       RETURNING ${COLUMNS}`,
      [tokenHash, purpose, MAX_CODE_ATTEMPTS],
    );
    return row ?? null;
  }

  /**
   * Counts one code attempt on the newest live token of (purpose, email) and returns it, or null
   * when there is none or it has used its MAX_CODE_ATTEMPTS.
   */
  async takeCodeAttempt(purpose: TokenPurpose, email: string): Promise<OneTimeTokenRow | null> {
    const row = await one<OneTimeTokenRow>(
      this.db.tx,
      `UPDATE one_time_tokens SET code_attempts = code_attempts + 1
       WHERE id = (SELECT id FROM one_time_tokens WHERE purpose = $1 AND email = $2 AND consumed_at IS NULL AND code_hash IS NOT NULL
                   ORDER BY created_at DESC LIMIT 1)
         AND consumed_at IS NULL AND expires_at > now() AND code_attempts < $3
       RETURNING ${COLUMNS}`,
      [purpose, email, MAX_CODE_ATTEMPTS],
    );
    return row ?? null;
  }

  /** Consumes a token found by id (after its code matched); null if another request consumed it first. */
  async consumeById(id: string, tx: Tx = this.db.tx): Promise<OneTimeTokenRow | null> {
    const row = await one<OneTimeTokenRow>(
      tx,
      `UPDATE one_time_tokens SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL AND expires_at > now() RETURNING ${COLUMNS}`,
      [id],
    );
    return row ?? null;
  }

  /** Retires every live token of a user (password reset, deletion). */
  async retireForUser(userId: string, purposes?: TokenPurpose[], tx: Tx = this.db.tx): Promise<void> {
    await query(
      tx,
      `UPDATE one_time_tokens SET consumed_at = now() WHERE user_id = $1 AND consumed_at IS NULL ${purposes ? 'AND purpose = ANY($2)' : ''}`,
      purposes ? [userId, purposes] : [userId],
    );
  }

  async deleteExpired(olderThanDays = 7): Promise<number> {
    const gone = await query(this.db.tx, `DELETE FROM one_time_tokens WHERE expires_at < now() - ($1 || ' days')::interval RETURNING id`, [
      String(olderThanDays),
    ]);
    return gone.length;
  }
}

/** Wrong codes a token survives; the fifth wrong one kills it. */
export const MAX_CODE_ATTEMPTS = 5;
