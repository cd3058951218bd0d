import { Injectable } from '@nestjs/common';
import { Database, one, query, type Tx } from '@clipyard/database';

/** The `mfa_recovery_codes` table: HMACs only; a code is spent by one conditional UPDATE. */
@Injectable()
export class RecoveryCodesRepository {
  constructor(private readonly db: Database) {}

  /** Replaces the user's codes with these (every earlier code stops working); two statements, so `tx` is required. */
  async replace(userId: string, hashes: string[], tx: Tx): Promise<void> {
    await query(tx, 'DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await query(tx, `INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, hashes]);
  }

  /** Spends one unused code: of two concurrent uses exactly one gets true. */
  async consume(userId: string, hash: string, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(
      tx,
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, hash],
    );
    return rows.length === 1;
  }

  async remaining(userId: string, tx: Tx = this.db.tx): Promise<number> {
    const row = await one<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
    return row?.n ?? 0;
  }

  async deleteAll(userId: string, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  }
}
