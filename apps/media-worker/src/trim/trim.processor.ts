import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { InputFacts } from '@clipyard/contracts';
import { MediaTools, skipsStreamInfo, unsupportedMedia, type MediaInput, type ProbeResult } from '@clipyard/media';
import { MediaProcessor } from '../jobs/media-workers.host';
import type { JobContext, JobProcessor, ProcessorOutput, ProcessorResult } from '../jobs/processor';
import { SubtitlesStep, step, type SubtitledVideo } from '../transcribe/subtitles.step';

/** `trim`: cut [start, end) fast (stream copy) or precise (re-encode), optionally 9:16, optionally a thumbnail. */
@Injectable()
@MediaProcessor('trim')
export class TrimProcessor implements JobProcessor<'trim'> {
  constructor(
    @Inject(MediaTools) private readonly media: MediaTools,
    private readonly subtitles: SubtitlesStep,
  ) {}

  async process(ctx: JobContext<'trim'>): Promise<ProcessorResult<'trim'>> {
    const p = ctx.payload.params;
    // a stored upload was probed when it was uploaded: its facts come with the job, and nothing
    // but ffmpeg's one read needs the input, so on S3 ffmpeg reads just the cut's part of it in place
    const known = p.input_facts && 'key' in p.input ? p.input_facts : undefined;
    let file: MediaInput;
    let info: ProbeResult;
    let size: Promise<number>;
    // the upload's codecs and layout may let ffmpeg skip reading its first packets; a job of a
    // gateway that does not send them (no `input_streams`) opens the input as before
    let skipStreamInfo = false;
    if (known) {
      const opened = await ctx.openInput(p.input, p.max_input_bytes, p.max_media_seconds);
      file = opened.source;
      size = opened.bytes;
      // the cut needs the facts, not the size (which may still be on its way)
      info = probeOf(known, NaN);
      const streams = p.input_streams;
      skipStreamInfo = !!streams && skipsStreamInfo({ contentType: known.content_type, codecs: streams.codecs, fragmented: streams.fragmented });
    } else {
      const got = await ctx.fetchInput(p.input, p.max_input_bytes, p.max_media_seconds);
      file = got.file;
      size = Promise.resolve(got.bytes);
      info = await this.media.probe(got.file);
    }
    if (p.thumbnail && !info.hasVideo) throw unsupportedMedia('a thumbnail needs a video stream');
    const out = path.join(ctx.workDir, 'output.mp4');
    // a failed size lookup (the object gone, the store down) stops ffmpeg and is the job's error
    const stop = new AbortController();
    const sized = size.catch((err: unknown) => {
      stop.abort();
      throw err;
    });
    const run = { timeoutMs: ctx.timeoutMs, signal: AbortSignal.any([ctx.signal, stop.signal]) };
    // The cut is most of the work; the thumbnail takes the last few percent. With subtitles the
    // cut is the first 30 %, then transcription and burn-in (one job: trim → transcribe → burn-in).
    const share = p.subtitles ? 0.3 : p.thumbnail ? 0.95 : 1;
    const cut = () =>
      this.media.trim(file, out, { start: p.start, end: p.end, mode: p.mode, vertical: p.vertical, skipStreamInfo }, { ...run, onProgress: (pct) => ctx.progress(pct * share) }, info);
    const [trimmed, bytesOf] = await Promise.allSettled([p.subtitles ? step('trim', cut) : cut(), sized]);
    if (bytesOf.status === 'rejected') throw bytesOf.reason;
    if (trimmed.status === 'rejected') throw trimmed.reason;
    const bytes = bytesOf.value;
    info.sizeBytes = bytes;
    let subtitled: SubtitledVideo | undefined;
    if (p.subtitles) subtitled = await this.subtitles.apply(ctx, out, p, 30, p.thumbnail ? 95 : 99);
    const video = subtitled?.video ?? out;
    const result = await this.media.probeOutput(video);
    const outputs: ProcessorOutput[] = [{ name: 'output.mp4', file: video, contentType: 'video/mp4' }];
    if (p.thumbnail) {
      const thumb = path.join(ctx.workDir, 'thumbnail.jpg');
      await this.media.thumbnail(video, thumb, Math.min(1, result.durationS / 3), run);
      outputs.push({ name: 'thumbnail.jpg', file: thumb, contentType: 'image/jpeg' });
    }
    if (subtitled) outputs.push(...subtitled.outputs);
    return {
      outputs,
      result: {
        duration_s: round3(result.durationS),
        width: result.width,
        height: result.height,
        mode: p.mode,
        vertical: p.vertical ?? null,
        input: { duration_s: round3(info.durationS), width: info.width, height: info.height, bytes },
        ...subtitled?.result,
      },
      usage: { mediaSeconds: round3(result.durationS), subtitleMinutes: subtitled?.minutes },
    };
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The gateway's probe facts of an upload in the shape ffprobe's answer has here. */
function probeOf(f: InputFacts, bytes: number): ProbeResult {
  const isImage = f.content_type.startsWith('image/');
  const hasVideo = !f.content_type.startsWith('audio/') && !!f.width && !!f.height;
  return { durationS: f.duration_s, width: f.width, height: f.height, hasVideo, hasAudio: !isImage, isImage, formatName: '', sizeBytes: bytes };
}
