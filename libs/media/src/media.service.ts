import { access, writeFile } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { FfmpegRunner, type RunOptions } from './ffmpeg.runner';
import { MediaError, unsupportedMedia } from './media-error';
import { mp4Facts } from './mp4-facts';
import { probeFile, type ProbeResult } from './probe';
import { verticalFilter, type VerticalMode } from './vertical';
import { drawtextFilter, maxCharsPerLine, prepareText, resolveStyle, type OverlayOverrides, type OverlayTemplate } from './overlay';
import type { MediaConfig } from './media.config';
import type { MediaInput } from './input-policy';

export type { RunOptions } from './ffmpeg.runner';

export interface TrimOptions {
  start: number;
  end: number;
  /** `fast`: stream copy from the keyframe at or before `start`; `precise`: re-encode, frame-accurate. */
  mode: 'fast' | 'precise';
  vertical?: VerticalMode;
  /**
   * Open the input without `avformat_find_stream_info` (`-nofind_stream_info`): only for a stream
   * copy (fast, not vertical; a re-encode ignores it), and only when `skipsStreamInfo` said the
   * input's codecs and layout give the same output without it.
   */
  skipStreamInfo?: boolean;
}

export interface OverlayOptions {
  text: string;
  template: OverlayTemplate;
  overrides?: OverlayOverrides;
  /** Folder for the text file (the job's temp folder). */
  workDir: string;
  /** Seconds of video made from a still image (overrides.duration wins). */
  imageDurationS?: number;
}

const H264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'];
const AAC = ['-c:a', 'aac', '-b:a', '128k'];
const MP4 = ['-movflags', '+faststart', '-f', 'mp4'];
/** Seconds of tolerance past the end of the input before a trim is refused as out of range. */
const END_TOLERANCE_S = 0.05;

/** What the worker uses of ffmpeg. An abstract class so Nest injects it and tests can swap it. */
export abstract class MediaTools {
  abstract probe(file: string): Promise<ProbeResult>;
  /** The facts of an MP4 this worker's ffmpeg wrote (its output): what `probe` reports, possibly without a process. */
  probeOutput(file: string): Promise<ProbeResult> {
    return this.probe(file);
  }
  /** `input` may be a store URL (`{ storeUrl }`) only with `probed` facts: nothing probes a URL. */
  abstract trim(input: MediaInput, output: string, opts: TrimOptions, run?: RunOptions, probed?: ProbeResult): Promise<{ durationS: number }>;
  abstract thumbnail(input: string, output: string, atS: number, run?: RunOptions): Promise<void>;
  abstract overlay(input: string, output: string, opts: OverlayOptions, run?: RunOptions, probed?: ProbeResult): Promise<{ durationS: number }>;
}

/** MediaTools on the system ffmpeg via fluent-ffmpeg. */
export class FfmpegMediaTools extends MediaTools {
  readonly runner: FfmpegRunner;

  constructor(private readonly config: Pick<MediaConfig, 'FFMPEG_PATH' | 'FFPROBE_PATH' | 'MEDIA_FONT_FILE' | 'MEDIA_FONT_BOLD_FILE'>) {
    super();
    this.runner = new FfmpegRunner(config.FFMPEG_PATH, config.FFPROBE_PATH);
  }

  probe(file: string): Promise<ProbeResult> {
    return probeFile(this.runner, file);
  }

  /** Reads the output's own `moov` box (no ffprobe process, ~60 ms saved a job); ffprobe when it is not a plain MP4. */
  override async probeOutput(file: string): Promise<ProbeResult> {
    return (await mp4Facts(file).catch(() => null)) ?? this.probe(file);
  }

