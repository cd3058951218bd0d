/**
 * The gateway side of media jobs over real HTTP, PostgreSQL, Redis, BullMQ, billing and ffprobe:
 * uploads, validation, plan features, SSRF refusals, idempotency, ETag polling, listing, stats,
 * cancel and tenant isolation. (test/jobs.e2e-spec.ts runs the real ffmpeg pipeline end to end.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient, RpcClient } from '@clipyard/queue';
import { Storage } from '@clipyard/storage';
import { eventually, startSystem, type System } from './harness';
import { signUp, type TestUser } from './helpers/users';
import { makeCorrupt, makeVideo } from './helpers/media';
import { setPlan, upload } from './helpers/jobs';
import { JobPollFastPath } from '../apps/gateway/src/jobs/job-poll';

describe('media jobs API (e2e)', () => {
  let sys: System;
  let dir: string;
  let video: string;
  let alice: TestUser;
  let bob: TestUser;
  let aliceUpload: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobs-api-'));
    sys = await startSystem({ env: { STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') } });
    video = await makeVideo(path.join(dir, 'clip.mp4'), { durationS: 4 });
    [alice, bob] = [await signUp(sys), await signUp(sys)];
    await setPlan(sys, alice.userId, 'premium', { max_concurrent_jobs: -1 });
    await setPlan(sys, bob.userId, 'free', { max_concurrent_jobs: -1 });
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('uploads', () => {
    it('stores a video and reports what ffprobe saw; only its owner can see it', async () => {
      const res = await upload(sys, alice.apiKey, video, { contentType: 'video/mp4' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), content_type: 'video/mp4', width: 640, height: 360, filename: 'clip.mp4' });
      expect(res.body.duration_s).toBeCloseTo(4, 0);
      expect(res.body.size).toBeGreaterThan(1000);
      aliceUpload = res.body.id;
      expect((await sys.get(`/v1/uploads/${aliceUpload}`, { apiKey: alice.apiKey })).status).toBe(200);
      const foreign = await sys.get(`/v1/uploads/${aliceUpload}`, { apiKey: bob.apiKey });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('UPLOAD_NOT_FOUND');
    });

    it('lists uploads newest first with a cursor, and deletes one: bytes gone, 409 while a queued job reads it, 404 for others', async () => {
      const carol = await signUp(sys);
      await setPlan(sys, carol.userId, 'premium', { max_concurrent_jobs: -1 });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.unshift((await upload(sys, carol.apiKey, video)).body.id);
      const p1 = await sys.get('/v1/uploads?limit=2', { apiKey: carol.apiKey });
      expect(p1.status).toBe(200);
      const p2 = await sys.get(`/v1/uploads?limit=2&cursor=${p1.body.next_cursor}`, { apiKey: carol.apiKey });
      expect([...p1.body.data, ...p2.body.data].map((u: { id: string }) => u.id)).toEqual(ids);
      expect(p2.body.next_cursor).toBeNull();
      expect((await sys.get('/v1/uploads', { apiKey: bob.apiKey })).body.data.map((u: { id: string }) => u.id)).not.toContain(ids[0]);
      expect((await sys.get('/v1/uploads?cursor=nope', { apiKey: carol.apiKey })).status).toBe(422);

      const [target] = ids;
      const storage = sys.apps.gateway!.get(Storage);
      const keysOf = async () => {
        const keys: string[] = [];
        for await (const o of storage.list(`users/${carol.userId}/inputs/`)) keys.push(o.key);
        return keys.filter((k) => k.includes(target));
      };
      expect(await keysOf()).toHaveLength(1);
      expect((await sys.request('DELETE', `/v1/uploads/${target}`, { apiKey: bob.apiKey })).status).toBe(404);

      await sys.stopApp('media-worker'); // keeps the job queued
      try {
        const job = await sys.post('/v1/jobs/trim', { input: { upload_id: target }, start: 0, end: 1 }, { apiKey: carol.apiKey });
        expect(job.status).toBe(202);
        const busy = await sys.request('DELETE', `/v1/uploads/${target}`, { apiKey: carol.apiKey });
        expect(busy.status).toBe(409);
        expect(busy.body.error).toMatchObject({ code: 'UPLOAD_IN_USE', details: { jobs: [job.body.id] } });
        expect(await keysOf()).toHaveLength(1);
        expect((await sys.request('DELETE', `/v1/jobs/${job.body.id}`, { apiKey: carol.apiKey })).status).toBe(200);
      } finally {
        await sys.startApp('media-worker');
      }
      const del = await sys.request('DELETE', `/v1/uploads/${target}`, { apiKey: carol.apiKey });
      expect(del.status).toBe(204);
      expect(await keysOf()).toEqual([]);
      expect((await sys.get(`/v1/uploads/${target}`, { apiKey: carol.apiKey })).status).toBe(404);
      expect((await sys.get('/v1/uploads', { apiKey: carol.apiKey })).body.data.map((u: { id: string }) => u.id)).toEqual(ids.slice(1));
      expect((await sys.request('DELETE', `/v1/uploads/${target}`, { apiKey: carol.apiKey })).status).toBe(404);
      const late = await sys.post('/v1/jobs/trim', { input: { upload_id: target }, start: 0, end: 1 }, { apiKey: carol.apiKey });
      expect(late.body.error.code).toBe('UPLOAD_NOT_FOUND');
    });

    it('refuses corrupt media with 422 UNSUPPORTED_MEDIA and stores nothing', async () => {
      const res = await upload(sys, bob.apiKey, await makeCorrupt(path.join(dir, 'bad.mp4')), { contentType: 'video/mp4' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA');
      const stored: string[] = [];
      for await (const o of sys.apps.gateway!.get(Storage).list(`users/${bob.userId}/`)) stored.push(o.key);
      expect(stored).toEqual([]);
    });

    it("refuses a file past the plan's limit with 413 FILE_TOO_LARGE, also when streamed without a length", async () => {
      const carol = await signUp(sys);
      await setPlan(sys, carol.userId, 'free', { max_file_bytes: 50_000 });
      const declared = await upload(sys, carol.apiKey, Buffer.alloc(200_000, 1));
      expect(declared.status).toBe(413);
      expect(declared.body.error).toMatchObject({ code: 'FILE_TOO_LARGE', details: { maxBytes: 50_000 } });

      const boundary = 'xBOUNDARYx';
      const chunks = [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`),
        ...Array.from({ length: 8 }, () => Buffer.alloc(16_384, 7)),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ];
      const res = await fetch(`${sys.baseUrl}/v1/uploads`, {
        method: 'POST',
        headers: { 'x-api-key': carol.apiKey, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: new ReadableStream({
          pull(ctrl) {
            const next = chunks.shift();
            if (next) ctrl.enqueue(next);
            else ctrl.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error.code).toBe('FILE_TOO_LARGE');
    });

    it('wants multipart with a "file" field', async () => {
      const json = await sys.post('/v1/uploads', { file: 'x' }, { apiKey: alice.apiKey });
      expect(json.status).toBe(415);
      const wrongField = await upload(sys, alice.apiKey, video, { field: 'media' });
      expect(wrongField.status).toBe(422);
      expect(wrongField.body.error.details.issues[0].path).toBe('file');
    });
  });

  describe('submission', () => {
    it('accepts a trim with 202, a Location header and the normalised parameters', async () => {
      const res = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: '00:00:01.000', end: 3 }, { apiKey: alice.apiKey });
      expect(res.status).toBe(202);
      expect(res.headers.get('location')).toBe(`/v1/jobs/${res.body.id}`);
      expect(res.body).toMatchObject({
        type: 'trim',
        status: 'queued',
        progress: 0,
        outputs: [],
        params: { input: { upload_id: aliceUpload }, start: 1, end: 3, mode: 'fast', thumbnail: false },
      });
      const polled = await sys.get(res.headers.get('location')!, { apiKey: alice.apiKey });
      expect(polled.status).toBe(200);
      expect(polled.body.id).toBe(res.body.id);
    });

    it('names the invalid field with 422', async () => {
      const badEnd = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 5, end: 2 }, { apiKey: alice.apiKey });
      expect(badEnd.status).toBe(422);
      expect(badEnd.body.error.code).toBe('VALIDATION_FAILED');
      expect(badEnd.body.error.details.issues.map((i: any) => i.path)).toContain('end');
      const badMode = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 0, end: 2, mode: 'turbo' }, { apiKey: alice.apiKey });
      expect(badMode.body.error.details.issues.map((i: any) => i.path)).toContain('mode');
      const badOverlay = await sys.post('/v1/jobs/overlay', { input: { upload_id: aliceUpload }, text: '' }, { apiKey: alice.apiKey });
      expect(badOverlay.status).toBe(422);
      expect(badOverlay.body.error.details.issues.map((i: any) => i.path)).toContain('text');
    });

    it("refuses another user's upload with 404, and a plan without the feature with 403, leaving no job", async () => {
      const foreign = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 0, end: 1 }, { apiKey: bob.apiKey });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('UPLOAD_NOT_FOUND');
      const own = (await upload(sys, bob.apiKey, video)).body.id;
      const vertical = await sys.post('/v1/jobs/trim', { input: { upload_id: own }, start: 0, end: 1, vertical: 'crop' }, { apiKey: bob.apiKey });
      expect(vertical.status).toBe(403);
      expect(vertical.body.error).toMatchObject({ code: 'FEATURE_NOT_IN_PLAN', details: { feature: 'vertical_format' } });
      const list = await sys.get('/v1/jobs', { apiKey: bob.apiKey });
      expect(list.body.data).toEqual([]);
    });

    it.each([
      'http://127.0.0.1/a.mp4',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/a.mp4',
      'http://localhost/a.mp4',
      'file:///etc/passwd',
    ])('refuses the URL input %s with 422 URL_FORBIDDEN', async (url) => {
      const res = await sys.post('/v1/jobs/trim', { input: { url }, start: 0, end: 1 }, { apiKey: alice.apiKey });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('URL_FORBIDDEN');
    });

    it.each([
      'http://127.0.0.1:9/cb',
      'http://localhost:9/cb',
      'http://[::7f00:1]/cb',
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'javascript:alert(1)',
    ])('refuses the callback_url %s at submission with 422 URL_FORBIDDEN, and creates no job', async (callback_url) => {
      const own = (await upload(sys, alice.apiKey, video)).body.id;
      const before = (await sys.get('/v1/jobs', { apiKey: alice.apiKey })).body.data.length;
      const res = await sys.post('/v1/jobs/trim', { input: { upload_id: own }, start: 0, end: 1, callback_url }, { apiKey: alice.apiKey });
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 422, code: 'URL_FORBIDDEN' });
      expect(res.body.error.details.issues[0].path).toBe('callback_url');
      expect((await sys.get('/v1/jobs', { apiKey: alice.apiKey })).body.data.length).toBe(before);
    });
  });

  describe('idempotency', () => {
    it('replays the same job for the same key and body, refuses the key with another body, scopes keys per user', async () => {
      const key = `trim-${Date.now()}`;
      const body = { input: { upload_id: aliceUpload }, start: 0, end: 2 };
      const first = await sys.post('/v1/jobs/trim', body, { apiKey: alice.apiKey, headers: { 'idempotency-key': key } });
      const again = await sys.post('/v1/jobs/trim', { end: 2, start: 0, input: { upload_id: aliceUpload } }, { apiKey: alice.apiKey, headers: { 'idempotency-key': key } });
      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await sys.post('/v1/jobs/trim', { ...body, end: 3 }, { apiKey: alice.apiKey, headers: { 'idempotency-key': key } });
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const bobUpload = (await upload(sys, bob.apiKey, video)).body.id;
      const bobs = await sys.post('/v1/jobs/trim', { input: { upload_id: bobUpload }, start: 0, end: 2 }, { apiKey: bob.apiKey, headers: { 'idempotency-key': key } });
      expect(bobs.status).toBe(202);
      expect(bobs.body.id).not.toBe(first.body.id);
    });
  });

  describe('polling, listing, stats', () => {
    it('answers If-None-Match with 304 while nothing changed, and sends Retry-After while running', async () => {
      await sys.stopApp('media-worker');
      try {
        const job = await sys.post('/v1/jobs/overlay', { input: { upload_id: aliceUpload }, text: 'hi' }, { apiKey: alice.apiKey });
        const first = await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey });
        const etag = first.headers.get('etag')!;
        expect(etag).toMatch(/^".+"$/);
        expect(first.headers.get('retry-after')).toBe('2');
        const same = await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey, headers: { 'if-none-match': etag } });
        expect(same.status).toBe(304);
        expect(same.text).toBe('');
        const del = await sys.request('DELETE', `/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey });
        expect(del.status).toBe(200);
        const changed = await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey, headers: { 'if-none-match': etag } });
        expect(changed.status).toBe(200);
        expect(changed.headers.get('etag')).not.toBe(etag);
        expect(changed.headers.get('retry-after')).toBeNull();
      } finally {
        await sys.startApp('media-worker');
      }
    });

    it('answers a poll of a job in memory before Nest exactly as the Nest route does (200, 304, headers, body)', async () => {
      const fast = sys.apps.gateway!.get(JobPollFastPath);
      const job = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 0, end: 1 }, { apiKey: alice.apiKey });
      await eventually(async () => {
        const r = await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey });
        return r.body.status === 'completed' || r.body.status === 'failed';
      }, 60_000, 50);
      const served = fast.served;
      // a request with cookies always goes through Nest's route; the same poll without, answered from memory, does not
      const upper = `/v1/jobs/${job.body.id.toUpperCase()}`;
      const viaNest = await sys.get(upper, { apiKey: alice.apiKey, headers: { cookie: 'unrelated=1' } });
      expect(fast.served).toBe(served);
      const again = await sys.get(upper, { apiKey: alice.apiKey });
      expect(fast.served).toBe(served + 1);
      const comparable = (h: Headers) => [...h.entries()].filter(([k]) => k !== 'date' && k !== 'x-request-id');
      expect([again.status, comparable(again.headers), again.text]).toEqual([200, comparable(viaNest.headers), viaNest.text]);
      expect(comparable(again.headers).map(([k]) => k)).toEqual(expect.arrayContaining(['etag', 'cache-control', 'content-security-policy', 'x-content-type-options']));
      const etag = again.headers.get('etag')!;
      const notModified = await sys.get(upper, { apiKey: alice.apiKey, headers: { 'if-none-match': etag } });
      expect(fast.served).toBe(served + 2);
      const notModifiedViaNest = await sys.get(upper, { apiKey: alice.apiKey, headers: { 'if-none-match': etag, cookie: 'unrelated=1' } });
      expect(fast.served).toBe(served + 2);
      // the fast path is the poll route's own preHandler, no other route's (a global hook ran on every request)
      const routes = sys.apps.gateway!.getHttpAdapter().getInstance().printRoutes({ includeHooks: true, commonPrefix: false });
      expect(routes.match(/• \(preHandler\)/g)).toHaveLength(1);
      expect(routes).toMatch(/v1\/jobs \(GET\)\n[\s\S]*?── \/:id \(GET\)\n.*\n.*• \(preHandler\) \["hook\(\)"\]/);
      expect([notModified.status, notModified.text, comparable(notModified.headers)]).toEqual([304, '', comparable(notModifiedViaNest.headers)]);
      // a key without jobs:read is refused with the Nest route's own answer, whichever path it reached
      // (twice: the first decided after a lookup, the second from memory)
      const other = (await sys.post('/v1/api-keys', { name: 'usage', scopes: ['usage:read'] }, { token: alice.accessToken })).body.key as string;
      for (let i = 0; i < 2; i++) {
        const refused = await sys.get(upper, { apiKey: other });
        expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([403, 'INSUFFICIENT_SCOPE', { missing: ['jobs:read'] }]);
      }
      expect(fast.served).toBe(served + 2);
    });

    it('lists newest first with a cursor and filters, and counts by status and type', async () => {
      const dave = await signUp(sys);
      await setPlan(sys, dave.userId, 'premium', { max_concurrent_jobs: -1 });
      const up = (await upload(sys, dave.apiKey, video)).body.id;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const type = i % 2 ? 'overlay' : 'trim';
        const body = type === 'trim' ? { input: { upload_id: up }, start: 0, end: 1 } : { input: { upload_id: up }, text: `n${i}` };
        const res = await sys.post(`/v1/jobs/${type}`, body, { apiKey: dave.apiKey });
        expect({ status: res.status, error: res.body.error }).toEqual({ status: 202, error: undefined });
        ids.unshift(res.body.id);
      }
      const p1 = await sys.get('/v1/jobs?limit=2', { apiKey: dave.apiKey });
      const p2 = await sys.get(`/v1/jobs?limit=2&cursor=${p1.body.next_cursor}`, { apiKey: dave.apiKey });
      const p3 = await sys.get(`/v1/jobs?limit=2&cursor=${p2.body.next_cursor}`, { apiKey: dave.apiKey });
      expect([...p1.body.data, ...p2.body.data, ...p3.body.data].map((j: any) => j.id)).toEqual(ids);
      expect(p3.body.next_cursor).toBeNull();
      const overlays = await sys.get('/v1/jobs?type=overlay', { apiKey: dave.apiKey });
      expect(overlays.body.data.map((j: any) => j.id)).toEqual([ids[1], ids[3]]);
      const bad = await sys.get('/v1/jobs?status=done&limit=1000', { apiKey: dave.apiKey });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.issues.map((i: any) => i.path).sort()).toEqual(['limit', 'status']);
      const stats = await sys.get('/v1/jobs/stats', { apiKey: dave.apiKey });
      expect(stats.status).toBe(200);
      expect(stats.body.total).toBe(5);
      expect(stats.body.by_type.trim.total).toBe(3);
      expect(stats.body.by_type.overlay.total).toBe(2);
    });
  });

  describe('cancel', () => {
    it('cancels a queued job: removed from the queue, reservation released, a second cancel is 409', async () => {
      await sys.stopApp('media-worker');
      try {
        const job = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 0, end: 1 }, { apiKey: alice.apiKey });
        const queue = sys.apps.gateway!.get(QueueClient).queue(QUEUES.trim);
        expect(await queue.getJob(job.body.id)).toBeTruthy();
        const rpc = sys.apps.gateway!.get(RpcClient);
        const reservedBefore = (await rpc.call('usage.summary', { userId: alice.userId })).actions.trim.reserved;
        const del = await sys.request('DELETE', `/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey });
        expect(del.status).toBe(200);
        expect(del.body).toMatchObject({ id: job.body.id, status: 'canceled' });
        expect(del.body.completed_at).toBeDefined();
        expect(await queue.getJob(job.body.id)).toBeFalsy();
        expect((await rpc.call('usage.summary', { userId: alice.userId })).actions.trim.reserved).toBe(reservedBefore - 1);
        const again = await sys.request('DELETE', `/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey });
        expect(again.status).toBe(409);
        expect(again.body.error).toMatchObject({ code: 'JOB_NOT_CANCELABLE', details: { status: 'canceled' } });
      } finally {
        await sys.startApp('media-worker');
      }
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 for another user's job on every route", async () => {
      const job = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 0, end: 1 }, { apiKey: alice.apiKey });
      for (const [method, url] of [
        ['GET', `/v1/jobs/${job.body.id}`],
        ['DELETE', `/v1/jobs/${job.body.id}`],
        ['GET', `/v1/jobs/${job.body.id}/outputs/output.mp4`],
        ['GET', `/v1/jobs/${job.body.id}/outputs/output.mp4/url`],
      ]) {
        const res = await sys.request(method, url, { apiKey: bob.apiKey });
        expect([method, url, res.status, res.body.error.code]).toEqual([method, url, 404, 'JOB_NOT_FOUND']);
      }
      expect((await sys.get('/v1/jobs', { apiKey: bob.apiKey })).body.data.map((j: any) => j.id)).not.toContain(job.body.id);
      // with the job in memory for its owner (whose polls the fast path answers), another user's
      // polls of it, repeated so that their own lookup is in memory too, are still 404
      const fast = sys.apps.gateway!.get(JobPollFastPath);
      expect((await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey })).status).toBe(200);
      const served = fast.served;
      expect((await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: alice.apiKey })).status).toBe(200);
      expect(fast.served).toBe(served + 1);
      for (let i = 0; i < 3; i++) {
        const res = await sys.get(`/v1/jobs/${job.body.id}`, { apiKey: bob.apiKey });
        expect([res.status, res.body.error.code]).toEqual([404, 'JOB_NOT_FOUND']);
      }
      expect(fast.served).toBe(served + 1);
      expect((await sys.get('/v1/jobs/not-a-uuid', { apiKey: alice.apiKey })).status).toBe(404);
      expect((await sys.get(`/v1/jobs/${job.body.id}`)).status).toBe(401);
    });

    it('enforces API key scopes: a jobs:read key polls but cannot submit or upload', async () => {
      const made = await sys.post('/v1/api-keys', { name: 'reader', scopes: ['jobs:read'] }, { token: alice.accessToken });
      expect(made.status).toBe(201);
      const reader = made.body.key as string;
      const submit = await sys.post('/v1/jobs/trim', { input: { upload_id: aliceUpload }, start: 0, end: 1 }, { apiKey: reader });
      expect(submit.status).toBe(403);
      expect(submit.body.error.code).toBe('INSUFFICIENT_SCOPE');
      expect((await upload(sys, reader, video)).status).toBe(403);
      expect((await sys.get('/v1/jobs', { apiKey: reader })).status).toBe(200);
    });

    it('refuses forged or altered signed links', async () => {
      const forged = await sys.get('/v1/files/eyJrIjoidXNlcnMveC9vdXRwdXRzL3gifQ?exp=9999999999&sig=00');
      expect(forged.status).toBe(403);
      expect(forged.body.error.code).toBe('INVALID_SIGNATURE');
    });
  });
});
