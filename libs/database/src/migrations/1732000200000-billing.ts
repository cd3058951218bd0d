import type { MigrationInterface, QueryRunner } from 'typeorm';

const MB = 1024 * 1024;

/**
 * Billing: plans (seeded), one subscription per user, quota reservations, the usage ledger, its
 * monthly aggregates and processed Stripe events. The quota invariants live in CHECK constraints
 * so no code path can overshoot a limit, however requests race:
 *  - usage_monthly: (used − unreserved) + reserved ≤ limit, per month and metric, for job counts
 *    and for units (transcription minutes). `unreserved` counts usage committed beyond its
 *    reservation (an estimate that ran over, or a job whose reservation had been reaped): it is
 *    metered, but was never "granted", so it does not count against the admission invariant.
 *  - subscriptions: active_jobs ≤ active_jobs_limit (the concurrency limit in force when granted).
 * A limit column of -1 means unlimited. User ids are not foreign keys: `users` belongs to auth.
 */
export class Billing1732000200000 implements MigrationInterface {
  name = 'Billing1732000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_-]{1,50}$'),
        name text NOT NULL,
        trims_per_month integer NOT NULL CHECK (trims_per_month >= -1),
        overlays_per_month integer NOT NULL CHECK (overlays_per_month >= -1),
        transcribes_per_month integer NOT NULL CHECK (transcribes_per_month >= -1),
        transcribe_minutes_per_month integer NOT NULL CHECK (transcribe_minutes_per_month >= -1),
        max_file_bytes bigint NOT NULL CHECK (max_file_bytes >= -1),
        max_media_seconds integer NOT NULL CHECK (max_media_seconds >= -1),
        max_concurrent_jobs integer NOT NULL CHECK (max_concurrent_jobs >= -1),
        retention_days integer NOT NULL CHECK (retention_days >= -1),
        features text[] NOT NULL DEFAULT '{}',
        priority integer NOT NULL DEFAULT 10 CHECK (priority BETWEEN 1 AND 2097152),
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    const base = ['trim', 'overlay', 'download', 'api_access'];
    const pro = [...base, 'vertical_format', 'transcribe', 'subtitles', 'webhooks'];
    const premium = [...pro, 'priority_processing', 'platform_transcription'];
    const seed: [string, string, number, number, number, number, number, number, number, number, string[], number, number][] = [
      ['free', 'Free', 5, 100, -1, 10, 50 * MB, 5 * 60, 1, 7, base, 10, 1],
      ['pro', 'Pro', 100, 10_000, -1, 300, 200 * MB, 30 * 60, 3, 30, pro, 5, 2],
      ['premium', 'Premium', -1, -1, -1, 3_000, 500 * MB, 2 * 3600, 10, 90, premium, 1, 3],
    ];
    for (const row of seed) {
      await q.query(
        `INSERT INTO plans (code, name, trims_per_month, overlays_per_month, transcribes_per_month,
           transcribe_minutes_per_month, max_file_bytes, max_media_seconds, max_concurrent_jobs,
           retention_days, features, priority, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        row,
      );
    }

    await q.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE,
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'trialing', 'past_due', 'canceled')),
        current_period_start timestamptz NOT NULL,
        current_period_end timestamptz NOT NULL,
        limit_overrides jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(limit_overrides) = 'object'),
        active_jobs integer NOT NULL DEFAULT 0,
        active_jobs_limit integer NOT NULL DEFAULT -1,
        stripe_customer_id text UNIQUE,
        stripe_subscription_id text,
        stripe_event_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT subscriptions_period CHECK (current_period_end > current_period_start),
        CONSTRAINT subscriptions_concurrency CHECK (
          active_jobs >= 0 AND (active_jobs_limit < 0 OR active_jobs <= active_jobs_limit))
      )`);
    await q.query('CREATE INDEX subscriptions_plan_idx ON subscriptions (plan_id)');

    await q.query(`
      CREATE TABLE quota_reservations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        job_id uuid NOT NULL UNIQUE,
        action text NOT NULL CHECK (action IN ('trim', 'overlay', 'transcribe')),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        units integer NOT NULL CHECK (units > 0),
        plan_code text NOT NULL,
        priority integer NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'committed', 'released')),
        release_reason text,
        committed_units bigint,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        CONSTRAINT quota_reservations_settled CHECK ((status = 'pending') = (settled_at IS NULL))
      )`);
    await q.query('CREATE INDEX quota_reservations_user_idx ON quota_reservations (user_id, created_at DESC)');
    await q.query(
      "CREATE INDEX quota_reservations_pending_idx ON quota_reservations (expires_at) WHERE status = 'pending'",
    );

    await q.query(`
      CREATE TABLE usage_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id text NOT NULL UNIQUE,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('job', 'requests')),
        job_id uuid,
        action text CHECK (action IN ('trim', 'overlay', 'transcribe')),
        units bigint NOT NULL DEFAULT 0 CHECK (units >= 0),
        media_seconds double precision NOT NULL DEFAULT 0 CHECK (media_seconds >= 0),
        input_bytes bigint NOT NULL DEFAULT 0 CHECK (input_bytes >= 0),
        output_bytes bigint NOT NULL DEFAULT 0 CHECK (output_bytes >= 0),
        processing_ms bigint NOT NULL DEFAULT 0 CHECK (processing_ms >= 0),
        template text,
        custom_overrides jsonb,
        month char(7) NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT usage_events_job_fields CHECK (kind = 'requests' OR (job_id IS NOT NULL AND action IS NOT NULL))
      )`);
    await q.query('CREATE INDEX usage_events_user_idx ON usage_events (user_id, occurred_at DESC, id DESC)');
    await q.query('CREATE INDEX usage_events_day_idx ON usage_events (occurred_at)');

    await q.query(`
      CREATE TABLE usage_monthly (
        user_id uuid NOT NULL,
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        metric text NOT NULL CHECK (metric IN ('trim', 'overlay', 'transcribe', 'requests')),
        jobs_used integer NOT NULL DEFAULT 0,
        jobs_reserved integer NOT NULL DEFAULT 0,
        jobs_unreserved integer NOT NULL DEFAULT 0,
        jobs_limit integer NOT NULL DEFAULT -1,
        units_used bigint NOT NULL DEFAULT 0,
        units_reserved bigint NOT NULL DEFAULT 0,
        units_unreserved bigint NOT NULL DEFAULT 0,
        units_limit bigint NOT NULL DEFAULT -1,
        media_seconds double precision NOT NULL DEFAULT 0,
        input_bytes bigint NOT NULL DEFAULT 0,
        output_bytes bigint NOT NULL DEFAULT 0,
        processing_ms bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, month, metric),
        CONSTRAINT usage_monthly_jobs_quota CHECK (
          jobs_used >= 0 AND jobs_reserved >= 0 AND jobs_unreserved >= 0 AND jobs_unreserved <= jobs_used
          AND (jobs_limit < 0 OR jobs_used - jobs_unreserved + jobs_reserved <= jobs_limit)),
        CONSTRAINT usage_monthly_units_quota CHECK (
          units_used >= 0 AND units_reserved >= 0 AND units_unreserved >= 0 AND units_unreserved <= units_used
          AND (units_limit < 0 OR units_used - units_unreserved + units_reserved <= units_limit))
      )`);
    await q.query('CREATE INDEX usage_monthly_month_idx ON usage_monthly (month, metric)');

    await q.query(`
      CREATE TABLE stripe_events (
        event_id text PRIMARY KEY,
        type text NOT NULL,
        user_id uuid,
        outcome text NOT NULL,
        stripe_created_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS stripe_events');
    await q.query('DROP TABLE IF EXISTS usage_monthly');
    await q.query('DROP TABLE IF EXISTS usage_events');
    await q.query('DROP TABLE IF EXISTS quota_reservations');
    await q.query('DROP TABLE IF EXISTS subscriptions');
    await q.query('DROP TABLE IF EXISTS plans');
  }
}
