/** Load generation and CPU profile reading shared by the HTTP benchmarks. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  /** CPU the load generator itself spent (ms, user + system). */
  cpuMs: number;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
}

/** autocannon in a child process (its own event loop and core); requests/s and latency percentiles (ms). */
export function autocannon(url: string, o: LoadOptions): Promise<Load> {
  const bin = require.resolve('autocannon/autocannon.js');
  const args = ['-r', path.resolve(__dirname, '../../../bench/lib/cpu-at-exit.js'), bin, '-j', '-c', String(o.connections), '-d', String(o.durationS), '-p', '1'];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (o.method) args.push('-m', o.method);
  if (o.body) args.push('-b', o.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4096)));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const r = JSON.parse(out);
        resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total, cpuMs: Number(/__cpu_ms__ ([\d.]+)/.exec(err)?.[1] ?? NaN) });
      } catch {
        reject(new Error(`autocannon output unreadable: ${out.slice(0, 200)}`));
      }
    });
  });
}

/** Polls measured per request at µs resolution (bench/lib/poll-client.js): latency percentiles in µs. */
export interface FineLoad {
  rps: number;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
  errors: number;
  non2xx: number;
  /** CPU the load client spent per request (µs). */
  cpuUsPerReq: number;
  /** Per request (µs), from the threads' schedstat: the client's main thread waiting on a run queue for a core. */
  clientWaitUsPerReq: number;
  /** The same for the server's main thread (`watchPid`; NaN without it), and its time on a core. */
  serverWaitUsPerReq: number;
  serverRunUsPerReq: number;
}

/**
 * GETs of `url` on `connections` keep-alive connections (one request in flight on each) from a
 * process of its own, each request timed with hrtime; the first `warmupMs` are not counted.
 */
export function finePolls(url: string, o: { connections: number; durationS: number; headers?: Record<string, string>; warmupMs?: number; rate?: number; watchPid?: number }): Promise<FineLoad> {
  const env = {
    ...process.env,
    POLL_URL: url,
    POLL_CONNECTIONS: String(o.connections),
    POLL_DURATION_MS: String(o.durationS * 1000),
    POLL_WARMUP_MS: String(o.warmupMs ?? 500),
    POLL_HEADERS: JSON.stringify(o.headers ?? {}),
    POLL_RATE: String(o.rate ?? 0),
    POLL_WATCH_PID: String(o.watchPid ?? 0),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../../bench/lib/poll-client.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4096)));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as FineLoad);
      } catch {
        reject(new Error(`poll client exited ${code}: ${out.slice(0, 200)} ${err}`));
      }
    });
  });
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; null elsewhere). Per
 * request, it is what a route costs whatever else the shared machine is doing, unlike req/s.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  return cpuSecondsOf(`/proc/${pid}/stat`);
}

/** System (kernel) CPU seconds of a process so far: socket writes, page faults (null off Linux). */
export function systemCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of one thread of `pid` (`tid === pid`: the main thread, where JavaScript runs). */
export function threadCpuSeconds(pid: number | undefined, tid: number | undefined = pid): number | null {
  if (!pid || !tid) return null;
  return cpuSecondsOf(`/proc/${pid}/task/${tid}/stat`);
}

function cpuSecondsOf(file: string): number | null {
  try {
    // fields after the command name: state is field 3, utime 14, stime 15 (clock ticks, 100/s)
    const stat = readFileSync(file, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The functions with the most self time in a .cpuprofile, as `share  name  file:line`. */
export function topFrames(file: string, n = 15): Array<{ self: string; fn: string; where: string }> {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'}\t${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, t]) => {
      const [fn, where] = k.split('\t');
      return { self: `${((100 * t) / (total || 1)).toFixed(1)} %`, fn, where };
    });
}

/** The machine's CPU seconds so far, busy (user, nice, system, irq, softirq, steal) and idle (idle, iowait), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; idle: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
    return { busy: (user + nice + system + irq + softirq + steal) / 100, idle: (idle + iowait) / 100 };
  } catch {
    return null;
  }
}

/** Pids of every process whose command name (`/proc/<pid>/comm`) is `comm` (e.g. `postgres`, `redis-server`). */
export function pidsNamed(comm: string): number[] {
  const out: number[] = [];
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm) out.push(Number(d));
      } catch {
        /* gone */
      }
    }
  } catch {
    /* not Linux */
  }
  return out;
}

/** CPU seconds so far of every process named `comm` now (see pidsNamed), by pid. */
export function cpuOfNamed(comm: string): Map<number, number> {
  return cpuSecondsOfAll(pidsNamed(comm));
}

/** CPU seconds of `pids` so far (a process that is gone counts 0). */
export function cpuSecondsOfAll(pids: number[]): Map<number, number> {
  return new Map(pids.map((p) => [p, cpuSeconds(p) ?? 0]));
}

/**
 * CPU seconds spent between two readings: a process in both counts the difference, one that started
 * in between (a PostgreSQL backend for a new pool connection) all of it, one that ended in between none.
 */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let s = 0;
  for (const [pid, t1] of after) s += Math.max(0, t1 - (before.get(pid) ?? 0));
  return s;
}

/** One HTTP request with an optional JSON body; the reply's status and its body (parsed when it is JSON). */
export async function json(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}
