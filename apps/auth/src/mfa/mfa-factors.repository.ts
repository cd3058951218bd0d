import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../outbox/outbox.repository';

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
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(userId: string, m: EntityManager = this.ds.manager): Promise<MfaFactorRow | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM mfa_factors WHERE user_id = $1`, [userId]);
    return row ?? null;
  }

  async isEnabled(userId: string): Promise<boolean> {
    const rows = await this.ds.query('SELECT 1 FROM mfa_factors WHERE user_id = $1 AND enabled_at IS NOT NULL', [userId]);
    return rows.length > 0;
  }

  /** Stores a new pending secret, replacing a pending one; an enabled factor is left alone (false). */
  async upsertPending(userId: string, secretSealed: string): Promise<boolean> {
    const res = await this.ds.query(
      `INSERT INTO mfa_factors (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, last_time_step = 0, updated_at = now()
         WHERE mfa_factors.enabled_at IS NULL
       RETURNING user_id`,
      [userId, secretSealed],
    );
    return rowsOf(res).length === 1;
  }

  /**
   * Records that a code of `timeStep` was accepted, only if it is newer than every accepted one:
   * of two uses of one code (even concurrent), exactly one gets true.
   */
  async acceptTimeStep(userId: string, timeStep: number, m: EntityManager = this.ds.manager): Promise<boolean> {
    const res = await m.query(
      `UPDATE mfa_factors SET last_time_step = $2, updated_at = now() WHERE user_id = $1 AND last_time_step < $2 RETURNING user_id`,
      [userId, timeStep],
    );
    return rowsOf(res).length === 1;
  }

  async enable(m: EntityManager, userId: string): Promise<boolean> {
    const res = await m.query(`UPDATE mfa_factors SET enabled_at = now(), updated_at = now() WHERE user_id = $1 AND enabled_at IS NULL RETURNING user_id`, [userId]);
    return rowsOf(res).length === 1;
  }

  async delete(m: EntityManager, userId: string): Promise<boolean> {
    const res = await m.query('DELETE FROM mfa_factors WHERE user_id = $1 RETURNING user_id', [userId]);
    return rowsOf(res).length === 1;
  }

  /** Up to `limit` factors whose secret is not sealed under key `version`, locked (others skip them). */
  async lockStale(m: EntityManager, version: number, limit: number): Promise<{ userId: string; secretSealed: string }[]> {
    return m.query(
      `SELECT user_id AS "userId", secret_sealed AS "secretSealed" FROM mfa_factors WHERE secret_sealed NOT LIKE $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [`v${version}.%`, limit],
    );
  }

  async setSealed(m: EntityManager, userId: string, secretSealed: string): Promise<void> {
    await m.query('UPDATE mfa_factors SET secret_sealed = $2, updated_at = now() WHERE user_id = $1', [userId, secretSealed]);
  }
}
