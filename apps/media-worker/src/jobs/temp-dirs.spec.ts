import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { TempDirs } from './temp-dirs';

describe('TempDirs.sweep', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cy-sweep-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('removes the folders of dead workers (real mkdtemp names) and keeps live ones and strangers', async () => {
    const temps = new TempDirs(root, pino({ level: 'silent' }));
    // a pid that surely belonged to a process that has exited
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const orphan = await temps.create(randomUUID(), deadPid);
      await writeFile(path.join(orphan, 'partial.mp4'), Buffer.alloc(1024));
      const mine = await temps.create(randomUUID());
      const othersLive = await temps.create(randomUUID(), sleeper.pid!);
      await mkdir(path.join(root, 'clipyard-job-not-ours'));
      await mkdir(path.join(root, 'unrelated-123-abc'));

      expect(await temps.sweep()).toBe(1);
      const left = await readdir(root);
      expect(left).not.toContain(path.basename(orphan));
      expect(left).toEqual(expect.arrayContaining([path.basename(mine), path.basename(othersLive), 'clipyard-job-not-ours', 'unrelated-123-abc']));
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});
