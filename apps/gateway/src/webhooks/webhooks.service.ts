import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, decodeCursor, pageOf } from '@clipyard/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { PlanGate } from './plan-gate';
import { WebhookDispatcher } from './webhook-dispatcher';
import { resolveUrl, urlPolicyOf } from '@clipyard/security';
import { generateWebhookSecret } from './webhook-signature';
import { WebhookSecrets } from './webhook-secrets';
import type { WebhookDeliveryView, WebhookEndpointView } from './webhooks.dto';
import { WebhooksRepository, type DeliveryRecord, type EndpointRecord } from './webhooks.repository';

export const endpointView = (e: EndpointRecord): WebhookEndpointView => ({
  id: e.id,
  url: e.url!,
  description: e.description,
  events: e.events,
  created_at: e.createdAt.toISOString(),
  updated_at: e.updatedAt.toISOString(),
  previous_secret_expires_at:
    e.previousSecretExpiresAt && e.previousSecretExpiresAt.getTime() > Date.now() ? e.previousSecretExpiresAt.toISOString() : null,
  disabled_at: e.disabledAt?.toISOString() ?? null,
  disabled_reason: e.disabledReason,
});

export const deliveryView = (d: DeliveryRecord): WebhookDeliveryView => ({
  id: d.id,
  webhook_id: d.endpointId,
  event_id: d.eventId,
  event_type: d.eventType,
  url: d.url,
  status: d.status,
  attempts: d.attempts,
  last_status_code: d.lastStatusCode,
  last_error: d.lastError,
  last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
  delivered_at: d.deliveredAt?.toISOString() ?? null,
  created_at: d.createdAt.toISOString(),
  payload: JSON.parse(d.body),
});

/**
 * Endpoint management for one user: create (secret shown once), list, delete, rotate, test, logs.
 * Everything that sends, signs or shows deliveries needs the plan's `webhooks` feature at the time
 * of the call (a downgraded user keeps only list, get and delete, to clean up).
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly dispatcher: WebhookDispatcher,
    private readonly plans: PlanGate,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async create(userId: string, input: { url: string; events: string[]; description?: string }) {
    await this.plans.require(userId, 'webhooks');
    await this.checkUrl(input.url);
    if ((await this.repo.countEndpoints(userId)) >= this.config.WEBHOOK_MAX_ENDPOINTS) {
      throw new AppError('WEBHOOK_LIMIT_REACHED', `At most ${this.config.WEBHOOK_MAX_ENDPOINTS} webhook endpoints per user`, {
        limit: this.config.WEBHOOK_MAX_ENDPOINTS,
      });
    }
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const e = await this.repo.insertEndpoint({
      id,
      userId,
      kind: 'endpoint',
      url: input.url,
      description: input.description ?? null,
      events: [...new Set(input.events)],
      secretSealed: this.secrets.seal(id, secret),
    });
    return { ...endpointView(e), secret };
  }

  async list(userId: string) {
    return { data: (await this.repo.listEndpoints(userId)).map(endpointView) };
  }

  async get(userId: string, id: string) {
    return endpointView(await this.owned(userId, id));
  }

  /** Enables an endpoint a 410 Gone disabled (new events are delivered again; earlier ones are not resent). */
  async enable(userId: string, id: string) {
    await this.plans.require(userId, 'webhooks');
    await this.owned(userId, id);
    const row = await this.repo.setDisabled(userId, id, null);
    if (!row) throw new AppError('WEBHOOK_NOT_FOUND', 'No such webhook endpoint');
    return endpointView(row);
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.repo.deleteEndpoint(userId, id))) throw notFound();
  }

  /** New secret (shown once); the previous one keeps signing for the overlap period. */
  async rotate(userId: string, id: string, overlapHours?: number) {
    await this.plans.require(userId, 'webhooks');
    const { row, secret } = await this.rotateRow(await this.owned(userId, id), overlapHours);
    return { ...endpointView(row), secret };
  }

  /** Creates or rotates the secret that signs per-job `callback_url` deliveries; shown once. */
  async rotateCallbackSecret(userId: string, overlapHours?: number) {
    await this.plans.require(userId, 'webhooks');
    const e = await this.dispatcher.callbackEndpoint(userId);
    const { row, secret } = await this.rotateRow(e, overlapHours);
    const expires = row.previousSecretExpiresAt;
    return {
      secret,
      previous_secret_expires_at: expires && expires.getTime() > Date.now() ? expires.toISOString() : null,
    };
  }

  async test(userId: string, id: string) {
    await this.plans.require(userId, 'webhooks');
    const e = await this.owned(userId, id);
    const [d] = await this.dispatcher.dispatch({
      userId,
      type: 'webhook.test',
      key: `test:${randomUUID()}`,
      data: { webhook_id: e.id, message: 'This is a test event from Clipyard.' },
      onlyEndpoint: e,
    });
    return deliveryView(d);
  }

  async deliveries(userId: string, id: string, limit: number, cursor?: string) {
    await this.plans.require(userId, 'webhooks');
    await this.owned(userId, id);
    const rows = await this.repo.listDeliveries(userId, id, limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const { page, next_cursor } = pageOf(rows, limit);
    return { data: page.map(deliveryView), next_cursor };
  }

  async delivery(userId: string, id: string, deliveryId: string) {
    await this.plans.require(userId, 'webhooks');
    await this.owned(userId, id);
    const d = await this.repo.findDelivery(userId, deliveryId);
    if (!d || d.endpointId !== id) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery');
    return deliveryView(d);
  }

  /** Sends a delivery again now (a new series of attempts), whatever its previous outcome. */
  async redeliver(userId: string, id: string, deliveryId: string) {
    await this.plans.require(userId, 'webhooks');
    await this.owned(userId, id);
    const d = await this.repo.resetForRedelivery(userId, id, deliveryId);
    if (!d) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery');
    await this.dispatcher.enqueue(d, `wh-${d.id}-manual-${Date.now()}`);
    return deliveryView(d);
  }

  private async rotateRow(e: EndpointRecord, overlapHours?: number): Promise<{ row: EndpointRecord; secret: string }> {
    const hours = overlapHours ?? this.config.WEBHOOK_ROTATION_OVERLAP_HOURS;
    const secret = generateWebhookSecret();
    const until = hours > 0 ? new Date(Date.now() + hours * 3600_000) : null;
    const rotated = await this.repo.rotateSecret(e.userId, e.id, this.secrets.seal(e.id, secret), until ? e.secretSealed : null, until);
    if (!rotated) throw notFound();
    return { row: rotated, secret };
  }

  private async owned(userId: string, id: string): Promise<EndpointRecord> {
    const e = await this.repo.findEndpoint(userId, id, 'endpoint');
    if (!e) throw notFound();
    return e;
  }

  /** The URL policy at creation (every resolved address); delivery pins the connection again. */
  private async checkUrl(url: string): Promise<void> {
    await resolveUrl(url, urlPolicyOf(this.config), { field: 'url' });
  }
}

const notFound = () => new AppError('WEBHOOK_NOT_FOUND', 'No such webhook endpoint');
