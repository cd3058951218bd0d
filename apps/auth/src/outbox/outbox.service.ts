import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES, type AccountEvent } from '@clipyard/contracts';
import type { Tx } from '@clipyard/database';
import { ROOT_LOGGER } from '@clipyard/observability';
import { QueueClient } from '@clipyard/queue';
import { KeyRing } from '@clipyard/security';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import type { MailKind, MailVars } from '../mail/mail-templates';
import { OutboxRepository } from './outbox.repository';

export type AccountEventQueue = typeof QUEUES.accountEventsGateway | typeof QUEUES.accountEventsBilling;
/** Every app that owns user data and deletes it on `account.deleted`. */
export const ACCOUNT_EVENT_QUEUES: AccountEventQueue[] = [QUEUES.accountEventsGateway, QUEUES.accountEventsBilling];

/** What an email row seals: the template kind's variables (link and code included). */
export type SealedMail = Omit<MailVars, 'product'>;

export const outboxAad = (id: string) => `outbox:${id}`;
/** The BullMQ job id of a row: one delivery job per row however often it is enqueued. */
export const outboxJobId = (id: string) => `outbox:${id}`;

/**
 * The auth app's transactional outbox. `email()`/`event()` write a row inside the caller's
 * transaction (the same one that stores the token the email carries); `dispatch()` enqueues the
 * delivery after commit. A crash between the two is caught up by the consumer's sweep, and the
 * per-row job id means a row is never delivered by two jobs at once.
 */
@Injectable()
export class Outbox {
  readonly ring: KeyRing;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly repo: OutboxRepository,
    private readonly queues: QueueClient,
  ) {
    this.ring = new KeyRing(config.ENCRYPTION_KEYS);
  }

  async email(tx: Tx, p: { kind: MailKind; to: string; userId: string | null; vars?: SealedMail }): Promise<string> {
    const id = randomUUID();
    const sealed = this.ring.seal(JSON.stringify(p.vars ?? {}), outboxAad(id));
    await this.repo.insert({ id, kind: 'email', topic: p.kind, userId: p.userId, recipient: p.to, sealed, payload: null }, tx);
    return id;
  }

  /** One row per consuming app: each queue gets the event once, with the row id as its event id. */
  async accountDeleted(tx: Tx, userId: string): Promise<string[]> {
    const ids: string[] = [];
    const occurredAt = new Date().toISOString();
    for (const queue of ACCOUNT_EVENT_QUEUES) {
      const id = randomUUID();
      const payload: AccountEvent = { name: 'account.deleted', v: 1, eventId: id, userId, occurredAt };
      await this.repo.insert({ id, kind: 'event', topic: queue, userId, recipient: null, sealed: null, payload }, tx);
      ids.push(id);
    }
    return ids;
  }

  /** An anonymous user was upgraded: billing moves it off the trial plan (billing's queue only). */
  async accountUpgraded(tx: Tx, userId: string): Promise<string> {
    const id = randomUUID();
    const payload: AccountEvent = { name: 'account.upgraded', v: 1, eventId: id, userId, occurredAt: new Date().toISOString() };
    await this.repo.insert({ id, kind: 'event', topic: QUEUES.accountEventsBilling, userId, recipient: null, sealed: null, payload }, tx);
    return id;
  }

  /** Enqueues delivery of committed rows; a Redis failure is logged, and the sweep delivers them later. */
  async dispatch(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.queues.add(QUEUES.authOutbox, { name: 'outbox.deliver', v: 1, messageId: id }, this.jobOptions(id));
      } catch (err) {
        this.logger.warn({ err, outboxId: id }, 'outbox enqueue failed; the sweep will deliver it');
      }
    }
  }

  jobOptions(id: string) {
    return {
      jobId: outboxJobId(id),
      attempts: this.config.OUTBOX_MAX_ATTEMPTS,
      backoff: { type: 'exponential' as const, delay: this.config.OUTBOX_BACKOFF_MS },
    };
  }
}
