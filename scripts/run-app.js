'use strict';
/** `npm run start:app -- <app>`: builds and runs one app (its services must be reachable). */
const { spawnSync } = require('node:child_process');
const p = require('./lib/provision');

const APPS = ['gateway', 'auth', 'billing', 'media-worker'];
const app = process.argv[2];
if (!APPS.includes(app)) p.fail(`usage: npm run start:app -- <${APPS.join('|')}>`);
p.ensureDeps();
p.build();
const r = spawnSync('node', [`dist/apps/${app}/src/main.js`], { stdio: 'inherit', cwd: p.ROOT, env: p.loadEnv() });
process.exit(r.status ?? 0);
