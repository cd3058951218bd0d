import { randomUUID } from 'node:crypto';
import { mediaJobPayloadSchema } from '@clipyard/contracts';
import type { MediaTools, TrimOptions } from '@clipyard/media';
import type { JobContext } from '../jobs/processor';
import { TrimProcessor } from './trim.processor';

/** The trim options the processor chose, with fakes for ffmpeg and the input. */
async function trimOptionsFor(params: Record<string, unknown>): Promise<TrimOptions> {
  let seen: TrimOptions | undefined;
  const media = {
    trim: async (_in: unknown, _out: string, opts: TrimOptions) => ((seen = opts), { durationS: 30 }),
    probe: async () => ({ durationS: 60, width: 1280, height: 720, hasVideo: true, hasAudio: true, isImage: false, formatName: 'mov,mp4,m4a,3gp,3g2,mj2' }),
    probeOutput: async () => ({ durationS: 30, width: 1280, height: 720, hasVideo: true, hasAudio: true, isImage: false, formatName: 'mov,mp4,m4a,3gp,3g2,mj2' }),
  } as unknown as MediaTools;
  const payload = mediaJobPayloadSchema('trim').parse({ name: 'trim', jobId: randomUUID(), userId: randomUUID(), params });
  const ctx = {
    payload,
    workDir: '/tmp/none',
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    progress: () => undefined,
    openInput: async () => ({ source: { storeUrl: 'http://store.test/in.mp4?X-Amz-Signature=s' }, bytes: Promise.resolve(1000) }),
    fetchInput: async () => ({ file: '/tmp/none/input.mp4', bytes: 1000 }),
  } as unknown as JobContext<'trim'>;
  await new TrimProcessor(media, {} as never).process(ctx);
  if (!seen) throw new Error('trim was not called');
  return seen;
}

describe('TrimProcessor: -nofind_stream_info only on the allow-list', () => {
  const input_facts = { duration_s: 60, width: 1280, height: 720, content_type: 'video/mp4' };
  const base = { input: { key: 'users/u/inputs/2026-12/j/source.mp4' }, input_facts, start: 10, end: 40 };

  it('skips the stream-info read for a plain H.264/AAC MP4 the gateway described', async () => {
    expect((await trimOptionsFor({ ...base, input_streams: { codecs: ['h264', 'aac'], fragmented: false } })).skipStreamInfo).toBe(true);
  });

  it("keeps it for an old gateway's payload (input_facts without input_streams): as before", async () => {
    expect((await trimOptionsFor(base)).skipStreamInfo).toBe(false);
  });

  it('keeps it for VP9, a fragmented MP4, an unknown layout, or another container', async () => {
    for (const [facts, input_streams] of [
      [input_facts, { codecs: ['vp9', 'aac'], fragmented: false }],
      [input_facts, { codecs: ['h264', 'aac'], fragmented: true }],
      [input_facts, { codecs: ['h264', 'aac'], fragmented: null }],
      [{ ...input_facts, content_type: 'video/webm' }, { codecs: ['h264', 'aac'], fragmented: null }],
    ] as const) {
      expect((await trimOptionsFor({ ...base, input_facts: facts, input_streams })).skipStreamInfo).toBe(false);
    }
  });

  it('keeps it when the job carries no input facts (the input is fetched and probed)', async () => {
    expect((await trimOptionsFor({ ...base, input_facts: undefined, input_streams: { codecs: ['h264', 'aac'], fragmented: false } })).skipStreamInfo).toBe(false);
  });
});
