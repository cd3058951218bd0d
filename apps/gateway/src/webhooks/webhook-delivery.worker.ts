import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Counter } from 'prom-client';
import { AppError, QUEUES } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { Consumer, Handle, type PayloadOf } from '@clipyard/queue';
import { urlPolicyOf } from '@clipyard/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { webhookBackoff } from './webhook-dispatcher';
import { postWebhook } from './webhook-http';
import { SIGNATURE_HEADER, signatureHeader, standardHeaders } from './webhook-signature';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Sends queued webhook deliveries: signs the stored body with the endpoint's live secrets, POSTs
 * it (SSRF-checked, no redirects, time-limited), logs the attempt on the delivery row, and throws
 * on anything but a 2xx so BullMQ retries on WEBHOOK_RETRY_SCHEDULE; a 410 Gone disables the endpoint.
 */
@Injectable()
@Consumer<GatewayConfig>(QUEUES.webhookDeliveries, {
  concurrency: (c) => c.WEBHOOK_CONCURRENCY,
  worker: (c) => ({
    settings: { backoffStrategy: (attemptsMade: number) => webhookBackoff(attemptsMade, c.WEBHOOK_RETRY_SCHEDULE) },
  }),
})
export class WebhookDeliveryWorker {
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly repo: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('webhook_delivery_attempts_total', 'Webhook delivery attempts by outcome', ['outcome']);
  }

  @Handle('webhook.deliver')
  async process({ deliveryId, userId }: PayloadOf<typeof QUEUES.webhookDeliveries, 'webhook.deliver'>, job: Job): Promise<void> {
    const d = await this.repo.findDelivery(userId, deliveryId);
    if (!d || d.status === 'succeeded') return; // endpoint deleted, or already delivered
    const ep = await this.repo.findEndpoint(userId, d.endpointId);
    if (!ep) return;
    if (ep.disabledAt) {
      // The receiver said 410 Gone: what was still pending is not sent (nor retried).
      await this.repo.recordAttempt(userId, d.id, { succeeded: false, final: true, statusCode: null, error: 'endpoint disabled (the receiver answered 410 Gone)' });
      this.outcomes.inc({ outcome: 'disabled' });
      return;
    }
    const live = [this.secrets.open(ep.id, ep.secretSealed)];
    if (ep.previousSecretSealed && ep.previousSecretExpiresAt && ep.previousSecretExpiresAt.getTime() > Date.now()) {
      live.push(this.secrets.open(ep.id, ep.previousSecretSealed));
    }
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'user-agent': 'Clipyard-Webhooks/1',
      // Standard Webhooks: the message id stays the same across retries (receivers deduplicate on it).
      ...standardHeaders(d.eventId, d.body, live, timestamp),
      'clipyard-event-id': d.eventId,
      'clipyard-event-type': d.eventType,
      'clipyard-delivery-id': d.id,
      'clipyard-delivery-attempt': String(d.attempts + 1),
      [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(d.body, live, timestamp), // deprecated, one more release
    };
    let status: number;
    try {
      ({ status } = await postWebhook(d.url, d.body, headers, {
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        policy: urlPolicyOf(this.config),
      }));
    } catch (err) {
      const forbidden = err instanceof AppError && err.code === 'URL_FORBIDDEN';
      const message = err instanceof AppError ? `${err.code}: ${err.message}` : (err as Error).message;
      await this.repo.recordAttempt(userId, d.id, { succeeded: false, final: final || forbidden, statusCode: null, error: message.slice(0, 500) });
      this.outcomes.inc({ outcome: forbidden ? 'forbidden' : 'error' });
      if (forbidden) throw new UnrecoverableError(message);
      throw err;
    }
    if (status === 410) {
      // Standard Webhooks: 410 Gone means "stop": no retry, and the endpoint is disabled.
      await this.repo.recordAttempt(userId, d.id, { succeeded: false, final: true, statusCode: status, error: 'receiver answered 410 Gone: endpoint disabled' });
      if (ep.kind === 'endpoint') await this.repo.setDisabled(userId, ep.id, 'the receiver answered 410 Gone');
      this.outcomes.inc({ outcome: 'gone' });
      throw new UnrecoverableError('receiver answered 410 Gone');
    }
    const ok = status >= 200 && status < 300;
    await this.repo.recordAttempt(userId, d.id, { succeeded: ok, final, statusCode: status, error: ok ? null : `receiver answered HTTP ${status}` });
    this.outcomes.inc({ outcome: ok ? 'delivered' : 'http_error' });
    if (!ok) throw new Error(`receiver answered HTTP ${status}`);
  }
}
