import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { generateWebhookSecret } from './webhook-signature';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksRepository, type DeliveryRecord, type EndpointRecord } from './webhooks.repository';

export interface OutgoingEvent {
  userId: string;
  type: string;
  /** Stable key of what happened (e.g. `job:<id>:completed`): the event id derives from it. */
  key: string;
  data: Record<string, unknown>;
  occurredAt?: Date;
  /** A job's own `callback_url`, signed with the user's callback secret. */
  callbackUrl?: string;
  /** Deliver only to this endpoint (test events). */
  onlyEndpoint?: EndpointRecord;
  /** Asked only when there is somewhere to deliver: false drops the event (e.g. the plan lost webhooks). */
  allowed?: () => Promise<boolean>;
}

/** `evt_` + 32 hex chars derived from the event key, so a replayed event keeps its id. */
export const eventIdFor = (key: string) => `evt_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/** The delay before the retry after `attemptsMade` failed attempts: the schedule's entry, with ±10 % jitter. */
export const webhookBackoff = (attemptsMade: number, schedule: readonly number[], random = Math.random) =>
  Math.round(schedule[Math.min(Math.max(1, attemptsMade), schedule.length) - 1] * (0.9 + random() * 0.2));

/**
 * Turns an event into one stored delivery per subscribed endpoint (plus the job's callback URL)
 * and queues them. Deliveries are unique per (endpoint, event, url), so dispatching the same
 * event twice sends it once; a still-pending delivery is simply queued again (same job id).
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly queues: QueueClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async dispatch(ev: OutgoingEvent): Promise<DeliveryRecord[]> {
    const eventId = eventIdFor(ev.key);
    const body = JSON.stringify({
      id: eventId,
      type: ev.type,
      created_at: (ev.occurredAt ?? new Date()).toISOString(),
      data: ev.data,
    });
    const targets: { endpointId: string; url: string }[] = ev.onlyEndpoint
      ? [{ endpointId: ev.onlyEndpoint.id, url: ev.onlyEndpoint.url! }]
      : (await this.repo.subscribedEndpoints(ev.userId, ev.type)).map((e) => ({ endpointId: e.id, url: e.url! }));
    if (targets.length === 0 && !(ev.callbackUrl && !ev.onlyEndpoint)) return [];
    if (ev.allowed && !(await ev.allowed())) return [];
    if (ev.callbackUrl && !ev.onlyEndpoint) {
      const cb = await this.callbackEndpoint(ev.userId);
      targets.push({ endpointId: cb.id, url: ev.callbackUrl });
    }
    const pending = await this.repo.insertDeliveries(
      targets.map((t) => ({ id: randomUUID(), ...t, userId: ev.userId, eventId, eventType: ev.type, body })),
    );
    for (const d of pending) await this.enqueue(d, `wh-${d.id}`);
    return pending;
  }

  /** Queues one delivery; a fresh job id (manual redelivery) starts a new series of attempts. */
  async enqueue(d: Pick<DeliveryRecord, 'id' | 'userId'>, jobId: string): Promise<void> {
    await this.queues.add(
      QUEUES.webhookDeliveries,
      { name: 'webhook.deliver', deliveryId: d.id, userId: d.userId },
      { jobId, attempts: this.config.WEBHOOK_RETRY_SCHEDULE.length + 1, backoff: { type: 'webhook' } },
    );
  }

  /** The user's callback-signing secret row, created (with a secret nobody has seen yet) if missing. */
  async callbackEndpoint(userId: string): Promise<EndpointRecord> {
    const existing = await this.repo.findCallbackEndpoint(userId);
    if (existing) return existing;
    const id = randomUUID();
    return this.repo.ensureCallbackEndpoint(userId, id, this.secrets.seal(id, generateWebhookSecret()));
  }
}
