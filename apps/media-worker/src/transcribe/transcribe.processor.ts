import { Injectable } from '@nestjs/common';
import { MediaProcessor } from '../jobs/media-workers.host';
import type { JobContext, JobProcessor, ProcessorResult } from '../jobs/processor';
import { TranscriptionRunner } from './transcription.runner';

/** `transcribe`: the input's speech → transcript.json/.txt/.srt/.vtt, metered in minutes of audio. */
@Injectable()
@MediaProcessor('transcribe')
export class TranscribeProcessor implements JobProcessor<'transcribe'> {
  constructor(private readonly transcription: TranscriptionRunner) {}

  async process(ctx: JobContext<'transcribe'>): Promise<ProcessorResult<'transcribe'>> {
    const p = ctx.payload.params;
    const { file, bytes } = await ctx.fetchInput(p.input, p.max_input_bytes, p.max_media_seconds);
    ctx.progress(5);
    const t = await this.transcription.run(
      ctx,
      file,
      {
        language: p.language,
        translate: p.translate_to_english,
        prompt: p.prompt,
        model: p.model,
        diarize: p.diarization,
        keySource: p.key_source,
        provider: p.provider,
      },
      (f) => ctx.progress(5 + f * 94),
    );
    return {
      outputs: t.outputs,
      result: { ...t.result, input: { bytes } },
      usage: { units: t.minutes, mediaSeconds: t.audioSeconds },
    };
  }
}
