'use strict';
/** How `npm start` shows the apps' JSON log lines at a terminal (also used by the deployed-mode bench). */
const LEVEL_COLORS = { error: '\x1b[31m', fatal: '\x1b[31m', warn: '\x1b[33m' };

/** Turns a JSON log line into `time level msg key=value…` for a human at a terminal. */
function pretty(line) {
  let o;
  try {
    o = JSON.parse(line);
  } catch {
    return line;
  }
  const { level = 'info', time, msg = '', app: _app, pid: _pid, hostname: _h, ...rest } = o;
  const t = time ? String(time).slice(11, 19) : '';
  const extra = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' ');
  return `${t} ${LEVEL_COLORS[level] ?? ''}${level.toUpperCase().padEnd(5)}\x1b[0m ${msg} ${extra}`.trimEnd();
}

module.exports = { pretty };
