import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { burnSubtitles, escapeFiltergraph, escapeFilterValue, subtitlesFilter } from './subtitles';
import { toSrt } from './transcript';

const exec = promisify(execFile);

/** One grey frame as raw bytes (w*h). */
async function grayFrame(file: string, at: number): Promise<Buffer> {
  const { stdout } = await exec('ffmpeg', ['-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], {
    encoding: 'buffer',
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout as unknown as Buffer;
}
/** Pixels in rows [y0, y1) whose brightness differs by more than 40 between two frames. */
function changed(a: Buffer, b: Buffer, w: number, y0: number, y1: number): number {
  let n = 0;
  for (let i = y0 * w; i < y1 * w; i++) if (Math.abs(a[i] - b[i]) > 40) n++;
  return n;
}

describe('burnSubtitles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'subs-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('escapes both filtergraph levels', () => {
    expect(escapeFilterValue(`a'b:c\\d`)).toBe(`a\\'b\\:c\\\\d`);
    expect(escapeFiltergraph(`x[y],z;w'`)).toBe(`x\\[y\\]\\,z\\;w\\'`);
    expect(subtitlesFilter('/t/a.srt', { FontSize: 10, Outline: 1 })).toBe(
      'subtitles=filename=/t/a.srt:charenc=UTF-8:force_style=FontSize=10\\,Outline=1',
    );
  });

  it('draws the captions into the picture, from a path full of filter metacharacters', async () => {
    const video = join(dir, 'plain.mp4');
    await exec('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x203040:s=320x240:r=25:d=3', '-f', 'lavfi', '-i', 'sine=f=440:d=3',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', video,
    ]);
    const nasty = join(dir, `it's: [a], b; c\\d`);
    await mkdir(nasty, { recursive: true });
    const srt = join(nasty, 'cap,tions.srt');
    await writeFile(srt, toSrt([{ id: 0, start: 0, end: 3, text: 'HELLO CAPTIONS 123' }]));
    const out = join(dir, 'burned.mp4');
    const progress: number[] = [];
    await burnSubtitles(video, srt, out, { durationS: 3, onProgress: (p) => progress.push(p) });

    const [before, after] = await Promise.all([grayFrame(video, 1.5), grayFrame(out, 1.5)]);
    expect(after.length).toBe(320 * 240);
    // white glyphs appeared in the bottom third (the captions); the top third is untouched
    expect(changed(before, after, 320, 160, 240)).toBeGreaterThan(300);
    expect(changed(before, after, 320, 0, 160)).toBe(0);
    const { stdout } = await exec('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', out]);
    expect(stdout.trim().split('\n').sort()).toEqual(['audio', 'video']);
  });
});
