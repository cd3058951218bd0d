/**
 * End-to-end harness: boots the four apps in this process against the real PostgreSQL and Redis
 * (the run's database from `npm test`, and a Redis prefix of the system's own so test files
 * never see each other's queues), and gives tests an HTTP client for the gateway.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '../apps/gateway/src/bootstrap';
import { createAuthApp } from '../apps/auth/src/bootstrap';
import { createBillingApp } from '../apps/billing/src/bootstrap';
import { createWorkerApp } from '../apps/media-worker/src/bootstrap';
import { createClipyardClient, type ClipyardClient } from '@clipyard/client';
import { checkedFetch, ContractChecker, ContractViolation } from './helpers/contract';

export type AppName = 'gateway' | 'auth' | 'billing' | 'media-worker';
export const ALL_APPS: AppName[] = ['auth', 'billing', 'media-worker', 'gateway'];

type Factory = (opts: {
  env: Record<string, string | undefined>;
  logDestination: { write(s: string): void };
}) => Promise<{ app: NestFastifyApplication }>;

const FACTORIES: Record<AppName, Factory> = {
  gateway: createGatewayApp,
  auth: createAuthApp,
  billing: createBillingApp,
  'media-worker': createWorkerApp,
};

export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Shorthand for `X-API-Key`. */
  apiKey?: string;
  /** Shorthand for `Authorization: Bearer`. */
  token?: string;
  /** false: skip the contract check for this request (a test that sends what no client would). */
  contract?: boolean;
}

export interface System {
  baseUrl: string;
  env: Record<string, string | undefined>;
  /** Every log line (raw JSON) any app wrote, for assertions about what reached the logs. */
  logs: string[];
  apps: Partial<Record<AppName, NestFastifyApplication>>;
  request<T = any>(method: string, path: string, opts?: RequestOptions): Promise<HttpResponse<T>>;
  get<T = any>(path: string, opts?: RequestOptions): Promise<HttpResponse<T>>;
  post<T = any>(path: string, body?: unknown, opts?: RequestOptions): Promise<HttpResponse<T>>;
  /** The typed client (`@clipyard/client`) on this system's gateway, contract-checked like `request`. */
  client(auth?: { apiKey?: string; token?: string }): ClipyardClient;
  /** The gateway's OpenAPI description and the checker every response goes through. */
  contract(): ContractChecker | undefined;
  startApp(name: AppName): Promise<void>;
  stopApp(name: AppName): Promise<void>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  apps?: AppName[];
  env?: Record<string, string>;
  /** A fixed port for the gateway (default: any free one), e.g. when an outside service must know its URL before it starts. */
  gatewayPort?: number;
}

export async function startSystem(opts: SystemOptions = {}): Promise<System> {
  const logs: string[] = [];
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    GATEWAY_PORT: '0',
    AUTH_HTTP_PORT: '0',
    BILLING_HTTP_PORT: '0',
    WORKER_HTTP_PORT: '0',
    RPC_TIMEOUT_MS: '3000',
    // no early 503 from the circuit breaker on a loaded machine (the outage specs set their own)
    RPC_PING_TIMEOUT_MS: '3000',
    HEALTH_RPC_TIMEOUT_MS: '1000',
    REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'cyt'}-${randomBytes(4).toString('hex')}`,
    ...opts.env,
  };
  const destination = { write: (s: string) => void logs.push(s) };
  const apps: Partial<Record<AppName, NestFastifyApplication>> = {};
  let baseUrl = '';
  let checker: ContractChecker | undefined;

  const startApp = async (name: AppName) => {
    const { app } = await FACTORIES[name]({ env, logDestination: destination });
    await app.listen({ port: name === 'gateway' ? (opts.gatewayPort ?? 0) : 0, host: '127.0.0.1' });
    apps[name] = app;
    if (name === 'gateway') {
      const addr = app.getHttpAdapter().getInstance().server.address() as AddressInfo;
      baseUrl = `http://127.0.0.1:${addr.port}`;
      env.PUBLIC_BASE_URL = baseUrl;
      checker ??= new ContractChecker((await (await fetch(`${baseUrl}/docs/json`)).json()) as Record<string, any>);
    }
  };
  const stopApp = async (name: AppName) => {
    await apps[name]?.close();
    delete apps[name];
  };

  for (const name of ALL_APPS.filter((a) => (opts.apps ?? ALL_APPS).includes(a))) await startApp(name);

  const request = async <T>(method: string, path: string, o: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.apiKey) headers['x-api-key'] = o.apiKey;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(o.form).toString();
    } else if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    const res = await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    if (checker && o.contract !== false) {
      const problems = checker.check(method, path, res.status, res.headers, text);
      if (problems.length) throw new ContractViolation(problems);
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };

  return {
    get baseUrl() {
      return baseUrl;
    },
    env,
    logs,
    apps,
    request,
    get: (path, o) => request('GET', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    client: (auth = {}) => createClipyardClient({ baseUrl, ...auth, fetch: checkedFetch(() => checker) }),
    contract: () => checker,
    startApp,
    stopApp,
    stop: async () => {
      for (const name of [...ALL_APPS].reverse()) await stopApp(name);
    },
  };
}

/** A unique email for a test user. */
export const uniqueEmail = (tag = 'user') => `${tag}-${randomBytes(5).toString('hex')}@example.test`;

/** Polls `fn` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
