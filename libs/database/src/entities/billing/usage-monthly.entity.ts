import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Monthly aggregate per user and metric (`trim`, `overlay`, `transcribe`, `hooks`, `requests`), holding the
 * quota counters: CHECK (used − unreserved) + reserved ≤ limit for jobs and for units.
 */
@Entity('usage_monthly')
export class UsageMonthlyEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('char', { length: 7 }) month!: string;
  @PrimaryColumn('text') metric!: string;
  @Column('integer', { name: 'jobs_used', default: 0 }) jobsUsed!: number;
  @Column('integer', { name: 'jobs_reserved', default: 0 }) jobsReserved!: number;
  @Column('integer', { name: 'jobs_unreserved', default: 0 }) jobsUnreserved!: number;
  @Column('integer', { name: 'jobs_limit', default: -1 }) jobsLimit!: number;
  @Column('bigint', { name: 'units_used', default: 0 }) unitsUsed!: string;
  @Column('bigint', { name: 'units_reserved', default: 0 }) unitsReserved!: string;
  @Column('bigint', { name: 'units_unreserved', default: 0 }) unitsUnreserved!: string;
  @Column('bigint', { name: 'units_limit', default: -1 }) unitsLimit!: string;
  @Column('double precision', { name: 'media_seconds', default: 0 }) mediaSeconds!: number;
  @Column('bigint', { name: 'input_bytes', default: 0 }) inputBytes!: string;
  @Column('bigint', { name: 'output_bytes', default: 0 }) outputBytes!: string;
  @Column('bigint', { name: 'processing_ms', default: 0 }) processingMs!: string;
  @Column('bigint', { name: 'input_tokens', default: 0 }) inputTokens!: string;
  @Column('bigint', { name: 'output_tokens', default: 0 }) outputTokens!: string;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
