import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, type MediaJobResult } from '@clipyard/contracts';
import { burnSubtitles, MediaError, MediaTools, toSrt, type Hook, type TranscriptSegment } from '@clipyard/media';
import { MediaProcessor } from '../jobs/media-workers.host';
import type { JobContext, JobProcessor, ProcessorOutput, ProcessorResult } from '../jobs/processor';
import { HookFinder, hookRequest, hookView } from './hook-finder';
import { TranscriptStep } from './transcript.step';

/** Re-throws a step's failure with the step named, keeping its code and retryability. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const retryable = err instanceof MediaError ? err.retryable : false;
    throw new MediaError(err.code, `Step ${name} failed: ${err.message}`, retryable, { ...err.details, step: name });
  }
}

/** The transcript's segments inside [start, end), clamped and shifted to the clip's own time. */
export function clipSegments(segments: TranscriptSegment[], start: number, end: number): TranscriptSegment[] {
  return segments
    .filter((s) => s.end > start && s.start < end)
    .map((s, i) => ({ id: i, start: Math.max(0, s.start - start), end: Math.min(end, s.end) - start, text: s.text }))
    .filter((s) => s.end > s.start && s.text.trim());
}

/**
 * `shorts`: one flow in one parent job — transcribe (or reuse a transcript) → find hooks → one
 * vertical clip per hook with the captions of that stretch burned in. Progress covers every step;
 * a failure names its step (`clip 2/3: burn-in`); cancelling the job stops whichever step runs and
 * removes everything. Outputs: short-1.mp4 … and hooks.json. Metered as one hooks unit + one trim
 * per clip + the minutes transcribed, all reserved at submission.
 */
@Injectable()
@MediaProcessor('shorts')
export class ShortsProcessor implements JobProcessor<'shorts'> {
  constructor(
    @Inject(MediaTools) private readonly media: MediaTools,
    private readonly transcripts: TranscriptStep,
    private readonly finder: HookFinder,
  ) {}

  async process(ctx: JobContext<'shorts'>): Promise<ProcessorResult<'shorts'>> {
    const p = ctx.payload.params;
    const t = p.transcript_key ? await step('transcribe', () => this.transcripts.get(ctx, p, undefined, () => undefined)) : undefined;
    const { file, bytes } = await step('download', () => ctx.fetchInput(p.input, p.max_input_bytes, p.max_media_seconds));
    const info = await step('probe', () => this.media.probe(file));
    if (!info.hasVideo) throw new MediaError('UNSUPPORTED_MEDIA', 'Step probe failed: shorts need a video stream', false, { step: 'probe' });
    ctx.progress(3);
    // progress: transcription 3–35 %, hooks 35–45 %, clips 45–99 %
    const tr = t ?? (await step('transcribe', () => this.transcripts.get(ctx, p, file, (f) => ctx.progress(3 + f * 32))));
    ctx.progress(35);
    const found = await step('hooks', () =>
      this.finder.find(tr.transcript, hookRequest(ctx, (f) => ctx.progress(35 + f * 10))),
    );
    // the clips come from the media itself: keep them inside it
    const hooks: Hook[] = found.hooks.filter((h) => h.start < info.durationS).map((h) => ({ ...h, end: Math.min(h.end, info.durationS) }));
    const outputs: ProcessorOutput[] = [];
    const clips: MediaJobResult<'shorts'>['clips'] = [];
    const run = { timeoutMs: ctx.timeoutMs, signal: ctx.signal };
    for (const [i, h] of hooks.entries()) {
      const name = `clip ${i + 1}/${hooks.length}`;
      const base = 45 + (i / hooks.length) * 54;
      const share = 54 / hooks.length;
      const cut = path.join(ctx.workDir, `cut-${i + 1}.mp4`);
      const out = path.join(ctx.workDir, `short-${i + 1}.mp4`);
      const segments = p.subtitles ? clipSegments(tr.transcript.segments, h.start, h.end) : [];
      const burn = segments.length > 0;
      await step(`${name}: trim`, () =>
        this.media.trim(file, burn ? cut : out, { start: h.start, end: h.end, mode: 'precise', vertical: p.vertical }, { ...run, onProgress: (pct) => ctx.progress(base + (pct / 100) * share * (burn ? 0.5 : 1)) }, info),
      );
      if (burn) {
        const srt = path.join(ctx.workDir, `short-${i + 1}.srt`);
        await writeFile(srt, toSrt(segments));
        await step(`${name}: burn-in`, () =>
          burnSubtitles(cut, srt, out, { durationS: h.end - h.start, ...run, onProgress: (pct) => ctx.progress(base + share * 0.5 + (pct / 100) * share * 0.5) }).catch((err: unknown) => {
            if (ctx.signal.aborted) throw err;
            throw new MediaError('SUBTITLES_FAILED', `ffmpeg could not burn the captions: ${(err as Error).message}`.slice(0, 300), true);
          }),
        );
      }
      const made = await this.media.probeOutput(out);
      outputs.push({ name: `short-${i + 1}.mp4`, file: out, contentType: 'video/mp4' });
      clips.push({ name: `short-${i + 1}.mp4`, ...hookView(h), duration_s: r3(made.durationS), width: made.width, height: made.height, captions: burn });
    }
    const hooksFile = path.join(ctx.workDir, 'hooks.json');
    await writeFile(hooksFile, JSON.stringify(hooks.map(hookView), null, 2));
    outputs.push({ name: 'hooks.json', file: hooksFile, contentType: 'application/json' });
    return {
      outputs,
      result: {
        clips,
        hooks: hooks.map(hookView),
        ai_provider: found.provider,
        model: found.model,
        tokens: { input: found.inputTokens, output: found.outputTokens },
        chunks: found.chunks,
        vertical: p.vertical,
        subtitles: p.subtitles,
        minutes_billed: tr.minutes,
        input: { duration_s: r3(info.durationS), width: info.width, height: info.height, bytes },
        ...tr.result,
      },
      usage: {
        units: 1,
        mediaSeconds: clips.reduce((n, c) => n + Number(c.duration_s), 0),
        subtitleMinutes: tr.minutes,
        trimJobs: clips.length,
        inputTokens: found.inputTokens,
        outputTokens: found.outputTokens,
        aiProvider: found.provider,
        aiModel: found.model,
      },
    };
  }
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;
