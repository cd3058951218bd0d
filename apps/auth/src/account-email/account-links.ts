import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ACCOUNT_LINK_PATHS } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/** Builds emailed links on PUBLIC_URL, and runs work after the reply so answers do not depend on it. */
@Injectable()
export class AccountLinks implements BeforeApplicationShutdown {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  link(kind: keyof typeof ACCOUNT_LINK_PATHS, token: string): string {
    const url = new URL(ACCOUNT_LINK_PATHS[kind], this.config.PUBLIC_URL.endsWith('/') ? this.config.PUBLIC_URL : `${this.config.PUBLIC_URL}/`);
    url.searchParams.set('token', token);
    return url.toString();
  }

  /**
   * Runs `work` after the caller has answered: "forgot password" and "magic link" reply at once,
   * before the address is even looked up, so the reply's content and timing are the same whether
   * an account exists. A crash before the work commits loses the request (nothing was promised);
   * once committed, the outbox delivers it.
   */
  later(what: string, work: () => Promise<void>): void {
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err) => this.logger.error({ err, what }, 'email flow failed after the reply'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for work started by later() (shutdown, tests). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.settle();
  }
}
