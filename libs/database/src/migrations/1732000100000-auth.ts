import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The auth app's tables: users, sessions and refresh tokens, API keys, provider keys, audit, signing keys. */
export class Auth1732000100000 implements MigrationInterface {
  name = 'Auth1732000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL,
        username citext,
        password_hash text NOT NULL,
        full_name text,
        timezone text,
        avatar_url text,
        role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
        is_active boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_uq UNIQUE (email),
        CONSTRAINT users_username_uq UNIQUE (username),
        CONSTRAINT users_email_len CHECK (char_length(email) <= 254)
      )`);
    await q.query(`CREATE INDEX users_role_idx ON users (role) WHERE role = 'admin'`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        ip text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        parent_id uuid REFERENCES refresh_tokens (id) ON DELETE CASCADE,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT refresh_tokens_hash_uq UNIQUE (token_hash),
        CONSTRAINT refresh_tokens_one_child UNIQUE (parent_id)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        key_hash text NOT NULL,
        prefix text NOT NULL,
        last4 text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        replaced_by_id uuid REFERENCES api_keys (id) ON DELETE SET NULL,
        last_used_at timestamptz,
        last_used_ip text,
        total_requests bigint NOT NULL DEFAULT 0 CHECK (total_requests >= 0),
        CONSTRAINT api_keys_hash_uq UNIQUE (key_hash)
      )`);
    await q.query(`CREATE INDEX api_keys_user_idx ON api_keys (user_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE provider_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider IN ('openai', 'groq', 'openai_compatible')),
        ciphertext text NOT NULL,
        key_version int NOT NULL,
        last4 text NOT NULL,
        base_url text,
        label text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'error')),
        last_error text,
        last_error_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT provider_keys_user_provider_uq UNIQUE (user_id, provider)
      )`);
    await q.query(`CREATE INDEX provider_keys_version_idx ON provider_keys (key_version)`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action text NOT NULL,
        ip text,
        user_agent text,
        metadata jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_user_idx ON audit_events (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_created_idx ON audit_events (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        alg text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['signing_keys', 'audit_events', 'provider_keys', 'api_keys', 'refresh_tokens', 'sessions', 'users']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
