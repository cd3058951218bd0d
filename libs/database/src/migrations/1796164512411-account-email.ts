import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts over email: verified addresses, passwordless accounts, one-time tokens (verify, reset,
 * magic link, email change) and the auth app's transactional outbox (emails and account events).
 */
export class AccountEmail1796164512411 implements MigrationInterface {
  name = 'AccountEmail1796164512411';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN email_verified_at timestamptz');
    // Accounts made by a magic link (PASSWORDLESS_SIGNUP) have no password until they set one.
    await q.query('ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL');
    // How a session was opened: account deletion accepts a fresh magic-link sign-in instead of a password.
    await q.query(`ALTER TABLE sessions ADD COLUMN method text NOT NULL DEFAULT 'password' CHECK (method IN ('password', 'magic_link'))`);

    await q.query(`
      CREATE TABLE one_time_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'magic_link', 'change_email')),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        email citext NOT NULL CHECK (char_length(email) <= 254),
        token_hash text NOT NULL,
        code_hash text,
        code_attempts integer NOT NULL DEFAULT 0 CHECK (code_attempts >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        CONSTRAINT one_time_tokens_hash_uq UNIQUE (token_hash),
        CONSTRAINT one_time_tokens_expiry CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX one_time_tokens_live_idx ON one_time_tokens (purpose, email, created_at DESC) WHERE consumed_at IS NULL`);
    await q.query('CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id) WHERE user_id IS NOT NULL');
    await q.query('CREATE INDEX one_time_tokens_expires_idx ON one_time_tokens (expires_at)');

    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('email', 'event')),
        topic text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 100),
        user_id uuid,
        recipient text,
        sealed text,
        payload jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT outbox_email_shape CHECK (kind <> 'email' OR recipient IS NOT NULL),
        CONSTRAINT outbox_event_shape CHECK (kind <> 'event' OR payload IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_messages_user_idx ON outbox_messages (user_id, created_at DESC) WHERE user_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_messages');
    await q.query('DROP TABLE one_time_tokens');
    await q.query('ALTER TABLE sessions DROP COLUMN method');
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query('ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL');
    await q.query('ALTER TABLE users DROP COLUMN email_verified_at');
  }
}
