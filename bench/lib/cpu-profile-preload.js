'use strict';
/**
 * Preloaded (`node -r`) into an app process by the benchmarks (SIGWINCH: Nest's shutdown hooks take SIGUSR2): the first SIGWINCH starts a V8 CPU
 * profile, the second writes it to $BENCH_CPU_PROFILE_FILE (the same .cpuprofile `--cpu-prof`
 * writes, but covering only the measured load, and without needing the process to exit).
 */
const fs = require('node:fs');
const { Session } = require('node:inspector');

const file = process.env.BENCH_CPU_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, res) => {
      if (!err) fs.writeFileSync(file, JSON.stringify(res.profile));
    });
  });
}
