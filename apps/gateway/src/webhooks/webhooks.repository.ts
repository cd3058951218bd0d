import { Injectable } from '@nestjs/common';
import { Database, WebhookDeliveryEntity, WebhookEndpointEntity, execute, one, query, type Row } from '@clipyard/database';

/** A webhook_endpoints row (the entity's shape). */
export type EndpointRecord = WebhookEndpointEntity;
/** A webhook_deliveries row (the entity's shape). */
export type DeliveryRecord = WebhookDeliveryEntity;

export type NewDelivery = Pick<DeliveryRecord, 'id' | 'endpointId' | 'userId' | 'eventId' | 'eventType' | 'url' | 'body'>;

const E_COLS = `id, user_id, kind, url, description, events, secret_sealed, previous_secret_sealed,
  previous_secret_expires_at, disabled_at, disabled_reason, created_at, updated_at`;
const D_COLS = `id, endpoint_id, user_id, event_id, event_type, url, body, status, attempts, last_status_code,
  last_error, last_attempt_at, delivered_at, created_at`;

/** SQL of the webhook tables; every read and write is scoped by the owner's user id. */
@Injectable()
export class WebhooksRepository {
  private readonly endpoint: (r: Row) => EndpointRecord;
  private readonly delivery: (r: Row) => DeliveryRecord;

  constructor(private readonly db: Database) {
    this.endpoint = db.records(WebhookEndpointEntity);
    this.delivery = db.records(WebhookDeliveryEntity);
  }

  async countEndpoints(userId: string): Promise<number> {
    const r = (await one<{ n: number }>(this.db.tx, `SELECT count(*)::int AS n FROM webhook_endpoints WHERE user_id = $1 AND kind = 'endpoint'`, [userId]))!;
    return r.n;
  }

  async insertEndpoint(e: Pick<EndpointRecord, 'id' | 'userId' | 'kind' | 'url' | 'description' | 'events' | 'secretSealed'>): Promise<EndpointRecord> {
    const r = await one(
      this.db.tx,
      `INSERT INTO webhook_endpoints (id, user_id, kind, url, description, events, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${E_COLS}`,
      [e.id, e.userId, e.kind, e.url, e.description, e.events, e.secretSealed],
    );
    return this.endpoint(r!);
  }

  /** The user's callback-signing row, created with `sealed` when missing (race-safe). */
  async ensureCallbackEndpoint(userId: string, id: string, sealed: string): Promise<EndpointRecord> {
    await execute(
      this.db.tx,
      `INSERT INTO webhook_endpoints (id, user_id, kind, url, events, secret_sealed)
       VALUES ($1, $2, 'callback', NULL, '{}', $3) ON CONFLICT (user_id) WHERE kind = 'callback' DO NOTHING`,
      [id, userId, sealed],
    );
    return (await this.findCallbackEndpoint(userId))!;
  }

  async findCallbackEndpoint(userId: string): Promise<EndpointRecord | null> {
    const r = await one(this.db.tx, `SELECT ${E_COLS} FROM webhook_endpoints WHERE user_id = $1 AND kind = 'callback'`, [userId]);
    return r ? this.endpoint(r) : null;
  }

  async listEndpoints(userId: string): Promise<EndpointRecord[]> {
    const rows = await query(
      this.db.tx,
      `SELECT ${E_COLS} FROM webhook_endpoints WHERE user_id = $1 AND kind = 'endpoint' ORDER BY created_at DESC, id DESC`,
      [userId],
    );
    return rows.map(this.endpoint);
  }

  /** Any kind (the delivery worker signs callback deliveries too). */
  async findEndpoint(userId: string, id: string, kind?: 'endpoint'): Promise<EndpointRecord | null> {
    const r = await one(
      this.db.tx,
      `SELECT ${E_COLS} FROM webhook_endpoints WHERE user_id = $1 AND id = $2 ${kind ? `AND kind = 'endpoint'` : ''}`,
      [userId, id],
    );
    return r ? this.endpoint(r) : null;
  }

  async subscribedEndpoints(userId: string, eventType: string): Promise<EndpointRecord[]> {
    const rows = await query(
      this.db.tx,
      `SELECT ${E_COLS} FROM webhook_endpoints WHERE user_id = $1 AND kind = 'endpoint' AND $2 = ANY(events) AND disabled_at IS NULL`,
      [userId, eventType],
    );
    return rows.map(this.endpoint);
  }

  async deleteEndpoint(userId: string, id: string): Promise<boolean> {
    const rows = await query(this.db.tx, `DELETE FROM webhook_endpoints WHERE user_id = $1 AND id = $2 AND kind = 'endpoint' RETURNING id`, [userId, id]);
    return rows.length > 0;
  }

