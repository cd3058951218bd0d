import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's job reconciler looks, every minute, for open (queued or active) jobs nothing has
 * touched for a while: a small partial index keeps that off a scan of every job ever run.
 */
export class JobsOpenIdx1732002300000 implements MigrationInterface {
  name = 'JobsOpenIdx1732002300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX jobs_open_updated_idx ON jobs (updated_at) WHERE status IN ('queued', 'active')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS jobs_open_updated_idx');
  }
}
