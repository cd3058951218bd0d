import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { mediaJobPayloadSchema, parseMediaJobRequest, type MediaJobEnqueue, type MediaJobName } from '@clipyard/contracts';
import { JobSubmissionService } from './job-submission.service';

/** A submission's steps, in the order they happened (fakes of the billing RPC, the jobs table and the queue). */
function submission(fail: { insert?: boolean; add?: boolean; priority?: number } = {}, opts: { stageLog?: boolean } = {}) {
  const steps: string[] = [];
  const logLines: Array<Record<string, unknown>> = [];
  const userId = randomUUID();
  const upload = { id: randomUUID(), userId, storageKey: `users/${userId}/inputs/2026-12/u/src.mp4`, size: 1000, durationS: 10, contentType: 'video/mp4', width: 320, height: 240 };
  const billing = {
    reserve: async () => (steps.push('reserve'), { reservationId: randomUUID(), priority: fail.priority ?? 5 }),
    release: async () => (steps.push('release'), {}),
    limits: async () => ({ features: [] }),
  };
  const jobs = {
    insertUnannounced: async (j: { id: string; userId: string; type: string; params: object }) => {
      steps.push('insert');
      if (fail.insert) throw new Error('insert failed');
      const job = { ...j, status: 'queued', progress: 0, outputs: [], createdAt: new Date(), revision: 1 };
      return {
        job,
        announce: async () => {
          steps.push('announce');
          await new Promise((r) => setTimeout(r, 5));
          steps.push('announced');
        },
      };
    },
    deleteOwned: async () => steps.push('delete row'),
  };
  const queues = {
    // the real contract check, then a fake add
    prepareMedia: <N extends MediaJobName>(name: N, job: MediaJobEnqueue<N>) => {
      mediaJobPayloadSchema(name).parse({ ...job, name });
      steps.push('validate');
      return async () => {
        steps.push('add');
        if (fail.add) throw new Error('Redis down');
        return job.jobId;
      };
    },
  };
  const service = new JobSubmissionService(
    jobs as never,
    { findOwned: async () => upload } as never,
    billing as never,
    queues as never,
    { fingerprint: () => 'h', run: (_u: string, _k: string | undefined, _h: string, fn: () => unknown) => fn() } as never,
    {} as never,
    {} as never,
    {} as never,
    {} as never,
    { REQUIRE_VERIFIED_EMAIL: false, ALLOW_PRIVATE_URLS: false, PUBLIC_BASE_URL: 'http://api.test', JOB_STAGE_LOG: opts.stageLog ?? false } as never,
    pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) }),
    { counter: () => ({ inc: () => undefined }) } as never,
    {} as never,
  );
  const submit = (body: Record<string, unknown>) =>
    service.submit({ userId, type: 'trim', params: parseMediaJobRequest('trim', { input: { upload_id: upload.id }, ...body }), rawBody: body });
  return { steps, submit, logLines };
}

describe('job submission', () => {
  it('validates the queue payload, inserts the row, then queues the job, and answers once the job is announced', async () => {
    const s = submission();
    const res = await s.submit({ start: 2, end: 6 });
    expect(res.status).toBe(202);
    expect(s.steps).toEqual(['reserve', 'validate', 'insert', 'add', 'announce', 'announced']);
  });

  it('never queues a job whose row was not inserted, and releases its reservation', async () => {
    const s = submission({ insert: true });
    await expect(s.submit({ start: 2, end: 6 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(s.steps).toEqual(['reserve', 'validate', 'insert', 'release']);
  });

  it('writes no row for a payload the queue contract refuses, and releases the reservation', async () => {
    // a payload the worker would refuse (the contract's priority is never negative)
    const s = submission({ priority: -1 });
    await expect(s.submit({ start: 2, end: 6 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(s.steps).toEqual(['reserve', 'release']);
  });

  it('removes the row and releases the reservation when the job cannot be queued', async () => {
    const s = submission({ add: true });
    await expect(s.submit({ start: 2, end: 6 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(s.steps.slice(0, 4)).toEqual(['reserve', 'validate', 'insert', 'add']);
    expect(s.steps).toContain('delete row');
    expect(s.steps.at(-1)).toBe('release');
  });

  it('with JOB_STAGE_LOG, logs the stage stamps of the submission in the order they happened; without it, nothing', async () => {
    const on = submission({}, { stageLog: true });
    const res = await on.submit({ start: 2, end: 6 });
    const lines = on.logLines.filter((l) => l.msg === 'job stages');
    expect(lines).toHaveLength(1);
    expect(lines[0].jobId).toBe((res.body as { id: string }).id);
    const st = lines[0].stages as Record<string, number>;
    expect(Object.keys(st)).toEqual(['insert', 'committed', 'add', 'added']);
    expect(st.insert).toBeLessThanOrEqual(st.committed);
    expect(st.committed).toBeLessThanOrEqual(st.add);
    expect(st.add).toBeLessThanOrEqual(st.added);

    const off = submission();
    await off.submit({ start: 2, end: 6 });
    expect(off.logLines.filter((l) => l.msg === 'job stages' || 'stages' in l)).toEqual([]);
  });
});