  /** Disables (reason given) or enables again (null) an endpoint; callback rows are never disabled. */
  async setDisabled(userId: string, id: string, reason: string | null): Promise<EndpointRecord | null> {
    const r = await one(
      this.db.tx,
      `UPDATE webhook_endpoints SET disabled_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, disabled_reason = $3, updated_at = now()
       WHERE user_id = $1 AND id = $2 AND kind = 'endpoint' RETURNING ${E_COLS}`,
      [userId, id, reason],
    );
    return r ? this.endpoint(r) : null;
  }

  /** New secret in; the current one becomes the previous, valid until `overlapUntil` (null: dropped now). */
  async rotateSecret(userId: string, id: string, sealed: string, previousSealed: string | null, overlapUntil: Date | null): Promise<EndpointRecord | null> {
    const r = await one(
      this.db.tx,
      `UPDATE webhook_endpoints SET secret_sealed = $3, previous_secret_sealed = $4, previous_secret_expires_at = $5, updated_at = now()
       WHERE user_id = $1 AND id = $2 RETURNING ${E_COLS}`,
      [userId, id, sealed, previousSealed, overlapUntil],
    );
    return r ? this.endpoint(r) : null;
  }

  /** Inserts what is new; returns every delivery of these (endpoint, event, url) triples still pending. */
  async insertDeliveries(rows: NewDelivery[]): Promise<DeliveryRecord[]> {
    if (!rows.length) return [];
    const values: unknown[] = [];
    const tuples = rows.map((d, i) => {
      values.push(d.id, d.endpointId, d.userId, d.eventId, d.eventType, d.url, d.body);
      const b = i * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
    });
    await execute(
      this.db.tx,
      `INSERT INTO webhook_deliveries (id, endpoint_id, user_id, event_id, event_type, url, body)
       VALUES ${tuples.join(', ')} ON CONFLICT (endpoint_id, event_id, url) DO NOTHING`,
      values,
    );
    const found = await query(
      this.db.tx,
      `SELECT ${D_COLS} FROM webhook_deliveries
       WHERE user_id = $1 AND event_id = $2 AND status = 'pending' AND endpoint_id = ANY($3::uuid[])`,
      [rows[0].userId, rows[0].eventId, rows.map((r) => r.endpointId)],
    );
    return found.map(this.delivery);
  }

  async findDelivery(userId: string, id: string): Promise<DeliveryRecord | null> {
    const r = await one(this.db.tx, `SELECT ${D_COLS} FROM webhook_deliveries WHERE user_id = $1 AND id = $2`, [userId, id]);
    return r ? this.delivery(r) : null;
  }

  /** Newest first; `before` is the keyset position (created_at, id) of the last row seen. */
  async listDeliveries(userId: string, endpointId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<DeliveryRecord[]> {
    const params: unknown[] = [userId, endpointId, limit];
    let cursor = '';
    if (before) {
      params.push(before.createdAt, before.id);
      cursor = 'AND (created_at, id) < ($4, $5)';
    }
    const rows = await query(
      this.db.tx,
      `SELECT ${D_COLS} FROM webhook_deliveries WHERE user_id = $1 AND endpoint_id = $2 ${cursor}
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      params,
    );
    return rows.map(this.delivery);
  }

  async recordAttempt(
    userId: string,
    id: string,
    outcome: { succeeded: boolean; final: boolean; statusCode: number | null; error: string | null },
  ): Promise<void> {
    await execute(
      this.db.tx,
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $3, last_error = $4, last_attempt_at = now(),
         status = CASE WHEN $5 THEN 'succeeded' WHEN $6 THEN 'failed' ELSE 'pending' END,
         delivered_at = CASE WHEN $5 THEN now() ELSE NULL END
       WHERE user_id = $1 AND id = $2 AND status <> 'succeeded'`,
      [userId, id, outcome.statusCode, outcome.error, outcome.succeeded, outcome.final && !outcome.succeeded],
    );
  }

  /** Manual redelivery puts a delivery back to pending (whatever its outcome was). */
  async resetForRedelivery(userId: string, endpointId: string, id: string): Promise<DeliveryRecord | null> {
    const r = await one(
      this.db.tx,
      `UPDATE webhook_deliveries SET status = 'pending', delivered_at = NULL
       WHERE user_id = $1 AND endpoint_id = $2 AND id = $3 RETURNING ${D_COLS}`,
      [userId, endpointId, id],
    );
    return r ? this.delivery(r) : null;
  }
}
