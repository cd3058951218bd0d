import { Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import {
  AppError,
  DependencyUnavailableError,
  outageOf,
  RPC_METHODS,
  rpcQueueName,
  type RpcMethod,
  type RpcMethodsOf,
  type RpcReply,
  type RpcService,
  type WireError,
} from '@clipyard/contracts';
import { z } from 'zod';
import { createRedis, queuePrefix, type RedisClient, type RedisSettings } from './connection';
import { replyChannel, type RpcEnvelope, type RpcReplyEnvelope } from './rpc-client';
import { Sealer } from './seal';

/** Handlers for every method a service owns; the type requires all of them. */
export type RpcHandlers<S extends RpcService> = {
  [M in RpcMethodsOf<S>]: (
    params: z.output<(typeof RPC_METHODS)[M]['request']>,
  ) => Promise<RpcReply<M>> | RpcReply<M>;
};

/**
 * Answers one service's RPC queue. Requests whose caller already gave up are dropped unanswered;
 * handler errors travel back as coded errors (an AppError keeps its code, anything else becomes
 * INTERNAL without internals).
 */
export class RpcServer<S extends RpcService> {
  private worker?: Worker;
  private workerConn?: RedisClient;
  private readonly pub: RedisClient;
  private readonly sealer: Sealer;

  constructor(
    private readonly service: S,
    private readonly handlers: RpcHandlers<S>,
    private readonly settings: RedisSettings,
    secret: string,
    private readonly logger: Logger,
    private readonly concurrency = 32,
  ) {
    this.sealer = new Sealer(secret);
    this.pub = createRedis(settings);
    const owned = (Object.keys(RPC_METHODS) as RpcMethod[]).filter((m) => RPC_METHODS[m].service === service);
    const missing = owned.filter((m) => typeof (handlers as Record<string, unknown>)[m] !== 'function');
    if (missing.length) throw new Error(`RPC service ${service} has no handler for: ${missing.join(', ')}`);
  }

  start(): void {
    this.workerConn = createRedis(this.settings);
    this.worker = new Worker(rpcQueueName(this.service), (job) => this.handle(job), {
      connection: this.workerConn,
      prefix: queuePrefix(this.settings, rpcQueueName(this.service)),
      concurrency: this.concurrency,
    });
    this.worker.on('error', (err) => this.logger.error({ err }, 'rpc worker error'));
  }

  private async handle(job: Job<{ s: string }>): Promise<void> {
    const method = job.name as RpcMethod;
    let env: RpcEnvelope;
    try {
      env = this.sealer.open<RpcEnvelope>(job.data.s);
    } catch {
      this.logger.warn({ method }, 'rpc request could not be opened (wrong RPC_SECRET?)');
      return;
    }
    if (Date.now() > env.deadline) return; // the caller has given up already
    const def = RPC_METHODS[method];
    let reply: RpcReplyEnvelope;
    const started = process.hrtime.bigint();
    try {
      if (!def || def.service !== this.service) throw new AppError('BAD_REQUEST', `Unknown RPC method ${method}`);
      const params = def.request.safeParse(env.params);
      if (!params.success) {
        throw new AppError('VALIDATION_FAILED', 'Invalid RPC request', { issues: params.error.issues });
      }
      const handler = (this.handlers as Record<string, (p: unknown) => unknown>)[method];
      reply = { id: env.id, ok: true, result: await handler(params.data) };
    } catch (err) {
      reply = { id: env.id, ok: false, error: toWireError(err) };
      if (outageOf(err)) this.logger.warn({ method, err: { message: (err as Error).message } }, 'rpc handler: dependency unavailable');
      else if (!(err instanceof AppError)) this.logger.error({ err, method }, 'rpc handler failed');
    }
    this.logger.debug({ method, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'rpc handled');
    await this.pub.publish(replyChannel(this.settings, env.replyTo), this.sealer.seal(reply));
  }

  /** Stops taking requests and waits for the ones in flight. */
  async close(): Promise<void> {
    await this.worker?.close();
    await Promise.allSettled([this.pub.quit(), this.workerConn?.quit()]);
  }
}

export function toWireError(err: unknown): WireError {
  // The owner's PostgreSQL or Redis is down: the caller answers 503 + Retry-After, not 500.
  const outage = err instanceof AppError ? null : outageOf(err);
  if (outage) err = new DependencyUnavailableError(outage);
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, details: err.details, status: err.status, headers: err.headers };
  }
  return { code: 'INTERNAL', message: 'Internal error' };
}
