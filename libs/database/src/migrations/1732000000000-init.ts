import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions the schema relies on: citext for case-insensitive emails and usernames. */
export class Init1732000000000 implements MigrationInterface {
  name = 'Init1732000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS citext');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS citext');
  }
}
