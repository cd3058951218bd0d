import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { addSecurityHeaders, staticHeaders } from './bootstrap';

describe('staticHeaders (helmet captured once)', () => {
  it('gives the headers helmet sets on a response, CSP included', () => {
    const mw = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } } });
    const live = new Map<string, string>();
    mw({} as never, { setHeader: (k: string, v: unknown) => void live.set(k, String(v)), removeHeader: () => undefined } as never, () => undefined);
    const captured = staticHeaders(mw);
    expect(new Map(captured)).toEqual(live);
    expect(captured.find(([k]) => k === 'Content-Security-Policy')?.[1]).toContain("frame-ancestors 'none'");
    expect(captured.map(([k]) => k)).toEqual(expect.arrayContaining(['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options']));
  });

  it('refuses options whose headers depend on the request (a per-request nonce)', () => {
    const mw = helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (req) => `'nonce-${String((req as unknown as { id: string }).id)}'`] } } });
    expect(() => staticHeaders(mw)).toThrow(/request/);
  });
});

describe('addSecurityHeaders (on the reply, not on the response)', () => {
  const strictMw = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } } });
  const toolMw = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"] } } });
  const TOOL = /^\/docs(\/|\?|$)/;
  let apps: FastifyInstance[] = [];
  let helmetUrl: string;
  let oursUrl: string;

  /** The routes both servers answer: JSON, 304, an error, a stream, a later header of the same name, the tool pages. */
  function routes(app: FastifyInstance): void {
    app.get('/ok', (_req, reply) => reply.header('etag', '"1"').header('cache-control', 'private, no-cache').send({ ok: true }));
    app.get('/not-modified', (_req, reply) => reply.code(304).send());
    app.get('/fails', () => {
      throw Object.assign(new Error('nope'), { statusCode: 429, headers: { 'retry-after': '7' } });
    });
    app.get('/stream', (_req, reply) => reply.type('text/plain').send(Readable.from(['a', 'b'])));
    app.get('/own-referrer', (_req, reply) => reply.header('Referrer-Policy', 'no-referrer').send('x'));
    app.get('/docs/page', (_req, reply) => reply.type('text/html').send('<p>docs</p>'));
  }

  async function listen(app: FastifyInstance): Promise<string> {
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    // the reference: helmet's own middleware on Node's response, per request (as @fastify/helmet runs it)
    const reference = Fastify();
    reference.addHook('onRequest', (req, reply, done) => (TOOL.test(req.url) ? toolMw : strictMw)(req.raw as never, reply.raw as never, done as never));
    routes(reference);
    helmetUrl = await listen(reference);
    const ours = Fastify();
    addSecurityHeaders(ours, staticHeaders(strictMw), staticHeaders(toolMw), TOOL);
    routes(ours);
    oursUrl = await listen(ours);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    apps = [];
  });

  /** The response's header lines as sent (lower-case names, duplicates kept, Date and Connection aside), sorted. */
  function wireHeaders(url: string): Promise<{ status: number; lines: string[] }> {
    return new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          const lines: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i].toLowerCase();
            if (name !== 'date' && name !== 'keep-alive' && name !== 'connection') lines.push(`${name}: ${res.rawHeaders[i + 1]}`);
          }
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, lines: lines.sort() }));
        })
        .on('error', reject);
    });
  }

  it.each(['/ok', '/not-modified', '/fails', '/stream', '/own-referrer', '/docs/page', '/missing'])('sends what helmet per request sends: %s', async (path) => {
    const [theirs, mine] = await Promise.all([wireHeaders(helmetUrl + path), wireHeaders(oursUrl + path)]);
    expect(mine).toEqual(theirs);
    expect(mine.lines.some((l) => l.startsWith('content-security-policy: '))).toBe(true);
    expect(mine.lines.some((l) => l.startsWith('x-powered-by'))).toBe(false);
  });

  it('lets a route override a security header, as helmet on the response did', async () => {
    const res = await wireHeaders(oursUrl + '/own-referrer');
    expect(res.lines.filter((l) => l.startsWith('referrer-policy'))).toEqual(['referrer-policy: no-referrer']);
  });

  it('gives the tool pages their own policy', async () => {
    const res = await wireHeaders(oursUrl + '/docs/page');
    expect(res.lines.find((l) => l.startsWith('content-security-policy'))).toContain("'unsafe-inline'");
  });
});
