import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One event sent (or being sent) to one endpoint: the delivery log and the retry state. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'endpoint_id' }) endpointId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  /** What receivers dedupe on; the same for every endpoint and every retry of one event. */
  @Column('text', { name: 'event_id' }) eventId!: string;
  @Column('text', { name: 'event_type' }) eventType!: string;
  @Column('text') url!: string;
  /** The exact JSON body sent on every attempt. */
  @Column('text') body!: string;
  @Column('text') status!: 'pending' | 'succeeded' | 'failed';
  @Column('int') attempts!: number;
  @Column('int', { name: 'last_status_code', nullable: true }) lastStatusCode!: number | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_attempt_at', nullable: true }) lastAttemptAt!: Date | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
