import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JOB_TYPES, type MediaJobName } from '@clipyard/contracts';

/** The kinds of MEDIA_JOBS (the `jobs_type_check` constraint lists them too: a new kind widens it in a migration). */
export { JOB_TYPES };
export type JobType = MediaJobName;
export const JOB_STATUSES = ['queued', 'active', 'completed', 'failed', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'canceled'];

/** A stored output of a job (what the worker reported). */
export interface JobOutputRecord {
  name: string;
  key: string;
  contentType: string;
  size: number;
}

/** A media job the gateway accepted. Only the gateway writes this table. */
@Entity('jobs')
@Index('jobs_user_created_idx', ['userId', 'createdAt', 'id'])
export class JobEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') type!: JobType;
  @Column('text') status!: JobStatus;
  @Column('real') progress!: number;
  /** Parameters as the client submitted them (validated, normalised). */
  @Column('jsonb') params!: Record<string, unknown>;
  /** Where the worker reads the input: `{ key }` in storage or `{ url }`. */
  @Column('jsonb') input!: { key: string } | { url: string } | { video_page_url: string };
  @Column('uuid', { name: 'upload_id', nullable: true }) uploadId!: string | null;
  @Column('int') priority!: number;
  @Column('text', { name: 'reservation_id', nullable: true }) reservationId!: string | null;
  @Column('int') attempt!: number;
  @Column('jsonb', { nullable: true }) error!: { code: string; message: string } | null;
  @Column('jsonb') outputs!: JobOutputRecord[];
  @Column('jsonb', { nullable: true }) result!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) usage!: Record<string, unknown> | null;
  /** The language model a hooks/shorts job runs on (chosen at submission). */
  @Column('text', { name: 'ai_provider', nullable: true }) aiProvider!: string | null;
  @Column('text', { name: 'ai_model', nullable: true }) aiModel!: string | null;
  /** Bumped on every change: the ETag of the status resource. */
  @Column('bigint') revision!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  /** When the retention sweep deleted the outputs. */
  @Column('timestamptz', { name: 'outputs_expired_at', nullable: true }) outputsExpiredAt!: Date | null;
}
