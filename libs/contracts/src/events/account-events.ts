import { z } from 'zod';
import { isoDate, uuid, v } from './common';

/** auth → auth: deliver one stored outbox row (an email or an event); the row holds the content, sealed. */
export const outboxDeliverySchema = z.discriminatedUnion('name', [z.object({ name: z.literal('outbox.deliver'), v, messageId: uuid })]);

/**
 * auth → every app that owns user data (one queue per app, fed by the auth outbox): the account
 * is gone, delete what you own. `eventId` is the outbox row id, so a redelivery does the work once.
 */
export const accountEventSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('account.deleted'), v, eventId: uuid, userId: uuid, occurredAt: isoDate }),
  /** auth → billing: an anonymous (trial) user got an email and password; it moves from `trial` to the default plan. */
  z.object({ name: z.literal('account.upgraded'), v, eventId: uuid, userId: uuid, occurredAt: isoDate }),
]);
export type AccountEvent = z.infer<typeof accountEventSchema>;
