import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { AccountDeletionService } from '../account-email/account-deletion.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { AnonymousUsersRepository } from './anonymous-users.repository';

const BATCH = 100;

/**
 * Deletes anonymous users untouched for ANONYMOUS_TTL_DAYS through the account-deletion path
 * (sessions and keys stop, `account.deleted` goes to every app that owns their data: jobs,
 * uploads, outputs, subscription). Runs every ANONYMOUS_SWEEP_S in the background app; replicas
 * may overlap harmlessly (a user row is deleted, and its events written, once).
 */
@Injectable()
export class AnonymousSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly repo: AnonymousUsersRepository,
    private readonly deletion: AccountDeletionService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.background) return;
    this.timer = setInterval(() => void this.sweep().catch((err) => this.logger.warn({ err }, 'anonymous sweep failed')), this.config.ANONYMOUS_SWEEP_S * 1000);
    this.timer.unref();
  }

  /** One pass (single flight); returns how many anonymous users were deleted. */
  sweep(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const stale = await this.repo.stale(this.config.ANONYMOUS_TTL_DAYS, BATCH);
      let batch = 0;
      for (const user of stale) {
        if (await this.deletion.erase(user, {}, { method: 'anonymous_ttl', ttl_days: this.config.ANONYMOUS_TTL_DAYS }, { onlyAnonymous: true })) batch++;
      }
      deleted += batch;
      if (stale.length < BATCH || batch === 0) break;
    }
    if (deleted) this.logger.info({ deleted, ttlDays: this.config.ANONYMOUS_TTL_DAYS }, 'deleted untouched anonymous users');
    return deleted;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
