'use strict';
/**
 * Builds the dashboard (apps/web) into dist/web for the gateway to serve at `/`: type check, Vite
 * build, then prints the gzipped JavaScript a first visit loads (the entry script and what it
 * preloads) and fails above the budget. Skips the work when dist/web is newer than every source.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
const WEB = path.join(ROOT, 'apps/web');
const OUT = path.join(ROOT, 'dist/web');
const STAMP = path.join(OUT, '.built');
const BUDGET = 200 * 1024;

function newest(dir) {
  if (!fs.existsSync(dir)) return 0;
  let m = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return m;
}

function firstLoad() {
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('dist/web/index.html has an inline script (the CSP forbids it)');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="\/([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)) files.add(m[1]);
  let first = 0;
  for (const f of files) first += gzipSync(fs.readFileSync(path.join(OUT, f)), { level: 9 }).length;
  let all = 0;
  for (const f of fs.readdirSync(path.join(OUT, 'assets')).filter((f) => f.endsWith('.js'))) {
    all += gzipSync(fs.readFileSync(path.join(OUT, 'assets', f)), { level: 9 }).length;
  }
  return { first, all, files: [...files] };
}

function main() {
  const force = process.argv.includes('--force');
  const sources = Math.max(newest(WEB), newest(path.join(ROOT, 'libs/client/src')), fs.statSync(__filename).mtimeMs);
  if (!force && fs.existsSync(STAMP) && fs.statSync(STAMP).mtimeMs >= sources) {
    const { first } = firstLoad();
    console.log(`dashboard up to date (dist/web): first load ${(first / 1024).toFixed(1)} KB gzipped JS`);
    return;
  }
  const tsc = spawnSync('npx', ['tsc', '-p', path.join(WEB, 'tsconfig.json')], { stdio: 'inherit', cwd: ROOT });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  const vite = spawnSync('npx', ['vite', 'build', '--config', path.join(WEB, 'vite.config.mjs'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  const { first, all, files } = firstLoad();
  console.log(
    `dashboard built (dist/web): first load ${(first / 1024).toFixed(1)} KB gzipped JS (${files.join(', ')}), ` +
      `all chunks ${(all / 1024).toFixed(1)} KB; budget ${BUDGET / 1024} KB`,
  );
  if (first > BUDGET) {
    console.error(`the dashboard's first load is over budget: ${(first / 1024).toFixed(1)} KB > ${BUDGET / 1024} KB gzipped`);
    process.exit(1);
  }
  fs.writeFileSync(STAMP, new Date().toISOString() + '\n');
}

main();
