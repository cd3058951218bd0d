import { FfmpegRunner } from './ffmpeg.runner';
import { INPUT_OPTIONS } from './input-policy';
import { unsupportedMedia } from './media-error';
import { withToolPriority } from './tool-priority';

export interface ProbeResult {
  /** Seconds; 0 for a still image. */
  durationS: number;
  width?: number;
  height?: number;
  videoCodec?: string;
  audioCodec?: string;
  hasVideo: boolean;
  hasAudio: boolean;
  /** A single still picture (png, jpeg, webp, bmp): overlays turn it into a video. */
  isImage: boolean;
  formatName: string;
  sizeBytes?: number;
}

const IMAGE_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|webp_pipe|bmp_pipe|tiff_pipe|jpegls_pipe)(,|$)/;
const IMAGE_CODECS = new Set(['png', 'mjpeg', 'webp', 'bmp', 'tiff', 'jpegls']);

/** ffprobe through fluent-ffmpeg; anything unreadable becomes UNSUPPORTED_MEDIA. */
export function probeFile(runner: FfmpegRunner, file: string): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    // fluent-ffmpeg spawns ffprobe within this call (its path is set) and keeps the process to itself
    withToolPriority(() => runner.command().input(file).ffprobe([...INPUT_OPTIONS], (err: Error | null, data) => {
      if (err || !data) return reject(unsupportedMedia('ffprobe could not read the file'));
      const video = data.streams.find((s) => s.codec_type === 'video' && !(s.disposition?.attached_pic === 1));
      const audio = data.streams.find((s) => s.codec_type === 'audio');
      if (!video && !audio) return reject(unsupportedMedia('no audio or video stream'));
      const formatName = String(data.format.format_name ?? '');
      const isImage = !!video && !audio && (IMAGE_FORMATS.test(formatName) || (IMAGE_CODECS.has(String(video.codec_name)) && !(Number(data.format.duration) > 0.1)));
      const duration = Number(data.format.duration);
      const durationS = isImage ? 0 : Number.isFinite(duration) ? duration : Number(video?.duration ?? audio?.duration ?? NaN);
      if (!isImage && !(durationS > 0)) return reject(unsupportedMedia('unknown or zero duration'));
      const width = video?.width ? Number(video.width) : undefined;
      const height = video?.height ? Number(video.height) : undefined;
      if (video && !(width && height)) return reject(unsupportedMedia('video stream without dimensions'));
      resolve({
        durationS,
        width,
        height,
        videoCodec: video?.codec_name,
        audioCodec: audio?.codec_name,
        hasVideo: !!video,
        hasAudio: !!audio,
        isImage,
        formatName,
        sizeBytes: data.format.size ? Number(data.format.size) : undefined,
      });
    }));
  });
}
