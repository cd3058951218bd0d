import { spawn } from 'node:child_process';
import { INPUT_OPTIONS } from '../input-policy';
import { AppError } from '@clipyard/contracts';
import { tieToThisProcess } from '../ffmpeg.runner';
import { lowerToolPriority } from '../tool-priority';

/**
 * The few ffmpeg/ffprobe calls transcription needs, with argument arrays (never a shell) and
 * cancellation. Kept here rather than in the general ffmpeg wrapper because they read ffmpeg's
 * stderr (silencedetect) and stream-copy audio only.
 */
export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called with each stderr chunk (progress parsing). */
  onStderr?: (chunk: string) => void;
  ffmpegPath?: string;
}

export async function run(bin: string, args: string[], opts: RunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    lowerToolPriority(child.pid);
    // dies with the worker even on a SIGKILL
    const untie = child.pid ? tieToThisProcess(child.pid) : () => undefined;
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      untie();
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve({ stdout, stderr });
    };
    const onAbort = () => {
      child.kill('SIGKILL');
      finish(opts.signal?.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
    };
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          finish(new AppError('JOB_TIMEOUT', `${bin} did not finish within ${opts.timeoutMs} ms`));
        }, opts.timeoutMs)
      : undefined;
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const s = d.toString();
      // keep only the tail: silencedetect on hours of audio is chatty
      stderr = (stderr + s).slice(-200_000);
      opts.onStderr?.(s);
    });
    child.on('error', (e) => finish(e));
    child.on('close', (code) => {
      if (code === 0) finish();
      else finish(new Error(`${bin} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

export interface ProbeResult {
  duration: number;
  hasAudio: boolean;
  hasVideo: boolean;
  size: number;
}

export async function probe(path: string, opts: RunOptions & { ffprobePath?: string } = {}): Promise<ProbeResult> {
  const { stdout } = await run(
    opts.ffprobePath ?? 'ffprobe',
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...INPUT_OPTIONS, path],
    opts,
  );
  const j = JSON.parse(stdout) as { format?: { duration?: string; size?: string }; streams?: { codec_type?: string; duration?: string }[] };
  const streams = j.streams ?? [];
  const duration = Number(j.format?.duration ?? streams.find((s) => s.duration)?.duration ?? 0);
  return {
    duration: Number.isFinite(duration) ? duration : 0,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    hasVideo: streams.some((s) => s.codec_type === 'video'),
    size: Number(j.format?.size ?? 0),
  };
}

export interface ExtractOptions extends RunOptions {
  /** Bitrate of the speech-ready mp3 (mono, 16 kHz). 32k keeps an hour near 14 MB. */
  bitrateKbps?: number;
  /** Extract only [start, start+duration) of the input. */
  start?: number;
  duration?: number;
}

/** Input (any audio or video) → mono 16 kHz MP3, the compact format every Whisper API accepts. */
export async function extractSpeechAudio(input: string, output: string, opts: ExtractOptions = {}): Promise<void> {
  const args = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];
  if (opts.start !== undefined) args.push('-ss', opts.start.toFixed(3));
  args.push(...INPUT_OPTIONS, '-i', input);
  if (opts.duration !== undefined) args.push('-t', opts.duration.toFixed(3));
  args.push('-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1', '-ar', '16000');
  args.push('-c:a', 'libmp3lame', '-b:a', `${opts.bitrateKbps ?? 32}k`, '-f', 'mp3', output);
  await run(opts.ffmpegPath ?? 'ffmpeg', args, opts);
}

export interface SilenceInterval {
  start: number;
  end: number;
}

/** Quiet stretches via ffmpeg's `silencedetect` (threshold in dB, minimum length in seconds). */
export async function detectSilences(
  input: string,
  opts: RunOptions & { noiseDb?: number; minSeconds?: number } = {},
): Promise<SilenceInterval[]> {
  const filter = `silencedetect=noise=${opts.noiseDb ?? -35}dB:d=${opts.minSeconds ?? 0.4}`;
  const { stderr } = await run(
    opts.ffmpegPath ?? 'ffmpeg',
    ['-hide_banner', '-nostdin', '-v', 'info', ...INPUT_OPTIONS, '-i', input, '-map', '0:a:0', '-af', filter, '-f', 'null', '-'],
    opts,
  );
  return parseSilences(stderr);
}

export function parseSilences(stderr: string): SilenceInterval[] {
  const out: SilenceInterval[] = [];
  let open: number | undefined;
  for (const line of stderr.split('\n')) {
    const s = /silence_start: (-?[\d.]+)/.exec(line);
    if (s) open = Math.max(0, Number(s[1]));
    const e = /silence_end: ([\d.]+)/.exec(line);
    if (e && open !== undefined) {
      out.push({ start: open, end: Number(e[1]) });
      open = undefined;
    }
  }
  // trailing silence that runs to the end of the file has no silence_end line
  if (open !== undefined) out.push({ start: open, end: Number.POSITIVE_INFINITY });
  return out;
}
