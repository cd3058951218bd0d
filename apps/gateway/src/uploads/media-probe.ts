import { execFile } from 'node:child_process';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { INPUT_OPTIONS, mp4Fragmented } from '@clipyard/media';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export interface ProbeResult {
  contentType: string;
  /** File extension for the stored name. */
  ext: string;
  durationS?: number;
  width?: number;
  height?: number;
  /** `codec_name` of every stream, in stream order (`unknown` where ffprobe names none). */
  codecs: string[];
  /** An MP4/MOV's layout: true when fragmented (`moof`/`mvex`); null for other containers or an unreadable layout. */
  fragmented: boolean | null;
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; duration?: string }[];
}

/** Containers we accept (ffprobe format_name) → content type and extension. Anything else is refused. */
const FORMATS: { match: RegExp; video: [string, string]; audio?: [string, string] }[] = [
  { match: /^mov,mp4/, video: ['video/mp4', 'mp4'], audio: ['audio/mp4', 'm4a'] },
  { match: /^matroska,webm/, video: ['video/webm', 'webm'], audio: ['audio/webm', 'webm'] },
  { match: /^avi$/, video: ['video/x-msvideo', 'avi'] },
  { match: /^mpegts$/, video: ['video/mp2t', 'ts'], audio: ['audio/mp2t', 'ts'] },
  { match: /^flv$/, video: ['video/x-flv', 'flv'] },
  { match: /^mp3$/, video: ['audio/mpeg', 'mp3'], audio: ['audio/mpeg', 'mp3'] },
  { match: /^wav$/, video: ['audio/wav', 'wav'], audio: ['audio/wav', 'wav'] },
  { match: /^ogg$/, video: ['video/ogg', 'ogv'], audio: ['audio/ogg', 'ogg'] },
  { match: /^flac$/, video: ['audio/flac', 'flac'], audio: ['audio/flac', 'flac'] },
  { match: /^aac$/, video: ['audio/aac', 'aac'], audio: ['audio/aac', 'aac'] },
  { match: /^png_pipe$/, video: ['image/png', 'png'] },
  { match: /^(jpeg_pipe|image2|mjpeg)$/, video: ['image/jpeg', 'jpg'] },
  { match: /^webp_pipe$/, video: ['image/webp', 'webp'] },
  { match: /^gif$/, video: ['image/gif', 'gif'] },
];

const unsupported = (why: string) => new AppError('UNSUPPORTED_MEDIA', `Unsupported or corrupt media: ${why}`);

/**
 * ffprobe on an upload spooled to the gateway's disk (seekable, so durations are exact even when
 * an mp4's index sits at the end). Only known audio, video and image containers with a decodable
 * stream pass; everything else is UNSUPPORTED_MEDIA.
 */
@Injectable()
export class MediaProbe {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async probe(filePath: string): Promise<ProbeResult> {
    const json = await this.run(filePath);
    const formatName = json.format?.format_name ?? '';
    const streams = json.streams ?? [];
    const video = streams.find((s) => s.codec_type === 'video' && s.codec_name !== 'ansi');
    const audio = streams.find((s) => s.codec_type === 'audio');
    const fmt = FORMATS.find((f) => f.match.test(formatName));
    if (!fmt) throw unsupported(formatName ? `container ${formatName} is not accepted` : 'unknown format');
    if (!video && !audio) throw unsupported('no audio or video stream');
    const [contentType, ext] = video ? fmt.video : (fmt.audio ?? fmt.video);
    const isImage = contentType.startsWith('image/');
    const duration = Number(json.format?.duration ?? video?.duration ?? audio?.duration);
    const codecs = streams.map((s) => (s.codec_name || 'unknown').slice(0, 64)).slice(0, 64);
    // ffprobe does not say whether an MP4 is fragmented; its boxes do (a few header reads of the spool)
    const fragmented = /^mov,mp4/.test(formatName) ? await mp4Fragmented(filePath).catch(() => null) : null;
    const result: ProbeResult = { contentType, ext, codecs, fragmented };
    if (!isImage && Number.isFinite(duration) && duration > 0) result.durationS = Math.round(duration * 1000) / 1000;
    if (video?.width && video?.height) {
      result.width = video.width;
      result.height = video.height;
    }
    return result;
  }

  private run(filePath: string): Promise<FfprobeJson> {
    const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...INPUT_OPTIONS, filePath];
    return new Promise((resolve, reject) => {
      execFile(this.config.FFPROBE_PATH, args, { timeout: this.config.UPLOAD_PROBE_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => {
        // No ffprobe on this server is an outage (503), never the file's fault.
        if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          return reject(new AppError('MEDIA_TOOLS_UNAVAILABLE', 'Uploads cannot be checked: ffprobe is not installed on this server. Try again later.', { missing: ['ffprobe'] }));
        }
        if (err) return reject(unsupported('ffprobe could not read it'));
        try {
          resolve(JSON.parse(stdout) as FfprobeJson);
        } catch {
          reject(unsupported('ffprobe output unreadable'));
        }
      });
    });
  }
}
