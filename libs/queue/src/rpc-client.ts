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
import { createRedis, createSubscriber, keyPrefix, queuePrefix, subscribe, whenReady, type RedisClient, type RedisSettings } from './connection';
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
  service: RpcService;
  started: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export const replyChannel = (settings: RedisSettings, clientId: string) =>
  `${keyPrefix(settings)}rpc-reply:${clientId}`;

export interface RpcClientOptions {
  /**
   * Circuit breaker: a call to a service not heard from within LIVE_WINDOW_MS is accompanied by
   * that service's ping; if the ping is not answered within this long the service is taken for
   * dead and the call fails at once (503) instead of waiting out its own, longer timeout.
   */
  pingTimeoutMs?: number;
}

/** A service that answered anything this recently counts as alive (no ping sent). */
const LIVE_WINDOW_MS = 5000;

/**
 * Typed request/reply over BullMQ. Requests go to the owner's queue (`rpc-<service>`) as sealed
 * jobs; replies come back on a per-client pub/sub channel, so they are never stored in Redis.
 * A call that is not answered in time rejects with UpstreamUnavailableError (HTTP 503); so does a
 * call made while Redis is unreachable (the request connection has no offline queue), and a call
 * to a service whose ping went unanswered (see RpcClientOptions.pingTimeoutMs).
 *
 * Every promise this class creates is settled through one path that is always awaited by the
 * caller: nothing can reject unobserved (an unhandled rejection would end the process).
 */
export class RpcClient {
  private readonly id = randomUUID();
  private readonly queues = new Map<RpcService, Queue>();
  private readonly pending = new Map<string, Pending>();
  private readonly sub: Redis;
  private readonly pub: RedisClient;
  private readonly sealer: Sealer;
  private readonly ready: Promise<unknown>;
  private readonly pingTimeoutMs: number;
  /** Last time each service answered anything (a reply or a coded error). */
  private readonly lastHeard = new Map<RpcService, number>();
  /** One liveness ping per service at a time; resolves true when answered. */
  private readonly probes = new Map<RpcService, Promise<boolean>>();

  constructor(
    private readonly settings: RedisSettings,
    secret: string,
    private readonly defaultTimeoutMs: number,
    private readonly metrics?: RpcClientMetrics,
    opts: RpcClientOptions = {},
  ) {
    this.sealer = new Sealer(secret);
    this.pingTimeoutMs = opts.pingTimeoutMs ?? 1500;
    // Requests fail at once while Redis is unreachable instead of queueing in ioredis's memory
    // until it is back (and then being sent long after their caller gave up).
    this.pub = createRedis(settings, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.pub.on('error', () => undefined); // reconnects by itself; calls report the outage
    this.sub = createSubscriber(settings);
    this.sub.on('error', () => undefined);
    this.sub.on('messageBuffer', (_ch: Buffer, msg: Buffer) => this.onReply(msg.toString()));
    // Replies travel over pub/sub: one published while the reply connection is down is lost, so a
    // call waiting for one can only time out. Fail them at once (503) instead of after their timeout.
    this.sub.on('close', () => {
      for (const id of [...this.pending.keys()]) this.fail(id, 'unavailable');
    });
    // The first calls wait for the request connection too: without an offline queue, a command
    // sent before it is ready fails at once (a cluster takes a while to load its slot map).
    this.ready = Promise.all([subscribe(this.sub, replyChannel(settings, this.id)), whenReady(this.pub)]);
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
    const service = def.service;
    const id = randomUUID();
    // the caller gives up at this moment, so the server's deadline is the same one (not counted
    // from when the request could be sent: a server starting meanwhile would run a stale request)
    const deadline = Date.now() + timeoutMs;
    const result = new Promise<unknown>((resolve, reject) => {
      const started = performance.now();
      const timer = setTimeout(() => this.fail(id, 'timeout'), timeoutMs);
      this.pending.set(id, { method, service, started, resolve, reject, timer });
    });
    // The send settles the call (through fail) rather than rejecting on its own.
    void this.send(def.service, method, id, deadline, checked.data);
    const isPing = method === pingOf(service);
    if (!isPing && Date.now() - (this.lastHeard.get(service) ?? 0) > LIVE_WINDOW_MS && this.pingTimeoutMs < timeoutMs) {
      void this.probe(service).then((alive) => {
        if (!alive) this.fail(id, 'unavailable');
      });
    }
    return result as Promise<RpcReply<M>>;
  }

  /** Sends the request once the reply channel is subscribed; any failure settles the call as unavailable. */
  private async send(service: RpcService, method: RpcMethod, id: string, deadline: number, params: unknown): Promise<void> {
    try {
      await this.ready;
      if (!this.pending.has(id)) return; // timed out while Redis was away
      const envelope: RpcEnvelope = { id, replyTo: this.id, deadline, params };
      await this.queue(service).add(method, { s: this.sealer.seal(envelope) }, RPC_JOB_OPTIONS);
    } catch {
      this.fail(id, 'unavailable');
    }
  }

  /** Pings `service` (single flight); true when it answered within pingTimeoutMs. */
  private probe(service: RpcService): Promise<boolean> {
    let p = this.probes.get(service);
    if (!p) {
      p = this.call(pingOf(service), {}, { timeoutMs: this.pingTimeoutMs })
        .then(
          () => true,
          // any answer, even a coded error, shows the service is alive
          (err: unknown) => !(err instanceof UpstreamUnavailableError),
        )
        .finally(() => this.probes.delete(service));
      this.probes.set(service, p);
    }
    return p;
  }

  /** Rejects a pending call with UpstreamUnavailableError (no-op if it was already settled). */
  private fail(id: string, outcome: 'timeout' | 'unavailable'): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (outcome === 'timeout') this.metrics?.rpcTimeouts.inc({ method: p.method });
    this.record(p.method, p.started, outcome);
    p.reject(new UpstreamUnavailableError(p.service, p.method));
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
    this.lastHeard.set(p.service, Date.now());
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
      q = new Queue(rpcQueueName(service), { connection: this.pub, prefix: queuePrefix(this.settings, rpcQueueName(service)) });
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

const pingOf = <S extends RpcService>(service: S) => `${service}.ping` as const;
