/**
 * The four apps as separate processes (the compiled `dist/` that `npm test` builds), each on a free
 * port, the way compose or Kubernetes runs them. For fault specs: a process that exits is NOT
 * restarted here, so a spec can assert that an outage did not end any of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AppName, HttpResponse, RequestOptions, System } from '../harness';
import { freePort } from './own-services';

const ROOT = path.resolve(__dirname, '../..');
const PORT_VAR: Record<AppName, string> = {
  gateway: 'GATEWAY_PORT',
  auth: 'AUTH_HTTP_PORT',
  billing: 'BILLING_HTTP_PORT',
  'media-worker': 'WORKER_HTTP_PORT',
};

export interface AppProcess {
  name: AppName;
  child: ChildProcess;
  url: string;
  /** stdout + stderr so far (tail). */
  output(): string;
}

export interface AppProcesses extends Pick<System, 'request' | 'get' | 'post' | 'baseUrl'> {
  apps: Record<AppName, AppProcess>;
  /** Apps that have exited, with their exit code / signal and last output. */
  exited(): string[];
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, out: () => string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode} while starting:\n${out()}`);
    const ok = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url}: not live after ${timeoutMs} ms:\n${out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startAppProcesses(env: Record<string, string>, names: AppName[] = ['auth', 'billing', 'media-worker', 'gateway']): Promise<AppProcesses> {
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()] as const))) as Record<AppName, number>;
  const baseUrl = `http://127.0.0.1:${ports.gateway}`;
  const apps = {} as Record<AppName, AppProcess>;
  const fullEnv: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    GATEWAY_HOST: '127.0.0.1',
    PUBLIC_BASE_URL: baseUrl,
    ...Object.fromEntries(names.map((n) => [PORT_VAR[n], String(ports[n])])),
    ...env,
  };
  for (const name of names) {
    const child = spawn(process.execPath, [path.join(ROOT, `dist/apps/${name}/src/main.js`)], { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    apps[name] = { name, child, url: `http://127.0.0.1:${ports[name]}`, output: () => out };
  }
  const stop = async () => {
    await Promise.all(
      Object.values(apps).map(
        (a) =>
          new Promise<void>((resolve) => {
            if (a.child.exitCode !== null || a.child.signalCode !== null) return resolve();
            const t = setTimeout(() => a.child.kill('SIGKILL'), 10_000);
            a.child.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            a.child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    for (const name of names) await waitReady(apps[name].url, apps[name].child, apps[name].output);
  } catch (e) {
    await stop();
    throw e;
  }

  const request = async <T>(method: string, p: string, o: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.apiKey) headers['x-api-key'] = o.apiKey;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    const res = await fetch(baseUrl + p, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };
  return {
    baseUrl,
    apps,
    request,
    get: (p, o) => request('GET', p, o),
    post: (p, body, o) => request('POST', p, { ...o, body }),
    exited: () =>
      Object.values(apps)
        .filter((a) => a.child.exitCode !== null || a.child.signalCode !== null)
        .map((a) => `${a.name} exited (${a.child.exitCode ?? a.child.signalCode}):\n${a.output().slice(-3000)}`),
    stop,
  };
}
