import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A receiver that answers 410 Gone has asked to stop (Standard Webhooks): the endpoint is disabled
 * (no new deliveries, pending ones fail at once) until its owner enables it again.
 */
export class WebhookEndpointDisabled1732002150000 implements MigrationInterface {
  name = 'WebhookEndpointDisabled1732002150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook_endpoints ADD COLUMN disabled_at timestamptz NULL, ADD COLUMN disabled_reason text NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook_endpoints DROP COLUMN disabled_reason, DROP COLUMN disabled_at');
  }
}
