import { execFile } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@clipyard/contracts';
import { ffprobe, isAlive, makeCorrupt, makeImage, makeVideo } from '../../../test/helpers/media';
import { extractSpeechAudio, FfmpegMediaTools, inputOptionsFor, MediaAbortedError, MediaError, mediaConfigSchema, mp4Facts, verticalSize } from './index';

const execFileP = promisify(execFile);

const codeOf = (p: Promise<unknown>) =>
  p.then(() => 'resolved', (e: unknown) => (e instanceof AppError ? e.code : e instanceof MediaAbortedError ? 'ABORTED' : String(e)));

let dir: string;
let video: string;
let longVideo: string;
const tools = new FfmpegMediaTools(mediaConfigSchema.parse({}));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cy-media-'));
  // 1 s GOP (25 frames at 25 fps).
  video = await makeVideo(path.join(dir, 'in.mp4'), { durationS: 10, gop: 25 });
  longVideo = await makeVideo(path.join(dir, 'long.mp4'), { durationS: 40, width: 1280, height: 720, gop: 50 });
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probe', () => {
  it('reads duration, size, codecs and streams', async () => {
    const p = await tools.probe(video);
    expect(p.durationS).toBeCloseTo(10, 0);
    expect(p).toMatchObject({ width: 640, height: 360, videoCodec: 'h264', audioCodec: 'aac', hasVideo: true, hasAudio: true, isImage: false });
  });

  it('recognises a still image', async () => {
    const p = await tools.probe(await makeImage(path.join(dir, 'still.png')));
    expect(p).toMatchObject({ isImage: true, hasVideo: true, hasAudio: false, width: 641, height: 359 });
  });

  it('refuses a corrupt file with UNSUPPORTED_MEDIA', async () => {
    expect(await codeOf(tools.probe(await makeCorrupt(path.join(dir, 'bad.mp4'))))).toBe('UNSUPPORTED_MEDIA');
  });
});

describe('inputs that name other files', () => {
  // An HLS playlist (named like any input, without its .m3u8) whose one segment is a file elsewhere
  // on the worker's disk: ffmpeg would open and read it. It must be refused without being read.
  let playlist: string;
  beforeAll(async () => {
    const secret = path.join(dir, 'elsewhere', 'private.ts');
    await mkdir(path.dirname(secret), { recursive: true });
    await execFileP('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=d=2', '-f', 'mpegts', '-y', secret]);
    playlist = path.join(dir, 'input');
    await writeFile(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n${secret}\n#EXT-X-ENDLIST\n`);
  });

  it('probe refuses an HLS playlist naming a local file', async () => {
    expect(await codeOf(tools.probe(playlist))).toBe('UNSUPPORTED_MEDIA');
  });

  it('trim refuses it too, and writes nothing', async () => {
    const out = path.join(dir, 'from-playlist.mp4');
    expect(await codeOf(tools.trim(playlist, out, { start: 0, end: 1, mode: 'precise' }))).not.toBe('resolved');
    await expect(stat(out).then((s) => s.size)).rejects.toThrow();
  });

  it('transcription audio extraction refuses it', async () => {
    await expect(extractSpeechAudio(playlist, path.join(dir, 'pl.mp3'))).rejects.toThrow();
  });
});

