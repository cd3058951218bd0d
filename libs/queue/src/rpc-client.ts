import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  AppError,
  RPC_METHODS,
  rpcQueueName,
  UpstreamUnavailableError,
  type RpcMethod,
  type RpcReply,
  type RpcRequest,
  type RpcService,
  type WireError,
} from '@clipyard/contracts';
import { bullPrefix, createRedis, keyPrefix, subscribe, type RedisSettings } from './connection';
import { RPC_JOB_OPTIONS } from './policy';
import { Sealer } from './seal';

export interface RpcEnvelope {
  id: string;
  replyTo: string;
  deadline: number;
  params: unknown;
}
export type RpcReplyEnvelope =
  | { id: string; ok: true; result: unknown }
  | { id: string; ok: false; error: WireError };

/** What the client records per call (the app's `Metrics` satisfies it). */
export interface RpcClientMetrics {
  rpcDuration: { observe(labels: { method: string; outcome: string }, seconds: number): void };
  rpcTimeouts: { inc(labels: { method: string }): void };
}

interface Pending {
  method: RpcMethod;
  started: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export const replyChannel = (settings: RedisSettings, clientId: string) =>
  `${keyPrefix(settings)}rpc-reply:${clientId}`;

/**
 * Typed request/reply over BullMQ. Requests go to the owner's queue (`rpc-<service>`) as sealed
 * jobs; replies come back on a per-client pub/sub channel, so they are never stored in Redis.
 * A call that is not answered in time rejects with UpstreamUnavailableError (HTTP 503).
 */
export class RpcClient {
  private readonly id = randomUUID();
  private readonly queues = new Map<RpcService, Queue>();
  private readonly pending = new Map<string, Pending>();
  private readonly sub: Redis;
  private readonly pub: Redis;
  private readonly sealer: Sealer;
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly settings: RedisSettings,
    secret: string,
    private readonly defaultTimeoutMs: number,
    private readonly metrics?: RpcClientMetrics,
  ) {
    this.sealer = new Sealer(secret);
    this.pub = createRedis(settings);
    this.sub = createRedis(settings);
    this.sub.on('messageBuffer', (_ch: Buffer, msg: Buffer) => this.onReply(msg.toString()));
    this.ready = subscribe(this.sub, replyChannel(settings, this.id));
    this.ready.catch(() => undefined); // surfaces on the first call instead
  }

  async call<M extends RpcMethod>(
    method: M,
    params: RpcRequest<M>,
    opts: { timeoutMs?: number } = {},
  ): Promise<RpcReply<M>> {
    const def = RPC_METHODS[method];
    const timeoutMs = opts.timeoutMs ?? ('timeoutMs' in def ? (def.timeoutMs as number) : this.defaultTimeoutMs);
    const checked = def.request.safeParse(params);
    if (!checked.success) throw new Error(`RPC ${method}: invalid request: ${checked.error.message}`);
    await this.ready;
    const id = randomUUID();
    const envelope: RpcEnvelope = {
      id,
      replyTo: this.id,
      deadline: Date.now() + timeoutMs,
      params: checked.data,
    };
    const result = new Promise<unknown>((resolve, reject) => {
      const started = performance.now();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.metrics?.rpcTimeouts.inc({ method });
        this.record(method, started, 'timeout');
        reject(new UpstreamUnavailableError(def.service, method));
      }, timeoutMs);
      this.pending.set(id, { method, started, resolve, reject, timer });
    });
    try {
      await this.queue(def.service).add(method, { s: this.sealer.seal(envelope) }, RPC_JOB_OPTIONS);
    } catch {
      const p = this.pending.get(id);
      if (p) {
        clearTimeout(p.timer);
        this.pending.delete(id);
        this.record(method, p.started, 'unavailable');
      }
      throw new UpstreamUnavailableError(def.service, method);
    }
    return result as Promise<RpcReply<M>>;
  }

  private onReply(raw: string): void {
    let reply: RpcReplyEnvelope;
    try {
      reply = this.sealer.open<RpcReplyEnvelope>(raw);
    } catch {
      return; // not ours, or tampered with: the caller times out
    }
    const p = this.pending.get(reply.id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(reply.id);
    if (!reply.ok) {
      const e = reply.error;
      this.record(p.method, p.started, 'error');
      p.reject(new AppError(e.code, e.message, e.details, e.status, e.headers));
      return;
    }
    const parsed = RPC_METHODS[p.method].reply.safeParse(reply.result);
    if (!parsed.success) {
      this.record(p.method, p.started, 'invalid_reply');
      p.reject(new Error(`RPC ${p.method}: reply failed validation: ${parsed.error.message}`));
      return;
    }
    this.record(p.method, p.started, 'ok');
    p.resolve(parsed.data);
  }

  /** outcome: ok | error (the owner answered with a domain error) | timeout | unavailable | invalid_reply */
  private record(method: string, started: number, outcome: string): void {
    this.metrics?.rpcDuration.observe({ method, outcome }, (performance.now() - started) / 1000);
  }

  private queue(service: RpcService): Queue {
    let q = this.queues.get(service);
    if (!q) {
      q = new Queue(rpcQueueName(service), { connection: this.pub, prefix: bullPrefix(this.settings) });
      this.queues.set(service, q);
    }
    return q;
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('RPC client closed'));
    }
    this.pending.clear();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
