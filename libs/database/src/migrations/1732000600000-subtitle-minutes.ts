import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trim with subtitles transcribes its cut: the reservation now also holds those minutes on the
 * month's `transcribe` row (units only, no transcription job), so a plan's minutes cannot be
 * overdrawn by subtitled trims, and the trim's usage event moves them from reserved to used.
 */
export class SubtitleMinutes1732000600000 implements MigrationInterface {
  name = 'SubtitleMinutes1732000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE quota_reservations ADD COLUMN subtitle_minutes integer NOT NULL DEFAULT 0 CHECK (subtitle_minutes >= 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE quota_reservations DROP COLUMN subtitle_minutes');
  }
}
