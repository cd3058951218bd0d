'use strict';
/**
 * `npm run bench [-- <name>…]`: runs the benchmarks in bench/ (`<name>.bench.ts`) against the
 * local PostgreSQL and Redis, in a throwaway database and Redis prefix, and prints their figures.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const p = require('./lib/provision');
const { cleanRedis } = require('./lib/clean-redis');

async function main() {
  p.ensureDeps();
  const base = p.loadEnv();
  const stopServices = await p.ensureServices(base);
  p.step('compiling benchmarks…');
  p.run('npx', ['tsc', '-p', 'tsconfig.bench.json']);
  p.run('npx', ['tsc-alias', '-p', 'tsconfig.bench.json']);
  const wanted = process.argv.slice(2);
  const all = fs.readdirSync(path.join(p.ROOT, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''));
  const chosen = wanted.length ? all.filter((b) => wanted.some((w) => b.includes(w))) : all;
  if (!chosen.length) p.fail(`no benchmark matches; available: ${all.join(', ')}`);
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const db = new URL(base.DATABASE_URL);
  db.pathname = `/clipyard_bench_${runId}`;
  const env = { ...base, NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: db.toString(), REDIS_PREFIX: `cyb${runId}` };
  await p.ensureDatabase(env.DATABASE_URL);
  let status = 0;
  const rows = [];
  try {
    p.migrate(env);
    for (const b of chosen) {
      p.step(`bench ${b}`);
      // stdout is echoed and searched for `[row] {…}` lines (bench/lib/stats.ts goalRow)
      // BENCH_NODE_ARGS: extra node flags for the bench process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
      const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const r = spawnSync('node', [...nodeArgs, `dist/bench/${b}.bench.js`], { stdio: ['inherit', 'pipe', 'inherit'], cwd: p.ROOT, env, maxBuffer: 64 * 1024 * 1024 });
      const out = String(r.stdout ?? '');
      process.stdout.write(out);
      for (const line of out.split('\n')) if (line.startsWith('[row] ')) rows.push({ bench: b, ...JSON.parse(line.slice(6)) });
      if (r.status !== 0) status = 1;
    }
    if (rows.length) {
      console.log('\nGoal rows (issue 19): each figure against its anchor measured in the same run');
      console.table(rows);
    }
  } finally {
    await p.dropDatabase(env.DATABASE_URL).catch(() => undefined);
    // every key of the run, the benches' own sub-prefixes (`cyb<run>-…`) included
    await cleanRedis(env.REDIS_URL, env.REDIS_PREFIX, env.REDIS_CLUSTER_NODES).catch((e) => console.error(`could not clean redis: ${e.message}`));
    stopServices();
  }
  process.exit(status);
}
main().catch((e) => p.fail(e.stack || String(e)));
