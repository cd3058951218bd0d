import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import type { DestinationStream, Logger } from 'pino';
import { createLogger } from './logger';
import { RequestLog } from './request-log';
import { Metrics } from './metrics';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from './health';
import { ROOT_LOGGER } from './http-app';
import { REDIS_CONNECT, type RedisConnect } from './redis.health';

export interface ObservabilityOptions {
  app: string;
  level: string;
  /** Classes implementing HealthCheck that `/health/ready` runs. */
  checks: Type<HealthCheck>[];
  /** Makes the readiness check's Redis connection (`(o) => createRedis(redisSettings(config), o)`). */
  redis: RedisConnect;
  /** Where log lines go (stdout by default; tests capture them). */
  destination?: DestinationStream;
  /** False for the admin REPL: queue consumers, RPC servers and timers stay off (see BACKGROUND_WORK). */
  background?: boolean;
  /**
   * GET requests to paths matching this that answer 200/304 log at debug, not info: status polls
   * (thousands a second) would otherwise cost a JSON line each, written and then relabelled by
   * whatever collects the logs. Their errors, and every other request, still log at info or above.
   */
  pollPaths?: RegExp;
  /** POST paths whose 2xx answers log at debug: each is an audit row already (RequestLogOptions). */
  auditedPaths?: RegExp;
}

/**
 * Whether this process takes background work (queue consumers, RPC requests, sweeps). The apps
 * do; an admin REPL builds the same services with it off, so opening one never turns an
 * operator's shell into one more worker.
 */
export const BACKGROUND_WORK = Symbol('BACKGROUND_WORK');

/** Logger (pino, redacted, with request ids), Prometheus metrics and health endpoints. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(opts: ObservabilityOptions): DynamicModule {
    const logger: Logger = createLogger(opts.app, opts.level, opts.destination);
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: ROOT_LOGGER, useValue: logger },
        // the request lines, written from a Fastify onResponse hook (createHttpApp installs it)
        { provide: RequestLog, useValue: new RequestLog(logger, { pollPaths: opts.pollPaths, auditedPaths: opts.auditedPaths }) },
        { provide: BACKGROUND_WORK, useValue: opts.background ?? true },
        { provide: REDIS_CONNECT, useValue: opts.redis },
        { provide: Metrics, useValue: new Metrics(opts.app) },
        ...opts.checks,
        { provide: HEALTH_CHECKS, useFactory: (...c: HealthCheck[]) => c, inject: opts.checks },
      ],
      exports: [ROOT_LOGGER, RequestLog, Metrics, BACKGROUND_WORK],
    };
  }
}
