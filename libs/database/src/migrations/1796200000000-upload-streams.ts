import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads record what the gateway's ffprobe found of their streams: every stream's `codec_name`
 * and, for an MP4/MOV, whether it is fragmented. Trim jobs carry them (`input_streams`) so the
 * worker may skip ffmpeg's stream-info read where that is known to be byte-safe. Nullable: rows
 * from before are unknown, and jobs on them open their input as before.
 */
export class UploadStreams1796200000000 implements MigrationInterface {
  name = 'UploadStreams1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE uploads ADD COLUMN codecs text[]');
    await q.query('ALTER TABLE uploads ADD COLUMN fragmented boolean');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE uploads DROP COLUMN fragmented');
    await q.query('ALTER TABLE uploads DROP COLUMN codecs');
  }
}
