/**
 * The apps behind PgBouncer in transaction mode (Debian's `pgbouncer`, started here on a free port
 * in front of the run's PostgreSQL): no app may rely on session state (session advisory locks,
 * SET, named prepared statements, LISTEN), because consecutive statements outside a transaction
 * may run on different server connections. The whole user journey runs through it: sign-up,
 * sign-in, API keys, bootstrap-admin (twice, concurrently), upload, trim to completion with its
 * quota reservation and usage, the ledger.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventually, startSystem, type System } from './harness';
import { makeVideo } from './helpers/media';
import { freePort } from './helpers/own-services';
import { upload, waitForJob } from './helpers/jobs';
import { freshDatabase } from './helpers/database';
import { signUp } from './helpers/users';

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p));
const ROOT = path.resolve(__dirname, '..');
const run = PGBOUNCER ? describe : describe.skip;
if (!PGBOUNCER) process.stderr.write('pgbouncer.e2e: no pgbouncer binary (apt-get install pgbouncer): skipped\n');

/** uid/gid of `postgres` (where PostgreSQL is installed) or `nobody`. */
function unprivilegedUser(): { uid: number; gid: number } {
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('no unprivileged user to run pgbouncer as');
}

run('the apps behind PgBouncer in transaction mode (e2e)', () => {
  let dir: string;
  let bouncer: ChildProcess;
  let bouncerLog = '';
  let sys: System;
  let viaBouncer: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cy-pgb-'));
    const direct = new URL(process.env.DATABASE_URL!);
    const port = await freePort();
    await writeFile(
      path.join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        // auth_type=any forwards no credentials: the server user is named here (trust auth locally)
        `* = host=${direct.hostname} port=${direct.port || 5432} user=${decodeURIComponent(direct.username) || 'postgres'}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        `unix_socket_dir = ${dir}`,
        'auth_type = any',
        'pool_mode = transaction',
        // fewer server connections than the apps' pools together: they must share
        'default_pool_size = 8',
        'max_client_conn = 200',
        'ignore_startup_parameters = extra_float_digits,options,application_name',
        `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
    );
    // PgBouncer refuses to run as root (CI runs as root): run it as an unprivileged user then
    const user = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
    if (user) for (const f of [dir, path.join(dir, 'pgbouncer.ini')]) await chown(f, user.uid, user.gid);
    bouncer = spawn(PGBOUNCER!, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'], ...user });
    bouncer.stdout!.on('data', (d: Buffer) => (bouncerLog = (bouncerLog + d).slice(-5000)));
    bouncer.stderr!.on('data', (d: Buffer) => (bouncerLog = (bouncerLog + d).slice(-5000)));
    const url = new URL(direct.toString());
    url.port = String(port);
    url.hostname = '127.0.0.1';
    viaBouncer = url.toString();
    await eventually(
      () =>
        new Promise<boolean>((resolve) => {
          const s = connect(port, '127.0.0.1');
          s.once('connect', () => (s.end(), resolve(true)));
          s.once('error', () => resolve(false));
        }),
      10_000,
      100,
    ).catch((e) => {
      throw new Error(`pgbouncer did not start: ${e}\n${bouncerLog}`);
    });
    sys = await startSystem({ env: { DATABASE_URL: viaBouncer, DATABASE_POOL_SIZE: '4', DB_PREPARED_STATEMENTS: 'false' } });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    bouncer?.kill('SIGTERM');
    await new Promise((r) => (bouncer && bouncer.exitCode === null ? bouncer.once('exit', r) : r(undefined)));
    await rm(dir, { recursive: true, force: true });
  });

  it('signs up, signs in, uploads, trims to completion and meters it, through the pooler', async () => {
    const alice = await signUp(sys);
    expect((await sys.get('/v1/auth/me', { token: alice.accessToken })).status).toBe(200);
    const refreshed = await sys.post('/v1/auth/refresh', { refresh_token: alice.refreshToken });
    expect(refreshed.status).toBe(200);
    const up = await upload(sys, alice.apiKey, await makeVideo(path.join(dir, 'in.mp4'), { durationS: 6 }));
    expect(up.status).toBe(201);
    const sub = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 1, end: 4 }, { apiKey: alice.apiKey });
    expect(sub.status).toBe(202);
    const job = await waitForJob(sys, alice.apiKey, sub.body.id);
    expect(job.status).toBe('completed');
    const usage = await eventually(async () => {
      const u = (await sys.get('/v1/usage/summary', { apiKey: alice.apiKey })).body.actions.trim;
      return u.used === 1 && u.reserved === 0 ? u : undefined;
    }, 20_000, 200);
    expect(usage).toMatchObject({ used: 1, reserved: 0 });
    const ledger = await sys.get('/v1/usage/events?action=trim', { apiKey: alice.apiKey });
    expect(ledger.body.data.map((e: { job_id: string }) => e.job_id)).toEqual([sub.body.id]);
  }, 120_000);

  it('bootstrap-admin run twice at once through the pooler creates one admin, and a later run finds it', async () => {
    // a database of its own (migrated), reached through the same pooler
    const db = await freshDatabase('pgb');
    try {
      const url = new URL(db.url);
      const bounced = new URL(viaBouncer);
      bounced.pathname = url.pathname;
      const script = path.join(ROOT, 'dist/apps/auth/src/cli/bootstrap-admin.js');
      const env = { ...sys.env, DATABASE_URL: bounced.toString(), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
      const once = () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout!.on('data', (d: Buffer) => (out += d));
          child.stderr!.on('data', (d: Buffer) => (out += d));
          const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`bootstrap-admin hung:\n${out}`))), 60_000);
          child.once('exit', (code) => (clearTimeout(timer), code === 0 ? resolve(out) : reject(new Error(`exit ${code}:\n${out}`))));
        });
      const outs = await Promise.all([once(), once()]);
      expect(outs.filter((o) => /API key\s+cy_live_/.test(o))).toHaveLength(1);
      expect(outs.filter((o) => o.includes('already exists'))).toHaveLength(1);
      // no lock left behind on a pooled server connection: a third run finishes and finds the admin
      expect(await once()).toContain('already exists');
    } finally {
      await db.drop();
    }
  }, 150_000);
});
