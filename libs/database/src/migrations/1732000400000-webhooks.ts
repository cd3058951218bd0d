import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Gateway-owned webhook endpoints and their delivery log. */
export class Webhooks1732000400000 implements MigrationInterface {
  name = 'Webhooks1732000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL DEFAULT 'endpoint' CHECK (kind IN ('endpoint', 'callback')),
        url text CHECK (url IS NULL OR length(url) <= 2048),
        description text CHECK (description IS NULL OR length(description) <= 500),
        events text[] NOT NULL DEFAULT '{}',
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'endpoint') = (url IS NOT NULL)),
        CHECK ((previous_secret_sealed IS NULL) = (previous_secret_expires_at IS NULL))
      )`);
    await q.query('CREATE INDEX webhook_endpoints_user_idx ON webhook_endpoints (user_id, created_at DESC)');
    await q.query(`CREATE UNIQUE INDEX webhook_endpoints_one_callback_idx ON webhook_endpoints (user_id) WHERE kind = 'callback'`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
        event_type text NOT NULL,
        url text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_status_code int,
        last_error text,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK ((status = 'succeeded') = (delivered_at IS NOT NULL))
      )`);
    // One delivery per event per endpoint (a replayed event is not sent twice); a callback row
    // serves many jobs, so its uniqueness includes the destination.
    await q.query('CREATE UNIQUE INDEX webhook_deliveries_event_idx ON webhook_deliveries (endpoint_id, event_id, url)');
    await q.query('CREATE INDEX webhook_deliveries_endpoint_created_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX webhook_deliveries_user_idx ON webhook_deliveries (user_id, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS webhook_deliveries');
    await q.query('DROP TABLE IF EXISTS webhook_endpoints');
  }
}
