import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in (TOTP): one factor per user, its secret sealed with the master key (AES-GCM,
 * the user id as associated data), enabled once a first code is verified; `last_time_step` is the
 * newest 30-second step a code was accepted for, so no code works twice. Ten recovery codes per
 * enabling, stored as HMACs, each spent once.
 */
export class MfaTotp1796184000000 implements MigrationInterface {
  name = 'MfaTotp1796184000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_factors (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL DEFAULT 'totp' CHECK (kind IN ('totp')),
        secret_sealed text NOT NULL,
        enabled_at timestamptz,
        last_time_step bigint NOT NULL DEFAULT 0 CHECK (last_time_step >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mfa_recovery_codes_hash_uq UNIQUE (user_id, code_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mfa_recovery_codes');
    await q.query('DROP TABLE mfa_factors');
  }
}
