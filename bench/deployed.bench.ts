/**
 * The gateway as deployed: each app in its own process (the compiled `dist/`, as `npm start`,
 * compose or Kubernetes run them), their JSON logs going where `npm start` sends them (piped to
 * this process, relabelled line by line and written out, here to a file instead of a terminal),
 * a bare Fastify route returning the same JSON in a process of its own, and the load from a third
 * (autocannon). Measures:
 *   - `GET /v1/jobs/{id}` with an API key vs the bare route, 50 connections
 *   - sign-ins per second (`POST /v1/auth/login`, argon2id in the auth app) vs raw argon2id
 *     verifications per second in a process of their own on the same cores, and vs their floor: the
 *     sign-in's essential work (user SELECT, argon2.verify, the session statement, the ES256 token)
 *     in one bare Fastify process run as the auth app (bench/lib/signin-floor-server.js), and vs the
 *     architecture's own floor (the hop floor): the same work done by two bare processes in the
 *     deployed shape, a bare gateway sealing the request onto a raw bullmq queue and a bare worker run
 *     as the auth app answering over pub/sub (bench/lib/signin-hop-gateway.js, signin-hop-worker.js)
 *   - polling p99 during a sign-in storm vs idle, each poll timed in µs by a keep-alive load client
 *     of its own (bench/lib/poll-client.js), and vs polls while raw argon2 runs in a process of its
 *     own as the auth app runs (no sign-ins), and while as many threads at that priority only spin
 *     (no memory traffic): what argon2's presence costs the polls, and whether it is CPU share
 *   - sign-ins beside the polls, beside one spinning thread per core at normal priority, and beside
 *     a real ffmpeg encode (libx264, every core) started as the media worker starts it (MEDIA_NICE)
 *   - job pickup (`jobs.created_at` → worker start) vs bare BullMQ add → start and the job row's insert
 * BENCH_CPU_PROFILE_DIR=<dir> writes a CPU profile of the gateway during the API polling run and
 * prints its top frames. BENCH_DIST_ROOT=<checkout> runs the apps compiled in another checkout
 * (an older commit's `dist/`, for a before/after on the same machine). BENCH_DEPLOYED_ONLY=poll
 * runs the polling rows only, BENCH_DEPLOYED_ONLY=signin the sign-in rows only (and the polls during
 * a storm), BENCH_DEPLOYED_ONLY=pickup the job pickup row only (gateway and media
 * worker in their own processes, against bare BullMQ and the job row's insert in the same run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/helpers/own-services';
import { makeVideo } from '../test/helpers/media';
import { strongPassword } from '../test/helpers/users';
import { Client } from 'pg';
import { autocannon, cpuSeconds, finePolls, type FineLoad, type LoadOptions, json, cpuOfNamed, cpuSecondsOfAll, cpuSpent, machineCpuSeconds, systemCpuSeconds, threadCpuSeconds, topFrames } from './lib/load';
import { pickupAsDeployed, StageLines } from './lib/pickup';
import { rowsOf } from './lib/scratch-tables';
import { FLOOR_TABLES, createFloorTables, dropFloorTables } from './lib/signin-floor';
import { goalRow, report } from './lib/stats';
import { mediaConfigSchema } from '../libs/media/src/media.config';
import { lowerToolPriority, setToolNiceness } from '../libs/media/src/tool-priority';

const ROOT = path.resolve(__dirname, '../..');
/** Whose compiled apps run: this checkout's, or BENCH_DIST_ROOT's (another commit's, for a before/after). */
const DIST_ROOT = process.env.BENCH_DIST_ROOT ? path.resolve(process.env.BENCH_DIST_ROOT) : ROOT;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pretty } = require(path.join(ROOT, 'scripts/lib/pretty.js')) as { pretty: (line: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appCommand } = require(path.join(ROOT, 'scripts/lib/app-command.js')) as {
  appCommand: (name: string, script: string, env: Record<string, string | undefined>, nodeArgs?: string[]) => { cmd: string; args: string[]; env: Record<string, string | undefined> };
};
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const APPS = ['auth', 'billing', 'media-worker', 'gateway'] as const;
type App = (typeof APPS)[number];
const PORT_VAR: Record<App, string> = { gateway: 'GATEWAY_PORT', auth: 'AUTH_HTTP_PORT', billing: 'BILLING_HTTP_PORT', 'media-worker': 'WORKER_HTTP_PORT' };

interface Proc {
  child: ChildProcess;
  lines: number;
}

/** Starts an app the way `npm start` does: its stdout and stderr relabelled line by line into `sink` (each raw line shown to `tap` first). */
function startApp(name: App, env: Record<string, string | undefined>, sink: NodeJS.WritableStream, nodeArgs: string[] = [], tap?: (line: string) => void): Proc {
  // as `npm start` runs it (the auth app's argon2 at a lower CPU priority: scripts/lib/app-command.js)
  const cmd = appCommand(name, path.join(DIST_ROOT, `dist/apps/${name}/src/main.js`), env, nodeArgs);
  const child = spawn(cmd.cmd, cmd.args, { cwd: DIST_ROOT, env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc: Proc = { child, lines: 0 };
  const label = `${name.padEnd(12)}│ `;
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (!l) continue;
        proc.lines++;
        tap?.(l);
        sink.write(label + pretty(l) + '\n');
      }
    });
  }
  return proc;
}

