import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing for hook detection and shorts: a `hooks` action metered against `hooks_per_month` (the
 * product's `monthly_hooks`: free 3, pro 50, premium unlimited) with the `hook_detection` feature
 * on pro and premium. A shorts reservation also holds one trim job per clip (`trim_jobs`, on the
 * month's `trim` row) and the minutes it transcribes (`subtitle_minutes`, on `transcribe`), so a
 * short can never leave the user over a limit. The ledger records the model's tokens, provider
 * and model of each hooks job; the month totals the tokens.
 */
export class HooksMetering1732001800100 implements MigrationInterface {
  name = 'HooksMetering1732001800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE plans ADD COLUMN hooks_per_month integer NOT NULL DEFAULT 0 CHECK (hooks_per_month >= -1)');
    await q.query(`UPDATE plans SET hooks_per_month = CASE code WHEN 'free' THEN 3 WHEN 'pro' THEN 50 WHEN 'premium' THEN -1 ELSE 0 END`);
    await q.query(`UPDATE plans SET features = array_append(features, 'hook_detection'), updated_at = now()
                   WHERE code IN ('pro', 'premium') AND NOT ('hook_detection' = ANY (features))`);

    await q.query('ALTER TABLE quota_reservations DROP CONSTRAINT quota_reservations_action_check');
    await q.query(`ALTER TABLE quota_reservations ADD CONSTRAINT quota_reservations_action_check CHECK (action IN ('trim', 'overlay', 'transcribe', 'hooks'))`);
    await q.query('ALTER TABLE quota_reservations ADD COLUMN trim_jobs integer NOT NULL DEFAULT 0 CHECK (trim_jobs >= 0)');

    await q.query('ALTER TABLE usage_events DROP CONSTRAINT usage_events_action_check');
    await q.query(`ALTER TABLE usage_events ADD CONSTRAINT usage_events_action_check CHECK (action IN ('trim', 'overlay', 'transcribe', 'hooks'))`);
    await q.query(`ALTER TABLE usage_events
      ADD COLUMN input_tokens bigint NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
      ADD COLUMN output_tokens bigint NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
      ADD COLUMN ai_provider text,
      ADD COLUMN ai_model text`);

    await q.query('ALTER TABLE usage_monthly DROP CONSTRAINT usage_monthly_metric_check');
    await q.query(`ALTER TABLE usage_monthly ADD CONSTRAINT usage_monthly_metric_check CHECK (metric IN ('trim', 'overlay', 'transcribe', 'hooks', 'requests'))`);
    await q.query(`ALTER TABLE usage_monthly
      ADD COLUMN input_tokens bigint NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
      ADD COLUMN output_tokens bigint NOT NULL DEFAULT 0 CHECK (output_tokens >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM usage_monthly WHERE metric = 'hooks'`);
    await q.query('ALTER TABLE usage_monthly DROP COLUMN input_tokens, DROP COLUMN output_tokens');
    await q.query('ALTER TABLE usage_monthly DROP CONSTRAINT usage_monthly_metric_check');
    await q.query(`ALTER TABLE usage_monthly ADD CONSTRAINT usage_monthly_metric_check CHECK (metric IN ('trim', 'overlay', 'transcribe', 'requests'))`);
    await q.query(`DELETE FROM usage_events WHERE action = 'hooks'`);
    await q.query('ALTER TABLE usage_events DROP COLUMN input_tokens, DROP COLUMN output_tokens, DROP COLUMN ai_provider, DROP COLUMN ai_model');
    await q.query('ALTER TABLE usage_events DROP CONSTRAINT usage_events_action_check');
    await q.query(`ALTER TABLE usage_events ADD CONSTRAINT usage_events_action_check CHECK (action IN ('trim', 'overlay', 'transcribe'))`);
    await q.query(`DELETE FROM quota_reservations WHERE action = 'hooks'`);
    await q.query('ALTER TABLE quota_reservations DROP COLUMN trim_jobs');
    await q.query('ALTER TABLE quota_reservations DROP CONSTRAINT quota_reservations_action_check');
    await q.query(`ALTER TABLE quota_reservations ADD CONSTRAINT quota_reservations_action_check CHECK (action IN ('trim', 'overlay', 'transcribe'))`);
    await q.query(`UPDATE plans SET features = array_remove(features, 'hook_detection')`);
    await q.query('ALTER TABLE plans DROP COLUMN hooks_per_month');
  }
}
