'use strict';
/**
 * Shared by `npm start` and `npm test`: makes sure dependencies are installed, PostgreSQL and
 * Redis are reachable (starting them when they are installed but stopped), and the build is
 * current. Plain Node with no dependencies, so it runs on a fresh clone.
 */
const { spawnSync, spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, '.data');
const DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/clipyard',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

const step = (msg) => process.stdout.write(`\x1b[36m▸\x1b[0m ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`\x1b[31m✖\x1b[0m ${msg}\n`);
  process.exit(1);
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

const which = (cmd) => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** `npm install` when node_modules is missing or older than package.json / the lock file. */
function ensureDeps() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const newest = ['package.json', 'package-lock.json']
    .map((f) => path.join(ROOT, f))
    .filter((f) => fs.existsSync(f))
    .reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newest) return;
  step('installing npm dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
  fs.utimesSync(marker, new Date(), new Date());
}

const MEDIA_PACKAGES = ['ffmpeg', 'fonts-dejavu-core'];
const DEFAULT_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * ffmpeg, ffprobe and the default overlay font (FFMPEG_PATH, FFPROBE_PATH, MEDIA_FONT_FILE when set):
 * installed with apt-get when missing and we are root on Debian/Ubuntu, else a stop with the exact
 * command. Without them every upload and media job would fail later.
 */
function ensureMediaTools(env = process.env) {
  const runs = (bin) => spawnSync(bin, ['-version'], { stdio: 'ignore' }).status === 0;
  const font = env.MEDIA_FONT_FILE || DEFAULT_FONT;
  const missing = () => [
    ...(runs(env.FFMPEG_PATH || 'ffmpeg') ? [] : ['ffmpeg']),
    ...(runs(env.FFPROBE_PATH || 'ffprobe') ? [] : ['ffprobe']),
    ...(fs.existsSync(font) ? [] : [`the font ${font}`]),
  ];
  let lacking = missing();
  if (!lacking.length) return;
  const command = `sudo apt-get install -y ${MEDIA_PACKAGES.join(' ')}`;
  if (isRoot() && which('apt-get')) {
    step(`installing ${MEDIA_PACKAGES.join(' ')} with apt-get (missing: ${lacking.join(', ')}; a minute or two)…`);
    const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    spawnSync('apt-get', ['update', '-qq'], quiet);
    const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...MEDIA_PACKAGES], quiet);
    lacking = missing();
    if (r.status === 0 && !lacking.length) return step('ffmpeg, ffprobe and the default font are installed');
  }
  fail(`missing ${lacking.join(', ')} (uploads and media jobs need them). Install them with:\n    ${command}\n  then run this again.`);
}

function reachable(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function waitFor(host, port, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(host, port, 250)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not come up on ${host}:${port} within ${seconds}s`);
}

const isLocal = (h) => ['127.0.0.1', 'localhost', '::1'].includes(h);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a command as an unprivileged user when we are root (initdb refuses root). */
function asUser(cmd, args) {
  if (!isRoot()) return [cmd, args];
  const user = spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
  return ['runuser', ['-u', user, '--', cmd, ...args]];
}

async function ensurePostgres(url) {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || 5432);
  if (await reachable(host, port)) return null;
  if (!isLocal(host)) fail(`PostgreSQL at ${host}:${port} is not reachable (DATABASE_URL)`);
  // A system cluster that is installed but stopped (Debian): start it.
  if (which('pg_ctlcluster') && fs.existsSync('/etc/postgresql') && isRoot()) {
    const versions = fs.readdirSync('/etc/postgresql');
    if (versions.length) {
      step(`starting the system PostgreSQL ${versions[0]} cluster…`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start'], { stdio: 'inherit' });
      if (await reachable(host, port)) return null;
    }
  }
  // Else a private instance in .data/pg from locally installed server binaries.
  const bins = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const binDir = [path.dirname(which('initdb') ?? '/nonexistent/x'), ...bins].find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!binDir) {
    fail('PostgreSQL is not running and not installed. Install it with:\n    sudo apt-get install -y postgresql\n  or set DATABASE_URL to a running server.');
  }
  const dir = path.join(DATA, 'pg');
  fs.mkdirSync(DATA, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    step('creating a private PostgreSQL instance in .data/pg…');
    fs.mkdirSync(dir, { recursive: true });
    if (isRoot()) execFileSync('chown', ['-R', `${spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody'}`, dir]);
    const [c, a] = asUser(path.join(binDir, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    run(c, a, { stdio: 'ignore' });
  }
  step(`starting a private PostgreSQL on ${port}…`);
  const [c, a] = asUser(path.join(binDir, 'pg_ctl'), [
    '-D', dir, '-l', path.join(dir, 'server.log'), '-w',
    '-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`, 'start',
  ]);
  run(c, a);
  await waitFor(host, port, 'PostgreSQL');
  return () => {
    const [sc, sa] = asUser(path.join(binDir, 'pg_ctl'), ['-D', dir, '-m', 'fast', 'stop']);
    spawnSync(sc, sa, { stdio: 'ignore' });
  };
}

async function ensureRedis(url) {
  const u = new URL(url);
  const host = u.hostname;
  const port = Number(u.port || 6379);
  if (await reachable(host, port)) return null;
  if (!isLocal(host)) fail(`Redis at ${host}:${port} is not reachable (REDIS_URL)`);
  const bin = which('redis-server');
  if (!bin) fail('Redis is not running and not installed. Install it with:\n    sudo apt-get install -y redis-server\n  or set REDIS_URL to a running server.');
  step(`starting a private Redis on ${port}…`);
  fs.mkdirSync(DATA, { recursive: true });
  const child = spawn(bin, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', DATA], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  await waitFor(host, port, 'Redis');
  return () => {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
}

/** Returns a function that stops whatever this call started. */
async function ensureServices(env) {
  const stops = [await ensurePostgres(env.DATABASE_URL), await ensureRedis(env.REDIS_URL)].filter(Boolean);
  return () => stops.forEach((s) => s());
}

function build() {
  step('compiling TypeScript (npm run build)…');
  run('npm', ['run', '--silent', 'build']);
}

/**
 * The variables of a `.env` file, parsed by dotenv: quotes, `export`, and inline `# comments` after
 * an unquoted value (as `.env.example` has them) are not part of the value.
 */
function parseEnvFile(text) {
  return require(path.join(ROOT, 'node_modules', 'dotenv')).parse(text);
}

/** Loads `.env` (if any) under the process environment, then the local defaults. */
function loadEnv() {
  const env = { ...process.env };
  const file = path.join(ROOT, '.env');
  if (fs.existsSync(file)) {
    for (const [k, v] of Object.entries(parseEnvFile(fs.readFileSync(file, 'utf8')))) if (env[k] === undefined) env[k] = v;
  }
  for (const [k, v] of Object.entries(DEFAULTS)) if (!env[k]) env[k] = v;
  return env;
}

/** Creates the database named in `url` if it does not exist (needs `pg`, so after ensureDeps). */
async function ensureDatabase(url) {
  const { Client } = require(path.join(ROOT, 'node_modules', 'pg'));
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!r.rowCount) {
      step(`creating database ${name}…`);
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await c.end();
  }
}

async function dropDatabase(url) {
  const { Client } = require(path.join(ROOT, 'node_modules', 'pg'));
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

function migrate(env) {
  step('running migrations…');
  run('node', ['dist/libs/database/src/migrate.js', 'run'], { env });
}

module.exports = { ROOT, step, fail, run, which, ensureDeps, ensureMediaTools, ensureServices, build, loadEnv, parseEnvFile, ensureDatabase, dropDatabase, migrate };
