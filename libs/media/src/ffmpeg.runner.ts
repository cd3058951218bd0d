import { spawn, type ChildProcess } from 'node:child_process';
import ffmpeg from 'fluent-ffmpeg';
import { inputOptionsFor, withoutQuery, type MediaInput } from './input-policy';
import { MediaAbortedError, MediaError } from './media-error';
import { lowerToolPriority } from './tool-priority';

export interface RunOptions {
  /** Kill ffmpeg (SIGKILL) and fail with JOB_TIMEOUT after this long. */
  timeoutMs?: number;
  /** Kill ffmpeg and fail with MediaAbortedError when aborted. */
  signal?: AbortSignal;
  /** 0–100, from ffmpeg's time mark against the expected output duration. */
  onProgress?: (percent: number) => void;
  /** Called with ffmpeg's pid once it is spawned (tests check it is gone after a kill). */
  onStart?: (pid: number) => void;
}

export interface FfmpegSpec {
  /** A local file, or a store URL (`{ storeUrl }`) ffmpeg reads with range requests. */
  inputs: Array<{ path: MediaInput; options?: string[] }>;
  output: string;
  outputOptions: string[];
  /** Seconds of output expected, for progress. */
  expectedDurationS: number;
}

/** Stderr lines that mean the input itself is bad, not the machine. */
const BAD_INPUT = /Invalid data found|could not find codec|moov atom not found|Error while decoding|does not contain any stream|Invalid argument|no such filter|Error opening input|Output file is empty/i;

/**
 * Stderr of a store URL input that failed in transit (an unreachable or throttling store, a URL
 * that expired during a long run): worth another attempt, which signs a new URL.
 */
const STORE_UNREACHABLE = /Server returned (?:5\d\d|5XX|403)|HTTP error (?:5\d\d|403)|Connection refused|Connection reset|Connection timed out|timed out|I\/O error|Network is unreachable|End of file/i;

/** The time mark of one of ffmpeg's stats lines (`frame=… size=… time=00:00:04.00 bitrate=…`). */
const TIME_MARK = /\btime=\s*(-?\d+:\d{2}:\d{2}(?:\.\d+)?)/;

/** Parses `HH:MM:SS.xx` (ffmpeg's time mark) to seconds. */
export function parseTimemark(mark: string | undefined): number | null {
  const m = /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(mark ?? '');
  if (!m || m[1]) return null;
  return Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

/** ffmpeg processes this process started and that are still running. */
const live = new Set<number>();
let exitHook = false;

/**
 * The watchdog's script: it keeps the pids it is told about (`+ pid` starts, `- pid` ends) and,
 * when its stdin reaches EOF — this process is gone, however it ended, since the kernel closes
 * our end of the pipe — SIGKILLs those still listed. Only shell builtins: no fork per message.
 */
const WATCHDOG = [
  'p=" "',
  'while read -r op pid; do',
  '  case "$op" in',
  '    +) p="$p$pid " ;;',
  '    -) case "$p" in *" $pid "*) p="${p%% $pid *} ${p#* $pid }" ;; esac ;;',
  '  esac',
  'done',
  'for pid in $p; do kill -KILL "$pid" 2>/dev/null; done',
].join('\n');

/** The worker process's one watchdog (undefined until first needed, or when `sh` cannot start). */
let dog: { child: ChildProcess; alive: boolean } | undefined;
let noShell = false;

/**
 * Makes ffmpeg `pid` die with this process, however it ends. On a normal exit (including
 * process.exit after a shutdown grace period) the 'exit' hook kills it; for a SIGKILL or an OOM
 * kill, where no code of ours runs, one detached watchdog per worker process (`sh`, no file on
 * disk, so a noexec /tmp does not matter), started with the first ffmpeg, kills the listed
 * ffmpegs as soon as its pipe from us closes. Each ffmpeg is listed while it runs; no process is
 * spawned per ffmpeg besides ffmpeg itself.
 */
export function tieToThisProcess(pid: number): () => void {
  live.add(pid);
  hookExit();
  let w = dog?.alive ? dog : undefined;
  if (w) w.child.stdin?.write(`+ ${pid}\n`);
  else w = startWatchdog(); // a new one is told every live ffmpeg, this one included
  return () => {
    live.delete(pid);
    if (w?.alive) w.child.stdin?.write(`- ${pid}\n`);
  };
}

function hookExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const p of live) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

function startWatchdog(): typeof dog {
  if (noShell || process.platform === 'win32') return undefined;
  try {
    const child = spawn('sh', ['-c', WATCHDOG], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    const w = { child, alive: true };
    const gone = () => {
      w.alive = false;
      if (dog === w) dog = undefined;
    };
    // no sh: the exit hook still covers normal exits (and a missing sh is not retried every run)
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') noShell = true;
      gone();
    });
    child.on('exit', gone);
    child.stdin?.on('error', gone);
    // neither the watchdog nor its pipe keeps this process alive
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    dog = w;
    child.stdin?.write([...live].map((p) => `+ ${p}\n`).join(''));
    return w;
  } catch {
    return undefined;
  }
}

