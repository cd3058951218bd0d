import { Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { UploadsRepository, type UploadRecord } from '../uploads/uploads.repository';
import { JobsRepository } from './jobs.repository';

export interface ReusedTranscript {
  input: { key: string } | { url: string } | { video_page_url: string };
  upload: UploadRecord | null;
  transcriptKey: string;
  durationS?: number;
}

/**
 * `{job_id}` inputs of hooks and shorts: the caller's own completed transcription, whose
 * transcript.json is reused (no second transcription) and whose input the clips are cut from.
 */
@Injectable()
export class HooksInputResolver {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly uploads: UploadsRepository,
  ) {}

  async fromTranscription(userId: string, jobId: string): Promise<ReusedTranscript> {
    const src = await this.jobs.findOwned(userId, jobId, { fresh: true });
    const issue = (message: string) => ({ issues: [{ path: 'input.job_id', message }] });
    if (!src || src.type !== 'transcribe') throw new AppError('JOB_NOT_FOUND', 'No transcription job with that id', issue('not one of your transcriptions'));
    if (src.status !== 'completed') throw new AppError('VALIDATION_FAILED', 'Invalid input.job_id', issue(`the transcription is ${src.status}, not completed`));
    const t = src.outputsExpiredAt ? undefined : src.outputs.find((o) => o.name === 'transcript.json');
    if (!t) throw new AppError('OUTPUT_EXPIRED', 'The transcription\'s files have expired', issue('its transcript is no longer stored'));
    const upload = src.uploadId ? await this.uploads.findOwned(userId, src.uploadId) : null;
    const d = Number(src.result?.audio_duration_s);
    return { input: src.input, upload, transcriptKey: t.key, durationS: Number.isFinite(d) ? d : undefined };
  }
}
