import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A user's webhook destination. `kind = 'callback'` is the one row per user that holds the secret
 * signing per-job `callback_url` deliveries (it has no URL of its own). Secrets are stored sealed
 * (AES-256-GCM, the endpoint id as associated data): the gateway needs them back to sign.
 */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') kind!: 'endpoint' | 'callback';
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { array: true }) events!: string[];
  @Column('text', { name: 'secret_sealed' }) secretSealed!: string;
  @Column('text', { name: 'previous_secret_sealed', nullable: true }) previousSecretSealed!: string | null;
  @Column('timestamptz', { name: 'previous_secret_expires_at', nullable: true }) previousSecretExpiresAt!: Date | null;
  /** Set when the receiver answered 410 Gone: nothing is delivered until the owner enables it again. */
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('text', { name: 'disabled_reason', nullable: true }) disabledReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
