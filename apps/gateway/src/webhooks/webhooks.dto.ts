import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '@clipyard/contracts';

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

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  created_at: string;
  updated_at: string;
  /** Until when the previous secret still signs (after a rotation), else null. */
  previous_secret_expires_at: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  url: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
  payload: unknown;
}
