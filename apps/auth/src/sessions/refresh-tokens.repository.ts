import { Injectable } from '@nestjs/common';
import { Database, RefreshTokenEntity, one, query, type Row, type Tx } from '@clipyard/database';

/**
 * The `refresh_tokens` table: the tokens of a session, hashes only. A token is its own credential
 * (looked up by hash before its session, and so its owner, is known); a token is exchanged once.
 */
@Injectable()
export class RefreshTokensRepository {
  private readonly toToken: (row: Row) => RefreshTokenEntity;

  constructor(private readonly db: Database) {
    this.toToken = db.records(RefreshTokenEntity);
  }

  async insert(t: { sessionId: string; tokenHash: string; parentId?: string | null; expiresAt: Date }, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'INSERT INTO refresh_tokens (session_id, token_hash, parent_id, expires_at) VALUES ($1, $2, $3, $4)', [
      t.sessionId,
      t.tokenHash,
      t.parentId ?? null,
      t.expiresAt,
    ]);
  }

  async findByHash(tokenHash: string, tx: Tx = this.db.tx): Promise<RefreshTokenEntity | null> {
    const row = await one(tx, 'SELECT * FROM refresh_tokens WHERE token_hash = $1 LIMIT 1', [tokenHash]);
    return row ? this.toToken(row) : null;
  }

  /** Marks the token exchanged: of two concurrent calls exactly one gets true. */
  async markUsed(id: string, tx: Tx = this.db.tx): Promise<boolean> {
    return (await query(tx, `UPDATE refresh_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`, [id])).length > 0;
  }
}
