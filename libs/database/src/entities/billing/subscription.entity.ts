import type { LimitOverrides } from '@clipyard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Every user's one subscription. `active_jobs` ≤ `active_jobs_limit` is a CHECK constraint. */
@Entity('subscriptions')
export class SubscriptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id', unique: true }) userId!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('text', { default: 'active' }) status!: 'active' | 'trialing' | 'past_due' | 'canceled';
  @Column('timestamptz', { name: 'current_period_start' }) currentPeriodStart!: Date;
  @Column('timestamptz', { name: 'current_period_end' }) currentPeriodEnd!: Date;
  @Column('jsonb', { name: 'limit_overrides', default: () => "'{}'" }) limitOverrides!: LimitOverrides;
  @Column('integer', { name: 'active_jobs', default: 0 }) activeJobs!: number;
  @Column('integer', { name: 'active_jobs_limit', default: -1 }) activeJobsLimit!: number;
  @Column('text', { name: 'stripe_customer_id', nullable: true, unique: true }) stripeCustomerId!: string | null;
  @Column('text', { name: 'stripe_subscription_id', nullable: true }) stripeSubscriptionId!: string | null;
  @Column('timestamptz', { name: 'stripe_event_at', nullable: true }) stripeEventAt!: Date | null;
  /** When Stripe said `past_due` (null otherwise): the paid plan's limits last PAST_DUE_GRACE_DAYS from then. */
  @Column('timestamptz', { name: 'past_due_since', nullable: true }) pastDueSince!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