describe('trim', () => {
  it('fast mode (stream copy) lands within one GOP of the request', async () => {
    const out = path.join(dir, 'fast.mp4');
    const progress: number[] = [];
    await tools.trim(video, out, { start: 2.4, end: 6.1, mode: 'fast' }, { onProgress: (p) => progress.push(p) });
    const got = await ffprobe(out);
    expect(Math.abs(got.durationS - 3.7)).toBeLessThanOrEqual(1.0 + 0.05);
    expect(got.codecs).toEqual(expect.arrayContaining(['h264', 'aac']));
    expect(progress[progress.length - 1]).toBe(100);
  });

  it('reports progress from ffmpeg\'s stats lines, without a second process probing the input', async () => {
    const info = await tools.probe(longVideo);
    const probes: unknown[] = [];
    const command = tools.runner.command.bind(tools.runner);
    const spy = jest.spyOn(tools.runner, 'command').mockImplementation(() => {
      const cmd = command();
      const ffprobe = cmd.ffprobe.bind(cmd);
      cmd.ffprobe = ((...args: Parameters<typeof cmd.ffprobe>) => (probes.push(args), ffprobe(...args))) as typeof cmd.ffprobe;
      return cmd;
    });
    const progress: number[] = [];
    try {
      await tools.trim(longVideo, path.join(dir, 'progress.mp4'), { start: 0, end: 12, mode: 'precise' }, { onProgress: (p) => progress.push(p) }, info);
    } finally {
      spy.mockRestore();
    }
    expect(probes).toEqual([]);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(100);
  });

  it('precise mode (re-encode) is within 50 ms', async () => {
    const out = path.join(dir, 'precise.mp4');
    await tools.trim(video, out, { start: 2.37, end: 5.93, mode: 'precise' });
    const got = await ffprobe(out);
    expect(Math.abs(got.durationS - 3.56)).toBeLessThanOrEqual(0.05);
  });

  it.each(['crop', 'pad'] as const)('vertical %s output is 9:16', async (vertical) => {
    const out = path.join(dir, `vertical-${vertical}.mp4`);
    await tools.trim(video, out, { start: 1, end: 3, mode: 'fast', vertical });
    const got = await ffprobe(out);
    expect(got.width! * 16).toBe(got.height! * 9);
    expect(got.width! % 2).toBe(0);
    expect(Math.abs(got.durationS - 2)).toBeLessThanOrEqual(0.05);
  });

  it('refuses ranges outside the input with TRIM_OUT_OF_RANGE', async () => {
    expect(await codeOf(tools.trim(video, path.join(dir, 'x.mp4'), { start: 11, end: 12, mode: 'fast' }))).toBe('TRIM_OUT_OF_RANGE');
    expect(await codeOf(tools.trim(video, path.join(dir, 'x.mp4'), { start: 5, end: 30, mode: 'fast' }))).toBe('TRIM_OUT_OF_RANGE');
  });

  it('refuses a corrupt input with UNSUPPORTED_MEDIA', async () => {
    const bad = await makeCorrupt(path.join(dir, 'bad2.mp4'));
    expect(await codeOf(tools.trim(bad, path.join(dir, 'x.mp4'), { start: 0, end: 1, mode: 'precise' }))).toBe('UNSUPPORTED_MEDIA');
  });

  it('writes a jpg thumbnail', async () => {
    const out = path.join(dir, 'thumb.jpg');
    await tools.thumbnail(video, out, 1);
    const got = await ffprobe(out);
    expect(got.codecs).toEqual(['mjpeg']);
    expect(got.width).toBe(640);
  });
});

describe('probeOutput: the facts of an output from its own moov box, as ffprobe reports them', () => {
  const same = async (file: string) => {
    const mine = await mp4Facts(file);
    const theirs = await tools.probe(file);
    expect(mine).not.toBeNull();
    // the duration is metered (media seconds): it must be ffprobe's to the millisecond
    expect(Math.abs(mine!.durationS - theirs.durationS)).toBeLessThan(0.0005);
    expect(mine).toMatchObject({ width: theirs.width, height: theirs.height, hasVideo: theirs.hasVideo, hasAudio: theirs.hasAudio, isImage: false, sizeBytes: (await stat(file)).size });
    expect(await tools.probeOutput(file)).toEqual(mine);
    return mine!;
  };

  it('a fast trim starting between keyframes (its lead-in GOP counts, as ffprobe says)', async () => {
    const out = path.join(dir, 'facts-fast.mp4');
    await tools.trim(longVideo, out, { start: 11.3, end: 20, mode: 'fast' });
    expect((await same(out)).durationS).toBeGreaterThan(8.7);
  });

  it('a precise trim, a vertical one and an audio-only one', async () => {
    await tools.trim(video, path.join(dir, 'facts-precise.mp4'), { start: 2.37, end: 5.93, mode: 'precise' });
    await same(path.join(dir, 'facts-precise.mp4'));
    await tools.trim(video, path.join(dir, 'facts-vertical.mp4'), { start: 1, end: 3, mode: 'fast', vertical: 'crop' });
    expect(await same(path.join(dir, 'facts-vertical.mp4'))).toMatchObject(verticalSize(640, 360, 'crop'));
    const audio = path.join(dir, 'facts-audio.m4a');
    await execFileP('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=d=6', '-c:a', 'aac', '-y', audio]);
    await tools.trim(audio, path.join(dir, 'facts-audio-out.mp4'), { start: 1.37, end: 5, mode: 'fast' });
    expect(await same(path.join(dir, 'facts-audio-out.mp4'))).toMatchObject({ hasVideo: false, hasAudio: true, width: undefined });
  });

  it('anything but a plain MP4 is left to ffprobe', async () => {
    const mkv = path.join(dir, 'facts.mkv');
    await execFileP('ffmpeg', ['-v', 'error', '-i', video, '-c', 'copy', '-y', mkv]);
    expect(await mp4Facts(mkv)).toBeNull();
    expect((await tools.probeOutput(mkv)).durationS).toBeCloseTo(10, 0);
    const fragmented = path.join(dir, 'facts-frag.mp4');
    await execFileP('ffmpeg', ['-v', 'error', '-i', video, '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov', '-y', fragmented]);
    expect(await mp4Facts(fragmented)).toBeNull();
    expect(await mp4Facts(await makeCorrupt(path.join(dir, 'facts-bad.mp4')))).toBeNull();
  });
});

