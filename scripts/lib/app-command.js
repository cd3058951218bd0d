'use strict';
const os = require('node:os');

/**
 * How `npm start` (and the deployed-mode bench) starts an app when all four share one machine's
 * cores. The auth app hashes passwords (argon2) on its libuv thread pool: it gets one thread per
 * core, so a burst of sign-ins can use every idle core, but runs at a lower CPU priority
 * (`nice -n AUTH_NICE`, 10 by default; 0 turns it off), so those threads yield the cores to the
 * gateway's event loop serving requests instead of starving it. `UV_THREADPOOL_SIZE`, when set,
 * is kept. (In compose or Kubernetes, give the auth app CPUs of its own instead.)
 */
function appCommand(name, script, env, nodeArgs = []) {
  const node = process.execPath;
  if (name !== 'auth') return { cmd: node, args: [...nodeArgs, script], env };
  const appEnv = { ...env, UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE || String(os.availableParallelism()) };
  const nice = Number(env.AUTH_NICE ?? 10);
  if (process.platform === 'win32' || !nice) return { cmd: node, args: [...nodeArgs, script], env: appEnv };
  return { cmd: 'nice', args: ['-n', String(nice), node, ...nodeArgs, script], env: appEnv };
}

module.exports = { appCommand };
