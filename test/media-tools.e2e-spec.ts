/**
 * A machine without ffmpeg/ffprobe: the worker says so at boot and in /health/ready, the gateway's
 * readiness names the missing piece, and an upload is a 503 MEDIA_TOOLS_UNAVAILABLE (an outage),
 * never 422 UNSUPPORTED_MEDIA (the file's fault).
 */
import type { AddressInfo } from 'node:net';
import { eventually, startSystem, type System } from './harness';
import { signUp } from './helpers/users';
import { upload } from './helpers/jobs';

describe('missing media tools (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem({ env: { FFMPEG_PATH: '/nonexistent/ffmpeg', FFPROBE_PATH: '/nonexistent/ffprobe' } });
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('the worker reports it at boot and in /health/ready; the gateway readiness names it', async () => {
    expect(sys.logs.some((l) => l.includes('media tools missing') && l.includes('apt-get install -y ffmpeg fonts-dejavu-core'))).toBe(true);
    const worker = sys.apps['media-worker']!.getHttpAdapter().getInstance().server.address() as AddressInfo;
    const w = await fetch(`http://127.0.0.1:${worker.port}/health/ready`);
    expect(w.status).toBe(503);
    const wb = (await w.json()) as { checks: Record<string, { status: string; error?: string }> };
    expect(wb.checks.ffmpeg).toMatchObject({ status: 'down', error: expect.stringContaining('ffmpeg (/nonexistent/ffmpeg)') });

    const ready = await eventually(async () => {
      const r = await sys.get('/health/ready');
      return r.body?.checks?.['media-worker'] ? r : undefined;
    });
    expect(ready.status).toBe(503);
    expect(ready.body.checks.ffprobe).toMatchObject({ status: 'down', error: expect.stringContaining('ffprobe (/nonexistent/ffprobe)') });
    expect(ready.body.checks['media-worker']).toMatchObject({ status: 'down', error: expect.stringContaining('lacks ffmpeg') });
    expect(ready.body.checks.database).toMatchObject({ status: 'up' });
  });

  it('an upload answers 503 MEDIA_TOOLS_UNAVAILABLE, not 422 UNSUPPORTED_MEDIA', async () => {
    const u = await signUp(sys);
    const res = await upload(sys, u.apiKey, Buffer.from('not even a video'), { filename: 'a.mp4', contentType: 'video/mp4' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('MEDIA_TOOLS_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/ffprobe is not installed/);
  });
});
