import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client's Idempotency-Key, scoped per user, kept 24 h. Only the gateway writes it. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') key!: string;
  /** sha256 of the route and the canonical request body. */
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') state!: 'in_flight' | 'done';
  @Column('int', { name: 'response_status', nullable: true }) responseStatus!: number | null;
  @Column('jsonb', { name: 'response_body', nullable: true }) responseBody!: unknown;
  @Column('jsonb', { name: 'response_headers', nullable: true }) responseHeaders!: Record<string, string> | null;
  @Column('timestamptz', { name: 'locked_at' }) lockedAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
}
