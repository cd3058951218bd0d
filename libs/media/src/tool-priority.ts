import dc from 'node:diagnostics_channel';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';

/**
 * The CPU priority (niceness, 0–19) of the media tools this process starts: ffmpeg, ffprobe,
 * yt-dlp. The media worker sets it from `MEDIA_NICE` at boot; 0 (the default of any other process
 * using this lib, such as the gateway) leaves them at this process's own priority.
 *
 * Only the children are lowered, never this process: a child inherits its parent's niceness, so a
 * niced worker would also take its job pickup, lock renewals and job events to the back of the
 * queue whenever an encode keeps the cores busy. Each tool is lowered right after it is spawned with
 * one setpriority call (no `renice` or `nice` process per job); ffmpeg starts its encoder threads
 * later, so they inherit the lowered priority.
 */
let niceness = 0;

export function setToolNiceness(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 19) throw new RangeError(`tool niceness must be an integer 0-19, got ${n}`);
  niceness = n;
}

export function toolNiceness(): number {
  return niceness;
}

/** Lowers a just-started tool to the configured niceness (never raises it: one already lower stays). */
export function lowerToolPriority(pid: number | undefined): void {
  if (!niceness || !pid || process.platform === 'win32') return;
  try {
    if (os.getPriority(pid) < niceness) os.setPriority(pid, niceness);
  } catch {
    // already gone (a short ffprobe), or not ours: it runs at our priority, which is no failure
  }
}

const CHILD_PROCESS_CHANNEL = 'child_process';

/**
 * Runs `start`, which spawns a tool synchronously through a library that keeps the process to
 * itself (fluent-ffmpeg's ffprobe), and lowers every child process created during the call.
 * Node publishes each new ChildProcess on the `child_process` diagnostics channel.
 */
export function withToolPriority<T>(start: () => T): T {
  if (!niceness) return start();
  const started: ChildProcess[] = [];
  const take = (m: unknown) => {
    const child = (m as { process?: ChildProcess }).process;
    if (child) started.push(child);
  };
  dc.subscribe(CHILD_PROCESS_CHANNEL, take);
  try {
    return start();
  } finally {
    dc.unsubscribe(CHILD_PROCESS_CHANNEL, take);
    for (const child of started) lowerToolPriority(child.pid);
  }
}
