/**
 * `priority_processing` is a real feature, not a label: with the only overlay slot busy, a premium
 * job submitted after a free one starts before it (BullMQ priorities from the plan: premium 1,
 * free 10; lower runs first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, startSystem, type System } from './harness';
import { makeVideo } from './helpers/media';
import { upload, setPlan, waitForJob } from './helpers/jobs';
import { signUp, type TestUser } from './helpers/users';

describe('priority processing (e2e)', () => {
  let sys: System;
  let dir: string;
  let free: TestUser;
  let premium: TestUser;
  /** Owns the busy job (a plan allows one running job per user on free, so not the free user). */
  let other: TestUser;
  let busyClip: string;
  let smallClip: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'priority-'));
    [busyClip, smallClip] = await Promise.all([
      makeVideo(path.join(dir, 'busy.mp4'), { durationS: 20, width: 640, height: 360 }),
      makeVideo(path.join(dir, 'small.mp4'), { durationS: 1, width: 160, height: 90 }),
    ]);
    sys = await startSystem({ env: { WORKER_OVERLAY_CONCURRENCY: '1', STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') } });
    [free, premium, other] = await Promise.all([signUp(sys), signUp(sys), signUp(sys)]);
    await Promise.all([setPlan(sys, premium.userId, 'premium'), setPlan(sys, other.userId, 'pro')]);
  }, 180_000);
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const overlay = async (user: TestUser, uploadId: string, text: string) => {
    const res = await sys.post('/v1/jobs/overlay', { input: { upload_id: uploadId }, text }, { apiKey: user.apiKey });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };

  it('runs a premium job queued behind a free one first', async () => {
    const [busyUp, freeUp, premiumUp] = await Promise.all([
      upload(sys, other.apiKey, busyClip),
      upload(sys, free.apiKey, smallClip),
      upload(sys, premium.apiKey, smallClip),
    ]);
    for (const u of [busyUp, freeUp, premiumUp]) expect(u.status).toBe(201);

    // the one overlay slot is taken by a long re-encode
    const busy = await overlay(other, busyUp.body.id, 'busy');
    await eventually(async () => (await sys.get(`/v1/jobs/${busy}`, { apiKey: other.apiKey })).body.status === 'active', 30_000, 50);

    const freeJob = await overlay(free, freeUp.body.id, 'free');
    const premiumJob = await overlay(premium, premiumUp.body.id, 'premium');
    const busyStill = (await sys.get(`/v1/jobs/${busy}`, { apiKey: other.apiKey })).body;
    // the ordering below only proves something if both waited behind the busy job
    expect(busyStill.status).toBe('active');

    const [b, f, p] = await Promise.all([
      waitForJob(sys, other.apiKey, busy, undefined, 120_000),
      waitForJob(sys, free.apiKey, freeJob, undefined, 120_000),
      waitForJob(sys, premium.apiKey, premiumJob, undefined, 120_000),
    ]);
    for (const j of [b, f, p]) expect(j.status).toBe('completed');
    expect(Date.parse(p.started_at)).toBeGreaterThanOrEqual(Date.parse(b.completed_at));
    expect(Date.parse(p.started_at)).toBeLessThan(Date.parse(f.started_at));
  }, 180_000);
});
