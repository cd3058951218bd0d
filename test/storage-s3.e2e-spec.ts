/**
 * The whole media path on the S3 driver, against a real S3-compatible server (s3rver) on
 * 127.0.0.1: upload through the gateway, trim in the worker, stream the output back through the
 * gateway with Range, fetch it from a presigned URL with no credentials, delete the upload.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Storage } from '@clipyard/storage';
import { startSystem, type System } from './harness';
import { ffprobe, makeVideo } from './helpers/media';
import { setPlan, upload, waitForJob } from './helpers/jobs';
import { startLocalS3, type LocalS3 } from './helpers/s3rver';
import { signUp, type TestUser } from './helpers/users';

describe('media jobs on S3 storage (e2e)', () => {
  let s3: LocalS3;
  let sys: System;
  let dir: string;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 's3-e2e-'));
    s3 = await startLocalS3();
    sys = await startSystem({ env: { ...s3.env, UPLOAD_TMP_DIR: path.join(dir, 'spool') } });
    [alice, bob] = [await signUp(sys), await signUp(sys)];
    await setPlan(sys, alice.userId, 'pro');
  });
  afterAll(async () => {
    await sys?.stop();
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const objects = async (prefix: string) => {
    const keys: string[] = [];
    for await (const o of sys.apps.gateway!.get(Storage).list(prefix)) keys.push(o.key);
    return keys;
  };

  it('uploads, trims, serves and presigns from the bucket under the owner prefix; deleting an upload removes its object', async () => {
    const video = await makeVideo(path.join(dir, 'clip.mp4'), { durationS: 6, gop: 25 });
    const up = await upload(sys, alice.apiKey, video);
    expect(up.status).toBe(201);
    expect(await objects(`users/${alice.userId}/inputs/`)).toEqual([expect.stringContaining(up.body.id)]);

    const submitted = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 1, end: 4, mode: 'precise' }, { apiKey: alice.apiKey });
    expect(submitted.status).toBe(202);
    const job = await waitForJob(sys, alice.apiKey, submitted.body.id);
    expect(job.status).toBe('completed');
    expect(await objects(`users/${alice.userId}/outputs/`)).toEqual([expect.stringMatching(new RegExp(`/${job.id}/output\\.mp4$`))]);

    // streamed through the gateway, whole and by range; only for its owner
    const res = await fetch(`${sys.baseUrl}/v1/jobs/${job.id}/outputs/output.mp4`, { headers: { 'x-api-key': alice.apiKey } });
    expect(res.status).toBe(200);
    const whole = Buffer.from(await res.arrayBuffer());
    expect(whole.length).toBe(job.outputs[0].size);
    const out = path.join(dir, 'out.mp4');
    await writeFile(out, whole);
    expect(Math.abs((await ffprobe(out)).durationS - 3)).toBeLessThan(0.1);
    const part = await fetch(`${sys.baseUrl}/v1/jobs/${job.id}/outputs/output.mp4`, { headers: { 'x-api-key': alice.apiKey, range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(0, 100));
    expect((await sys.get(`/v1/jobs/${job.id}/outputs/output.mp4`, { apiKey: bob.apiKey })).status).toBe(404);

    // a presigned link that points at the bucket and needs no credentials
    const link = await sys.get(`/v1/jobs/${job.id}/outputs/output.mp4/url`, { apiKey: alice.apiKey });
    expect(link.status).toBe(200);
    expect(link.body.url.startsWith(s3.endpoint)).toBe(true);
    const direct = await fetch(link.body.url);
    expect(direct.status).toBe(200);
    expect(Buffer.from(await direct.arrayBuffer()).equals(whole)).toBe(true);

    expect((await sys.request('DELETE', `/v1/uploads/${up.body.id}`, { apiKey: alice.apiKey })).status).toBe(204);
    expect(await objects(`users/${alice.userId}/inputs/`)).toEqual([]);
  });
});
