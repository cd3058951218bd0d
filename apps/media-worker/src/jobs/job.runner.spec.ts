import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Job } from 'bullmq';
import { monotonicNs } from '@clipyard/observability';
import { JobRunner } from './job.runner';

/** A runner over fakes (no storage, queues or ffmpeg): what it logs and which events it sends. */
function runner(stageLog: boolean) {
  const lines: Array<Record<string, unknown>> = [];
  const sent: string[] = [];
  const events = {
    started: async () => (sent.push('started'), 'id'),
    usage: async () => void sent.push('usage'),
    completed: async () => (sent.push('completed'), 'id'),
    failed: async () => (sent.push('failed'), 'id'),
    progress: async () => 'id',
  };
  const r = new JobRunner(
    { putFile: async () => ({ size: 0 }), deletePrefix: async () => undefined } as never,
    events as never,
    { call: async () => ({}) } as never,
    {} as never,
    { register: () => new AbortController(), unregister: () => undefined } as never,
    { create: async () => '/tmp/none', remove: async () => undefined } as never,
    { timeoutMs: 60_000, progressIntervalMs: 1000, stageLog },
    pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }),
  );
  const job = { attemptsMade: 0, timestamp: Date.now(), opts: { attempts: 5 } } as unknown as Job;
  const payload = { name: 'trim', v: 1, jobId: randomUUID(), userId: randomUUID(), priority: 0, params: {} } as never;
  const process = async () => ({ outputs: [], result: {}, usage: { mediaSeconds: 4 } }) as never;
  return { lines, sent, run: (receivedAt?: number) => r.run('media-trim', job, payload, process, receivedAt) };
}

describe('JobRunner stage stamps (JOB_STAGE_LOG)', () => {
  it('puts the job stage stamps on its "media job started" line, in the order they happened', async () => {
    const r = runner(true);
    const receivedAt = monotonicNs();
    await r.run(receivedAt);
    const started = r.lines.find((l) => l.msg === 'media job started');
    const st = started?.stages as Record<string, number>;
    expect(Object.keys(st)).toEqual(['received', 'handler', 'started']);
    expect(st.received).toBe(receivedAt);
    expect(st.received).toBeLessThanOrEqual(st.handler);
    expect(st.handler).toBeLessThanOrEqual(st.started);
    expect(r.sent).toEqual(['started', 'usage', 'completed']);
  });

  it('logs no stamps when it is off', async () => {
    const r = runner(false);
    await r.run();
    expect(r.lines.find((l) => l.msg === 'media job started')).not.toHaveProperty('stages');
    expect(r.sent).toEqual(['started', 'usage', 'completed']);
  });
});
