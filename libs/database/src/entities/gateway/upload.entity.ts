import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A media file a user uploaded (bytes in storage, metadata here). Only the gateway writes it. */
@Entity('uploads')
@Index('uploads_user_created_idx', ['userId', 'createdAt'])
export class UploadEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  @Column('text', { nullable: true }) filename!: string | null;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('bigint') size!: string;
  @Column('double precision', { name: 'duration_s', nullable: true }) durationS!: number | null;
  @Column('int', { nullable: true }) width!: number | null;
  @Column('int', { nullable: true }) height!: number | null;
  /** ffprobe's `codec_name` of every stream, in order (null: uploaded before it was recorded). */
  @Column('text', { array: true, nullable: true }) codecs!: string[] | null;
  /** An MP4/MOV's layout: true when fragmented; null for other containers, unknown, or uploaded before it was recorded. */
  @Column('boolean', { nullable: true }) fragmented!: boolean | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expired_at', nullable: true }) expiredAt!: Date | null;
}
