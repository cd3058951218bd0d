import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { QUEUES, accountEventSchema } from '@clipyard/contracts';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, QueueClient, type PayloadOf } from '@clipyard/queue';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { MAIL_KINDS, renderMail, type MailKind } from '../mail/mail-templates';
import { MailTransport, mailDomain } from '../mail/mail-transport';
import { OutboxRepository, type OutboxRow } from './outbox.repository';
import { ACCOUNT_EVENT_QUEUES, Outbox, outboxAad, outboxJobId, type AccountEventQueue, type SealedMail } from './outbox.service';

/** A row whose enqueue was lost (crash after commit) is picked up after this long. */
const SWEEP_AGE_MS = 30_000;

/**
 * Delivers outbox rows: emails through the MailTransport (Message-ID `<row id@MAIL_FROM domain>`,
 * so a redelivery after a crash is recognisably the same message) and account events onto each
 * owning app's queue (job id from the row, so a redelivery enqueues nothing new). A failure
 * throws for BullMQ's exponential backoff (OUTBOX_MAX_ATTEMPTS); each failed attempt is counted
 * on the row (`attempts`, `last_error`) and in `auth_outbox_failures_total`, and the last one
 * marks the row `failed`. A periodic sweep enqueues pending rows whose job was never added.
 */
@Injectable()
@Consumer(QUEUES.authOutbox, { concurrency: 4 })
export class OutboxConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private sweepTimer?: NodeJS.Timeout;
  private readonly domain: string;
  private readonly delivered;
  private readonly failures;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly repo: OutboxRepository,
    private readonly outbox: Outbox,
    private readonly transport: MailTransport,
    private readonly queues: QueueClient,
    metrics: Metrics,
  ) {
    this.domain = mailDomain(config.MAIL_FROM);
    this.delivered = metrics.counter('auth_outbox_delivered_total', 'Outbox rows delivered (emails sent, events enqueued)', ['kind', 'topic']);
    this.failures = metrics.counter('auth_outbox_failures_total', 'Failed outbox delivery attempts; final=true marks the row failed', ['kind', 'topic', 'final']);
  }

  onApplicationBootstrap(): void {
    if (!this.background) return;
    if (this.transport.mode === 'files') {
      this.logger.warn({ dir: this.transport.directory }, 'SMTP_URL is not set: emails are written as .eml files, not sent');
    }
    this.sweepTimer = setInterval(() => void this.sweep().catch((err) => this.logger.warn({ err }, 'outbox sweep failed')), SWEEP_AGE_MS / 2);
    this.sweepTimer.unref();
  }

  @Handle('outbox.deliver')
  async handle({ messageId }: PayloadOf<typeof QUEUES.authOutbox, 'outbox.deliver'>, job: Job): Promise<string> {
    const row = await this.repo.find(messageId);
    if (!row) return 'missing';
    if (row.status !== 'pending') return row.status;
    try {
      await this.deliver(row);
    } catch (err) {
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = err instanceof Error ? err.message : String(err);
      this.failures.inc({ kind: row.kind, topic: row.topic, final: String(final) });
      await this.repo.recordAttemptFailure(row.id, message, final).catch(() => undefined);
      this.logger[final ? 'error' : 'warn']({ outboxId: row.id, kind: row.kind, topic: row.topic, attempt: job.attemptsMade + 1, error: message }, 'outbox delivery failed');
      throw err;
    }
    await this.repo.markSent(row.id);
    this.delivered.inc({ kind: row.kind, topic: row.topic });
    return 'sent';
  }

  private async deliver(row: OutboxRow): Promise<void> {
    if (row.kind === 'email') {
      if (!(MAIL_KINDS as readonly string[]).includes(row.topic) || !row.recipient || !row.sealed) throw new UnrecoverableError('MALFORMED_OUTBOX_EMAIL');
      const vars = JSON.parse(this.outbox.ring.open(row.sealed, outboxAad(row.id))) as SealedMail;
      const mail = renderMail(row.topic as MailKind, { ...vars, product: this.config.PRODUCT_NAME });
      await this.transport.send({ ...mail, to: row.recipient, messageId: `<${row.id}@${this.domain}>` });
      return;
    }
    if (!(ACCOUNT_EVENT_QUEUES as string[]).includes(row.topic)) throw new UnrecoverableError('UNKNOWN_OUTBOX_TOPIC');
    const event = accountEventSchema.parse(row.payload);
    await this.queues.add(row.topic as AccountEventQueue, event, { ...this.outbox.jobOptions(row.id), jobId: `account-event:${row.id}` });
  }

  /** Enqueues pending rows older than the sweep age; a row whose job already ran out of attempts gets it retried. */
  async sweep(olderThanMs = SWEEP_AGE_MS): Promise<number> {
    const ids = await this.repo.pendingIds(olderThanMs, 200);
    const queue = this.queues.queue(QUEUES.authOutbox);
    for (const id of ids) {
      const job = await queue.getJob(outboxJobId(id).replace(/:/g, '_'));
      if (job && (await job.isFailed())) await job.retry('failed');
      else if (!job) await this.outbox.dispatch([id]);
    }
    return ids.length;
  }

  beforeApplicationShutdown(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }
}
