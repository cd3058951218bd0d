import multipart, { type FastifyMultipartOptions } from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onResponseHookHandler } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { createHttpApp } from '@clipyard/observability';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { mountGatewayQueueBoard } from './admin/queue-board';
import { buildOpenApiDocument } from './openapi/openapi.document';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  logDestination?: DestinationStream;
}

/** Builds the public gateway: security headers, CORS, validation, OpenAPI at /docs. */
export async function createGatewayApp(
  opts: BootOptions = {},
): Promise<{ app: NestFastifyApplication; config: GatewayConfig }> {
  const config = loadGatewayConfig(opts.env);
  const app = await createHttpApp(GatewayAppModule.forRoot(config, opts.logDestination), {
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    maxParamLength: 2048,
    timeouts: { headersMs: config.HTTP_HEADERS_TIMEOUT_MS, requestMs: config.HTTP_REQUEST_TIMEOUT_MS, idleMs: config.HTTP_IDLE_TIMEOUT_MS },
  });
  // Security headers from helmet, built once: @fastify/helmet rebuilds helmet's middleware on every
  // request, which was ~7 % of the gateway's CPU on the polling path. The dashboard and the API get a
  // strict policy (no inline script or style); only the Swagger UI and Bull Board pages need inline.
  // Outputs on S3 are previewed and read from their presigned URLs: that store's origin only.
  const store = storeOrigins(config);
  const strictHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...store],
        mediaSrc: ["'self'", 'blob:', ...store],
        connectSrc: ["'self'", ...store],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const toolHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  const TOOL_PAGES = /^\/(docs|admin\/queues)(\/|\?|$)/;
  // helmet's headers depend on its options only: captured once, then set per request without
  // running its dozen middleware functions each time. They go on Fastify's reply, not on Node's
  // response: Fastify hands its reply's headers to Node in one writeHead, and while nothing was set
  // on the response itself Node writes them as they are (each validated once), instead of
  // setHeader storing each in the response's header map and writeHead then setting every one of
  // Fastify's headers into that map too. Node never sets X-Powered-By (helmet removes Express's).
  addSecurityHeaders(app.getHttpAdapter().getInstance(), staticHeaders(strictHeaders), staticHeaders(toolHeaders), TOOL_PAGES);
  // Uploads stream through req.file(); the per-plan limit is enforced while streaming.
  await app.register(multipartCleaningOnlyItsFiles, { limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 10, parts: 11 } });
  configureCors(app, config.CORS_ORIGINS);
  await mountGatewayQueueBoard(app); // Bull Board at /admin/queues, admins only
  // The same document `npm run openapi` commits to libs/client (with this gateway's public URL).
  const doc = buildOpenApiDocument(app, { serverUrl: config.PUBLIC_BASE_URL });
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/json' });
  return { app, config };
}

/**
 * The headers a helmet middleware sets, found by running it once against a stand-in response.
 * Refuses a middleware whose answer could depend on the request (one that does not finish at once,
 * or does more than set headers and remove X-Powered-By): such options need helmet per request.
 */
export function staticHeaders(mw: ReturnType<typeof helmet>): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  let finished = false;
  const res = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: (name: string) => {
      if (name.toLowerCase() !== 'x-powered-by') throw new Error(`helmet removed ${name}`);
    },
  };
  const req = new Proxy({}, { get: () => { throw new Error('helmet read the request: its headers are not static'); } });
  mw(req as never, res as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously');
  return headers;
}

/**
 * Every response gets `strict` (or `tool` on URLs matching `toolPages`) from an `onRequest` hook,
 * set on Fastify's reply (see createGatewayApp for why not on Node's response). A later
 * `reply.header` of the same name still wins, as it did over a header set on the response.
 */
export function addSecurityHeaders(fastify: FastifyInstance, strict: Array<[string, string]>, tool: Array<[string, string]>, toolPages: RegExp): void {
  // flat [name, value, …] lists with Fastify's lower-case names (what reply.header stores)
  const flat = (headers: Array<[string, string]>) => headers.flatMap(([name, value]) => [name.toLowerCase(), value]);
  const strictFlat = flat(strict);
  const toolFlat = flat(tool);
  fastify.addHook('onRequest', (req, reply, done) => {
    const headers = toolPages.test(req.url) ? toolFlat : strictFlat;
    for (let i = 0; i < headers.length; i += 2) reply.header(headers[i], headers[i + 1]);
    done();
  });
}

/**
 * `@fastify/multipart`, with its one `onResponse` hook run only for the requests it concerns. The
 * plugin adds an async hook to every route that deletes the temporary files `saveRequestFiles()`
 * wrote (`request.tmpUploads`): on every other request (all of them here: uploads stream through
 * `req.file()`) it is two promises and their microtasks for nothing. The same hook now runs, and is
 * awaited, when the request has temporary files; the plugin is otherwise registered as it is
 * (root level, its decorators, content-type parser and other hooks unchanged).
 */
export function multipartCleaningOnlyItsFiles(fastify: FastifyInstance, opts: FastifyMultipartOptions, done: (err?: Error) => void): void {
  const onlyWithFiles =
    (hook: (req: FastifyRequest, reply: FastifyReply) => unknown): onResponseHookHandler =>
    (req, reply, next) => {
      if (!(req as FastifyRequest & { tmpUploads?: unknown }).tmpUploads) return next();
      Promise.resolve(hook(req, reply)).then(() => next(), next);
    };
  const plugin = new Proxy(fastify, {
    get(target, prop) {
      if (prop === 'addHook') {
        return (name: string, hook: never) => (name === 'onResponse' ? target.addHook('onResponse', onlyWithFiles(hook)) : target.addHook(name as 'onRequest', hook));
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  (multipart as unknown as { fastifyMultipart: (f: FastifyInstance, o: FastifyMultipartOptions, d: (err?: Error) => void) => void }).fastifyMultipart(plugin, opts, done);
}
// as `fastify-plugin` marks @fastify/multipart: registered on the root context, not a child one
Object.assign(multipartCleaningOnlyItsFiles, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: '@fastify/multipart' });

/**
 * CORS for the browser origins in CORS_ORIGINS. Without any, no response carries a CORS header
 * and a preflight (`OPTIONS`) gets the 404 of an unknown route, which is what `@fastify/cors`
 * with `origin: false` answered; but that plugin still ran on every request (its options copied
 * per request, then Nest copying the reply's headers to look for CORS ones), so without origins
 * it is not registered at all, and its `OPTIONS *` route, which answers that 404, is registered
 * here instead (the same route, so an `OPTIONS` request is routed and labelled as before).
 */
export function configureCors(app: NestFastifyApplication, origins: string[]): void {
  if (origins.length) {
    app.enableCors({ origin: origins, credentials: false, exposedHeaders: ['X-Request-Id', 'ETag', 'Location', 'Retry-After'] });
    return;
  }
  app
    .getHttpAdapter()
    .getInstance()
    .options('*', { schema: { hide: true } as never }, (_req, reply) => reply.callNotFound());
}

/** Where presigned S3 links point (none for local storage, whose links are the gateway's own). */
function storeOrigins(config: GatewayConfig): string[] {
  if (config.STORAGE_DRIVER !== 's3') return [];
  if (config.S3_ENDPOINT) return [new URL(config.S3_ENDPOINT).origin, ...(config.S3_FORCE_PATH_STYLE ? [] : [`*.${new URL(config.S3_ENDPOINT).host}`])];
  return [`https://*.s3.${config.S3_REGION}.amazonaws.com`, `https://s3.${config.S3_REGION}.amazonaws.com`];
}
