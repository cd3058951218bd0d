'use strict';
/** `npm run repl -- <app>`: Nest's REPL for one app against the configured database and Redis. */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const p = require('./lib/provision');

const APPS = ['gateway', 'auth', 'billing', 'media-worker'];
const app = process.argv[2] || 'auth';
if (!APPS.includes(app)) p.fail(`usage: npm run repl -- <${APPS.join('|')}>`);
p.ensureDeps();
p.build();
fs.mkdirSync(`${p.ROOT}/.data`, { recursive: true });
const r = spawnSync('node', [`dist/apps/${app}/src/repl.js`], { stdio: 'inherit', cwd: p.ROOT, env: p.loadEnv() });
process.exit(r.status ?? 0);
