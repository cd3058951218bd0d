import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { MediaTools } from '@clipyard/media';
import { MediaProcessor } from '../jobs/media-workers.host';
import type { JobContext, JobProcessor, ProcessorResult } from '../jobs/processor';

/** `overlay`: draws text on a video, or on an image turned into a video of `duration` seconds. */
@Injectable()
@MediaProcessor('overlay')
export class OverlayProcessor implements JobProcessor<'overlay'> {
  constructor(@Inject(MediaTools) private readonly media: MediaTools) {}

  async process(ctx: JobContext<'overlay'>): Promise<ProcessorResult<'overlay'>> {
    const p = ctx.payload.params;
    const { file, bytes } = await ctx.fetchInput(p.input, p.max_input_bytes, p.max_media_seconds);
    const info = await this.media.probe(file);
    const out = path.join(ctx.workDir, 'output.mp4');
    await this.media.overlay(
      file,
      out,
      { text: p.text, template: p.template, overrides: p.overrides, workDir: ctx.workDir },
      { timeoutMs: ctx.timeoutMs, signal: ctx.signal, onProgress: (pct) => ctx.progress(pct) },
      info,
    );
    const result = await this.media.probeOutput(out);
    const overrides = p.overrides && Object.keys(p.overrides).length ? p.overrides : undefined;
    return {
      outputs: [{ name: 'output.mp4', file: out, contentType: 'video/mp4' }],
      result: {
        duration_s: Math.round(result.durationS * 1000) / 1000,
        width: result.width,
        height: result.height,
        template: p.template,
        from_image: info.isImage,
        input: { bytes, width: info.width, height: info.height },
      },
      usage: { mediaSeconds: result.durationS, template: p.template, customOverrides: overrides },
    };
  }
}
