import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Gateway-owned tables of the media-jobs API: uploads, jobs, idempotency keys. */
export class MediaJobs1732000300000 implements MigrationInterface {
  name = 'MediaJobs1732000300000';

  async up(q: QueryRunner): Promise<void> {
    // created_at is truncated to milliseconds so a JS Date round-trips exactly in list cursors.
    await q.query(`
      CREATE TABLE uploads (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        storage_key text NOT NULL UNIQUE,
        filename text,
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        duration_s double precision CHECK (duration_s IS NULL OR duration_s >= 0),
        width int CHECK (width IS NULL OR width > 0),
        height int CHECK (height IS NULL OR height > 0),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        expired_at timestamptz
      )`);
    await q.query('CREATE INDEX uploads_user_created_idx ON uploads (user_id, created_at DESC)');
    await q.query('CREATE INDEX uploads_unexpired_created_idx ON uploads (created_at) WHERE expired_at IS NULL');

    await q.query(`
      CREATE TABLE jobs (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('trim', 'overlay', 'transcribe')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'active', 'completed', 'failed', 'canceled')),
        progress real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 100),
        params jsonb NOT NULL,
        input jsonb NOT NULL,
        upload_id uuid REFERENCES uploads(id) ON DELETE SET NULL,
        priority int NOT NULL DEFAULT 0 CHECK (priority >= 0),
        reservation_id text,
        attempt int NOT NULL DEFAULT 0,
        error jsonb,
        outputs jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(outputs) = 'array'),
        result jsonb,
        usage jsonb,
        revision bigint NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        outputs_expired_at timestamptz,
        CHECK ((status IN ('completed', 'failed', 'canceled')) = (completed_at IS NOT NULL))
      )`);
    // Listing newest first (optionally filtered by status or type), cursor on (created_at, id).
    await q.query('CREATE INDEX jobs_user_created_idx ON jobs (user_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX jobs_user_status_created_idx ON jobs (user_id, status, created_at DESC, id DESC)');
    await q.query('CREATE INDEX jobs_user_type_created_idx ON jobs (user_id, type, created_at DESC, id DESC)');
    // The retention sweep: completed jobs whose outputs still exist.
    await q.query(
      `CREATE INDEX jobs_retention_idx ON jobs (completed_at) WHERE status = 'completed' AND outputs_expired_at IS NULL`,
    );
    await q.query('CREATE INDEX jobs_upload_idx ON jobs (upload_id) WHERE upload_id IS NOT NULL');

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'done')),
        response_status int,
        response_body jsonb,
        response_headers jsonb,
        locked_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key),
        CHECK (state = 'in_flight' OR response_status IS NOT NULL)
      )`);
    await q.query('CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS idempotency_keys');
    await q.query('DROP TABLE IF EXISTS jobs');
    await q.query('DROP TABLE IF EXISTS uploads');
  }
}
