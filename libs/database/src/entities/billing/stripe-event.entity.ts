import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Stripe events already processed (by event id), with what they did. */
@Entity('stripe_events')
export class StripeEventEntity {
  @PrimaryColumn('text', { name: 'event_id' }) eventId!: string;
  @Column('text') type!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text') outcome!: string;
  @Column('timestamptz', { name: 'stripe_created_at' }) stripeCreatedAt!: Date;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
}