/** Runs ffmpeg through fluent-ffmpeg with progress, a time limit and cancellation. */
export class FfmpegRunner {
  constructor(
    private readonly ffmpegPath = 'ffmpeg',
    private readonly ffprobePath = 'ffprobe',
  ) {}

  command(): ffmpeg.FfmpegCommand {
    return ffmpeg({ stdoutLines: 30 }).setFfmpegPath(this.ffmpegPath).setFfprobePath(this.ffprobePath);
  }

  run(spec: FfmpegSpec, opts: RunOptions = {}): Promise<void> {
    if (opts.signal?.aborted) return Promise.reject(new MediaAbortedError());
    const cmd = this.command();
    for (const input of spec.inputs) {
      cmd.input(typeof input.path === 'string' ? input.path : input.path.storeUrl);
      cmd.inputOptions(...inputOptionsFor(input.path), ...(input.options ?? []));
    }
    const remote = spec.inputs.some((i) => typeof i.path !== 'string');
    // One array per call with >1 items: fluent-ffmpeg then never splits an option on spaces.
    const outOpts = ['-nostdin', '-y', ...spec.outputOptions];
    if (opts.timeoutMs) outOpts.push('-timelimit', String(Math.ceil(opts.timeoutMs / 1000) + 5));
    cmd.output(spec.output).outputOptions(...outOpts);

    return new Promise<void>((resolve, reject) => {
      let stop: Error | undefined;
      let timer: NodeJS.Timeout | undefined;
      let lastPct = -1;
      let untie: (() => void) | undefined;
      const kill = (why: Error) => {
        if (stop) return;
        stop = why;
        cmd.kill('SIGKILL');
      };
      const onAbort = () => kill(new MediaAbortedError());
      const done = (err?: Error) => {
        if (timer) clearTimeout(timer);
        untie?.();
        opts.signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.timeoutMs) {
        timer = setTimeout(
          () => kill(new MediaError('JOB_TIMEOUT', `Processing took longer than ${Math.round(opts.timeoutMs! / 1000)}s`)),
          opts.timeoutMs,
        );
      }
      cmd.on('start', () => {
        const pid = (cmd as unknown as { ffmpegProc?: { pid?: number } }).ffmpegProc?.pid;
        if (pid) {
          // at MEDIA_NICE, before ffmpeg starts its encoder threads (they inherit it)
          lowerToolPriority(pid);
          untie = tieToThisProcess(pid);
          opts.onStart?.(pid);
        }
      });
      // Progress from ffmpeg's own stats lines: a 'progress' listener would make fluent-ffmpeg run
      // an ffprobe of the input beside every ffmpeg (for a percentage we compute ourselves), a
      // process of its own (~60 ms of CPU on a 2-core machine) that is not bound by INPUT_OPTIONS.
      if (opts.onProgress && spec.expectedDurationS > 0) cmd.on('stderr', (line: string) => {
        const t = parseTimemark(TIME_MARK.exec(line)?.[1]);
        if (t === null || !opts.onProgress) return;
        const pct = Math.max(0, Math.min(99, Math.floor((t / spec.expectedDurationS) * 100)));
        if (pct > lastPct) {
          lastPct = pct;
          opts.onProgress(pct);
        }
      });
      cmd.on('end', () => {
        if (stop) return done(stop);
        opts.onProgress?.(100);
        done();
      });
      cmd.on('error', (err: Error, _stdout: string | null, stderr: string | null) => {
        if (stop) return done(stop);
        const tail = String(stderr ?? '').split('\n').filter(Boolean).slice(-5).join(' | ');
        // stderr names temp paths: it goes to details (logged), never into the user-facing message;
        // a store URL's presigned query is a credential while it lasts, so it is cut first.
        const details = { stderr: withoutQuery(tail).slice(0, 800) };
        if (remote && /Server returned 404|HTTP error 404/i.test(stderr ?? '')) {
          return done(new MediaError('INPUT_NOT_FOUND', 'Input not found', false, details));
        }
        if (remote && STORE_UNREACHABLE.test(stderr ?? '')) {
          return done(new MediaError('MEDIA_PROCESSING_FAILED', 'Media processing failed: the input could not be read from storage', true, details));
        }
        if (BAD_INPUT.test(stderr ?? '') || BAD_INPUT.test(err.message)) {
          return done(new MediaError('UNSUPPORTED_MEDIA', 'Unsupported or corrupt media: ffmpeg could not decode the input', false, details));
        }
        // Anything else (killed by the OS, disk full, ...) may work on another attempt.
        done(new MediaError('MEDIA_PROCESSING_FAILED', 'Media processing failed', true, details));
      });
      cmd.run();
    });
  }
}
