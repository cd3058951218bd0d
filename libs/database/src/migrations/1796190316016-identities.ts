import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Social and OpenID Connect sign-in: `identities` (a provider account linked to a user; one per
 * provider subject), and `oauth` as a way a session was opened.
 */
export class Identities1796190316016 implements MigrationInterface {
  name = 'Identities1796190316016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider ~ '^[a-z][a-z0-9_]{0,31}$'),
        subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
        email citext CHECK (char_length(email) <= 254),
        email_verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        CONSTRAINT identities_provider_subject_uq UNIQUE (provider, subject),
        CONSTRAINT identities_user_provider_uq UNIQUE (user_id, provider)
      )`);
    await q.query('CREATE INDEX identities_user_idx ON identities (user_id, created_at)');
    await q.query('ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_method_check');
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_method_check CHECK (method IN ('password', 'magic_link', 'anonymous', 'oauth'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE sessions SET method = 'password' WHERE method = 'oauth'`);
    await q.query('ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_method_check');
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_method_check CHECK (method IN ('password', 'magic_link', 'anonymous'))`);
    await q.query('DROP TABLE identities');
  }
}
