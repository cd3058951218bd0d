import { Injectable } from '@nestjs/common';
import { Database, one, query, type Tx } from '@clipyard/database';

export interface MfaFactorRow {
  userId: string;
  secretSealed: string;
  enabledAt: Date | null;
  lastTimeStep: number;
}

const COLUMNS = `user_id AS "userId", secret_sealed AS "secretSealed", enabled_at AS "enabledAt", last_time_step::float8 AS "lastTimeStep"`;

/** The `mfa_factors` table: one TOTP factor per user (pending until its first code, then enabled). */
@Injectable()
export class MfaFactorsRepository {
  constructor(private readonly db: Database) {}

  async find(userId: string, tx: Tx = this.db.tx): Promise<MfaFactorRow | null> {
    return (await one<MfaFactorRow>(tx, `SELECT ${COLUMNS} FROM mfa_factors WHERE user_id = $1`, [userId])) ?? null;
  }

  /** Stores a new pending secret, replacing a pending one; an enabled factor is left alone (false). */
  async upsertPending(userId: string, secretSealed: string, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(
      tx,
      `INSERT INTO mfa_factors (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, last_time_step = 0, updated_at = now()
         WHERE mfa_factors.enabled_at IS NULL
       RETURNING user_id`,
      [userId, secretSealed],
    );
    return rows.length === 1;
  }

  /**
   * Records that a code of `timeStep` was accepted, only if it is newer than every accepted one:
   * of two uses of one code (even concurrent), exactly one gets true.
   */
  async acceptTimeStep(userId: string, timeStep: number, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(
      tx,
      `UPDATE mfa_factors SET last_time_step = $2, updated_at = now() WHERE user_id = $1 AND last_time_step < $2 RETURNING user_id`,
      [userId, timeStep],
    );
    return rows.length === 1;
  }

  async enable(userId: string, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(tx, `UPDATE mfa_factors SET enabled_at = now(), updated_at = now() WHERE user_id = $1 AND enabled_at IS NULL RETURNING user_id`, [userId]);
    return rows.length === 1;
  }

  async delete(userId: string, tx: Tx = this.db.tx): Promise<boolean> {
    return (await query(tx, 'DELETE FROM mfa_factors WHERE user_id = $1 RETURNING user_id', [userId])).length === 1;
  }

  /** Up to `limit` factors whose secret is not sealed under key `version`, locked (others skip them). */
  lockStale(version: number, limit: number, tx: Tx): Promise<{ userId: string; secretSealed: string }[]> {
    return query(
      tx,
      `SELECT user_id AS "userId", secret_sealed AS "secretSealed" FROM mfa_factors WHERE secret_sealed NOT LIKE $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [`v${version}.%`, limit],
    );
  }

  async setSealed(userId: string, secretSealed: string, tx: Tx): Promise<void> {
    await query(tx, 'UPDATE mfa_factors SET secret_sealed = $2, updated_at = now() WHERE user_id = $1', [userId, secretSealed]);
  }
}