describe('limits: the time limit and the abort signal kill ffmpeg', () => {
  const slow = { start: 0, end: 39, mode: 'precise' as const, vertical: 'pad' as const };

  it('kills ffmpeg when the time limit passes', async () => {
    let pid = 0;
    const res = codeOf(tools.trim(longVideo, path.join(dir, 'slow1.mp4'), slow, { timeoutMs: 1500, onStart: (p) => (pid = p) }));
    expect(await res).toBe('JOB_TIMEOUT');
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(isAlive(pid)).toBe(false);
  });

  it('kills ffmpeg when aborted', async () => {
    const ac = new AbortController();
    let pid = 0;
    const res = codeOf(
      tools.trim(longVideo, path.join(dir, 'slow2.mp4'), slow, {
        signal: ac.signal,
        onStart: (p) => (pid = p),
        onProgress: () => ac.abort(),
      }),
    );
    expect(await res).toBe('ABORTED');
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(isAlive(pid)).toBe(false);
  });
});

describe('overlay', () => {
  const hostile = [
    `It's "quoted": C:\\path\\to\\x \\n \\' and 100% {braces}`,
    '%{localtime} %{pts} %{eif:1/0:d} %{e:sqrt(-1)}',
    "'; drawbox=x=0:y=0:w=iw:h=ih:color=red:t=fill [out]; [in] null",
    'line one\nline two\r\nline three',
    'emoji 🎬🔥👍🏽 and CJK 字幕 and RTL שלום',
    ':\\:\\\\:[]=,;',
  ].join('\n');

  it('renders hostile text literally without touching the filter graph', async () => {
    const work = await mkdtemp(path.join(dir, 'work-'));
    const out = path.join(dir, 'overlay.mp4');
    const spy = jest.spyOn(tools.runner, 'run');
    await tools.overlay(video, out, { text: hostile, template: 'caption', workDir: work });
    const spec = spy.mock.calls[0][0];
    spy.mockRestore();
    const args = JSON.stringify(spec);
    // The text only travels in a file: nothing of it reaches ffmpeg's arguments.
    for (const piece of ['drawbox', 'localtime', 'quoted', 'emoji']) expect(args).not.toContain(piece);
    const vf = spec.outputOptions[spec.outputOptions.indexOf('-vf') + 1];
    expect(vf.match(/drawtext=/g)).toHaveLength(1);
    expect(vf).toContain('expansion=none');
    const got = await ffprobe(out);
    expect(got).toMatchObject({ width: 640, height: 360 });
    expect(got.durationS).toBeCloseTo(10, 0);
  });

  it.each(['default', 'title', 'caption', 'lower_third', 'watermark'] as const)('template %s renders', async (template) => {
    const work = await mkdtemp(path.join(dir, 'work-'));
    const short = await makeVideo(path.join(dir, `short-${template}.mp4`), { durationS: 1 });
    const out = path.join(dir, `t-${template}.mp4`);
    await tools.overlay(short, out, { text: 'Hello Clipyard', template, workDir: work });
    expect((await stat(out)).size).toBeGreaterThan(1000);
  });

  it('applies overrides and turns an image into a video of the requested duration', async () => {
    const work = await mkdtemp(path.join(dir, 'work-'));
    const img = await makeImage(path.join(dir, 'pic.png'));
    const out = path.join(dir, 'image-overlay.mp4');
    await tools.overlay(img, out, {
      text: 'On a picture',
      template: 'title',
      workDir: work,
      overrides: { font_size: 40, font_color: '#ff8800', position: 'top_left', box: true, box_color: 'navy', box_opacity: 0.4, duration: 3 },
    });
    const got = await ffprobe(out);
    expect(got.durationS).toBeCloseTo(3, 1);
    expect(got).toMatchObject({ width: 640, height: 358, codecs: ['h264'] });
    // the worker reads an overlay's output facts from its moov box: the same as ffprobe's
    const facts = await mp4Facts(out);
    expect(Math.abs(facts!.durationS - got.durationS)).toBeLessThan(0.0005);
    expect(facts).toMatchObject({ width: 640, height: 358, hasVideo: true, hasAudio: false });
  });

  it('fails clearly when the font is missing', async () => {
    const broken = new FfmpegMediaTools(mediaConfigSchema.parse({ MEDIA_FONT_FILE: '/nonexistent/font.ttf' }));
    const work = await mkdtemp(path.join(dir, 'work-'));
    const err = await broken.overlay(video, path.join(dir, 'nofont.mp4'), { text: 'x', template: 'default', workDir: work }).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: 'MEDIA_CONFIG_INVALID' });
    expect((err as Error).message).toContain('MEDIA_FONT_FILE=/nonexistent/font.ttf');
  });
});

