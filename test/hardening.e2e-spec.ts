/**
 * Input that must not hurt the server, and what reaches the logs, over real HTTP: stalled and
 * truncated multipart uploads (answer, file descriptors, spool folder), multipart without a
 * boundary, control characters in text fields, and credentials in request-log URLs.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, startSystem, type System } from './harness';
import { signUp, type TestUser } from './helpers/users';
import { setPlan } from './helpers/jobs';

/** File descriptors of this process (the in-process gateway's) open on anything under `dir`. */
function fdsUnder(dir: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) open.push(target);
    } catch {
      /* closed while listing */
    }
  }
  return open;
}

interface RawAnswer {
  status: number;
  text: string;
  /** The server closed the connection after answering. */
  closed: boolean;
}

/** Sends `head` then `chunks` on a raw socket, optionally ends the write side, and reads the answer. */
function rawRequest(baseUrl: string, head: string, body: Buffer[], opts: { end: boolean; timeoutMs: number }): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${opts.timeoutMs} ms; got ${JSON.stringify(data.slice(0, 200))}`));
    }, opts.timeoutMs);
    socket.on('connect', () => {
      socket.write(head);
      for (const b of body) socket.write(b);
      if (opts.end) socket.end();
    });
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (!m) return reject(new Error(`no HTTP answer: ${JSON.stringify(data.slice(0, 200))}`));
      resolve({ status: Number(m[1]), text: data.slice(data.indexOf('\r\n\r\n') + 4), closed: true });
    });
  });
}

const BOUNDARY = 'cyBoundary7MA4YWxkTrZu0gW';
const partHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="clip.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
const uploadHead = (apiKey: string, contentType: string, length: number) =>
  `POST /v1/uploads HTTP/1.1\r\nHost: localhost\r\nX-API-Key: ${apiKey}\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\n\r\n`;

describe('input that must not hurt the server (e2e)', () => {
  let sys: System;
  let dir: string;
  let spool: string;
  let alice: TestUser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cy-hardening-'));
    spool = path.join(dir, 'spool');
    sys = await startSystem({
      apps: ['auth', 'billing', 'gateway'],
      env: { UPLOAD_TMP_DIR: spool, STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_IDLE_TIMEOUT_MS: '1500', LOG_LEVEL: 'info' },
    });
    alice = await signUp(sys);
    await setPlan(sys, alice.userId, 'premium');
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const spoolFiles = () => {
    try {
      return readdirSync(spool);
    } catch {
      return [];
    }
  };

  it('answers 408 to an upload whose body stops inside the file part, and keeps no file open or spooled', async () => {
    const sent = Buffer.concat([Buffer.from(partHead), Buffer.alloc(4096, 7)]);
    // Content-Length promises far more than is sent; the closing boundary never comes.
    const res = await rawRequest(sys.baseUrl, uploadHead(alice.apiKey, `multipart/form-data; boundary=${BOUNDARY}`, sent.length + 100_000), [sent], {
      end: false,
      timeoutMs: 60_000,
    });
    expect(res.status).toBe(408);
    expect(JSON.parse(res.text).error.code).toBe('REQUEST_TIMEOUT');
    expect(res.closed).toBe(true);
    await eventually(async () => fdsUnder(spool).length === 0 && spoolFiles().length === 0);
    expect(fdsUnder(spool)).toEqual([]);
    expect(spoolFiles()).toEqual([]);
  });

  it('answers 400 to an upload whose body ends inside the file part (no closing boundary), and deletes the spool file', async () => {
    // The whole declared body arrives, but it stops inside the file part.
    const sent = Buffer.concat([Buffer.from(partHead), Buffer.alloc(2048, 1)]);
    const res = await rawRequest(sys.baseUrl, uploadHead(alice.apiKey, `multipart/form-data; boundary=${BOUNDARY}`, sent.length), [sent], {
      end: false,
      timeoutMs: 60_000,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.code).toBe('BAD_REQUEST');
    await eventually(async () => fdsUnder(spool).length === 0 && spoolFiles().length === 0);
    expect(spoolFiles()).toEqual([]);
  });

  it('answers 400 to multipart/form-data without a boundary', async () => {
    const body = `${partHead}data\r\n--${BOUNDARY}--\r\n`;
    const res = await sys.request('POST', '/v1/uploads', { apiKey: alice.apiKey, headers: { 'content-type': 'multipart/form-data' }, body });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it.each([
    ['overlay text', 'POST', '/v1/jobs/overlay', { input: { url: 'https://example.com/a.mp4' }, text: 'hello\u0000world' }, 'text'],
    ['PATCH /v1/auth/me', 'PATCH', '/v1/auth/me', { full_name: 'Alice\u0000' }, 'full_name'],
    ['API key creation', 'POST', '/v1/api-keys', { name: 'ci\u0000key' }, 'name'],
    ['an escape sequence', 'PATCH', '/v1/auth/me', { full_name: 'Alice\u001b[2J' }, 'full_name'],
  ])('refuses a control character in %s with 422 naming the field', async (_what, method, route, body, field) => {
    const res = await sys.request(method, route, { apiKey: alice.apiKey, body });
    expect({ status: res.status, code: res.body.error?.code, field: res.body.error?.details?.issues?.[0]?.path }).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
      field,
    });
  });

  it('refuses a control character at login with 422 (no lockout counted, nothing stored)', async () => {
    const res = await sys.post('/v1/auth/login', { email: `${alice.email}\u0000`, password: alice.password });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    // line breaks and tabs stay allowed where text is free-form
    const ok = await sys.request('PATCH', '/v1/auth/me', { apiKey: alice.apiKey, body: { full_name: 'Alice\tLiddell' } });
    expect(ok.status).toBe(200);
  });

  it('writes signed-link signatures and one-time tokens as [redacted] in the request log', async () => {
    const sig = 'ab'.repeat(32);
    const token = 'tok-very-secret-value-0123456789';
    await sys.get(`/v1/files/eyJrIjoidXNlcnMveC9vdXRwdXRzL3gifQ?exp=9999999999&sig=${sig}`);
    await sys.get(`/v1/auth/me?token=${token}`, { apiKey: alice.apiKey });
    const lines = await eventually(async () => {
      const l = sys.logs.filter((x) => x.includes('/v1/files/eyJrIjoidXNlcnMveC9vdXRwdXRzL3gifQ'));
      return l.length > 0 && l;
    });
    expect(lines.join('\n')).toContain('sig=[redacted]');
    const all = sys.logs.join('\n');
    expect(all).not.toContain(sig);
    expect(all).not.toContain(token);
  });
});
