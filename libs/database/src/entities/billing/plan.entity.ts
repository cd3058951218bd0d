import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A plan: monthly limits per action (-1 = unlimited), input limits, concurrency, features. Seeded; admins edit. */
@Entity('plans')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { unique: true }) code!: string;
  @Column('text') name!: string;
  @Column('integer', { name: 'trims_per_month' }) trimsPerMonth!: number;
  @Column('integer', { name: 'overlays_per_month' }) overlaysPerMonth!: number;
  @Column('integer', { name: 'transcribes_per_month' }) transcribesPerMonth!: number;
  @Column('integer', { name: 'transcribe_minutes_per_month' }) transcribeMinutesPerMonth!: number;
  @Column('integer', { name: 'hooks_per_month', default: 0 }) hooksPerMonth!: number;
  @Column('bigint', { name: 'max_file_bytes' }) maxFileBytes!: string;
  @Column('integer', { name: 'max_media_seconds' }) maxMediaSeconds!: number;
  @Column('integer', { name: 'max_concurrent_jobs' }) maxConcurrentJobs!: number;
  @Column('integer', { name: 'retention_days' }) retentionDays!: number;
  @Column('text', { array: true, default: () => "'{}'" }) features!: string[];
  @Column('integer', { default: 10 }) priority!: number;
  @Column('integer', { name: 'sort_order', default: 0 }) sortOrder!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
