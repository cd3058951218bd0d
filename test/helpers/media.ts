import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestVideo {
  durationS?: number;
  width?: number;
  height?: number;
  /** Keyframe interval in frames (25 fps): 25 = one GOP per second. */
  gop?: number;
  audio?: boolean;
  fps?: number;
}

/** Generates an H.264/AAC mp4 with ffmpeg's test source (`testsrc` + `sine`). */
export async function makeVideo(file: string, v: TestVideo = {}): Promise<string> {
  const { durationS = 10, width = 640, height = 360, gop = 25, audio = true, fps = 25 } = v;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=duration=${durationS}:size=${width}x${height}:rate=${fps}`];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${durationS}:sample_rate=44100`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac', '-shortest');
  args.push(file);
  await run('ffmpeg', args);
  return file;
}

/** A PNG still (odd dimensions on purpose: encoders need even ones). */
export async function makeImage(file: string, width = 641, height = 359): Promise<string> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}`, '-frames:v', '1', file]);
  return file;
}

/** Bytes that look like nothing ffprobe can read. */
export async function makeCorrupt(file: string): Promise<string> {
  await writeFile(file, Buffer.concat([Buffer.from('not a video at all\n'), Buffer.alloc(4096, 0x5a)]));
  return file;
}

export interface Probed {
  durationS: number;
  width?: number;
  height?: number;
  codecs: string[];
}

/** ffprobe's view of a file (independent of the code under test). */
export async function ffprobe(file: string): Promise<Probed> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
  const data = JSON.parse(stdout) as { format: { duration?: string }; streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }> };
  const video = data.streams.find((s) => s.codec_type === 'video');
  return { durationS: Number(data.format.duration), width: video?.width, height: video?.height, codecs: data.streams.map((s) => s.codec_name) };
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
