/** Real speech and long audio for transcription tests: espeak-ng for voices, ffmpeg to lay them out. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** `text` spoken by espeak-ng into a WAV file. */
export async function speak(dir: string, name: string, text: string): Promise<string> {
  const out = join(dir, `${name}.wav`);
  await exec('espeak-ng', ['-s', '160', '-w', out, text]);
  return out;
}

/**
 * A `totalSeconds` long mono audio file (any extension ffmpeg knows) with the spoken `phrases`
 * starting at the given times and silence everywhere else.
 */
export async function speechTimeline(
  dir: string,
  out: string,
  totalSeconds: number,
  phrases: { at: number; text: string }[],
): Promise<string> {
  const clips = await Promise.all(phrases.map((p, i) => speak(dir, `phrase-${i}`, p.text)));
  const args = ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-f', 'lavfi', '-t', String(totalSeconds), '-i', 'anullsrc=r=22050:cl=mono'];
  for (const c of clips) args.push('-i', c);
  const delayed = phrases.map((p, i) => `[${i + 1}:a]adelay=${Math.round(p.at * 1000)}:all=1[d${i}]`);
  const mix = `[0:a]${phrases.map((_, i) => `[d${i}]`).join('')}amix=inputs=${phrases.length + 1}:duration=first:normalize=0[a]`;
  args.push('-filter_complex', [...delayed, mix].join(';'), '-map', '[a]', '-ac', '1', join(dir, out));
  await exec('ffmpeg', args);
  return join(dir, out);
}

/** A 320x240 test video of `seconds` with the given audio; `flat` uses one solid colour (clean frame diffs). */
export async function videoWithAudio(dir: string, out: string, audio: string, seconds: number, flat = false): Promise<string> {
  const path = join(dir, out);
  await exec('ffmpeg', [
    '-hide_banner', '-nostdin', '-y', '-v', 'error',
    '-f', 'lavfi', '-i', flat ? `color=c=0x203040:size=320x240:rate=25:duration=${seconds}` : `testsrc2=size=320x240:rate=25:duration=${seconds}`,
    '-i', audio, '-map', '0:v', '-map', '1:a', '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path,
  ]);
  return path;
}
