import { run, type RunOptions } from './audio';
import { INPUT_OPTIONS } from '../input-policy';

/**
 * A readable default caption style (libass `force_style`): white DejaVu Sans with a black outline
 * and a soft shadow, bottom centre, sized from the video height (PlayResY is 288 for SRT input,
 * so FontSize 18 is about 6 % of the picture height whatever the resolution).
 */
export const DEFAULT_CAPTION_STYLE = {
  FontName: 'DejaVu Sans',
  FontSize: 18,
  PrimaryColour: '&H00FFFFFF',
  OutlineColour: '&H00000000',
  BackColour: '&H80000000',
  BorderStyle: 1,
  Outline: 2,
  Shadow: 0.5,
  Alignment: 2,
  MarginV: 18,
} as const;

/** One value inside a filter's option list: `\`, `'` and `:` are escaped (ffmpeg's first level). */
export const escapeFilterValue = (v: string) => v.replace(/[\\':]/g, (c) => `\\${c}`);
/** The filtergraph level on top: `\`, `'`, `[`, `]`, `,` and `;` are escaped. */
export const escapeFiltergraph = (s: string) => s.replace(/[\\'[\],;]/g, (c) => `\\${c}`);

/** `subtitles=filename=…:force_style=…` with both escaping levels applied: any path is safe. */
export function subtitlesFilter(srtPath: string, style: Record<string, string | number> = DEFAULT_CAPTION_STYLE): string {
  const forceStyle = Object.entries(style)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const arg = (v: string) => escapeFiltergraph(escapeFilterValue(v));
  return `subtitles=filename=${arg(srtPath)}:charenc=UTF-8:force_style=${arg(forceStyle)}`;
}

export interface BurnOptions extends RunOptions {
  /** Input duration (s), for progress. */
  durationS?: number;
  onProgress?: (percent: number) => void;
  style?: Record<string, string | number>;
}

/** Re-encodes `input` with the SRT's captions drawn into the picture; audio is copied. */
export async function burnSubtitles(input: string, srtPath: string, output: string, o: BurnOptions = {}): Promise<void> {
  const args = ['-hide_banner', '-nostdin', '-y', ...INPUT_OPTIONS, '-i', input, '-map', '0:v:0', '-map', '0:a?'];
  args.push('-vf', subtitlesFilter(srtPath, o.style));
  args.push('-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p', '-c:a', 'copy', '-movflags', '+faststart', output);
  await run(o.ffmpegPath ?? 'ffmpeg', args, {
    ...o,
    onStderr: (chunk) => {
      const m = /time=(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(chunk);
      if (m && o.durationS && o.onProgress) {
        const t = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
        o.onProgress(Math.min(100, (t / o.durationS) * 100));
      }
    },
  });
}