describe('trim of a store URL (ffmpeg reads the object with range requests)', () => {
  // A stand-in for the store: serves files of `dir` with byte ranges, and fixed failures.
  let server: http.Server;
  let base: string;
  const served: Record<string, number> = {};
  const rangeStarts: number[] = [];
  beforeAll(async () => {
    await writeFile(path.join(dir, 'playlist'), `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n${longVideo}\n#EXT-X-ENDLIST\n`);
    server = http.createServer((req, res) => {
      const name = new URL(req.url!, 'http://x').pathname.slice(1);
      if (name === 'busy') return res.writeHead(503).end();
      if (name === 'gone') return res.writeHead(404).end();
      const file = path.join(dir, name);
      const size = statSync(file).size;
      const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
      const start = m ? Number(m[1]) : 0;
      rangeStarts.push(start);
      const end = m && m[2] ? Number(m[2]) : size - 1;
      res.writeHead(m ? 206 : 200, { 'Accept-Ranges': 'bytes', 'Content-Length': end - start + 1, ...(m ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}) });
      const body = createReadStream(file, { start, end });
      body.on('data', (c) => (served[name] = (served[name] ?? 0) + c.length));
      body.pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('cuts what the same trim of the file cuts, seeking in the object with range requests', async () => {
    const info = await tools.probe(longVideo);
    const fromFile = path.join(dir, 'url-ref.mp4');
    const fromUrl = path.join(dir, 'url-cut.mp4');
    await tools.trim(longVideo, fromFile, { start: 30, end: 35, mode: 'fast' }, {}, info);
    await tools.trim({ storeUrl: `${base}/long.mp4?X-Amz-Signature=s3cr3t` }, fromUrl, { start: 30, end: 35, mode: 'fast' }, {}, info);
    expect(await mp4Facts(fromUrl)).toEqual(await mp4Facts(fromFile));
    // the header, the moov at the end, the cut 30 s in: not one read from start to end
    expect(rangeStarts.filter((b) => b > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('a store that fails is worth a retry, a missing object is INPUT_NOT_FOUND, and the presigned query stays out of the error', async () => {
    const info = await tools.probe(longVideo);
    const fail = (name: string) => tools.trim({ storeUrl: `${base}/${name}?X-Amz-Signature=s3cr3t` }, path.join(dir, 'url-x.mp4'), { start: 1, end: 2, mode: 'fast' }, {}, info).then(() => null, (e: unknown) => e as MediaError);
    const busy = await fail('busy');
    expect(busy).toMatchObject({ code: 'MEDIA_PROCESSING_FAILED', retryable: true });
    expect(JSON.stringify(busy?.details)).toContain(`${base}/busy`);
    expect(JSON.stringify(busy?.details)).not.toContain('s3cr3t');
    expect(await fail('gone')).toMatchObject({ code: 'INPUT_NOT_FOUND', retryable: false });
  });

  it('admits only the store URL\'s own scheme: a playlist behind it naming a local file is refused unread', async () => {
    const info = await tools.probe(longVideo);
    served['long.mp4'] = 0;
    expect(await codeOf(tools.trim({ storeUrl: `${base}/playlist` }, path.join(dir, 'url-pl.mp4'), { start: 0, end: 1, mode: 'fast' }, {}, info))).toBe('UNSUPPORTED_MEDIA');
    expect(served['long.mp4']).toBe(0);
    expect(inputOptionsFor({ storeUrl: 'https://s3.example/b/k' })).toEqual(expect.arrayContaining(['-protocol_whitelist', 'https,tls,tcp']));
    expect(() => inputOptionsFor({ storeUrl: 'file:///etc/passwd' })).toThrow();
    await expect(tools.trim({ storeUrl: `${base}/long.mp4` }, path.join(dir, 'url-np.mp4'), { start: 0, end: 1, mode: 'fast' })).rejects.toThrow(/probed facts/);
  });
});
