import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a subscription went `past_due` (Stripe's event time): it keeps its paid plan's limits for
 * PAST_DUE_GRACE_DAYS from then, and counts as the default plan after (billing reads it lazily).
 */
export class SubscriptionPastDue1732001900000 implements MigrationInterface {
  name = 'SubscriptionPastDue1732001900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE subscriptions ADD COLUMN past_due_since timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE subscriptions DROP COLUMN past_due_since');
  }
}
