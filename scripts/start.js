'use strict';
/**
 * `npm start`: installs what is missing, finds or starts PostgreSQL and Redis, builds, migrates,
 * creates the first admin (printing its API key once), then runs the four apps with labelled
 * log lines until Ctrl-C, when it stops everything it started.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const p = require('./lib/provision');

const APPS = [
  ['gateway', '\x1b[35m'],
  ['auth', '\x1b[33m'],
  ['billing', '\x1b[32m'],
  ['media-worker', '\x1b[34m'],
];
const { pretty } = require('./lib/pretty');
const { appCommand } = require('./lib/app-command');

async function waitReady(url, seconds = 60) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** Where emails go: the SMTP host, or (no SMTP_URL) the folder of .eml files. */
function mailLine(env) {
  if (env.SMTP_URL) {
    try {
      return `SMTP via ${new URL(env.SMTP_URL).host}`;
    } catch {
      return 'SMTP (SMTP_URL)';
    }
  }
  return `\x1b[33mno SMTP_URL: emails are not sent, they are written to ${path.resolve(p.ROOT, env.MAIL_DIR || '.data/mail')}/*.eml\x1b[0m`;
}

async function main() {
  p.ensureDeps();
  const env = p.loadEnv();
  p.ensureMediaTools(env);
  const stopServices = await p.ensureServices(env);
  p.build();
  await p.ensureDatabase(env.DATABASE_URL);
  p.migrate(env);

  const seed = path.join(p.ROOT, 'dist/apps/auth/src/cli/bootstrap-admin.js');
  if (fs.existsSync(seed)) {
    p.step('making sure the first admin exists…');
    const r = spawnSync('node', [seed], { env, stdio: 'inherit', cwd: p.ROOT });
    if (r.status !== 0) p.fail('creating the first admin failed');
  }

  const children = APPS.map(([name, color]) => {
    // every app on the same cores: argon2 in the auth app at a lower CPU priority (scripts/lib/app-command.js)
    const { cmd, args, env: appEnv } = appCommand(name, `dist/apps/${name}/src/main.js`, env);
    const child = spawn(cmd, args, { env: appEnv, cwd: p.ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const label = `${color}${name.padEnd(12)}\x1b[0m│ `;
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop();
        for (const l of lines) if (l) process.stdout.write(label + pretty(l) + '\n');
      });
    }
    child.on('exit', (code, sig) => {
      if (!stopping) process.stdout.write(`${label}\x1b[31mexited (${sig ?? code})\x1b[0m\n`);
    });
    return child;
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping…\n');
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', resolve);
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 35_000).unref();
          }),
      ),
    );
    stopServices();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const port = env.GATEWAY_PORT || 3000;
  const base = `http://localhost:${port}`;
  if (await waitReady(`${base}/health/ready`)) {
    process.stdout.write(
      `\n\x1b[1mClipyard is up\x1b[0m\n  Dashboard ${base}/\n  API      ${base}/v1\n  Docs     ${base}/docs\n  Health   ${base}/health/ready\n  Metrics  ${base}/metrics\n  Mail     ${mailLine(env)}\n  Ctrl-C stops everything.\n\n`,
    );
  } else {
    process.stdout.write(`\n\x1b[33mthe gateway is not ready yet; see ${base}/health/ready\x1b[0m\n`);
  }
}

main().catch((err) => p.fail(err.stack || String(err)));
