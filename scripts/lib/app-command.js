'use strict';
const os = require('node:os');

/**
 * How `npm start` (and the deployed-mode bench) starts an app when all four share one machine's
 * cores. The auth app hashes passwords (argon2) on its libuv thread pool: it gets one thread per
 * core, so a burst of sign-ins can use every idle core, but runs at the lowest CPU priority
 * (`nice -n AUTH_NICE`, 19 by default; 0 turns it off), so those threads yield the cores to the
 * gateway's event loop serving requests instead of starving it: polls during a sign-in storm stay
 * within 2x idle at 19, not at 10. 19 is safe beside the media worker because its ffmpeg runs at
 * MEDIA_NICE (10) too, so an encode leaves sign-ins ~30 % of their rate; beside other CPU-bound work
 * at normal priority (a build on the same machine) sign-ins all but stop at 19: set AUTH_NICE=10
 * there. `UV_THREADPOOL_SIZE`, when set, is kept. (In compose or Kubernetes, give the auth app CPUs
 * of its own instead.)
 */
function appCommand(name, script, env, nodeArgs = []) {
  const node = process.execPath;
  if (name !== 'auth') return { cmd: node, args: [...nodeArgs, script], env };
  const appEnv = { ...env, UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE || String(os.availableParallelism()) };
  const nice = Number(env.AUTH_NICE ?? 19);
  if (process.platform === 'win32' || !nice) return { cmd: node, args: [...nodeArgs, script], env: appEnv };
  return { cmd: 'nice', args: ['-n', String(nice), node, ...nodeArgs, script], env: appEnv };
}

module.exports = { appCommand };
