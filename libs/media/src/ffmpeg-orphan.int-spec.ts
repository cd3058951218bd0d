/**
 * ffmpeg must not outlive the worker that started it: the worker (a real process running the
 * compiled FfmpegRunner, as `npm test` builds it) is SIGKILLed mid-encode, so none of its own code
 * runs; its ffmpeg must be gone shortly after instead of encoding on for minutes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const RUNNER = path.resolve(__dirname, '../../../dist/libs/media/src/ffmpeg.runner.js');

/** Running and not a zombie (a zombie is dead, only waiting for init to reap it). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('ffmpeg dies with its parent', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cy-orphan-'));
    // a real input file: the runner only opens the demuxers the product accepts (no lavfi)
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', path.join(dir, 'in.mp4')]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is killed within seconds after its worker is SIGKILLed', async () => {
    const script = `
      const { FfmpegRunner } = require(${JSON.stringify(RUNNER)});
      new FfmpegRunner().run(
        { inputs: [{ path: ${JSON.stringify(path.join(dir, 'in.mp4'))}, options: ['-re', '-stream_loop', '-1'] }],
          output: ${JSON.stringify(path.join(dir, 'out.mp4'))},
          outputOptions: ['-t', '300', '-c:v', 'libx264', '-preset', 'ultrafast'], expectedDurationS: 300 },
        { onStart: (pid) => process.stdout.write('FFMPEG ' + pid + '\\n') },
      ).catch(() => undefined);`;
    const worker = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      let out = '';
      worker.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /FFMPEG (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      worker.once('exit', (code) => reject(new Error(`worker exited (${code}) before ffmpeg started`)));
    });
    // ffmpeg is encoding (its output grows) when the worker dies
    await new Promise((r) => setTimeout(r, 1000));
    expect(running(pid)).toBe(true);
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
    const until = Date.now() + 15_000;
    while (running(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const stillRunning = running(pid);
    if (stillRunning) process.kill(pid, 'SIGKILL');
    expect(stillRunning).toBe(false);
  }, 40_000);

  it('kills every ffmpeg still running when the worker is SIGKILLed, after another one ended (one watchdog per worker)', async () => {
    // a short run ends first (its pid leaves the watchdog's list), then two long ones run at once
    const run = (t: number) =>
      `r.run({ inputs: [{ path: ${JSON.stringify(path.join(dir, 'in.mp4'))}, options: ['-re', '-stream_loop', '-1'] }], output: ${JSON.stringify(dir)} + '/out-' + Math.random() + '.mp4', outputOptions: ['-t', '${t}', '-c:v', 'libx264', '-preset', 'ultrafast'], expectedDurationS: ${t} }, { onStart: (pid) => process.stdout.write('FFMPEG ' + pid + '\\n') })`;
    const script = `
      const { FfmpegRunner } = require(${JSON.stringify(RUNNER)});
      const r = new FfmpegRunner();
      ${run(0.2)}.then(() => { process.stdout.write('SHORT DONE\\n'); ${run(300)}.catch(() => undefined); ${run(300)}.catch(() => undefined); });`;
    const worker = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = '';
      worker.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const all = [...out.matchAll(/FFMPEG (\d+)/g)].map((m) => Number(m[1]));
        if (all.length === 3) resolve(all);
      });
      worker.once('exit', (code) => reject(new Error(`worker exited (${code}) before its ffmpegs started`)));
    });
    const [, a, b] = pids;
    await new Promise((r) => setTimeout(r, 1000));
    expect([running(a), running(b)]).toEqual([true, true]);
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
    const until = Date.now() + 15_000;
    while ((running(a) || running(b)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const still = [a, b].filter(running);
    for (const pid of still) process.kill(pid, 'SIGKILL');
    expect(still).toEqual([]);
  }, 40_000);
});
