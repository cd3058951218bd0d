import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { MediaProcessor } from '../jobs/media-workers.host';
import type { JobContext, JobProcessor, ProcessorResult } from '../jobs/processor';
import { HookFinder, hookRequest, hookView } from './hook-finder';
import { TranscriptStep } from './transcript.step';

/**
 * `hooks`: the best moments of a video for short clips, found by the owner's own language model
 * in its transcript (an earlier transcription's, or one made here) → hooks.json and result.hooks.
 * Metered as one hooks unit, plus the minutes when it transcribed, plus the model's tokens.
 */
@Injectable()
@MediaProcessor('hooks')
export class HooksProcessor implements JobProcessor<'hooks'> {
  constructor(
    private readonly transcripts: TranscriptStep,
    private readonly finder: HookFinder,
  ) {}

  async process(ctx: JobContext<'hooks'>): Promise<ProcessorResult<'hooks'>> {
    const p = ctx.payload.params;
    let media: string | undefined;
    let bytes = 0;
    if (!p.transcript_key && p.input) {
      const got = await ctx.fetchInput(p.input, p.max_input_bytes, p.max_media_seconds);
      media = got.file;
      bytes = got.bytes;
    }
    ctx.progress(5);
    const split = p.transcript_key ? 10 : 70;
    const t = await this.transcripts.get(ctx, p, media, (f) => ctx.progress(5 + f * (split - 5)));
    const found = await this.finder.find(t.transcript, hookRequest(ctx, (f) => ctx.progress(split + f * (98 - split))));
    const hooks = found.hooks.map(hookView);
    const file = path.join(ctx.workDir, 'hooks.json');
    await writeFile(file, JSON.stringify(hooks, null, 2));
    return {
      outputs: [{ name: 'hooks.json', file, contentType: 'application/json' }],
      result: {
        hooks,
        ai_provider: found.provider,
        model: found.model,
        tokens: { input: found.inputTokens, output: found.outputTokens },
        chunks: found.chunks,
        candidates: found.candidates,
        media_duration_s: Math.round(t.transcript.duration * 1000) / 1000,
        minutes_billed: t.minutes,
        ...t.result,
        ...(bytes ? { input: { bytes } } : {}),
      },
      usage: {
        units: 1,
        mediaSeconds: t.transcript.duration,
        subtitleMinutes: t.minutes,
        inputTokens: found.inputTokens,
        outputTokens: found.outputTokens,
        aiProvider: found.provider,
        aiModel: found.model,
      },
    };
  }
}
