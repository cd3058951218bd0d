import { ACTION_FEATURES, JOB_TYPES, MEDIA_JOBS, MEDIA_QUEUE_NAMES, QUEUE_JOB_NAMES, QUEUE_PAYLOADS, QUEUES, USAGE_ACTIONS, concurrencyVar, defaultConcurrency, mediaJobPayloadSchema } from './index';

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
