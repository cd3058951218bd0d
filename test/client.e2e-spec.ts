/**
 * The typed client (`@clipyard/client`, generated from the gateway's OpenAPI description) against
 * the real system: sign-up to a finished trim and its download, with typed bodies, typed errors
 * and the contract check on every answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Schema } from '@clipyard/client';
import { eventually, startSystem, uniqueEmail, type System } from './harness';
import { strongPassword } from './helpers/users';
import { makeVideo } from './helpers/media';
import { setPlan, upload } from './helpers/jobs';

describe('typed client (e2e)', () => {
  let sys: System;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'client-e2e-'));
    sys = await startSystem({ env: { STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') } });
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs up, creates a key, trims a video and downloads the result', async () => {
    const anon = sys.client();
    const email = uniqueEmail('client');
    const password = strongPassword();
    const reg = await anon.POST('/v1/auth/register', { body: { email, password } });
    expect(reg.response.status).toBe(201);
    const me = reg.data!;
    expect(me.email).toBe(email);

    const login = await anon.POST('/v1/auth/login', { body: { email, password } });
    const signedIn = login.data!;
    if ('mfa_required' in signedIn) throw new Error('no two-factor for this user');
    const session = sys.client({ token: signedIn.access_token });
    const key = await session.POST('/v1/api-keys', { body: { name: 'client test', scopes: ['jobs:read', 'jobs:write', 'files:read', 'files:write'] } });
    expect(key.data!.key).toMatch(/^cy_live_/);
    await setPlan(sys, me.id, 'premium', { max_concurrent_jobs: -1 });

    const api = sys.client({ apiKey: key.data!.key });
    const video = await makeVideo(path.join(dir, 'in.mp4'), { durationS: 3 });
    const up = await upload(sys, key.data!.key, video, { contentType: 'video/mp4' });
    expect(up.status).toBe(201);

    const submitted = await api.POST('/v1/jobs/trim', {
      body: { input: { upload_id: up.body.id }, start: 0.5, end: 2, mode: 'fast' },
      headers: { 'Idempotency-Key': `client-${Date.now()}` },
    });
    expect(submitted.response.status).toBe(202);
    const job: Schema<'Job'> = submitted.data!;
    expect(submitted.response.headers.get('location')).toBe(`/v1/jobs/${job.id}`);

    const done = await eventually(async () => {
      const { data } = await api.GET('/v1/jobs/{id}', { params: { path: { id: job.id } } });
      return data && ['completed', 'failed'].includes(data.status) ? data : undefined;
    }, 90_000, 250);
    expect(done.status).toBe('completed');
    const etag = (await api.GET('/v1/jobs/{id}', { params: { path: { id: job.id } } })).response.headers.get('etag')!;
    const notModified = await api.GET('/v1/jobs/{id}', { params: { path: { id: job.id }, header: { 'If-None-Match': etag } } });
    expect(notModified.response.status).toBe(304);

    const out = done.outputs[0];
    const link = await api.GET('/v1/jobs/{id}/outputs/{name}/url', { params: { path: { id: job.id, name: out.name } } });
    expect(link.data!.url).toContain('/v1/files/');
    const file = await api.GET('/v1/jobs/{id}/outputs/{name}', { params: { path: { id: job.id, name: out.name } }, parseAs: 'arrayBuffer' });
    expect(file.response.status).toBe(200);
    expect((file.data as ArrayBuffer).byteLength).toBe(out.size);

    const list = await api.GET('/v1/jobs', { params: { query: { type: 'trim', limit: 5 } } });
    expect(list.data!.data.map((j) => j.id)).toContain(job.id);
    const stats = await api.GET('/v1/jobs/stats');
    expect(stats.data!.by_type.trim.completed).toBeGreaterThanOrEqual(1);
  }, 150_000);

  it('returns typed errors with the documented codes', async () => {
    const api = sys.client({ apiKey: 'cy_live_not-a-real-key-000000000000000000000' });
    const unauth = await api.GET('/v1/jobs');
    expect(unauth.response.status).toBe(401);
    expect(unauth.error!.error.code).toMatch(/^API_KEY_INVALID|UNAUTHENTICATED$/);

    const email = uniqueEmail('client-err');
    const password = strongPassword();
    await sys.client().POST('/v1/auth/register', { body: { email, password } });
    const dup = await sys.client().POST('/v1/auth/register', { body: { email, password } });
    expect(dup.response.status).toBe(409);
    expect(dup.error!.error.code).toBe('EMAIL_TAKEN');
    const bad = await sys.client().POST('/v1/auth/login', { body: { email, password: 'wrong-password-1' } });
    expect(bad.response.status).toBe(401);
    expect(bad.error!.error.code).toBe('INVALID_CREDENTIALS');
  });
});