  async trim(input: MediaInput, output: string, opts: TrimOptions, run: RunOptions = {}, probed?: ProbeResult): Promise<{ durationS: number }> {
    if (!probed && typeof input !== 'string') throw new Error('a trim of a store URL needs the probed facts of its input');
    const info = probed ?? (await this.probe(input as string));
    if (info.isImage) throw unsupportedMedia('a still image cannot be trimmed');
    if (!(opts.end > opts.start) || opts.start < 0) throw new MediaError('TRIM_OUT_OF_RANGE', 'end must be after start');
    if (opts.start >= info.durationS || opts.end > info.durationS + END_TOLERANCE_S) {
      throw new MediaError('TRIM_OUT_OF_RANGE', `The input is ${info.durationS.toFixed(3)}s long; ${opts.start}–${opts.end}s is outside it`, false, {
        durationS: info.durationS,
      });
    }
    if (opts.vertical && !info.hasVideo) throw unsupportedMedia('vertical output needs a video stream');
    const length = Math.min(opts.end, info.durationS) - opts.start;
    let seek = ['-ss', opts.start.toFixed(3)];
    const maps = ['-map', '0:v:0?', '-map', '0:a:0?', '-sn', '-dn'];
    let outputOptions: string[];
    if (opts.mode === 'fast' && !opts.vertical) {
      // on a store URL this saves the third of ffmpeg's four range requests (its first packets)
      if (opts.skipStreamInfo) seek = ['-nofind_stream_info', ...seek];
      // Input seeking with stream copy starts at the keyframe at or before `start`.
      outputOptions = [...maps, '-t', length.toFixed(3), '-c', 'copy', '-avoid_negative_ts', 'make_zero', ...MP4];
    } else {
      const vf = opts.vertical && info.width && info.height ? ['-vf', verticalFilter(info.width, info.height, opts.vertical)] : [];
      outputOptions = [...maps, '-t', length.toFixed(3), ...vf, ...H264, ...AAC, ...MP4];
    }
    await this.runner.run({ inputs: [{ path: input, options: seek }], output, outputOptions, expectedDurationS: length }, run);
    return { durationS: length };
  }

  async thumbnail(input: string, output: string, atS: number, run: RunOptions = {}): Promise<void> {
    await this.runner.run(
      {
        inputs: [{ path: input, options: ['-ss', Math.max(0, atS).toFixed(3)] }],
        output,
        outputOptions: ['-frames:v', '1', '-q:v', '3', '-f', 'image2', '-update', '1'],
        expectedDurationS: 0,
      },
      run,
    );
  }

  async overlay(input: string, output: string, opts: OverlayOptions, run: RunOptions = {}, probed?: ProbeResult): Promise<{ durationS: number }> {
    const info = probed ?? (await this.probe(input));
    if (!info.hasVideo || !info.width || !info.height) throw unsupportedMedia('an overlay needs a video or an image');
    await this.assertFonts();
    const style = resolveStyle(opts.template, opts.overrides, info.height);
    const text = prepareText(opts.text, maxCharsPerLine(info.width, style.fontSize));
    const textFile = path.join(opts.workDir, 'overlay-text.txt');
    await writeFile(textFile, text, 'utf8');
    const draw = drawtextFilter({
      template: opts.template,
      overrides: opts.overrides,
      frameWidth: info.width,
      frameHeight: info.height,
      textFile,
      fontFile: this.config.MEDIA_FONT_FILE,
      boldFontFile: this.config.MEDIA_FONT_BOLD_FILE,
    });
    // libx264 needs even dimensions; images often have odd ones.
    const vf = `scale=trunc(iw/2)*2:trunc(ih/2)*2,${draw}`;
    if (info.isImage) {
      const durationS = opts.overrides?.duration ?? opts.imageDurationS ?? 5;
      await this.runner.run(
        {
          inputs: [{ path: input, options: ['-loop', '1', '-framerate', '25', '-t', durationS.toFixed(3)] }],
          output,
          outputOptions: ['-vf', vf, '-t', durationS.toFixed(3), ...H264, '-r', '25', ...MP4],
          expectedDurationS: durationS,
        },
        run,
      );
      return { durationS };
    }
    await this.runner.run(
      {
        inputs: [{ path: input }],
        output,
        outputOptions: ['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn', '-vf', vf, ...H264, ...AAC, ...MP4],
        expectedDurationS: info.durationS,
      },
      run,
    );
    return { durationS: info.durationS };
  }

  /** Fails clearly (not as a cryptic ffmpeg error) when a configured font is missing. */
  private async assertFonts(): Promise<void> {
    for (const [name, file] of [
      ['MEDIA_FONT_FILE', this.config.MEDIA_FONT_FILE],
      ['MEDIA_FONT_BOLD_FILE', this.config.MEDIA_FONT_BOLD_FILE],
    ]) {
      try {
        await access(file, fsConstants.R_OK);
      } catch {
        throw new MediaError('MEDIA_CONFIG_INVALID', `Font not found: ${name}=${file} (install fonts-dejavu-core or set ${name})`, true);
      }
    }
  }
}
