import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadGatewayConfig } from '../config';
import { MediaProbe } from './media-probe';

describe('MediaProbe (real ffprobe)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'probe-'));
  const probe = new MediaProbe(loadGatewayConfig({}));
  const ff = (...args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a video, an image and audio, with exact durations', async () => {
    const mp4 = path.join(dir, 'v.mp4');
    ff('-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=25', '-pix_fmt', 'yuv420p', mp4);
    expect(await probe.probe(mp4)).toEqual({ contentType: 'video/mp4', ext: 'mp4', durationS: 3, width: 320, height: 240 });
    const png = path.join(dir, 'i.png');
    ff('-f', 'lavfi', '-i', 'testsrc=size=64x48', '-frames:v', '1', png);
    expect(await probe.probe(png)).toEqual({ contentType: 'image/png', ext: 'png', width: 64, height: 48 });
    const wav = path.join(dir, 'a.wav');
    ff('-f', 'lavfi', '-i', 'sine=duration=2', wav);
    expect(await probe.probe(wav)).toMatchObject({ contentType: 'audio/wav', ext: 'wav', durationS: 2 });
  });

  it('refuses garbage, text and empty files with UNSUPPORTED_MEDIA', async () => {
    for (const [name, bytes] of [
      ['junk.mp4', Buffer.alloc(5000, 0x5a)],
      ['notes.txt', Buffer.from('just some text\n'.repeat(100))],
      ['empty.mp4', Buffer.alloc(0)],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      await expect(probe.probe(file)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    }
  });
});
