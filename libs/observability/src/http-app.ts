import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { requestIdFor } from './request-id';
import { HttpDurationChildren, Metrics } from './metrics';
import { AllExceptionsFilter } from './exception.filter';
import { assertRoutesDeclareAccess } from './public.decorator';
import { NestPinoLogger } from './nest-logger';
import { RequestLog } from './request-log';

export interface HttpAppOptions {
  bodyLimit?: number;
  trustProxy?: boolean | string;
  /** Longest path parameter the router accepts (Fastify's default is 100; signed-link tokens are longer). */
  maxParamLength?: number;
  /**
   * Slow or stalled clients (ms; 0 = none): `headersMs` to send the request headers, `requestMs`
   * for the whole request, `idleMs` of socket inactivity. Past one the socket is closed (or a 408
   * sent), so a body that stops mid-way never holds a connection and its file descriptors forever.
   */
  timeouts?: { headersMs?: number; requestMs?: number; idleMs?: number };
}

/** Defaults for apps that do not set their own (health/metrics ports). */
const DEFAULT_TIMEOUTS = { headersMs: 30_000, requestMs: 300_000, idleMs: 60_000 };

/**
 * Creates a Nest app on Fastify with what every Clipyard app shares: request ids (accepted from
 * `X-Request-Id` or generated, echoed on every response), the JSON logger, the error filter,
 * HTTP latency metrics, and shutdown hooks for SIGTERM/SIGINT.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  opts: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const adapter = new FastifyAdapter({
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: opts.maxParamLength ?? 100 },
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    // No Nest middleware anywhere (the request log is a Fastify hook): without @fastify/middie a
    // request runs one onRequest hook fewer.
    skipMiddie: true,
  } as ConstructorParameters<typeof FastifyAdapter>[0]);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true, abortOnError: false });
  try {
    assertRoutesDeclareAccess(app);
  } catch (err) {
    await app.close();
    throw err;
  }
  const rootLogger = app.get<Logger>(ROOT_LOGGER);
  app.useLogger(new QuietBootLogger(new NestPinoLogger(rootLogger)));
  const metrics = app.get(Metrics);
  const requestLog = app.get(RequestLog);
  const fastify = app.getHttpAdapter().getInstance();
  // Node's own limit on the request headers (it must not exceed requestTimeout when that is set).
  fastify.server.headersTimeout = timeouts.requestMs ? Math.min(timeouts.headersMs, timeouts.requestMs) : timeouts.headersMs;
  const httpDuration = new HttpDurationChildren(metrics.httpDuration);
  // Callback hooks, not async ones: no promise per request for work that never waits.
  fastify.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });
  // After the response: its latency in the metrics and its line in the log (one hook for both).
  fastify.addHook('onResponse', (req, reply, done) => {
    httpDuration.of(req.method, req.routeOptions?.url ?? 'unmatched', reply.statusCode).observe(reply.elapsedTime / 1000);
    requestLog.write(req, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (req, done) => {
    requestLog.aborted(req);
    done();
  });
  app.useGlobalFilters(new AllExceptionsFilter(rootLogger));
  app.enableShutdownHooks();
  return app;
}

/** Nest's own start-up chatter (one line per module and per route): debug level, not info. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** The app's Nest logger with the start-up lines demoted, so each app's start shows as one `<app> up` line. */
export class QuietBootLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}
  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) this.inner.debug?.(message, ...rest);
    else this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}

/** The app's root pino logger (for code outside a request). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export type { INestApplication };
