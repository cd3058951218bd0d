import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../outbox/outbox.repository';

/** The `mfa_recovery_codes` table: HMACs only; a code is spent by one conditional UPDATE. */
@Injectable()
export class RecoveryCodesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Replaces the user's codes with these (every earlier code stops working). */
  async replace(m: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await m.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await m.query(`INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, hashes]);
  }

  /** Spends one unused code: of two concurrent uses exactly one gets true. */
  async consume(userId: string, hash: string): Promise<boolean> {
    const res = await this.ds.query(
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, hash],
    );
    return rowsOf(res).length === 1;
  }

  async remaining(userId: string): Promise<number> {
    const [row] = await this.ds.query('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
    return row?.n ?? 0;
  }

  async deleteAll(m: EntityManager, userId: string): Promise<void> {
    await m.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  }
}
