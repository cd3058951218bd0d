import { Injectable } from '@nestjs/common';
import { execute, one, type Tx } from '@clipyard/database';

/** `stripe_events`: each Stripe event id is applied at most once, with what it did. */
@Injectable()
export class StripeEventsRepository {
  /** Claims the event id (outcome `processing`); false when it was seen before. */
  async claim(m: Tx, e: { id: string; type: string; created: number }): Promise<boolean> {
    const fresh = await one(
      m,
      `INSERT INTO stripe_events (event_id, type, outcome, stripe_created_at) VALUES ($1, $2, 'processing', to_timestamp($3))
         ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
      [e.id, e.type, e.created],
    );
    return fresh !== undefined;
  }

  async setOutcome(m: Tx, eventId: string, outcome: string, userId: string | null): Promise<void> {
    await execute(m, 'UPDATE stripe_events SET outcome = $2, user_id = $3 WHERE event_id = $1', [eventId, outcome, userId]);
  }
}
