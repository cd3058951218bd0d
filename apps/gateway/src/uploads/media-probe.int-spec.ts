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
    expect(await probe.probe(mp4)).toEqual({ contentType: 'video/mp4', ext: 'mp4', durationS: 3, width: 320, height: 240, codecs: ['h264'], fragmented: false });
    const png = path.join(dir, 'i.png');
    ff('-f', 'lavfi', '-i', 'testsrc=size=64x48', '-frames:v', '1', png);
    expect(await probe.probe(png)).toEqual({ contentType: 'image/png', ext: 'png', width: 64, height: 48, codecs: ['png'], fragmented: null });
    const wav = path.join(dir, 'a.wav');
    ff('-f', 'lavfi', '-i', 'sine=duration=2', wav);
    expect(await probe.probe(wav)).toMatchObject({ contentType: 'audio/wav', ext: 'wav', durationS: 2, codecs: ['pcm_s16le'], fragmented: null });
  });

  it("records every stream's codec and whether an MP4/MOV is fragmented (its boxes, not its brands)", async () => {
    const src = ['-f', 'lavfi', '-i', 'testsrc=duration=4:size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=duration=4'];
    const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'];
    const plain = path.join(dir, 'plain.mp4'); // moov at the end
    ff(...src, ...h264, plain);
    const faststart = path.join(dir, 'faststart.mp4'); // moov first, still not fragmented
    ff('-i', plain, '-c', 'copy', '-movflags', '+faststart', faststart);
    const mov = path.join(dir, 'plain.mov');
    ff('-i', plain, '-c', 'copy', mov);
    const frag = path.join(dir, 'frag.mp4'); // empty moov (with mvex), then moof/mdat pairs; ftyp still says isom
    ff('-i', plain, '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov', frag);
    const cmaf = path.join(dir, 'cmaf.mp4');
    ff('-i', plain, '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', cmaf);
    const vp9 = path.join(dir, 'vp9.mp4');
    ff(...src, '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'aac', '-shortest', vp9);
    const mkv = path.join(dir, 'h264.mkv');
    ff('-i', plain, '-c', 'copy', mkv);
    for (const [file, codecs, fragmented] of [
      [plain, ['h264', 'aac'], false],
      [faststart, ['h264', 'aac'], false],
      [mov, ['h264', 'aac'], false],
      [frag, ['h264', 'aac'], true],
      [cmaf, ['h264', 'aac'], true],
      [vp9, ['vp9', 'aac'], false],
      [mkv, ['h264', 'aac'], null],
    ] as const) {
      expect([path.basename(file), await probe.probe(file)]).toEqual([path.basename(file), expect.objectContaining({ codecs, fragmented })]);
    }
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
