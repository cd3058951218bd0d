'use strict';
/**
 * `npm test`: the same provisioning as `npm start`, then a type check, a build (e2e tests spawn
 * compiled apps), a throwaway database and Redis key prefix for this run, and jest over unit,
 * integration and end-to-end specs. Extra arguments go to jest (`npm test -- auth`); `--no-build`
 * skips the type check and build (dist/ from an earlier run).
 */
const { spawnSync } = require('node:child_process');
const p = require('./lib/provision');
const { cleanRedis } = require('./lib/clean-redis');

async function main() {
  p.ensureDeps();
  const base = p.loadEnv();
  p.ensureMediaTools(base);
  const stopServices = await p.ensureServices(base);
  // --no-build: a second run (e.g. .ci/run's unit and integration suites on Node.js 24) reuses dist/.
  const args = process.argv.slice(2);
  const noBuild = args.includes('--no-build');
  if (!noBuild) {
    p.step('type-checking…');
    p.run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
    p.build();
  }

  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const db = new URL(base.DATABASE_URL);
  db.pathname = `/clipyard_test_${runId}`;
  const env = {
    ...base,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    DATABASE_URL: db.toString(),
    REDIS_PREFIX: `cyt${runId}`,
  };
  await p.ensureDatabase(env.DATABASE_URL);
  let status = 1;
  try {
    p.migrate(env);
    p.step(`running jest on Node.js ${process.versions.node} (database ${db.pathname.slice(1)}, redis prefix ${env.REDIS_PREFIX})…`);
    const r = spawnSync('npx', ['jest', ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit', cwd: p.ROOT, env });
    status = r.status ?? 1;
  } finally {
    await p.dropDatabase(env.DATABASE_URL).catch((e) => console.error(`could not drop test database: ${e.message}`));
    await cleanRedis(env.REDIS_URL, env.REDIS_PREFIX, env.REDIS_CLUSTER_NODES).catch((e) => console.error(`could not clean redis: ${e.message}`));
    stopServices();
  }
  process.exit(status);
}

main().catch((err) => p.fail(err.stack || String(err)));
