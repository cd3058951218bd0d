import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Gateway: `hooks` and `shorts` jobs, and which language model (provider, model) a job runs on. */
export class HooksJobs1732001800200 implements MigrationInterface {
  name = 'HooksJobs1732001800200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE jobs DROP CONSTRAINT jobs_type_check');
    await q.query(`ALTER TABLE jobs ADD CONSTRAINT jobs_type_check CHECK (type IN ('trim', 'overlay', 'transcribe', 'hooks', 'shorts'))`);
    await q.query('ALTER TABLE jobs ADD COLUMN ai_provider text, ADD COLUMN ai_model text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM jobs WHERE type IN ('hooks', 'shorts')`);
    await q.query('ALTER TABLE jobs DROP COLUMN ai_provider, DROP COLUMN ai_model');
    await q.query('ALTER TABLE jobs DROP CONSTRAINT jobs_type_check');
    await q.query(`ALTER TABLE jobs ADD CONSTRAINT jobs_type_check CHECK (type IN ('trim', 'overlay', 'transcribe'))`);
  }
}