async function ready(url: string, proc: Proc, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${url}: exited with ${proc.child.exitCode}`);
    if (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}: not ready after ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A process of its own running `code` (CommonJS, with the repo's node_modules), or the script
 * `{ file }`; resolves with its first stdout line.
 */
/**
 * A sign-in load on `url` (autocannon) and what it cost per sign-in, in ms of CPU: each of `pids`
 * (the whole process, its main thread, its kernel time), Redis and PostgreSQL (whole servers), and
 * the machine (all cores busy, from /proc/stat).
 */
async function signInLoadWithCpu<K extends string>(url: string, load: LoadOptions, pids: Record<K, number | undefined>) {
  const names = Object.keys(pids) as K[];
  const read = () => ({
    procs: names.map((k) => ({ cpu: cpuSeconds(pids[k]), main: threadCpuSeconds(pids[k]), sys: systemCpuSeconds(pids[k]) })),
    redis: cpuOfNamed('redis-server'),
    postgres: cpuOfNamed('postgres'),
    machine: machineCpuSeconds(),
  });
  const r0 = read();
  const l = await autocannon(url, load);
  const r1 = read();
  const n = Math.max(1, l.requests);
  const ms = (a: number | null, b: number | null) => (a === null || b === null ? NaN : ((b - a) * 1000) / n);
  const procs = Object.fromEntries(names.map((k, i) => [k, { cpu: ms(r0.procs[i].cpu, r1.procs[i].cpu), main: ms(r0.procs[i].main, r1.procs[i].main), sys: ms(r0.procs[i].sys, r1.procs[i].sys) }])) as Record<K, { cpu: number; main: number; sys: number }>;
  return {
    rps: l.rps,
    p50: l.p50,
    p99: l.p99,
    errors: l.errors + l.non2xx,
    procs,
    redis: (cpuSpent(r0.redis, r1.redis) * 1000) / n,
    postgres: (cpuSpent(r0.postgres, r1.postgres) * 1000) / n,
    busy: r0.machine && r1.machine ? ((r1.machine.busy - r0.machine.busy) * 1000) / n : NaN,
  };
}

function helperProcess(code: string | { file: string }, env: Record<string, string> = {}, as?: 'auth'): Promise<{ child: ChildProcess; first: string }> {
  // as: 'auth' runs it the way the auth app runs (its CPU priority and thread pool: scripts/lib/app-command.js)
  const [script, nodeArgs] = typeof code === 'string' ? [code, ['-e']] : [code.file, []];
  const cmd = as ? appCommand(as, script, { ...process.env, ...env }, nodeArgs) : { cmd: process.execPath, args: [...nodeArgs, script], env: { ...process.env, ...env } };
  const child = spawn(cmd.cmd, cmd.args, { cwd: ROOT, env: cmd.env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, first: out.slice(0, nl) });
    });
    child.once('exit', (c) => reject(new Error(`helper exited with ${c}: ${out}`)));
  });
}


const BARE = `
const Fastify = require('fastify');
const body = JSON.parse(process.env.BARE_BODY);
const app = Fastify({ logger: false });
app.get('/bare', async () => body);
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(app.server.address().port));
`;

/** Raw argon2id verifications/s with the auth app's parameters, as many in flight as libuv runs (its thread pool). */
const RAW_ARGON2 = `
const argon2 = require('argon2');
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };
(async () => {
  const hash = await argon2.hash('a-password-1', OPTIONS);
  const until = Date.now() + Number(process.env.MS);
  let n = 0;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 4 }, async () => { while (Date.now() < until) { await argon2.verify(hash, 'a-password-1'); n++; } }));
  const cpu = process.cpuUsage();
  const s = (Date.now() - t0) / 1000;
  console.log(JSON.stringify({ perS: n / s, cpuMsPer: (cpu.user + cpu.system) / 1000 / n, sysMsPer: cpu.system / 1000 / n, cores: (cpu.user + cpu.system) / 1e6 / s }));
})();
`;

/**
 * The control for RAW_ARGON2 beside polls: as many threads as the pool, spinning on arithmetic with
 * a working set of a few bytes (no memory traffic), for MS ms. Prints the cores it got.
 */
const SPIN = `
const { Worker } = require('node:worker_threads');
const n = Number(process.env.UV_THREADPOOL_SIZE || 4);
const ms = Number(process.env.MS);
const t0 = Date.now();
let left = n;
for (let i = 0; i < n; i++) {
  new Worker('const u = Date.now() + ' + ms + '; let x = 0; while (Date.now() < u) for (let i = 0; i < 1e5; i++) x = (x * 31 + i) | 0; require("node:worker_threads").parentPort.postMessage(x);', { eval: true })
    .once('exit', () => {
      if (--left) return;
      const cpu = process.cpuUsage();
      console.log(JSON.stringify({ cores: (cpu.user + cpu.system) / 1e6 / ((Date.now() - t0) / 1000) }));
    });
}
`;

/**
 * A real ffmpeg encode (libx264 720p30 veryfast of a generated picture, `threads` threads, no
 * output) started the way the media worker starts its tools: spawned, then lowered to MEDIA_NICE
 * (the worker's default unless set) by the lib's own call. Runs until `stop()`, which gives the
 * cores it got while it ran.
 */
function workerEncode(env: Record<string, string | undefined>, threads: number): { child: ChildProcess; nice: number; stop: () => Promise<{ cores: number }> } {
  const nice = mediaConfigSchema.shape.MEDIA_NICE.parse(env.MEDIA_NICE || undefined);
  setToolNiceness(nice);
  const child = spawn(env.FFMPEG_PATH || 'ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-c:v', 'libx264', '-preset', 'veryfast', '-threads', String(threads), '-f', 'null', '-'], { stdio: ['ignore', 'ignore', 'inherit'] });
  lowerToolPriority(child.pid);
  const t0 = Date.now();
  const cpu0 = cpuSeconds(child.pid) ?? 0;
  return {
    child,
    nice,
    stop: async () => {
      const cores = ((cpuSeconds(child.pid) ?? 0) - cpu0) / ((Date.now() - t0) / 1000);
      await stop(child);
      return { cores };
    },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-deployed-'));
  const logFile = path.join(dir, 'npm-start.log');
  const sink = createWriteStream(logFile);
  const ports = Object.fromEntries(await Promise.all(APPS.map(async (a) => [a, await freePort()] as const))) as Record<App, number>;
  const base = `http://127.0.0.1:${ports.gateway}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    // as `npm start` runs them (info logs), with the rate limits far above the load (their cost stays on the path)
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
    GATEWAY_HOST: '127.0.0.1',
    PUBLIC_BASE_URL: base,
    API_REQUESTS_PER_MIN: '1000000000',
    LOGIN_IP_PER_MIN: '1000000000',
    STORAGE_LOCAL_DIR: path.join(dir, 'storage'),
    UPLOAD_TMP_DIR: path.join(dir, 'spool'),
    // the job pickup's stage stamps (one log line per submission, on the worker's `media job started`)
    JOB_STAGE_LOG: 'true',
    ...Object.fromEntries(APPS.map((a) => [PORT_VAR[a], String(ports[a])])),
  };
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  // BENCH_CPU_PROFILE_APP=auth (or billing, media-worker) profiles that app instead of the gateway
  const profiled = (process.env.BENCH_CPU_PROFILE_APP ?? 'gateway') as App;
  const profileFile = profileDir ? path.join(path.resolve(profileDir), `${profiled}-deployed-${process.env.BENCH_CPU_PROFILE_PHASE === 'signin' ? 'signin' : 'poll'}.cpuprofile`) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const procs: Partial<Record<App, Proc>> = {};
  const helpers: ChildProcess[] = [];
  const stageLines = new StageLines();
  try {
    for (const a of APPS) {
      const profileArgs = a === profiled && profileFile ? ['-r', path.join(ROOT, 'bench/lib/cpu-profile-preload.js')] : [];
      procs[a] = startApp(a, a === profiled && profileFile ? { ...env, BENCH_CPU_PROFILE_FILE: profileFile } : env, sink, profileArgs, (l) => stageLines.take(l));
    }
    for (const a of APPS) await ready(`http://127.0.0.1:${ports[a]}`, procs[a]!);

    // a user, an API key and a completed fast trim
    const email = `bench-${Date.now()}@example.test`;
    const password = strongPassword();
    const reg = await json('POST', `${base}/v1/auth/register`, { email, password });
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
    const login = await json('POST', `${base}/v1/auth/login`, { email, password });
    const key = await json('POST', `${base}/v1/api-keys`, { name: 'bench' }, { authorization: `Bearer ${login.body.access_token}` });
    const apiKey: string = key.body.key ?? key.body.api_key ?? key.body.secret;
    if (!apiKey) throw new Error(`no API key in ${JSON.stringify(key.body)}`);
    const src = await makeVideo(path.join(dir, 'src.mp4'), { durationS: 10, gop: 25 });
    const form = new FormData();
    form.append('file', new Blob([await import('node:fs/promises').then((f) => f.readFile(src))], { type: 'video/mp4' }), 'src.mp4');
    const up = await fetch(`${base}/v1/uploads`, { method: 'POST', headers: { 'x-api-key': apiKey }, body: form }).then((r) => r.json() as Promise<{ id: string }>);
    const job = await json('POST', `${base}/v1/jobs/trim`, { input: { upload_id: up.id }, start: 2, end: 6, mode: 'fast' }, { 'x-api-key': apiKey });
    if (job.status !== 202) throw new Error(`submit: ${job.status} ${JSON.stringify(job.body)}`);
    let view: any;
    for (let i = 0; i < 600; i++) {
      view = (await json('GET', `${base}/v1/jobs/${job.body.id}`, undefined, { 'x-api-key': apiKey })).body;
      if (view.status === 'completed' || view.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (view.status !== 'completed') throw new Error(`trim: ${JSON.stringify(view)}`);

    // --- job pickup, as deployed (BENCH_DEPLOYED_ONLY=pickup: this row alone) ------------------------
    const only = process.env.BENCH_DEPLOYED_ONLY;
    if (!only || only === 'pickup') {
      await pickupAsDeployed({ base, env, root: DIST_ROOT, apiKey, uploadId: up.id, stages: stageLines });
      if (only === 'pickup') return;
    }

    const bare = await helperProcess(BARE, { BARE_BODY: JSON.stringify(view) });
    helpers.push(bare.child);
    const bareUrl = `http://127.0.0.1:${bare.first.trim()}/bare`;
    const pollUrl = `${base}/v1/jobs/${job.body.id}`;
    const poll = { connections: 50, durationS: DURATION_S, headers: { 'x-api-key': apiKey } };
    await autocannon(pollUrl, { ...poll, durationS: 2 }); // warm-up (JIT, caches)
    await autocannon(bareUrl, { connections: 50, durationS: 2 });

    // --- polling, as deployed (BENCH_DEPLOYED_ONLY=signin skips these rows) ------------------------
    // BENCH_CPU_PROFILE_PHASE=signin profiles the sign-in run instead of the polling run
    const profilePolls = profileFile && process.env.BENCH_CPU_PROFILE_PHASE !== 'signin';
    const profileSignIns = profileFile && !profilePolls;
    // CPU per request (µs): what each server spends on one answer, whatever else the machine runs
    const perReq = (a: number | null, b: number | null, n: number) => (a === null || b === null ? NaN : ((b - a) * 1e6) / Math.max(1, n));
    if (only !== 'signin') {
      const linesBefore = procs.gateway!.lines;
      // what the gateway spends with no request at all (timers, Redis subscribers, BullMQ consumers),
      // and how a poll's CPU splits: main thread (JavaScript) vs other threads (GC helpers, libuv), kernel
      const gwPid = procs.gateway!.child.pid;
      const idle0 = cpuSeconds(gwPid);
      await new Promise((r) => setTimeout(r, 3000));
      const idleMsPerS = idle0 === null ? NaN : (((cpuSeconds(gwPid) ?? 0) - idle0) * 1000) / 3;
      if (profilePolls) procs[profiled]!.child.kill('SIGWINCH');
      const gwCpu0 = cpuSeconds(gwPid);
      const gwMain0 = threadCpuSeconds(gwPid);
      const gwSys0 = systemCpuSeconds(gwPid);
      const api = await autocannon(pollUrl, poll);
      const gwCpu1 = cpuSeconds(gwPid);
      const gwMain1 = threadCpuSeconds(gwPid);
      const gwSys1 = systemCpuSeconds(gwPid);
      if (profilePolls) procs[profiled]!.child.kill('SIGWINCH');
      const linesPerPoll = (procs.gateway!.lines - linesBefore) / Math.max(1, api.requests);
      const bareCpu0 = cpuSeconds(bare.child.pid);
      const plain = await autocannon(bareUrl, { connections: 50, durationS: DURATION_S });
      const bareCpu1 = cpuSeconds(bare.child.pid);
      const apiCpu = perReq(gwCpu0, gwCpu1, api.requests);
      const bareCpu = perReq(bareCpu0, bareCpu1, plain.requests);
      report('Gateway CPU per poll, split (µs; idle: ms of CPU per second with no requests)', [
        {
          'idle ms/s': idleMsPerS,
          'total µs/poll': apiCpu,
          'main thread': perReq(gwMain0, gwMain1, api.requests),
          'other threads': apiCpu - perReq(gwMain0, gwMain1, api.requests),
          'kernel (all threads)': perReq(gwSys0, gwSys1, api.requests),
        },
      ]);
      report(`Polling as deployed (gateway in its own process, logs through the npm start relabeller), 50 connections, ${DURATION_S} s (latency ms)`, [
        { what: 'GET /v1/jobs/{id} (API key)', 'req/s': api.rps, p50: api.p50, p99: api.p99, errors: api.errors + api.non2xx, 'log lines/poll': linesPerPoll, 'CPU µs/req': apiCpu },
        { what: 'bare Fastify route, own process', 'req/s': plain.rps, p50: plain.p50, p99: plain.p99, errors: plain.errors + plain.non2xx, 'log lines/poll': 0, 'CPU µs/req': bareCpu },
      ]);
      if (Number.isFinite(apiCpu)) {
        goalRow({
          path: 'GET /v1/jobs/{id} as deployed vs bare Fastify, CPU per request (bare / API)',
          measured: `${apiCpu.toFixed(0)} µs/req`,
          anchor: `${bareCpu.toFixed(0)} µs/req`,
          ratio: bareCpu / apiCpu,
          goal: '>= 0.5 (same goal, load-independent)',
        });
      }
      goalRow({
        path: 'GET /v1/jobs/{id} as deployed vs bare Fastify (own processes), c=50',
        measured: `${Math.round(api.rps)} req/s, p99 ${api.p99} ms`,
        anchor: `${Math.round(plain.rps)} req/s, p99 ${plain.p99} ms`,
        ratio: api.rps / plain.rps,
        goal: '>= 0.5',
      });
    }

    // --- sign-ins ------------------------------------------------------------------------------------
    // BENCH_DEPLOYED_ONLY=poll stops after the polling rows (a short run for a polling before/after)
    if (only !== 'poll') {
      // BENCH_SIGNIN_CONNECTIONS=1: sign-ins one at a time (what a sign-in costs when nothing runs beside it)
      const loginLoad = { connections: Number(process.env.BENCH_SIGNIN_CONNECTIONS ?? 8), durationS: DURATION_S, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) };
      // Warmed up first, as the polls are (BENCH_SIGNIN_WARMUP_S, 0 for none): the auth app's sign-in code
      // reaches V8's optimizing tier and its PostgreSQL pool reconnects (its connections idled out during
      // the polling runs), so neither is counted in the storm. 30 s (the floor gets the same): after 3 s
      // V8 was still compiling the path through the storm (`--trace-opt`: 95 TurboFan compiles, 0.5 s
      // of CPU in the auth app and 61 in the gateway in 9 s, 8-13 a second at its end), a cost a
      // long-running server pays once; the goal is the steady state.
      const warmUpS = Number(process.env.BENCH_SIGNIN_WARMUP_S ?? 30);
      if (warmUpS > 0) await autocannon(`${base}/v1/auth/login`, { ...loginLoad, durationS: warmUpS });
      // sign-ins alone, then raw argon2 alone (same cores, same apps idle): as the auth app runs it (its
      // CPU priority and thread pool: the anchor of the goal, so what is compared is the sign-in path's
      // own cost) and at normal priority with the default pool; then polls idle and during a storm.
      // During the storm, where the rest of the machine's CPU went: Redis and PostgreSQL (shared with
      // whatever else uses them), the other two apps, the load generator, this process, everything else.
      const otherApps = [procs.billing!.child.pid!, procs['media-worker']!.child.pid!];
      const shared0 = { redis: cpuOfNamed('redis-server'), postgres: cpuOfNamed('postgres'), others: cpuSecondsOfAll(otherApps), self: process.cpuUsage(), machine: machineCpuSeconds() };
      const lines0 = { gateway: procs.gateway!.lines, auth: procs.auth!.lines };
      const cpu0 = { gw: cpuSeconds(procs.gateway!.child.pid), auth: cpuSeconds(procs.auth!.child.pid), authMain: threadCpuSeconds(procs.auth!.child.pid), authSys: systemCpuSeconds(procs.auth!.child.pid) };
      if (profileSignIns) procs[profiled]!.child.kill('SIGWINCH');
      // BENCH_PERF_FILE=<file>: a system-wide `perf record` (software clock, call graphs) of the storm, every process and the kernel
      const perf = process.env.BENCH_PERF_FILE ? spawn('perf', ['record', '-q', '-e', 'cpu-clock', '-F', '499', '-a', '-g', '-o', path.resolve(process.env.BENCH_PERF_FILE)], { stdio: 'ignore' }) : undefined;
      const storm = await autocannon(`${base}/v1/auth/login`, loginLoad);
      if (perf) await new Promise((r) => (perf.once('exit', r), perf.kill('SIGINT')));
      if (profileSignIns) procs[profiled]!.child.kill('SIGWINCH');
      const cpu1 = { gw: cpuSeconds(procs.gateway!.child.pid), auth: cpuSeconds(procs.auth!.child.pid), authMain: threadCpuSeconds(procs.auth!.child.pid), authSys: systemCpuSeconds(procs.auth!.child.pid) };
      const linesPerSignIn = `gateway ${((procs.gateway!.lines - lines0.gateway) / Math.max(1, storm.requests)).toFixed(2)}, auth ${((procs.auth!.lines - lines0.auth) / Math.max(1, storm.requests)).toFixed(2)}`;
      const shared1 = { redis: cpuOfNamed('redis-server'), postgres: cpuOfNamed('postgres'), others: cpuSecondsOfAll(otherApps), self: process.cpuUsage(shared0.self), machine: machineCpuSeconds() };
      // CPU per sign-in (ms): the gateway's share (HTTP, validation, the RPC) and the auth app's (argon2 included)
      const gwPerLogin = perReq(cpu0.gw, cpu1.gw, storm.requests) / 1000;
      const authPerLogin = perReq(cpu0.auth, cpu1.auth, storm.requests) / 1000;
      // the auth app's main thread (JavaScript: RPC, SQL, Redis, token) apart from its argon2 pool and V8's threads
      const authMainPerLogin = perReq(cpu0.authMain, cpu1.authMain, storm.requests) / 1000;
      const authSysPerLogin = perReq(cpu0.authSys, cpu1.authSys, storm.requests) / 1000;
      const msPer = (seconds: number) => (seconds * 1000) / Math.max(1, storm.requests);
      const machineBusy = shared0.machine && shared1.machine ? msPer(shared1.machine.busy - shared0.machine.busy) : NaN;
      const machineIdle = shared0.machine && shared1.machine ? msPer(shared1.machine.idle - shared0.machine.idle) : NaN;
      const split = {
        auth: authPerLogin,
        gateway: gwPerLogin,
        redis: msPer(cpuSpent(shared0.redis, shared1.redis)),
        postgres: msPer(cpuSpent(shared0.postgres, shared1.postgres)),
        'billing+worker': msPer(cpuSpent(shared0.others, shared1.others)),
        'autocannon (with its start)': storm.cpuMs / Math.max(1, storm.requests),
        bench: (shared1.self.user + shared1.self.system) / 1000 / Math.max(1, storm.requests),
      };
      const known = Object.values(split).reduce((a, b) => a + b, 0);
      report('Machine CPU per sign-in during the storm (ms; all cores, from /proc; Redis and PostgreSQL are whole servers)', [
        { ...split, 'everything else': machineBusy - known, 'machine busy': machineBusy, 'machine idle': machineIdle, 'log lines/sign-in': linesPerSignIn },
      ]);
      const rawMachine0 = machineCpuSeconds();
      const raw = JSON.parse((await helperProcess(RAW_ARGON2, { MS: String(DURATION_S * 1000) }, 'auth')).first) as { perS: number; cpuMsPer: number; sysMsPer: number };
      const rawMachine1 = machineCpuSeconds();
      // the machine's share left idle while raw argon2 ran (as a fraction of all cores): the anchor had the cores it could use
      const rawIdleShare = rawMachine0 && rawMachine1 ? (rawMachine1.idle - rawMachine0.idle) / (rawMachine1.idle - rawMachine0.idle + rawMachine1.busy - rawMachine0.busy) : NaN;
      const stormIdleShare = machineIdle / (machineIdle + machineBusy);
      const rawPlain = JSON.parse((await helperProcess(RAW_ARGON2, { MS: String(DURATION_S * 1000) })).first) as { perS: number };

      // The floor: the sign-in's essential work (user SELECT, argon2.verify, the session statement,
      // the ES256 token) in one bare Fastify process run as the auth app, same load shape as the storm.
      const db = new Client({ connectionString: env.DATABASE_URL });
      await db.connect();
      let floor: { rps: number; p50: number; p99: number; errors: number; cpu: number; main: number; sys: number; postgres: number; busy: number };
      let hop: { rps: number; p50: number; p99: number; errors: number; gateway: number; gatewayMain: number; worker: number; workerMain: number; workerSys: number; redis: number; postgres: number; busy: number };
      try {
        await createFloorTables(rowsOf(db));
        const server = await helperProcess({ file: path.join(ROOT, 'bench/lib/signin-floor-server.js') }, { FLOOR_TABLES: JSON.stringify(FLOOR_TABLES), DATABASE_URL: env.DATABASE_URL! }, 'auth');
        helpers.push(server.child);
        const floorUrl = `http://127.0.0.1:${server.first.trim()}/login`;
        if (warmUpS > 0) await autocannon(floorUrl, { ...loginLoad, durationS: warmUpS });
        const f = await signInLoadWithCpu(floorUrl, loginLoad, { floor: server.child.pid });
        floor = { rps: f.rps, p50: f.p50, p99: f.p99, errors: f.errors, cpu: f.procs.floor.cpu, main: f.procs.floor.main, sys: f.procs.floor.sys, postgres: f.postgres, busy: f.busy };
        await stop(server.child);

        // The hop floor: the same sign-in by two bare processes in the deployed shape (no Nest): a
        // bare gateway at normal priority (Fastify, the request sealed, a raw bullmq Queue.add, the
        // sealed reply on its own pub/sub channel) and a bare worker run as the auth app (a raw bullmq
        // Worker of concurrency 32 doing the rate-limit consume, the lockout GET, the SELECT, the
        // verify, the session statement, the ES256 token and the sealed PUBLISH), under a Redis
        // prefix of their own that the worker deletes when it stops. What the architecture itself
        // costs above the floor, with none of the apps' code. Same load and warm-up as the floor.
        const hopEnv = {
          FLOOR_TABLES: JSON.stringify(FLOOR_TABLES),
          DATABASE_URL: env.DATABASE_URL!,
          REDIS_URL: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          HOP_PREFIX: `${env.REDIS_PREFIX ?? 'cyb'}-hop-${randomBytes(3).toString('hex')}`,
          HOP_SECRET: randomBytes(32).toString('hex'),
          LOGIN_IP_PER_MIN: env.LOGIN_IP_PER_MIN!,
        };
        const hopWorker = await helperProcess({ file: path.join(ROOT, 'bench/lib/signin-hop-worker.js') }, hopEnv, 'auth');
        helpers.push(hopWorker.child);
        const hopGateway = await helperProcess({ file: path.join(ROOT, 'bench/lib/signin-hop-gateway.js') }, hopEnv);
        helpers.push(hopGateway.child);
        const hopUrl = `http://127.0.0.1:${hopGateway.first.trim()}/login`;
        if (warmUpS > 0) await autocannon(hopUrl, { ...loginLoad, durationS: warmUpS });
        const h = await signInLoadWithCpu(hopUrl, loginLoad, { gateway: hopGateway.child.pid, worker: hopWorker.child.pid });
        const { gateway: hg, worker: hw } = h.procs;
        hop = { rps: h.rps, p50: h.p50, p99: h.p99, errors: h.errors, gateway: hg.cpu, gatewayMain: hg.main, worker: hw.cpu, workerMain: hw.main, workerSys: hw.sys, redis: h.redis, postgres: h.postgres, busy: h.busy };
        await stop(hopGateway.child);
        await stop(hopWorker.child);
      } finally {
        await dropFloorTables(rowsOf(db)).catch(() => undefined);
        await db.end();
      }

      // Polls idle and during a storm, each request timed in µs by a load client of its own
      // (bench/lib/poll-client.js; autocannon counts whole milliseconds): measured from 0.5 s after
      // the start to 1 s before the storm's end, so every counted poll runs inside the storm.
      const fine = { connections: 10, durationS: Math.max(1, DURATION_S - 1), headers: poll.headers, warmupMs: 500, watchPid: procs.gateway!.child.pid };
      const idle = await finePolls(pollUrl, fine);
      // The anchor: polls while raw argon2 (RAW_ARGON2, 4 in flight) runs in a process of its own exactly
      // as the auth app runs (its CPU priority and thread pool), with no sign-in traffic: what argon2's
      // mere presence on these cores costs the polls, without the gateway's or auth's sign-in work.
      // And its control: the same number of threads at the same priority spinning on arithmetic (no
      // memory traffic). argon2 ≈ spin says the polls lose CPU share; argon2 > spin, the memory-hard
      // hash itself (caches, memory bandwidth, the host) slows the gateway whatever its share.
      const ms = { MS: String(DURATION_S * 1000) };
      // how the auth app (and so both of these) runs: its priority and pool (scripts/lib/app-command.js)
      const asAuth = appCommand('auth', '', env);
      const authPriority = `${asAuth.cmd === process.execPath ? 'normal priority' : [asAuth.cmd, ...asAuth.args.slice(0, asAuth.args.indexOf(process.execPath))].join(' ')}, pool ${asAuth.env.UV_THREADPOOL_SIZE}`;
      const [rawBeside, anchor] = await Promise.all([helperProcess(RAW_ARGON2, ms, 'auth').then((h) => JSON.parse(h.first) as { perS: number; cores: number }), finePolls(pollUrl, fine)]);
      const [spinBeside, spin] = await Promise.all([helperProcess(SPIN, ms, 'auth').then((h) => JSON.parse(h.first) as { cores: number }), finePolls(pollUrl, fine)]);
      const [loginsBeside, during] = await Promise.all([autocannon(`${base}/v1/auth/login`, loginLoad), finePolls(pollUrl, fine)]);
      // The same three at a fixed rate (open loop, a quarter of the idle closed loop's polls/s unless
      // BENCH_POLL_RATE says): the closed loop above keeps the gateway's core saturated, so any CPU
      // taken by anything else shows in its latency (a share of the CPU); paced polls leave the
      // gateway idle between requests, so their latency is how long a poll waits for the event loop
      // and a core when it arrives — whether argon2 and the sign-in path starve the loop.
      const paced = { ...fine, rate: Number(process.env.BENCH_POLL_RATE ?? Math.round(idle.rps / 4)) };
      const idlePaced = await finePolls(pollUrl, paced);
      const [rawBesidePaced, anchorPaced] = await Promise.all([helperProcess(RAW_ARGON2, ms, 'auth').then((h) => JSON.parse(h.first) as { perS: number; cores: number }), finePolls(pollUrl, paced)]);
      const [loginsBesidePaced, duringPaced] = await Promise.all([autocannon(`${base}/v1/auth/login`, loginLoad), finePolls(pollUrl, paced)]);
      // Sign-ins beside a CPU-bound neighbour at normal priority (one spinning thread per core, as
      // ffmpeg's encodes or a build would be): how far the auth app's priority lets them starve.
      const cores = String(os.availableParallelism());
      const [loginsBesideSpin, spinNormal] = await Promise.all([autocannon(`${base}/v1/auth/login`, loginLoad), helperProcess(SPIN, { ...ms, UV_THREADPOOL_SIZE: cores }).then((h) => JSON.parse(h.first) as { cores: number })]);
      // Sign-ins beside what that neighbour is under `npm start`: the media worker's ffmpeg, an encode
      // on every core at MEDIA_NICE (the worker lowers each tool it starts; its own process is not niced).
      const encode = workerEncode(env, os.availableParallelism());
      helpers.push(encode.child); // stopped on the way out if the row fails
      await new Promise((r) => setTimeout(r, 500)); // its encoder threads up
      const loginsBesideEncode = await autocannon(`${base}/v1/auth/login`, loginLoad);
      const encoded = await encode.stop();
      report(`Sign-ins (argon2id m=19 MiB t=2 p=1), ${DURATION_S} s`, [
        { what: `POST /v1/auth/login, ${loginLoad.connections} connections (gateway -> auth)`, 'per s': storm.rps, p50: storm.p50, p99: storm.p99, errors: storm.errors + storm.non2xx, 'CPU ms/sign-in': `gateway ${gwPerLogin.toFixed(2)}, auth ${authPerLogin.toFixed(1)} (main thread ${authMainPerLogin.toFixed(2)}, kernel ${authSysPerLogin.toFixed(2)}); machine busy ${machineBusy.toFixed(1)}` },
        { what: `floor: bare Fastify, SELECT + verify + session statement + ES256 in one process run as the auth app, ${loginLoad.connections} connections`, 'per s': floor.rps, p50: floor.p50, p99: floor.p99, errors: floor.errors, 'CPU ms/sign-in': `${floor.cpu.toFixed(1)} (main thread ${floor.main.toFixed(2)}, kernel ${floor.sys.toFixed(2)}); PostgreSQL ${floor.postgres.toFixed(2)}; machine busy ${floor.busy.toFixed(1)}` },
        { what: `hop floor: bare gateway (Fastify, seal, bullmq Queue.add, reply on pub/sub) -> bare worker run as the auth app (bullmq Worker c=32: rate limits, SELECT + verify + session statement + ES256, sealed PUBLISH), ${loginLoad.connections} connections`, 'per s': hop.rps, p50: hop.p50, p99: hop.p99, errors: hop.errors, 'CPU ms/sign-in': `gateway ${hop.gateway.toFixed(2)} (main thread ${hop.gatewayMain.toFixed(2)}), worker ${hop.worker.toFixed(1)} (main thread ${hop.workerMain.toFixed(2)}, kernel ${hop.workerSys.toFixed(2)}); Redis ${hop.redis.toFixed(2)}; PostgreSQL ${hop.postgres.toFixed(2)}; machine busy ${hop.busy.toFixed(1)}` },
        { what: 'raw argon2.verify, 4 in flight, own process run as the auth app', 'per s': raw.perS, p50: NaN, p99: NaN, errors: 0, 'CPU ms/sign-in': `${raw.cpuMsPer.toFixed(1)} (incl. the first hash; kernel ${raw.sysMsPer.toFixed(2)}); machine idle ${(100 * rawIdleShare).toFixed(0)} % (storm: ${(100 * stormIdleShare).toFixed(0)} %)` },
        { what: 'raw argon2.verify, 4 in flight, own process, normal priority, default thread pool', 'per s': rawPlain.perS, p50: NaN, p99: NaN, errors: 0 },
      ]);
      // of the gap between raw argon2 and the sign-ins: what the floor's essential work costs, and
      // what the deployed path adds on top of it (the gateway, the gateway -> auth BullMQ hop, Nest, the rate limits)
      const gap = raw.perS - storm.rps;
      report('Sign-ins vs their floor vs raw argon2 (per s; shares of the gap raw - sign-ins)', [
        {
          'sign-ins/s': storm.rps,
          'floor/s': floor.rps,
          'hop floor/s': hop.rps,
          'raw/s': raw.perS,
          'sign-ins / floor': storm.rps / floor.rps,
          'sign-ins / hop floor': storm.rps / hop.rps,
          'floor / raw': floor.rps / raw.perS,
          'hop floor / raw': hop.rps / raw.perS,
          'gap: essential work (raw - floor)': `${(100 * (raw.perS - floor.rps) / gap).toFixed(0)} %`,
          'gap: gateway, RPC hop, Nest (floor - sign-ins)': `${(100 * (floor.rps - storm.rps) / gap).toFixed(0)} %`,
          'machine ms/sign-in: deployed - floor': machineBusy - floor.busy,
          'machine ms/sign-in: deployed - hop floor': machineBusy - hop.busy,
          'machine ms/sign-in: hop floor - floor': hop.busy - floor.busy,
        },
      ]);
      // µs per poll: mean latency, the gateway's main thread on a core (its sign-in work too, during a
      // storm), and how long it and the load client's main thread waited on a run queue for a core
      // (ready, not running): a mean, so rare long waits (the p99's tail) show only as a small rise
      const pollRow = (what: string, l: FineLoad) => ({ what, 'per s': l.rps, n: l.requests, p50: l.p50, p90: l.p90, p99: l.p99, 'p99.9': l.p999, max: l.max, errors: l.errors + l.non2xx, mean: l.mean, 'gateway on a core': l.serverRunUsPerReq, 'runq wait: gateway': l.serverWaitUsPerReq, 'runq wait: client': l.clientWaitUsPerReq });
      report(`Polls (GET /v1/jobs/{id}, 10 keep-alive connections, own process, ${fine.durationS - 0.5} s counted; latency µs)`, [
        pollRow('idle', idle),
        pollRow(`polls during raw argon2 (no sign-ins; ${rawBeside.perS.toFixed(1)} verifications/s on ${rawBeside.cores.toFixed(2)} cores)`, anchor),
        pollRow(`polls during a CPU spin (no memory; ${spinBeside.cores.toFixed(2)} cores)`, spin),
        pollRow(`during the sign-in storm (${loginsBeside.rps.toFixed(1)} sign-ins/s beside, their p99 ${loginsBeside.p99} ms, errors ${loginsBeside.errors + loginsBeside.non2xx})`, during),
      ]);
      report(`Polls at a fixed rate (${paced.rate}/s over 10 keep-alive connections, open loop, own process; latency µs from each send)`, [
        pollRow('idle', idlePaced),
        pollRow(`during raw argon2 (no sign-ins; ${rawBesidePaced.perS.toFixed(1)} verifications/s on ${rawBesidePaced.cores.toFixed(2)} cores)`, anchorPaced),
        pollRow(`during the sign-in storm (${loginsBesidePaced.rps.toFixed(1)} sign-ins/s beside, their p99 ${loginsBesidePaced.p99} ms)`, duringPaced),
      ]);
      report(`Sign-ins beside other load (${authPriority}; latency ms)`, [
        { what: 'alone (the storm above)', 'per s': storm.rps, p50: storm.p50, p99: storm.p99, errors: storm.errors + storm.non2xx },
        { what: 'beside the polls (10 connections, closed loop)', 'per s': loginsBeside.rps, p50: loginsBeside.p50, p99: loginsBeside.p99, errors: loginsBeside.errors + loginsBeside.non2xx },
        { what: `beside ${cores} threads spinning at normal priority (${spinNormal.cores.toFixed(2)} cores)`, 'per s': loginsBesideSpin.rps, p50: loginsBesideSpin.p50, p99: loginsBesideSpin.p99, errors: loginsBesideSpin.errors + loginsBesideSpin.non2xx },
        { what: `beside an ffmpeg encode run as the media worker runs it (nice MEDIA_NICE=${encode.nice}; libx264 720p30 veryfast, ${cores} threads, ${encoded.cores.toFixed(2)} cores)`, 'per s': loginsBesideEncode.rps, p50: loginsBesideEncode.p50, p99: loginsBesideEncode.p99, errors: loginsBesideEncode.errors + loginsBesideEncode.non2xx },
      ]);
      report('Poll p99 ratios (same run)', [
        { 'storm / idle': during.p99 / idle.p99, 'raw argon2 / idle': anchor.p99 / idle.p99, 'storm / raw argon2': during.p99 / anchor.p99, 'spin / idle': spin.p99 / idle.p99, 'p50 storm / idle': during.p50 / idle.p50, 'p50 raw argon2 / idle': anchor.p50 / idle.p50, 'p50 spin / idle': spin.p50 / idle.p50, 'auth priority': authPriority, 'media tools': `nice ${encode.nice}` },
        { 'storm / idle': duringPaced.p99 / idlePaced.p99, 'raw argon2 / idle': anchorPaced.p99 / idlePaced.p99, 'storm / raw argon2': duringPaced.p99 / anchorPaced.p99, 'spin / idle': NaN, 'p50 storm / idle': duringPaced.p50 / idlePaced.p50, 'p50 raw argon2 / idle': anchorPaced.p50 / idlePaced.p50, 'p50 spin / idle': NaN, 'auth priority': `paced at ${paced.rate}/s`, 'media tools': `nice ${encode.nice}` },
      ]);
      goalRow({ path: 'sign-ins/s vs raw argon2id verifications/s (same cores, run as the auth app)', measured: `${storm.rps.toFixed(1)} sign-ins/s (floor ${floor.rps.toFixed(1)}/s, hop floor ${hop.rps.toFixed(1)}/s)`, anchor: `${raw.perS.toFixed(1)} verifications/s (${rawPlain.perS.toFixed(1)} at normal priority)`, ratio: storm.rps / raw.perS, goal: '>= 0.8' });
      goalRow({ path: 'polling p99 during a sign-in storm vs idle', measured: `p99 ${during.p99.toFixed(0)} µs (p50 ${during.p50.toFixed(0)}, p99.9 ${during.p999.toFixed(0)})`, anchor: `idle p99 ${idle.p99.toFixed(0)} µs (p50 ${idle.p50.toFixed(0)}, p99.9 ${idle.p999.toFixed(0)}; during raw argon2 with no sign-ins p99 ${anchor.p99.toFixed(0)}, storm / that ${(during.p99 / anchor.p99).toFixed(2)})`, ratio: during.p99 / idle.p99, goal: '<= 2' });
      goalRow({ path: `polling p99 during a sign-in storm vs idle, paced at ${paced.rate} polls/s (open loop)`, measured: `p99 ${duringPaced.p99.toFixed(0)} µs (p50 ${duringPaced.p50.toFixed(0)}, p99.9 ${duringPaced.p999.toFixed(0)})`, anchor: `idle p99 ${idlePaced.p99.toFixed(0)} µs (p50 ${idlePaced.p50.toFixed(0)}); during raw argon2 p99 ${anchorPaced.p99.toFixed(0)}`, ratio: duringPaced.p99 / idlePaced.p99, goal: '(paced)' });
    }
  } finally {
    await Promise.all([...helpers.map(stop), ...Object.values(procs).map((p) => stop(p!.child))]);
    sink.end();
    rmSync(dir, { recursive: true, force: true });
  }
  if (profileFile) {
    await new Promise((r) => setTimeout(r, 500));
    report(`${profiled} CPU profile during the deployed ${process.env.BENCH_CPU_PROFILE_PHASE === 'signin' ? 'sign-in' : 'polling'} run (${profileFile}), top self time`, topFrames(profileFile, 20));
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
