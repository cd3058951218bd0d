import { z } from 'zod';
import { ACTION_FEATURES, JOB_TYPES, MEDIA_JOBS, MEDIA_QUEUE_NAMES, QUEUE_JOB_NAMES, QUEUE_PAYLOADS, QUEUES, USAGE_ACTIONS, concurrencyVar, defaultConcurrency, inputFactsSchema, jobInputSchema, mediaJobPayloadSchema, trimParamsSchema, type MediaJobPayload } from './index';

describe('MEDIA_JOBS registry', () => {
  it('is where the job types, media queues and usage actions come from', () => {
    expect(JOB_TYPES).toEqual(['trim', 'overlay', 'transcribe', 'hooks', 'shorts']);
    expect(MEDIA_QUEUE_NAMES).toEqual(['media-trim', 'media-overlay', 'media-transcribe', 'media-hooks']);
    expect([QUEUES.trim, QUEUES.overlay, QUEUES.transcribe, QUEUES.hooks]).toEqual(MEDIA_QUEUE_NAMES);
    expect(USAGE_ACTIONS).toEqual(['trim', 'overlay', 'transcribe', 'hooks']);
    expect(ACTION_FEATURES).toEqual({ trim: 'trim', overlay: 'overlay', transcribe: 'transcribe', hooks: 'hook_detection' });
  });

  it('gives each media queue the job names of its kinds and a payload schema', () => {
    expect(QUEUE_JOB_NAMES[QUEUES.hooks]).toEqual(['hooks', 'shorts']);
    expect(QUEUE_JOB_NAMES[QUEUES.trim]).toEqual(['trim']);
    for (const q of MEDIA_QUEUE_NAMES) expect(QUEUE_PAYLOADS[q]).toBeDefined();
  });

  it('names a concurrency setting per queue, its default agreed by the kinds sharing it', () => {
    expect(concurrencyVar('hooks')).toBe('WORKER_HOOKS_CONCURRENCY');
    for (const def of Object.values(MEDIA_JOBS)) {
      const sharing = Object.values(MEDIA_JOBS).filter((d) => d.queue === def.queue);
      expect(sharing.map((d) => d.concurrency)).toEqual(sharing.map(() => defaultConcurrency(def.queue)));
    }
  });

  it('builds the payload schema of each kind once, and each still refuses another kind', () => {
    expect(mediaJobPayloadSchema('trim')).toBe(mediaJobPayloadSchema('trim'));
    expect(mediaJobPayloadSchema('trim')).not.toBe(mediaJobPayloadSchema('overlay'));
    const refused = mediaJobPayloadSchema('trim').safeParse({ name: 'overlay', v: 1, jobId: '3f1c6a52-4b7e-4c1a-9d0e-2b8f5a6c7d8e', userId: '6a0e2f4b-1c3d-4e5f-8a9b-0c1d2e3f4a5b', params: {} });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path[0])).toContain('name');
  });
});

describe('trim input_streams across a rolling deploy', () => {
  const who = { jobId: '3f1c6a52-4b7e-4c1a-9d0e-2b8f5a6c7d8e', userId: '6a0e2f4b-1c3d-4e5f-8a9b-0c1d2e3f4a5b' };
  const input_facts = { duration_s: 60, width: 1280, height: 720, content_type: 'video/mp4' };
  const params = { input: { key: 'users/u/inputs/2026-12/j/source.mp4' }, input_facts, start: 10, end: 40, mode: 'fast' };
  const input_streams = { codecs: ['h264', 'aac'], fragmented: false };
  // the trim params schema of the workers deployed before input_streams (input_facts strict, the params object not)
  const beforeInputStreams = z.object({ ...trimParamsSchema.shape, input: jobInputSchema, input_facts: inputFactsSchema.optional() });

  it("a new worker accepts an old gateway's payload, without input_streams", () => {
    const parsed = mediaJobPayloadSchema('trim').parse({ name: 'trim', v: 1, ...who, params }) as MediaJobPayload<'trim'>;
    expect(parsed.params.input_facts).toEqual(input_facts);
    expect(parsed.params).not.toHaveProperty('input_streams');
  });

  it("a new worker reads the new gateway's input_streams, and refuses a malformed one", () => {
    const parsed = mediaJobPayloadSchema('trim').parse({ name: 'trim', v: 1, ...who, params: { ...params, input_streams } }) as MediaJobPayload<'trim'>;
    expect(parsed.params.input_streams).toEqual(input_streams);
    for (const bad of [{ codecs: [], fragmented: false }, { codecs: ['h264'] }, { codecs: 'h264', fragmented: false }, { codecs: ['h264'], fragmented: 'no' }]) {
      expect(mediaJobPayloadSchema('trim').safeParse({ name: 'trim', v: 1, ...who, params: { ...params, input_streams: bad } }).success).toBe(false);
    }
  });

  it('an old worker accepts the new payload (ignoring input_streams); inside the strict input_facts it would refuse the job', () => {
    const old = beforeInputStreams.parse({ ...params, input_streams });
    expect(old).not.toHaveProperty('input_streams');
    expect(old.input_facts).toEqual(input_facts);
    expect(beforeInputStreams.safeParse({ ...params, input_facts: { ...input_facts, ...input_streams } }).success).toBe(false);
    // the contract version stays 1: a v2 would be refused by every old worker (z.literal(1))
    expect(mediaJobPayloadSchema('trim').safeParse({ name: 'trim', v: 2, ...who, params }).success).toBe(false);
  });
});
