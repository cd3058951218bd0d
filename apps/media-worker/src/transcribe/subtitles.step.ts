import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppError, type TrimJobParams } from '@clipyard/contracts';
import { MediaError, burnSubtitles } from '@clipyard/media';
import type { JobContext, ProcessorOutput } from '../jobs/processor';
import { TranscriptionRunner } from './transcription.runner';

export type SubtitleStepName = 'trim' | 'transcribe' | 'burn-in';

/** Re-throws a step's failure with the step named, keeping its code and retryability. */
export async function step<T>(name: SubtitleStepName, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const retryable = err instanceof MediaError ? err.retryable : false;
    throw new MediaError(err.code, `Step ${name} failed: ${err.message}`, retryable, { step: name });
  }
}

export interface SubtitledVideo {
  /** The trimmed video with the captions burned in. */
  video: string;
  /** transcript.srt and transcript.vtt, delivered next to the video. */
  outputs: ProcessorOutput[];
  result: Record<string, unknown>;
  minutes: number;
  audioSeconds: number;
}

/**
 * The subtitle part of a `trim` with `subtitles: true` (one job: trim → transcribe → burn-in):
 * transcribes the trimmed clip with the owner's (or the platform's) key and burns the SRT into
 * the picture. Progress maps onto [from, to] of the job; a failure names its step. The minutes
 * are metered with the trim's own usage event (`subtitleMinutes`), against what the submission
 * reserved for them.
 */
@Injectable()
export class SubtitlesStep {
  constructor(private readonly transcription: TranscriptionRunner) {}

  async apply(ctx: JobContext, trimmed: string, p: TrimJobParams, from: number, to: number): Promise<SubtitledVideo> {
    const mid = from + (to - from) * 0.6;
    const t = await step('transcribe', () =>
      this.transcription.run(
        ctx,
        trimmed,
        { translate: false, model: 'whisper-1', diarize: false, keySource: p.key_source, provider: p.provider },
        (f) => ctx.progress(from + f * (mid - from)),
      ),
    );
    const video = path.join(ctx.workDir, 'subtitled.mp4');
    await step('burn-in', () =>
      burnSubtitles(trimmed, t.srtPath, video, {
        durationS: t.audioSeconds,
        signal: ctx.signal,
        timeoutMs: ctx.timeoutMs,
        onProgress: (pct) => ctx.progress(mid + (pct / 100) * (to - mid)),
      }).catch((err: unknown) => {
        if (ctx.signal.aborted) throw err;
        throw new MediaError('SUBTITLES_FAILED', `ffmpeg could not burn the captions: ${(err as Error).message}`.slice(0, 300), true);
      }),
    );
    return {
      video,
      outputs: t.outputs.filter((o) => o.name.endsWith('.srt') || o.name.endsWith('.vtt')),
      result: { subtitles: { ...t.result } },
      minutes: t.minutes,
      audioSeconds: t.audioSeconds,
    };
  }
}
