'use strict';
/**
 * A keep-alive HTTP load client with per-request latency at microsecond resolution (autocannon
 * reports whole milliseconds). Run as a process of its own (bench/lib/load.ts `finePolls`), so it
 * does not share the bench's event loop: POLL_URL, POLL_CONNECTIONS (each one request in flight),
 * POLL_DURATION_MS, POLL_WARMUP_MS (requests that start earlier are not counted), POLL_HEADERS
 * (JSON), POLL_RATE (requests/s over all connections: open loop, each connection sending on its
 * own schedule instead of as fast as it can; 0 or unset: closed loop), POLL_WATCH_PID (the
 * server's pid: its main thread's scheduler statistics over the counted window). Prints one JSON
 * line: requests/s, latency percentiles in µs (from the moment each request is sent), errors, its
 * own CPU, and per request the time its own main thread and the server's waited on a run queue
 * for a core (/proc/<pid>/task/<pid>/schedstat: ready to run, not running).
 */
const { readFileSync } = require('node:fs');
const { Pool } = require('undici');

/** A thread's time on a core and waiting on a run queue so far (ns), or null (not Linux, gone). */
function schedstat(pid) {
  if (!pid) return null;
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { run, wait };
  } catch {
    return null;
  }
}

async function main() {
  const url = new URL(process.env.POLL_URL);
  const connections = Number(process.env.POLL_CONNECTIONS ?? 10);
  const durationMs = Number(process.env.POLL_DURATION_MS ?? 8000);
  const warmupMs = Number(process.env.POLL_WARMUP_MS ?? 500);
  const headers = JSON.parse(process.env.POLL_HEADERS ?? '{}');
  const rate = Number(process.env.POLL_RATE ?? 0);
  const watchPid = Number(process.env.POLL_WATCH_PID ?? 0);
  let sched0;
  // paced: each connection sends every `connections / rate` s, the connections' schedules staggered
  const intervalNs = rate > 0 ? BigInt(Math.round((connections / rate) * 1e9)) : 0n;
  const sleepUntil = (at) => {
    const ms = Number(at - process.hrtime.bigint()) / 1e6;
    return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : undefined;
  };
  const pool = new Pool(url.origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const samples = [];
  let errors = 0;
  let non2xx = 0;
  const start = process.hrtime.bigint();
  const countFrom = start + BigInt(warmupMs) * 1_000_000n;
  const until = countFrom + BigInt(durationMs) * 1_000_000n;
  const cpu0 = process.cpuUsage();
  let cpuAtCount;
  const loop = async (i) => {
    let next = start + (intervalNs * BigInt(i)) / BigInt(connections);
    for (;;) {
      if (intervalNs) {
        const wait = sleepUntil(next);
        if (wait) await wait;
        next += intervalNs;
      }
      const t0 = process.hrtime.bigint();
      if (t0 >= until) return;
      if (t0 >= countFrom && !cpuAtCount) {
        cpuAtCount = process.cpuUsage();
        sched0 = { self: schedstat(process.pid), server: schedstat(watchPid) };
      }
      try {
        const res = await pool.request({ path: url.pathname + url.search, method: 'GET', headers });
        await res.body.dump();
        const t1 = process.hrtime.bigint();
        if (res.statusCode < 200 || res.statusCode > 299) non2xx++;
        if (t0 >= countFrom) samples.push(Number(t1 - t0) / 1000);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const cpu = process.cpuUsage(cpuAtCount ?? cpu0);
  const sched1 = { self: schedstat(process.pid), server: schedstat(watchPid) };
  const perReq = (a, b, k) => (a && b ? (b[k] - a[k]) / 1000 / Math.max(1, samples.length) : NaN);
  const elapsedS = Number(process.hrtime.bigint() - countFrom) / 1e9;
  await pool.close();
  samples.sort((a, b) => a - b);
  const at = (p) => (samples.length ? samples[Math.min(samples.length - 1, Math.max(0, Math.ceil((p / 100) * samples.length) - 1))] : NaN);
  console.log(
    JSON.stringify({
      rps: samples.length / elapsedS,
      requests: samples.length,
      p50: at(50),
      p90: at(90),
      p99: at(99),
      p999: at(99.9),
      max: samples[samples.length - 1] ?? NaN,
      mean: samples.reduce((a, b) => a + b, 0) / (samples.length || 1),
      errors,
      non2xx,
      cpuUsPerReq: (cpu.user + cpu.system) / Math.max(1, samples.length),
      clientWaitUsPerReq: perReq(sched0?.self, sched1.self, 'wait'),
      serverWaitUsPerReq: perReq(sched0?.server, sched1.server, 'wait'),
      serverRunUsPerReq: perReq(sched0?.server, sched1.server, 'run'),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
