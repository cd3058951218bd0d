import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mediaJobPayloadSchema } from '@clipyard/contracts';
import { FfmpegMediaTools, type MediaInput, type ProbeResult, type RunOptions, type TrimOptions } from '@clipyard/media';
import { loadGatewayConfig } from '../apps/gateway/src/config';
import { MediaProbe } from '../apps/gateway/src/uploads/media-probe';
import type { JobContext } from '../apps/media-worker/src/jobs/processor';
import { TrimProcessor } from '../apps/media-worker/src/trim/trim.processor';
import { ffprobe, makeVideo } from './helpers/media';

const run = promisify(execFile);

/** The real ffmpeg tools, noting what each trim was told. */
class NotingTools extends FfmpegMediaTools {
  readonly told: TrimOptions[] = [];
  override trim(input: MediaInput, output: string, opts: TrimOptions, r?: RunOptions, probed?: ProbeResult) {
    this.told.push(opts);
    return super.trim(input, output, opts, r, probed);
  }
}

/**
 * An upload as the gateway records it (its real probe), trimmed by the worker's TrimProcessor with
 * real ffmpeg on the local driver: the allow-list decides whether ffmpeg skips its stream-info
 * read, and the output is the same either way where it does.
 */
describe('trim with -nofind_stream_info on the allow-list (real ffprobe and ffmpeg)', () => {
  let dir: string;
  const gatewayProbe = new MediaProbe(loadGatewayConfig({}));
  const tools = new NotingTools({ FFMPEG_PATH: 'ffmpeg', FFPROBE_PATH: 'ffprobe', MEDIA_FONT_FILE: '', MEDIA_FONT_BOLD_FILE: '' });
  const ff = (...args: string[]) => run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cy-nofsi-'));
    await makeVideo(path.join(dir, 'h264.mp4'), { durationS: 12, width: 320, height: 240, gop: 25 });
    await ff('-i', path.join(dir, 'h264.mp4'), '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov', path.join(dir, 'frag.mp4'));
    await ff('-f', 'lavfi', '-i', 'testsrc=duration=12:size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=duration=12', '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-g', '25', '-c:a', 'aac', '-shortest', path.join(dir, 'vp9.mp4'));
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Trims `file` [3, 9) through the processor with the params a gateway sends for its upload; `streams: false` = an old gateway's payload. */
  async function trimUpload(file: string, name: string, streams = true) {
    const probed = await gatewayProbe.probe(file);
    const params = {
      input: { key: `users/u/inputs/2026-12/${randomUUID()}/source.mp4` },
      input_facts: { duration_s: probed.durationS!, width: probed.width, height: probed.height, content_type: probed.contentType },
      ...(streams ? { input_streams: { codecs: probed.codecs, fragmented: probed.fragmented } } : {}),
      start: 3,
      end: 9,
      mode: 'fast',
    };
    const workDir = path.join(dir, name);
    await mkdir(workDir);
    const ctx = {
      payload: mediaJobPayloadSchema('trim').parse({ name: 'trim', jobId: randomUUID(), userId: randomUUID(), params }),
      workDir,
      signal: new AbortController().signal,
      timeoutMs: 60_000,
      progress: () => undefined,
      // the local driver: the stored file itself
      openInput: async () => ({ source: file, bytes: stat(file).then((s) => s.size) }),
      fetchInput: async () => ({ file, bytes: (await stat(file)).size }),
    } as unknown as JobContext<'trim'>;
    const res = await new TrimProcessor(tools, {} as never).process(ctx);
    return { out: res.outputs[0].file, flag: tools.told.at(-1)?.skipStreamInfo, result: res.result };
  }

  /** Decodes every frame of every stream: fails on anything a player could not open. */
  const playable = async (file: string) => {
    const { stderr } = await run('ffmpeg', ['-hide_banner', '-v', 'error', '-nostdin', '-i', file, '-map', '0', '-f', 'null', '-']);
    return stderr.trim();
  };
  const streamsOf = async (file: string) => {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,codec_type,duration,nb_frames,width,height,sample_rate,channels', '-of', 'json', file]);
    return JSON.parse(stdout).streams;
  };

  it('H.264/AAC in a plain MP4: the flag is used, and the output is the one without it (streams, durations, bytes), playable', async () => {
    const spawned = jest.spyOn(tools.runner, 'run');
    const withFlag = await trimUpload(path.join(dir, 'h264.mp4'), 'h264-new');
    const without = await trimUpload(path.join(dir, 'h264.mp4'), 'h264-old', false);
    expect(withFlag.flag).toBe(true);
    expect(without.flag).toBe(false);
    // ffmpeg's input options: the flag before the input, only for the job that may skip it
    expect(spawned.mock.calls.map(([spec]) => spec.inputs[0].options)).toEqual([['-nofind_stream_info', '-ss', '3.000'], ['-ss', '3.000']]);
    spawned.mockRestore();
    expect(await playable(withFlag.out)).toBe('');
    expect(await streamsOf(withFlag.out)).toEqual(await streamsOf(without.out));
    const [a, b] = await Promise.all([ffprobe(withFlag.out), ffprobe(without.out)]);
    expect(a).toEqual(b);
    expect(a.codecs).toEqual(['h264', 'aac']);
    expect(a.durationS).toBeGreaterThanOrEqual(6);
    expect(withFlag.result.duration_s).toBe(without.result.duration_s);
    expect((await readFile(withFlag.out)).equals(await readFile(without.out))).toBe(true);
  });

  it('VP9 in MP4: no flag (it would write an empty vpcC), and the output is valid', async () => {
    const got = await trimUpload(path.join(dir, 'vp9.mp4'), 'vp9');
    expect(got.flag).toBe(false);
    expect(await playable(got.out)).toBe('');
    expect((await ffprobe(got.out)).codecs).toEqual(['vp9', 'aac']);
  });

  it('a fragmented MP4: no flag (its audio would come out shorter), and the output is valid and whole', async () => {
    const got = await trimUpload(path.join(dir, 'frag.mp4'), 'frag');
    expect(got.flag).toBe(false);
    expect(await playable(got.out)).toBe('');
    // the same cut by bare ffmpeg (stream info read): the worker's output has the same streams
    const bare = path.join(dir, 'frag-bare.mp4');
    await ff('-ss', '3.000', '-i', path.join(dir, 'frag.mp4'), '-map', '0:v:0?', '-map', '0:a:0?', '-sn', '-dn', '-t', '6.000', '-c', 'copy', '-avoid_negative_ts', 'make_zero', '-movflags', '+faststart', '-f', 'mp4', bare);
    expect(await streamsOf(got.out)).toEqual(await streamsOf(bare));
  });
});
