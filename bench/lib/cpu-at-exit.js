'use strict';
// Preload (`node -r`): prints the process's own CPU time (ms, user + system) to stderr as it exits,
// so a bench can tell what its load generator cost.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\n__cpu_ms__ ${(u.user + u.system) / 1000}\n`);
});
