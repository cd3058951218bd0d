import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

const PREFIX = 'clipyard-job-';

/**
 * `clipyard-job-<jobId>-<pid>-<hex>` plus the six characters mkdtemp appends (mixed case and
 * digits): the pid is the run of digits between the last two dashes.
 */
export const TEMP_DIR_NAME = /^clipyard-job-.*-(\d+)-[0-9a-f]+[A-Za-z0-9]{6}$/;

/**
 * Per-job temp folders named `clipyard-job-<jobId>-<pid>-<random>`. Each is removed when its job
 * ends; a folder left by a process that died (SIGKILL) is swept at the next boot.
 */
export class TempDirs {
  constructor(
    private readonly root: string,
    private readonly logger: Logger,
  ) {}

  /** `pid` is the owner recorded in the name (this process; tests name another). */
  create(jobId: string, pid = process.pid): Promise<string> {
    const safeId = jobId.replace(/[^A-Za-z0-9-]/g, '');
    return mkdtemp(path.join(this.root, `${PREFIX}${safeId}-${pid}-${randomBytes(3).toString('hex')}`));
  }

  async remove(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true }).catch((err: unknown) => this.logger.warn({ err, dir }, 'could not remove job temp folder'));
  }

  /** Removes folders whose owning process is gone. */
  async sweep(): Promise<number> {
    let n = 0;
    const entries = await readdir(this.root).catch(() => [] as string[]);
    for (const name of entries) {
      if (!name.startsWith(PREFIX)) continue;
      const m = TEMP_DIR_NAME.exec(name);
      const pid = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
      await this.remove(path.join(this.root, name));
      n++;
    }
    if (n) this.logger.info({ removed: n }, 'swept temp folders of dead workers');
    return n;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
