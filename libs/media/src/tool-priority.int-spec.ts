/**
 * The media tools run at the configured niceness (MEDIA_NICE, through setToolNiceness), every
 * thread of them, while this process keeps its own priority. Real ffmpeg and ffprobe.
 */
import { execFileSync } from 'node:child_process';
import { open, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FfmpegRunner } from './ffmpeg.runner';
import { MediaAbortedError } from './media-error';
import { probeFile } from './probe';
import { run as runMediaTool } from './transcription/audio';
import { setToolNiceness, toolNiceness } from './tool-priority';
import { makeVideo } from '../../../test/helpers/media';
import { childrenNamed, threadNiceness } from '../../../test/helpers/processes';
import { waitFor } from '../../../test/helpers/queues';

const own = os.getPriority();
// a level above ours (a child cannot be given a higher priority than its parent without privileges)
const target = Math.min(19, Math.max(13, own + 1));

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cy-nice-'));
  input = await makeVideo(path.join(dir, 'in.mp4'), { durationS: 2, width: 640, height: 360 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => setToolNiceness(0));

/** An encode that runs until aborted, its encoder threads and all. */
function endlessEncode(signal: AbortSignal, onStart?: (pid: number) => void): Promise<void> {
  return new FfmpegRunner().run(
    {
      inputs: [{ path: input, options: ['-stream_loop', '-1'] }],
      output: path.join(dir, `out-${Math.random().toString(36).slice(2)}.mp4`),
      outputOptions: ['-t', '300', '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '2', '-an', '-f', 'mp4'],
      expectedDurationS: 300,
    },
    { signal, onStart },
  );
}

/** Waits for ffmpeg's encoder threads (more than its main thread), then returns every thread's niceness. */
const niceOnceThreaded = (pid: number) => waitFor(() => {
  const n = threadNiceness(pid);
  return Object.keys(n).length > 2 ? n : null;
}, 20_000, 'ffmpeg encoder threads');

describe('media tools at MEDIA_NICE', () => {
  it('runs a job ffmpeg and every one of its encoder threads at the configured niceness; this process keeps its own', async () => {
    setToolNiceness(target);
    expect(toolNiceness()).toBe(target);
    const stop = new AbortController();
    let pid = 0;
    const encode = endlessEncode(stop.signal, (p) => (pid = p));
    try {
      await waitFor(() => pid, 20_000, 'ffmpeg start');
      const threads = await niceOnceThreaded(pid);
      expect(new Set(Object.values(threads))).toEqual(new Set([target]));
      expect(os.getPriority()).toBe(own);
      expect(Object.values(threadNiceness(process.pid)).every((n) => n === own)).toBe(true);
    } finally {
      stop.abort();
    }
    await expect(encode).rejects.toBeInstanceOf(MediaAbortedError);
  });

  it('leaves ffmpeg at this process priority when the niceness is 0 (any app other than the worker)', async () => {
    const stop = new AbortController();
    let pid = 0;
    const encode = endlessEncode(stop.signal, (p) => (pid = p));
    try {
      await waitFor(() => pid, 20_000, 'ffmpeg start');
      expect(new Set(Object.values(await niceOnceThreaded(pid)))).toEqual(new Set([own]));
    } finally {
      stop.abort();
    }
    await expect(encode).rejects.toBeInstanceOf(MediaAbortedError);
  });

  it('runs the probe (fluent-ffmpeg ffprobe) at the configured niceness', async () => {
    setToolNiceness(target);
    // ffprobe blocks opening a FIFO until a writer comes: it is there to be looked at
    const fifo = path.join(dir, 'probe.fifo');
    execFileSync('mkfifo', [fifo]);
    const probed = probeFile(new FfmpegRunner(), fifo).then(() => 'read', () => 'refused');
    const [pid] = await waitFor(() => {
      const p = childrenNamed('ffprobe');
      return p.length ? p : null;
    }, 20_000, 'ffprobe');
    expect(new Set(Object.values(threadNiceness(pid)))).toEqual(new Set([target]));
    const writer = await open(fifo, 'w');
    await writer.close();
    expect(await probed).toBe('refused'); // an empty stream is no media
  });

  it('runs the transcription tools (spawned ffmpeg) at the configured niceness', async () => {
    setToolNiceness(target);
    const stop = new AbortController();
    const ran = runMediaTool('ffmpeg', ['-nostdin', '-v', 'error', '-stream_loop', '-1', '-i', input, '-t', '300', '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '2', '-f', 'null', '-'], { signal: stop.signal });
    try {
      const [pid] = await waitFor(() => {
        const p = childrenNamed('ffmpeg');
        return p.length ? p : null;
      }, 20_000, 'ffmpeg');
      expect(new Set(Object.values(await niceOnceThreaded(pid)))).toEqual(new Set([target]));
    } finally {
      stop.abort();
    }
    await expect(ran).rejects.toThrow();
  });

  it('refuses a niceness outside 0-19', () => {
    expect(() => setToolNiceness(20)).toThrow(RangeError);
    expect(() => setToolNiceness(-1)).toThrow(RangeError);
  });
});
