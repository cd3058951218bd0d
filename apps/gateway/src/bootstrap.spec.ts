import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { Controller, Get, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { addSecurityHeaders, configureCors, multipartCleaningOnlyItsFiles, staticHeaders } from './bootstrap';

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

describe('configureCors', () => {
  @Controller('x')
  class X {
    @Get()
    get(@Req() req: Record<string, unknown>) {
      return { corsRan: 'corsPreflightEnabled' in req }; // @fastify/cors decorates every request it sees
    }
  }
  @Module({ controllers: [X] })
  class XModule {}

  const apps: NestFastifyApplication[] = [];
  async function nest(setup: (app: NestFastifyApplication) => void): Promise<{ app: NestFastifyApplication; routes: string[] }> {
    const app = await NestFactory.create<NestFastifyApplication>(XModule, new FastifyAdapter(), { logger: false });
    const routes: string[] = [];
    app.getHttpAdapter().getInstance().addHook('onResponse', (req, _reply, done) => {
      routes.push(req.routeOptions.url ?? 'unmatched');
      done();
    });
    setup(app);
    await app.init();
    apps.push(app);
    return { app, routes };
  }
  const inject = (app: NestFastifyApplication, method: 'GET' | 'OPTIONS', headers: Record<string, string> = {}) =>
    app.getHttpAdapter().getInstance().inject({ method, url: '/x', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', ...headers } });
  afterAll(async () => Promise.all(apps.map((a) => a.close())));

  it('without origins answers as @fastify/cors with origin false, without running it on every request', async () => {
    const reference = await nest((app) => app.enableCors({ origin: false, credentials: false, exposedHeaders: ['X-Request-Id'] }));
    const ours = await nest((app) => configureCors(app, []));
    for (const method of ['GET', 'OPTIONS'] as const) {
      const [theirs, mine] = [await inject(reference.app, method), await inject(ours.app, method)];
      expect(mine.statusCode).toBe(theirs.statusCode);
      expect(Object.keys(mine.headers).filter((h) => h.startsWith('access-control') || h === 'vary')).toEqual([]);
      if (method === 'OPTIONS') expect(mine.json()).toEqual(theirs.json()); // the unknown-route 404
    }
    expect(ours.routes).toEqual(reference.routes); // routed and labelled alike (the preflight: the 404's "unmatched")
    expect((await inject(reference.app, 'GET')).json()).toEqual({ corsRan: true });
    expect((await inject(ours.app, 'GET')).json()).toEqual({ corsRan: false });
  });

  it('with origins answers preflights and exposes the headers', async () => {
    const { app } = await nest((a) => configureCors(a, ['https://app.example']));
    const pre = await inject(app, 'OPTIONS');
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://app.example');
    const get = await inject(app, 'GET');
    expect(get.headers['access-control-expose-headers']).toBe('X-Request-Id, ETag, Location, Retry-After');
    expect((await inject(app, 'GET', { origin: 'https://evil.example' })).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('multipartCleaningOnlyItsFiles', () => {
  async function server(): Promise<{ app: FastifyInstance; cleanups: () => number }> {
    const app = Fastify();
    await app.register(multipartCleaningOnlyItsFiles, { limits: { fileSize: 1024 } });
    let cleanups = 0;
    app.addHook('onRequest', (req, _reply, done) => {
      const r = req as unknown as { cleanRequestFiles: () => Promise<void> };
      const clean = r.cleanRequestFiles;
      r.cleanRequestFiles = function (this: unknown) {
        cleanups++;
        return clean.call(this);
      };
      done();
    });
    app.get('/plain', () => ({ ok: true }));
    app.post('/stream', async (req) => {
      const file = await req.file();
      return { name: file?.filename, bytes: (await file!.toBuffer()).length };
    });
    app.post('/save', async (req) => (await req.saveRequestFiles()).map((f) => f.filepath));
    await app.ready();
    return { app, cleanups: () => cleanups };
  }
  const form = (boundary: string) =>
    [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="a.txt"', 'Content-Type: text/plain', '', 'hello', `--${boundary}--`, ''].join('\r\n');
  const post = (app: FastifyInstance, url: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'multipart/form-data; boundary=b0undary' }, payload: form('b0undary') });

  it('runs the plugin and its file cleanup only where files were saved', async () => {
    const { app, cleanups } = await server();
    try {
      expect((await app.inject('/plain')).json()).toEqual({ ok: true });
      expect((await post(app, '/stream')).json()).toEqual({ name: 'a.txt', bytes: 5 });
      expect(cleanups()).toBe(0); // the plugin's own hook would have run (and awaited) it twice
      const saved = await post(app, '/save');
      const [file] = saved.json() as string[];
      expect(file).toBeTruthy();
      // the cleanup runs in onResponse, after the answer went out: the file goes a moment later
      for (let i = 0; i < 200 && existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
      expect(cleanups()).toBe(1);
      expect(existsSync(file)).toBe(false);
    } finally {
      await app.close();
    }
  });
});
