import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { MediaError, type Transcript } from '@clipyard/media';
import type { JobContext } from '../jobs/processor';
import { TranscriptionRunner } from '../transcribe/transcription.runner';

const storedTranscript = z.object({
  text: z.string().default(''),
  language: z.string().optional(),
  duration: z.number().nonnegative(),
  segments: z
    .array(
      z.object({
        id: z.number().default(0),
        start: z.number(),
        end: z.number(),
        text: z.string(),
        speaker: z.string().optional(),
        words: z.array(z.object({ word: z.string(), start: z.number(), end: z.number() })).optional(),
      }),
    )
    .max(200_000),
});

export interface TranscriptOutcome {
  transcript: Transcript;
  /** Minutes billed when this job transcribed (0 when it reused an earlier transcript). */
  minutes: number;
  reused: boolean;
  /** Fields for the job's result. */
  result: Record<string, unknown>;
}

/**
 * The transcript a hooks or shorts job works from: an earlier transcription's transcript.json
 * (owner-checked storage key chosen by the gateway), or a fresh transcription of `media` through
 * the same runner, key choice and metering as a transcription job.
 */
@Injectable()
export class TranscriptStep {
  constructor(private readonly transcription: TranscriptionRunner) {}

  async get(
    ctx: JobContext,
    p: { transcript_key?: string; language?: string; key_source: 'user' | 'platform'; transcription_provider?: string },
    media: string | undefined,
    onProgress: (fraction: number) => void,
  ): Promise<TranscriptOutcome> {
    if (p.transcript_key) {
      const { file } = await ctx.fetchInput({ key: p.transcript_key });
      let parsed;
      try {
        parsed = storedTranscript.safeParse(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) throw new MediaError('UNSUPPORTED_MEDIA', 'The earlier transcription has no readable transcript.json');
      onProgress(1);
      return { transcript: parsed.data as Transcript, minutes: 0, reused: true, result: { transcript: 'reused' } };
    }
    if (!media) throw new MediaError('VALIDATION_FAILED', 'params.input is required');
    const t = await this.transcription.run(
      ctx,
      media,
      { language: p.language, translate: false, model: 'whisper-1', diarize: false, keySource: p.key_source, provider: p.transcription_provider },
      onProgress,
    );
    return { transcript: t.transcript, minutes: t.minutes, reused: false, result: { transcript: 'transcribed', transcription: t.result } };
  }
}
