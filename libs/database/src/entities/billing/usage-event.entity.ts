import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The usage ledger: one row per event id (unique), so a replayed event is never counted twice. */
@Entity('usage_events')
export class UsageEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'event_id', unique: true }) eventId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') kind!: 'job' | 'requests';
  @Column('uuid', { name: 'job_id', nullable: true }) jobId!: string | null;
  @Column('text', { nullable: true }) action!: string | null;
  @Column('bigint', { default: 0 }) units!: string;
  @Column('double precision', { name: 'media_seconds', default: 0 }) mediaSeconds!: number;
  @Column('bigint', { name: 'input_bytes', default: 0 }) inputBytes!: string;
  @Column('bigint', { name: 'output_bytes', default: 0 }) outputBytes!: string;
  @Column('bigint', { name: 'processing_ms', default: 0 }) processingMs!: string;
  @Column('text', { nullable: true }) template!: string | null;
  @Column('jsonb', { name: 'custom_overrides', nullable: true }) customOverrides!: Record<string, unknown> | null;
  @Column('bigint', { name: 'input_tokens', default: 0 }) inputTokens!: string;
  @Column('bigint', { name: 'output_tokens', default: 0 }) outputTokens!: string;
  @Column('text', { name: 'ai_provider', nullable: true }) aiProvider!: string | null;
  @Column('text', { name: 'ai_model', nullable: true }) aiModel!: string | null;
  @Column('char', { length: 7 }) month!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
}
