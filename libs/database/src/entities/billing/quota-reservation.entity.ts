import type { UsageAction } from '@clipyard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Quota held for one job (unique per job) until its usage event commits it or it is released. */
@Entity('quota_reservations')
export class QuotaReservationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'job_id', unique: true }) jobId!: string;
  @Column('text') action!: UsageAction;
  @Column('char', { length: 7 }) month!: string;
  @Column('integer') units!: number;
  /** Transcription minutes a subtitled trim (or a hooks job) holds on the month's `transcribe` row. */
  @Column('integer', { name: 'subtitle_minutes', default: 0 }) subtitleMinutes!: number;
  /** Trim jobs a shorts job holds on the month's `trim` row (one per clip). */
  @Column('integer', { name: 'trim_jobs', default: 0 }) trimJobs!: number;
  @Column('text', { name: 'plan_code' }) planCode!: string;
  @Column('integer') priority!: number;
  @Column('text', { default: 'pending' }) status!: 'pending' | 'committed' | 'released';
  @Column('text', { name: 'release_reason', nullable: true }) releaseReason!: string | null;
  @Column('bigint', { name: 'committed_units', nullable: true }) committedUnits!: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'settled_at', nullable: true }) settledAt!: Date | null;
}
