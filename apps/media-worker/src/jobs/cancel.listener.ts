import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { mediaCancelChannel } from '@clipyard/contracts';
import { createSubscriber, subscribe, type RedisSettings } from '@clipyard/queue';

/** Reason carried by the AbortSignal of a canceled job. */
export const CANCELED = 'canceled';
const REMEMBER_MS = 10 * 60_000;

/**
 * Listens on `${REDIS_PREFIX}:media-cancel` (message: a job id) and aborts that job if it runs
 * here. Ids are remembered for a while, so a job canceled just before this worker picks it up
 * stops at once too.
 */
export class CancelListener {
  private readonly running = new Map<string, AbortController>();
  private readonly recent = new Map<string, number>();
  private sub?: Redis;

  constructor(
    private readonly settings: RedisSettings,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.sub = createSubscriber(this.settings);
    this.sub.on('message', (_ch: string, msg: string) => this.onMessage(msg));
    await subscribe(this.sub, mediaCancelChannel(this.settings.prefix));
  }

  /** The AbortController of a job that starts running here. */
  register(jobId: string): AbortController {
    const ac = new AbortController();
    this.running.set(jobId, ac);
    const at = this.recent.get(jobId);
    if (at && Date.now() - at < REMEMBER_MS) ac.abort(CANCELED);
    return ac;
  }

  unregister(jobId: string, ac: AbortController): void {
    if (this.running.get(jobId) === ac) this.running.delete(jobId);
  }

  private onMessage(msg: string): void {
    let jobId = msg.trim();
    if (jobId.startsWith('{')) {
      try {
        jobId = String((JSON.parse(jobId) as { jobId?: unknown }).jobId ?? '');
      } catch {
        return;
      }
    }
    if (!/^[0-9a-f-]{36}$/i.test(jobId)) return;
    const now = Date.now();
    this.recent.set(jobId, now);
    for (const [id, at] of this.recent) if (now - at > REMEMBER_MS) this.recent.delete(id);
    const ac = this.running.get(jobId);
    if (ac && !ac.signal.aborted) {
      this.logger.info({ jobId }, 'canceling running media job');
      ac.abort(CANCELED);
    }
  }

  async close(): Promise<void> {
    await this.sub?.quit().catch(() => undefined);
  }
}
