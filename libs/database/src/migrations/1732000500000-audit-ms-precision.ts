import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events are listed newest first with a (created_at, id) cursor that travels as a JS Date,
 * which holds milliseconds. Microsecond timestamps made the cursor fall between rows of the same
 * millisecond (every event written in one transaction shares now()), and those rows were skipped.
 * Storing milliseconds, as jobs and webhook deliveries already do, makes the cursor exact.
 */
export class AuditMsPrecision1732000500000 implements MigrationInterface {
  name = 'AuditMsPrecision1732000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_events ALTER COLUMN created_at TYPE timestamptz(3)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_events ALTER COLUMN created_at TYPE timestamptz');
  }
}
