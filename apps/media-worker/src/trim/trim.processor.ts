import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { QUEUES, trimJobParamsSchema } from '@clipyard/contracts';
import { MediaTools, unsupportedMedia } from '@clipyard/media';
import { parseParams } from '../jobs/params';
import type { JobContext, JobProcessor, ProcessorOutput, ProcessorResult } from '../jobs/processor';

/** `trim`: cut [start, end) fast (stream copy) or precise (re-encode), optionally 9:16, optionally a thumbnail. */
@Injectable()
export class TrimProcessor implements JobProcessor {
  readonly queue = QUEUES.trim;
  readonly jobName = 'trim';

  constructor(@Inject(MediaTools) private readonly media: MediaTools) {}

  async process(ctx: JobContext): Promise<ProcessorResult> {
    const p = parseParams(trimJobParamsSchema, ctx.payload.params);
    const { file, bytes } = await ctx.fetchInput(p.input, p.max_input_bytes);
    const info = await this.media.probe(file);
    if (p.thumbnail && !info.hasVideo) throw unsupportedMedia('a thumbnail needs a video stream');
    const out = path.join(ctx.workDir, 'output.mp4');
    const run = { timeoutMs: ctx.timeoutMs, signal: ctx.signal };
    // The cut is most of the work; the thumbnail takes the last few percent.
    const share = p.thumbnail ? 0.95 : 1;
    await this.media.trim(file, out, { start: p.start, end: p.end, mode: p.mode, vertical: p.vertical }, { ...run, onProgress: (pct) => ctx.progress(pct * share) }, info);
    const result = await this.media.probe(out);
    const outputs: ProcessorOutput[] = [{ name: 'output.mp4', file: out, contentType: 'video/mp4' }];
    if (p.thumbnail) {
      const thumb = path.join(ctx.workDir, 'thumbnail.jpg');
      await this.media.thumbnail(out, thumb, Math.min(1, result.durationS / 3), run);
      outputs.push({ name: 'thumbnail.jpg', file: thumb, contentType: 'image/jpeg' });
    }
    return {
      outputs,
      result: {
        duration_s: round3(result.durationS),
        width: result.width,
        height: result.height,
        mode: p.mode,
        vertical: p.vertical ?? null,
        input: { duration_s: round3(info.durationS), width: info.width, height: info.height, bytes },
      },
      usage: { mediaSeconds: round3(result.durationS) },
    };
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
