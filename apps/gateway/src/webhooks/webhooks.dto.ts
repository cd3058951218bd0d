import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '@clipyard/contracts';
import { isoTimestamp, listSchema, pageSchema } from '../openapi/schemas';

export const createWebhookSchema = z
  .object({
    url: z.string().url().max(2048),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
    description: z.string().max(500).optional(),
  })
  .strict();
export class CreateWebhookDto extends createZodDto(createWebhookSchema) {}

export const rotateSecretSchema = z
  .object({
    /** How long the previous secret keeps signing next to the new one (default from config). */
    overlap_hours: z.number().min(0).max(720).optional(),
  })
  .strict();
export class RotateSecretDto extends createZodDto(rotateSecretSchema) {}

export const listDeliveriesSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export class ListDeliveriesDto extends createZodDto(listDeliveriesSchema) {}

export const webhookEndpointViewSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    created_at: isoTimestamp,
    updated_at: isoTimestamp,
    previous_secret_expires_at: isoTimestamp.nullable().describe('Until when the previous secret still signs (after a rotation), else null'),
    disabled_at: isoTimestamp.nullable().describe('Set when the receiver answered 410 Gone: nothing is sent until `POST …/enable`'),
    disabled_reason: z.string().nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

/** An endpoint with its signing secret (`whsec_…`), shown on create and rotate only. */
export const webhookEndpointWithSecretSchema = webhookEndpointViewSchema
  .extend({ secret: z.string().describe('Signing secret, shown once') })
  .meta({ id: 'WebhookEndpointWithSecret' });
export const webhookEndpointListSchema = listSchema(webhookEndpointViewSchema);

export const callbackSecretSchema = z
  .object({ secret: z.string(), previous_secret_expires_at: isoTimestamp.nullable() })
  .meta({ id: 'CallbackSecret' });

export const webhookDeliveryViewSchema = z
  .object({
    id: z.uuid(),
    webhook_id: z.uuid(),
    event_id: z.string(),
    event_type: z.string(),
    url: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    last_attempt_at: isoTimestamp.nullable(),
    delivered_at: isoTimestamp.nullable(),
    created_at: isoTimestamp,
    payload: z.unknown().describe('The event as delivered'),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;
export const webhookDeliveryListSchema = pageSchema(webhookDeliveryViewSchema);
