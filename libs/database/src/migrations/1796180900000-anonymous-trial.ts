import type { MigrationInterface, QueryRunner } from 'typeorm';

const MB = 1024 * 1024;

/**
 * Anonymous trial: a user may exist without an email (`is_anonymous`, until upgraded in place),
 * sessions record that they were opened anonymously, and billing seeds the `trial` plan: a couple
 * of small trims and overlays, no transcription or hooks, one job at a time, outputs kept one day.
 */
export class AnonymousTrial1796180900000 implements MigrationInterface {
  name = 'AnonymousTrial1796180900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');
    await q.query('ALTER TABLE users ADD COLUMN is_anonymous boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE users ADD CONSTRAINT users_email_unless_anonymous CHECK (is_anonymous OR email IS NOT NULL)');
    // The TTL sweep walks anonymous users by last change.
    await q.query('CREATE INDEX users_anonymous_idx ON users (updated_at) WHERE is_anonymous');
    await q.query('ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_method_check');
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_method_check CHECK (method IN ('password', 'magic_link', 'anonymous'))`);

    await q.query(
      `INSERT INTO plans (code, name, trims_per_month, overlays_per_month, transcribes_per_month, transcribe_minutes_per_month,
         hooks_per_month, max_file_bytes, max_media_seconds, max_concurrent_jobs, retention_days, features, priority, sort_order)
       VALUES ('trial', 'Trial', 3, 3, 0, 0, 0, $1, 60, 1, 1, $2, 20, 0)
       ON CONFLICT (code) DO NOTHING`,
      [20 * MB, ['trim', 'overlay', 'download', 'api_access']],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE subscriptions SET plan_id = (SELECT id FROM plans WHERE code = 'free')
                   WHERE plan_id = (SELECT id FROM plans WHERE code = 'trial')`);
    await q.query(`DELETE FROM plans WHERE code = 'trial'`);
    await q.query(`UPDATE sessions SET method = 'password' WHERE method = 'anonymous'`);
    await q.query('ALTER TABLE sessions DROP CONSTRAINT sessions_method_check');
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_method_check CHECK (method IN ('password', 'magic_link'))`);
    await q.query('DELETE FROM users WHERE email IS NULL');
    await q.query('DROP INDEX users_anonymous_idx');
    await q.query('ALTER TABLE users DROP CONSTRAINT users_email_unless_anonymous');
    await q.query('ALTER TABLE users DROP COLUMN is_anonymous');
    await q.query('ALTER TABLE users ALTER COLUMN email SET NOT NULL');
  }
}
